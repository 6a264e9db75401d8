package cashflow

import (
	"strings"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/funding"
)

// A year with months before the staff data (what is known is funding.CashKnown's, as
// the server passes it) writes "Not known" in their cells and for every position from
// the first unknown month, and has no low point: never a curve built on months counted
// as £0.
func TestFlowNotKnown(t *testing.T) {
	t.Parallel()
	year := workforce.FinancialYear(2025)
	f := Flow{CashFlow: planning.CashFlow{Year: year, Lag: 2}, DataStart: time.Date(2025, 11, 30, 0, 0, 0, 0, time.UTC)}
	for m, start := range year.MonthStarts() {
		f.Months[m] = planning.CashMonth{Month: start, Earned: 100, Received: 100, CostsPaid: 300, Net: -200, Position: -200 * workforce.Pence(m+1)}
		f.Known[m], f.ReceivedKnown[m] = m >= 8, m >= 10
		f.NetKnown[m] = f.Known[m] && f.ReceivedKnown[m]
	}
	y := Year{Key: "2025", Name: "2025/26", Flow: f}
	rows := y.monthTable(f, "Cash by month", "").Rows
	cells := func(m int) string {
		var out []string
		for _, c := range rows[m].Cells {
			out = append(out, c.Text)
		}
		return strings.Join(out, "|")
	}
	if got := cells(8); got != "Dec 2025|Not known|£1|Not known|£3|Not known" {
		t.Errorf("December: %q", got)
	}
	if got := cells(11); got != "Mar 2026|Not known|£1|£1|£3|−£2" {
		t.Errorf("March: %q", got)
	}
	if !f.Partial() || !strings.Contains(f.lowText(), "not known") || f.lowShort() != "no data" {
		t.Errorf("partial %v, low %q, %q", f.Partial(), f.lowText(), f.lowShort())
	}
}

// The what-if's comparison writes the streams' headroom as the funding page writes
// amounts: "no data" when not known (and no change), what it leaves out after it.
func TestCompareHeadroom(t *testing.T) {
	t.Parallel()
	flow := Flow{}
	for m := range flow.PositionKnown {
		flow.PositionKnown[m] = true
	}
	before := Figures{ARRS: funding.Known(1000_00), PracticeGP: funding.Amount{Pence: 500_00, Known: true, Note: funding.ExcludingPractices(1)}}
	after := Figures{ARRS: funding.Known(1500_00), PracticeGP: funding.Amount{}}
	y := Year{Key: "2026", Name: "2026/27", Flow: flow, After: &flow, Before: before, AfterFigures: after}
	var got []string
	for _, r := range y.compareTable().Rows[:2] {
		var cells []string
		for _, c := range r.Cells {
			cells = append(cells, c.Text)
		}
		got = append(got, strings.Join(cells, "|"))
	}
	want := []string{"ARRS headroom|£1,000|£1,500|+£500",
		"Practice GP scheme headroom, all member practices|£500 (excluding 1 practice)|no data|no data"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("compare rows\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A change is signed, and one that rounds to nothing is "£0" either way: never "+£0".
func TestChangeText(t *testing.T) {
	t.Parallel()
	got := []string{change(funding.Known(100), funding.Known(149)), change(funding.Known(100), funding.Known(51)), change(funding.Known(0), funding.Known(150)),
		change(funding.Known(150), funding.Known(0)), change(funding.Amount{}, funding.Known(1))}
	if w := "£0|£0|+£2|−£2|no data"; strings.Join(got, "|") != w {
		t.Errorf("%q, want %q", strings.Join(got, "|"), w)
	}
}
