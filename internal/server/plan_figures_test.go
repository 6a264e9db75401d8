package server

import (
	"context"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/arrs-planner/arrs/internal/gaps"
	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/ui"
)

// The numbers beside the grid are the gap report's: for each quarter of the grid, the
// projection and the gap on its last day "with your draft" equal the PCN's row of
// gaps.Compute counting drafts (arrs report gaps --drafts) measured that day, and the
// official ones beside them the official report's, which leaves the draft out; the
// money is planning's.
func TestPlanFiguresMatchTheGapReport(t *testing.T) {
	t.Parallel()
	e := newPlanEnv(t)
	e.save("manager", map[string]string{
		"s-clinical_pharmacist-2026-2": "2", "c-clinical_pharmacist-2026-2": "60000",
		"s-paramedic-2026-4": "1.5", "l-care_coordinator-2027-1": "1",
		"s-dietitian-2028-3": "0.6", "c-dietitian-2028-3": "48000.50",
	})
	_, doc := e.page("manager", "/pcns/U60057/plan")
	if got := testID(doc, "not-current"); !strings.Contains(got, "the gap report counts no plan") {
		t.Errorf("a draft alone is not the current plan, yet the page says %q", got)
	}
	ctx := context.Background()
	compared := 0
	pages := map[workforce.FinancialYear]*goquery.Document{} // each year on its page
	for _, q := range workforce.PlanWindowAt(workforce.Today(planNow)) {
		key := itoa64(int64(q.Year)) + "-" + itoa64(int64(q.N))
		if pages[q.Year] == nil {
			_, pages[q.Year] = e.page("manager", "/pcns/U60057/plan?year="+itoa64(int64(q.Year)))
		}
		doc := pages[q.Year]
		for _, c := range []struct {
			prefix string
			drafts bool
		}{{"", true}, {"official-", false}} {
			res, err := gaps.Compute(ctx, e.db, gaps.Options{At: q.LastDay(), Today: workforce.Today(planNow), Drafts: c.drafts})
			if err != nil {
				t.Fatal(err)
			}
			row, ok := gaps.Find(res.PCNs, "U60057")
			if !ok {
				t.Fatal("no gap row for U60057")
			}
			if got, want := testID(doc, c.prefix+"projected-"+key), ui.FTE(row.ProjectedFTE); got != want {
				t.Errorf("%s %sprojected: page %s, gap report %s", q, c.prefix, got, want)
			}
			if got, want := testID(doc, c.prefix+"gap-"+key), ui.FTE(row.GapFTE); got != want {
				t.Errorf("%s %sgap: page %s, gap report %s", q, c.prefix, got, want)
			}
		}
		compared++
	}
	if compared != 12 {
		t.Errorf("compared %d quarters, want 12", compared)
	}
	// The fair share and the population note are the report's too.
	res, _ := gaps.Compute(ctx, e.db, gaps.Options{Today: workforce.Today(planNow)})
	row, _ := gaps.Find(res.PCNs, "U60057")
	if got := testID(doc, "fair-share"); !strings.Contains(got, "target"+ui.FTE(row.TargetFTE)+" additional FTE of 26,000") {
		t.Errorf("fair share %q, report %s", got, ui.FTE(row.TargetFTE))
	}
	if got := testID(doc, "list-size"); !strings.Contains(got, "registered list of 105,122 patients") {
		t.Errorf("list size note %q", got)
	}
	// 2026/27's entitlement: no rate is published, the 2025/26 rate stands in, on the
	// registered list (no weighted population entered); both said.
	if got, want := testID(doc, "entitlement-2026"), planning.Entitlement(26.631, 105122).Whole(); !strings.Contains(got, want) {
		t.Errorf("entitlement 2026/27: %q, want %s", got, want)
	}
	notes := testID(doc, "funding-2026")
	for _, want := range []string{"No rate is published for 2026/27 yet: the 2025/26 rate of £26.631", "registered list of 105,122 patients stands in"} {
		if !strings.Contains(notes, want) {
			t.Errorf("funding notes %q, want %q", notes, want)
		}
	}
	// Entitlement left is entitlement − committed − planned (each rounded to whole
	// pounds on the page, so within £2), and the plan's starters are planned spend
	// from their quarter. The official figures leave the draft out (there is no
	// current plan: nothing planned); the draft's are beside them, labelled "with your
	// draft" (PLANNING.md, "Drafts stay private").
	f := func(id string) int64 { return pencePage(t, testID(doc, id)) }
	if d := f("left-2026") - (f("entitlement-2026") - f("committed-2026")); d < -200 || d > 200 || f("planned-2026") != 0 {
		t.Errorf("official money of 2026/27: %s", testID(doc, "funding-2026"))
	}
	if d := f("draft-left-2026") - (f("entitlement-2026") - f("committed-2026") - f("draft-planned-2026")); d < -200 || d > 200 ||
		pencePage(t, testID(pages[2028], "draft-planned-2028")) == 0 {
		t.Errorf("money of 2026/27 with the draft: %s", testID(doc, "funding-2026"))
	}
	if got := testID(doc, "funding-2026"); !strings.Contains(got, "Planned for starters with your draft") || !strings.Contains(got, "Entitlement left with your draft") {
		t.Errorf("the draft's money is not labelled: %s", got)
	}
	// Two clinical pharmacists at £60,000 from 1 July 2026 for 9 months: 2 × 60,000 × 9/12,
	// plus 1.5 paramedics from 1 January 2027, no cost: estimated at band 7's £66,972,
	// 6,697,200 × 1.5 / 12 = 837,150p × 3 = 2,511,450p; 11,511,450p is £115,115.
	if got := f("draft-planned-2026"); got != 11_511_500 {
		t.Errorf("planned 2026/27: %d pence, want £115,115", got)
	}

	// Once another version is accepted, the draft's figures are its own and the page
	// says which plan the report uses.
	e.moveAll(t)
	e.saveAt("manager", "/pcns/U60057/plan?edit=1", map[string]string{"s-clinical_pharmacist-2026-2": "5"})
	_, doc = e.page("manager", "/pcns/U60057/plan")
	if got := testID(doc, "not-current"); !strings.Contains(got, "version 1 (Accepted)") {
		t.Errorf("the note on a draft that is not current: %q", got)
	}
}

// moveAll takes U60057's newest version through submission, sign-off and acceptance.
func (e *planEnv) moveAll(t *testing.T) {
	t.Helper()
	for _, step := range []struct{ who, move string }{{"manager", "submit"}, {"director", "sign-off"}, {"lead", "accept"}} {
		if code, body := e.move(step.who, step.move, e.plans()[0], ""); code != 303 {
			t.Fatalf("%s: %d %s", step.move, code, errorSummary(body))
		}
	}
}

// pencePage reads the amount ending a text, "£1,234.56" or "−£12", as pence.
func pencePage(t *testing.T, s string) int64 {
	t.Helper()
	i := strings.LastIndex(s, "£")
	if i < 0 {
		t.Fatalf("%q holds no amount", s)
	}
	neg := strings.HasSuffix(s[:i], "−")
	s = s[i:]
	s = strings.NewReplacer("−", "", "£", "", ",", "").Replace(s)
	whole, frac, _ := strings.Cut(s, ".")
	frac = (frac + "00")[:2]
	p, ok := int64(0), true
	for _, c := range whole + frac {
		if c < '0' || c > '9' {
			ok = false
			break
		}
		p = p*10 + int64(c-'0')
	}
	if !ok {
		t.Fatalf("%q is not an amount", s)
	}
	if neg {
		return -p
	}
	return p
}
