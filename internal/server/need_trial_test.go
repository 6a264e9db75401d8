package server

import (
	"context"
	"encoding/csv"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/arrs-planner/arrs/internal/gaps"
	"github.com/arrs-planner/arrs/internal/need"
	"github.com/arrs-planner/arrs/internal/needreport"
	"github.com/arrs-planner/arrs/web/practice"
	"github.com/arrs-planner/arrs/web/ui"
)

// On NHS England's November 2025 practice files, where need and list differ: a PCN's
// panel linked from a gap page on need says its need-adjusted population stands in,
// with its list beside it, links to how need is worked out and keeps the denominator
// in its link; a practice's page gives its need on the day, quintile and factor, and
// for a practice in no PCN that England's sums leave it out; the gap files on need say
// so in their names and write weighted_population with 2 decimals.
func TestNeedShownWhereItIsUsed(t *testing.T) {
	t.Parallel()
	s := gapNeedServer(t)

	t.Run("PCN panel", func(t *testing.T) {
		res := gapCompute(t, s, gaps.Options{Denominator: need.Need})
		g, _ := gaps.Find(res.PCNs, "U13205")
		info, _ := res.Tree.PCN("U13205")
		needN, list := int(math.Round(g.WeightedPopulation)), info.RegisteredPatients
		if needN == list || list == 0 {
			t.Fatalf("U13205: need %d, list %d: the test cannot tell them apart", needN, list)
		}
		status, doc := gapPageDoc(t, s, "/pcns/U13205?denominator=need")
		if status != 200 {
			t.Fatalf("status %d", status)
		}
		want := "its need-adjusted population of " + ui.Count(needN) + " patients stands in (its registered list is " + ui.Count(list) + "), so its fair share follows need."
		if got := strings.Join(strings.Fields(testID(doc, "gap-list-size")), " "); !strings.Contains(got, want) {
			t.Errorf("stand-in %q, want it to contain %q", got, want)
		}
		if got := testID(doc, "gap-fair-share"); !strings.Contains(got, "target"+ui.FTE(g.TargetFTE)+" FTE of") {
			t.Errorf("fair share %q, want %s FTE (on need)", got, ui.FTE(g.TargetFTE))
		}
		if href := doc.Find(`[data-testid="gap-need-weights"]`).AttrOr("href", ""); href != "/need/weights" {
			t.Errorf("link to the need weights %q", href)
		}
		if href := doc.Find(`[data-testid="gap-icb-link"]`).AttrOr("href", ""); !strings.Contains(href, "denominator=need") {
			t.Errorf("the ICB's gap page %q does not keep the denominator", href)
		}
		_, doc = gapPageDoc(t, s, "/pcns/U13205")
		if got := testID(doc, "gap-list-size"); !strings.Contains(got, "its registered list of "+ui.Count(list)+" patients stands in") ||
			doc.Find(`[data-testid="gap-need-weights"]`).Length() != 0 {
			t.Errorf("on lists: %q", got)
		}
	})

	t.Run("practice pages", func(t *testing.T) {
		today := s.today()
		res, err := needreport.On(context.Background(), s.db, today)
		if err != nil {
			t.Fatal(err)
		}
		var member, outside []string
		for code, n := range res.Practices {
			switch {
			case n.PCN == "U13205" && n.AgeData:
				member = append(member, code)
			case n.PCN == "" && n.AgeData:
				outside = append(outside, code)
			}
		}
		if len(member) == 0 || len(outside) == 0 {
			t.Fatalf("%d practices of U13205 and %d in no PCN with age data", len(member), len(outside))
		}
		sort.Strings(member)
		sort.Strings(outside)
		for _, code := range []string{member[0], outside[0]} {
			n := res.Practices[code]
			status, doc := gapPageDoc(t, s, "/practices/"+code)
			if status != 200 {
				t.Fatalf("%s: status %d", code, status)
			}
			got := strings.Join(strings.Fields(testID(doc, "need")), " ")
			want := ui.Count(int(math.Round(n.Need))) + " on " + today.Format("2 January 2006") + " (its registered list is " + ui.Count(n.List) + ")"
			if !strings.Contains(got, want) || strings.Contains(got, "left out of England's sums") != (n.PCN == "") {
				t.Errorf("%s: need %q, want %q (in no PCN: %v)", code, got, want, n.PCN == "")
			}
			if q := testID(doc, "need-quintile"); n.Quintile == 0 || !strings.Contains(q, strconv.Itoa(n.Quintile)+" of 5") || !strings.Contains(q, practice.FactorText(n.Factor)) {
				t.Errorf("%s: quintile %q, want %d and factor %v", code, q, n.Quintile, n.Factor)
			}
			if href := doc.Find(`[data-testid="need-weights-link"]`).AttrOr("href", ""); href != "/need/weights" {
				t.Errorf("%s: link to the need weights %q", code, href)
			}
		}
	})

	t.Run("gap files", func(t *testing.T) {
		twoPlaces := regexp.MustCompile(`^\d+\.\d\d$`)
		for path, name := range map[string]string{
			"/gaps.csv?level=icb&denominator=need": "arrs-gaps-icb-2025-11-30-need.csv",
			"/gaps/icbs/QOC.csv?denominator=need":  "arrs-gaps-icb-QOC-pcns-2025-11-30-need.csv",
			"/gaps/icbs/QOC.xlsx?denominator=need": "arrs-gaps-icb-QOC-pcns-2025-11-30-need.xlsx",
			"/gaps.csv?level=pcn":                  "arrs-gaps-pcn-2025-11-30.csv",
			"/gaps.csv?level=icb&denominator=list": "arrs-gaps-icb-2025-11-30.csv",
		} {
			rec := gapFetch(s, path)
			if got := rec.Header().Get("Content-Disposition"); rec.Code != 200 || got != "attachment; filename="+name {
				t.Errorf("%s: %d %q, want %s", path, rec.Code, got, name)
			}
			if !strings.Contains(path, ".csv") {
				continue
			}
			recs, err := csv.NewReader(rec.Body).ReadAll()
			if err != nil || len(recs) < 2 || strings.Join(recs[0], ",") != gapHeader {
				t.Fatalf("%s: %v, %d lines", path, err, len(recs))
			}
			for _, r := range recs[1:] {
				if !twoPlaces.MatchString(r[3]) {
					t.Errorf("%s %s: weighted_population %q, want 2 decimals", path, r[1], r[3])
				}
			}
		}
	})
}
