package compare

import (
	"bytes"
	"context"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/arrs-planner/arrs/internal/need"
	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/web/ui"
)

// The per-10,000 rate is "of need-adjusted patients" by default and of registered
// patients with ?denominator=list, in the table and in England's deciles.
func TestPer10kLabels(t *testing.T) {
	rows := []Row{{Code: "U1"}, {Code: "U2"}}
	for d, per10k := range map[need.Denominator]string{need.Need: "ARRS FTE per 10,000 need-adjusted patients", need.List: "ARRS FTE per 10,000 registered patients"} {
		head := Page{Rows: rows, Choice: DenominatorChoice{Denominator: d}}.table().Head
		if head[1].Text != "Need-adjusted patients" || head[3].Text != per10k {
			t.Errorf("on %s: headers %q, %q", d, head[1].Text, head[3].Text)
		}
	}
	for onList, want := range map[bool]string{true: "per 10,000 registered patients: England&#39;s deciles", false: "per 10,000 need-adjusted patients: England&#39;s deciles"} {
		e := NewEngland(&planning.Positions{ByPCN: map[string]planning.Position{"U1": {}, "U2": {}}}, onList)
		var b bytes.Buffer
		if err := england(e).Render(context.Background(), &b); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), want) || e.PCNs != 2 {
			t.Errorf("England's deciles on list %v: want %q in %s", onList, want, b.String())
		}
	}
}

// The choice of denominator keeps the page's other parameters: need is the default (no
// parameter), list sets it.
func TestDenominatorChoice(t *testing.T) {
	q := url.Values{"as_of": {"2025-11-30"}, "denominator": {"list"}, "sort": {"ratio"}}
	c := NewDenominatorChoice("/icbs/QOC/compare", q, need.List)
	if c.NeedHref != "/icbs/QOC/compare?as_of=2025-11-30&sort=ratio" || c.ListHref != "/icbs/QOC/compare?as_of=2025-11-30&denominator=list&sort=ratio" || !c.OnList() {
		t.Errorf("choice %+v", c)
	}
	if c := NewDenominatorChoice("/icbs/QOC/compare", nil, need.Need); c.NeedHref != "/icbs/QOC/compare" || c.OnList() {
		t.Errorf("choice %+v", c)
	}
}

// The ratio's flag reads as the brief words it, with no tag when there is no ratio.
func TestRatioCell(t *testing.T) {
	for flag, want := range map[need.Flag]string{need.FlagBelow: "Below the 99.8% limits", need.FlagAbove: "Above the 99.8% limits", need.FlagWithin: "Within the 99.8% limits"} {
		var b bytes.Buffer
		if err := ratioCell(NeedFigures{Has: true, Known: true, HasRatio: true, Ratio: 0.5, Flag: flag}, "r").Render(context.Background(), &b); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), want) || !strings.Contains(b.String(), ">0.50<") {
			t.Errorf("%s: %s", flag, b.String())
		}
	}
	var b bytes.Buffer
	if err := ratioCell(NeedFigures{Has: true, HasRatio: true}, "r").Render(context.Background(), &b); err != nil || strings.Contains(b.String(), "limit") || !strings.Contains(b.String(), "no data") {
		t.Errorf("before the data start: %s %v", b.String(), err)
	}
}

// A network that made no return says so beside its flag (counted 0, never simply
// below the limits); a limit above 0 that rounds to 0.00 reads "< 0.01".
func TestRatioCellNoReturn(t *testing.T) {
	var b bytes.Buffer
	n := NeedFigures{Has: true, Known: true, HasRatio: true, Ratio: 0, Flag: need.FlagBelow, NoReturn: true}
	if err := ratioCell(n, "r").Render(context.Background(), &b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "Below the 99.8% limits") || !strings.Contains(b.String(), `data-testid="r-no-return">No return (counted as 0)<`) {
		t.Errorf("no return: %s", b.String())
	}
	b.Reset()
	n.NoReturn = false
	if err := ratioCell(n, "r").Render(context.Background(), &b); err != nil || strings.Contains(b.String(), "No return") {
		t.Errorf("a return: %s %v", b.String(), err)
	}
	if got := needRatio(0.0017); got != "< 0.01" {
		t.Errorf("needRatio(0.0017) = %q", got)
	}
}

// England's funnel is linked with the ICB's PCNs highlighted, on the page's as-of date
// and footprints.
func TestNeedHref(t *testing.T) {
	for q, want := range map[string]string{
		"":                                    "/need?icb=QOC",
		"footprints=current&denominator=list": "/need?footprints=current&icb=QOC",
		"as_of=2026-01-31&sort=ratio":         "/need?as_of=2026-01-31&icb=QOC",
	} {
		v, _ := url.ParseQuery(q)
		if got := (Page{Code: "QOC", Sort: ui.Sort{Query: v}}).needHref(); got != want {
			t.Errorf("%q: %q, want %q", q, got, want)
		}
	}
}

// On the registered list, the page's opening says the rate is per registered patient
// while expected FTE and the ratio stay on need.
func TestIntroOnList(t *testing.T) {
	for d, want := range map[need.Denominator]string{
		need.Need: "against each network's need-adjusted population and its fair share",
		need.List: "per 10,000 registered patients and against each network's fair share; expected FTE and the ratio in post ÷ expected stay on need-adjusted population",
	} {
		var b bytes.Buffer
		p := Page{Census: true, Choice: DenominatorChoice{Denominator: d}}
		if err := content(p).Render(context.Background(), &b); err != nil {
			t.Fatal(err)
		}
		doc, err := goquery.NewDocumentFromReader(&b)
		if err != nil {
			t.Fatal(err)
		}
		intro := strings.Join(strings.Fields(doc.Find(`[data-testid="cmp-intro"]`).Text()), " ")
		if !strings.Contains(intro, want) || (d == need.List) == strings.Contains(intro, "need-adjusted population and its fair share") {
			t.Errorf("on %s: %q", d, intro)
		}
	}
}
