package compare

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/gaps"
	"github.com/arrs-planner/arrs/internal/ingest"
	"github.com/arrs-planner/arrs/internal/need"
	"github.com/arrs-planner/arrs/internal/needreport"
	"github.com/arrs-planner/arrs/internal/refdata"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

var (
	by    = store.Actor{Name: "test"}
	today = workforce.Date(2026, 11, 23)
)

// sample is the sample workforce (QOC and QSL, census 30 November 2025) with a site
// of U79722's, and QOC's PCNs, in no order.
func sample(t *testing.T) (*store.DB, []workforce.PCN) {
	t.Helper()
	ctx := context.Background()
	db := dbtest.New(t)
	f, err := refdata.Open(refdata.SampleWorkforceFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := ingest.NWRS(ctx, db, "sample.csv", f, by, nil, time.Now()); err != nil {
		t.Fatal(err)
	}
	if _, err := db.CreateSite(ctx, workforce.Site{PCNCode: "U79722", Name: "Main surgery", SessionsPerWeek: 20}, by); err != nil {
		t.Fatal(err)
	}
	tree, err := db.Tree(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var pcns []workforce.PCN
	for _, p := range tree.PCNs {
		if p.ICBCode == "QOC" {
			pcns = append([]workforce.PCN{p}, pcns...)
		}
	}
	return db, pcns
}

func TestCompute(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, pcns := sample(t)
	res, err := Compute(ctx, db, gaps.From(db), "QOC", pcns, today, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	report, err := gaps.Compute(ctx, db, gaps.Options{Today: today})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Census || res.NoTarget || !res.AsOf.Equal(report.AsOf) || res.England == nil || res.Year != 2026 {
		t.Fatalf("result %+v", res)
	}
	if len(res.Rows) != len(pcns) || !slices.IsSortedFunc(res.Rows, func(a, b Row) int { return strings.Compare(a.PCN.Code, b.PCN.Code) }) {
		t.Fatalf("%d rows of %d PCNs, or not by code", len(res.Rows), len(pcns))
	}
	if res.ListSizePCNs() != len(pcns) {
		t.Errorf("%d PCNs on their lists, want every one: no weighted population is entered", res.ListSizePCNs())
	}
	for _, row := range res.Rows {
		if me := res.England.ByPCN[row.PCN.Code]; row.Position.InPost != me.InPost || len(row.Mix) > MixRoles {
			t.Errorf("%s: position %+v, England's %+v, mix %+v", row.PCN.Code, row.Position, me, row.Mix)
		}
		if row.PCN.Code == "U79722" && (row.Rooms.Now.Available != 20 || row.Coverage.Needing == 0 || len(row.Mix) != MixRoles) {
			t.Errorf("U79722: rooms %+v, coverage %+v, mix %+v", row.Rooms.Now, row.Coverage, row.Mix)
		}
	}
}

// Without a target the positions are unknown, the registered list stands in and the
// census is still said; before any import, neither.
func TestComputeWithoutAReport(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, pcns := sample(t)
	noTarget := func(context.Context, gaps.Options) (*gaps.Result, error) {
		return nil, fmt.Errorf("target %q: %w", "default", store.ErrNotFound)
	}
	res, err := Compute(ctx, db, noTarget, "QOC", pcns, today, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if !res.NoTarget || !res.Census || res.England != nil || res.ListSizePCNs() != len(pcns) {
		t.Errorf("without a target: %+v", res)
	}
	if row := res.Rows[0]; row.Position.Population != float64(row.PCN.RegisteredPatients) || row.Position.HasPer10k {
		t.Errorf("a row without a report: %+v", row.Position)
	}
	empty := dbtest.New(t)
	if res, err = Compute(ctx, empty, gaps.From(empty), "QOC", pcns, today, time.Time{}); err != nil {
		t.Fatal(err)
	}
	if res.Census || res.NoTarget || res.England != nil {
		t.Errorf("before any import: %+v", res)
	}
}

// FTE per 10,000 is on need by default: a PCN's rate is its ARRS FTE × 10,000 ÷ its
// need-adjusted population (needreport.On on the as-of date), and England's deciles are
// of that rate; with the list asked for, ÷ its registered list. Each row carries its
// line of the need report, the one `arrs report need` writes, and its flag agrees with
// the report's own test.
func TestComputeOnNeed(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, pcns := sample(t)
	n, err := needreport.On(ctx, db, november)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := needreport.Compute(ctx, db, needreport.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range []need.Denominator{need.Need, need.List} {
		src := From(db)
		res, err := ComputeWith(ctx, db, src, Request{ICB: "QOC", PCNs: pcns, Today: today, Denominator: d})
		if err != nil {
			t.Fatal(err)
		}
		if res.Denominator != d || res.Need == nil || !res.HasICBNeed || res.ICBNeed.Code != "QOC" || res.England.MeasuredPer10k == 0 {
			t.Fatalf("on %s: %+v", d, res)
		}
		staffed := 0
		for _, row := range res.Rows {
			p := n.PCNs[row.PCN.Code]
			of := p.Need
			if d == need.List {
				of = p.Registered
			}
			want := row.Position.InPost * 10000 / of
			if !row.Position.HasPer10k || math.Abs(row.Position.Per10k-want) > 1e-9*max(1, want) || row.Position.Per10kOf != of {
				t.Errorf("%s on %s: %v per 10,000 of %v, want %v of %v", row.PCN.Code, d, row.Position.Per10k, row.Position.Per10kOf, want, of)
			}
			if row.Position.InPost > 0 {
				staffed++
			}
			line, ok := rep.PCN(row.PCN.Code)
			if !row.HasNeed || !ok || row.Need != line || math.Abs(row.Need.Observed-row.Position.InPost) > 1e-9 {
				t.Errorf("%s: need %+v, the report's %+v", row.PCN.Code, row.Need, line)
			}
			if f := FlagOf(row.Need); (f == need.FlagBelow || f == need.FlagAbove) != line.Outside998 || (line.HasRatio && f == need.FlagNone) {
				t.Errorf("%s: flag %q, outside 99.8%% %v", row.PCN.Code, f, line.Outside998)
			}
		}
		if staffed == 0 {
			t.Error("nobody in post in QOC: the rates test nothing")
		}
	}
}

// The flag is the report's Outside998, on the side the ratio lies; none without a ratio.
func TestFlagOf(t *testing.T) {
	t.Parallel()
	l := need.Limits{Lower998: 0.5, Upper998: 1.6}
	for _, c := range []struct {
		row  needreport.Row
		want need.Flag
	}{
		{needreport.Row{Known: true, HasRatio: true, Ratio: 0.4, Limits: l, Outside998: true}, need.FlagBelow},
		{needreport.Row{Known: true, HasRatio: true, Ratio: 1.7, Limits: l, Outside998: true}, need.FlagAbove},
		{needreport.Row{Known: true, HasRatio: true, Ratio: 0.5, Limits: l}, need.FlagWithin},
		{needreport.Row{Known: true}, need.FlagNone},
		{needreport.Row{HasRatio: true, Ratio: 0.1, Outside998: true}, need.FlagNone},
	} {
		if got := FlagOf(c.row); got != c.want {
			t.Errorf("%+v: %q, want %q", c.row, got, c.want)
		}
	}
}
