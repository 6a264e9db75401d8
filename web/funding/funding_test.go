package funding

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/ui"
)

// Paid above the caps never reads £0 over records with no cost: not known when none
// has one, else the sum over those that do, saying how many are left out.
func TestAboveText(t *testing.T) {
	t.Parallel()
	all := Year{Staff: make([]Staff, 43), AboveUnknown: 43}
	if got := all.aboveText(); !strings.HasPrefix(got, "Not known") {
		t.Errorf("all unknown: %q", got)
	}
	some := Year{Staff: make([]Staff, 3), AboveUnknown: 2, Above: 123456}
	if got, want := some.aboveText(), "£1,235, excluding 2 records with no cost"; got != want {
		t.Errorf("some unknown: %q, want %q", got, want)
	}
	if got := (Year{Staff: make([]Staff, 1), Above: 0}).aboveText(); got != "£0" {
		t.Errorf("all known: %q", got)
	}
}

// A year starting before the staff data shows its committed and headroom as not known,
// naming the census, and the months before it as no data.
func TestPartialYear(t *testing.T) {
	t.Parallel()
	y := NewYear("U1", 2025, [12]workforce.Pence{}, [12]workforce.Pence{})
	y.Partial, y.DataStart, y.Committed, y.Headroom, y.Entitlement = true, workforce.Date(2025, time.November, 30), 500000, 1867873_95, 2000000_00
	y.Months[0].Unknown = true
	for _, r := range y.rows() {
		if (r.TestID == y.id("committed") || r.TestID == y.id("headroom")) && r.Value != "Not known: staff records start at the census of 30 November 2025" {
			t.Errorf("%s: %q", r.TestID, r.Value)
		}
		if r.TestID == y.id("outcome") && !strings.HasPrefix(r.Value, "Not known") {
			t.Errorf("outcome: %q", r.Value)
		}
	}
	tab := y.monthTable()
	if got := tab.Rows[0].Cells[1].Text; got != "No data" {
		t.Errorf("April committed %q", got)
	}
	if got := tab.Rows[len(tab.Rows)-1].Cells[5].Text; got != "Not known" {
		t.Errorf("year's headroom %q", got)
	}
	if !strings.Contains(y.partialText(), "census of 30 November 2025") {
		t.Errorf("partial text %q", y.partialText())
	}
}

func TestYearLabel(t *testing.T) {
	for i, want := range []string{"This year", "Next year", "Year after next", "In 3 years"} {
		if got := YearLabel(i); got != want {
			t.Errorf("YearLabel(%d) = %q, want %q", i, got, want)
		}
	}
}

// A figure is whole pounds, "no data" when unknown (never £0) and "—" where it has no
// meaning, with what it leaves out.
func TestAmountText(t *testing.T) {
	t.Parallel()
	cases := []struct {
		a    Amount
		want string
	}{
		{Known(4590565), "£45,906"},
		{Amount{}, "no data"},
		{NotApplicable(), "—"},
		{Amount{Pence: 100, Known: true, Note: "excluding 1 practice"}, "£1 (excluding 1 practice)"},
		{Amount{Note: "excluding 1 practice"}, "no data (excluding 1 practice)"},
	}
	for _, c := range cases {
		if got := c.a.Text(); got != c.want {
			t.Errorf("%+v: %q, want %q", c.a, got, c.want)
		}
	}
}

// The streams table has a column per stream and a figure per cell with its test id.
func TestStreamsTable(t *testing.T) {
	t.Parallel()
	y := NewYear("U1", 2026, [12]workforce.Pence{}, [12]workforce.Pence{})
	y.Streams.Columns = []StreamColumn{
		{Stream: workforce.StreamARRS, Entitlement: Known(100), Committed: Known(50), Planned: Known(0), Headroom: Known(50)},
		{Stream: workforce.StreamPracticeGP, Committed: Known(9000000), Planned: Known(0)},
		{Stream: workforce.StreamOther, Entitlement: NotApplicable(), Committed: Known(2400000), Planned: Known(0), Headroom: NotApplicable()},
	}
	tab := y.streamsTable()
	if got := []string{tab.Head[1].Text, tab.Head[2].Text, tab.Head[3].Text}; strings.Join(got, "|") != "ARRS|Practice GP scheme|Other money" {
		t.Errorf("heads %v", got)
	}
	if len(tab.Rows) != 4 || tab.Rows[1].TestID != "y2026-streams-committed" {
		t.Fatalf("rows %+v", tab.Rows)
	}
	if got := y.practiceGP().Entitlement.Text(); got != "no data" {
		t.Errorf("practice scheme entitlement %q", got)
	}
	if got := y.Streams.Columns[2].amount("headroom").Text(); got != "—" {
		t.Errorf("other money's headroom %q", got)
	}
}

// An other-money post claims nothing: its cost is shown, with no cap and nothing above it.
func TestOtherMoneyStaff(t *testing.T) {
	t.Parallel()
	s := Staff{Stream: workforce.StreamOther, CostKnown: true, Cost: 2400000, OtherCost: 2400000, CapKnown: true, Cap: 3339600}
	got := strings.Join([]string{s.streamText(), s.capText(), s.claimsText(), s.costYearText(), s.aboveText()}, "|")
	if want := "Other money|—|Nothing: other money|£24,000|—"; got != want {
		t.Errorf("other money: %q, want %q", got, want)
	}
	gp := Staff{Stream: workforce.StreamPracticeGP, Practice: "M82002 MYTTON OAK MEDICAL PRACT."}
	if got := gp.streamText(); got != "Practice GP scheme: M82002 MYTTON OAK MEDICAL PRACT." {
		t.Errorf("practice scheme: %q", got)
	}
}

// What a figure leaves out is worded once, for the funding and cash flow pages: the
// practices with no list, and costs with neither a cost nor a cap or estimated at the
// cap.
func TestExcludingWords(t *testing.T) {
	t.Parallel()
	got := []string{ExcludingPractices(0), ExcludingPractices(1), ExcludingPractices(1200), ExcludingCosts(0, 0), ExcludingCosts(1, 0),
		ExcludingCosts(0, 2), ExcludingCosts(2, 1)}
	want := []string{"", "excluding 1 practice", "excluding 1,200 practices", "", "excluding 1 record with neither a cost nor a cap",
		"2 estimated at the cap", "excluding 2 records with neither a cost nor a cap; 1 estimated at the cap"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("%q\nwant %q", got, want)
	}
}

// A signed amount is kept on one line, the text otherwise exactly as given and
// escaped; a table's plain cells get the same, and percentages have 2 decimal places.
func TestMoneyText(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	if err := MoneyText("Lowest −£8,000 <May>; +£500 and £70").Render(context.Background(), &b); err != nil {
		t.Fatal(err)
	}
	want := `Lowest <span class="app-money">−£8,000</span> &lt;May&gt;; <span class="app-money">+£500</span> and £70`
	if b.String() != want {
		t.Errorf("%s\nwant %s", b.String(), want)
	}
	tab := MoneyCells(ui.TableParams{Rows: []ui.TableRow{{Cells: []ui.TableCell{{Text: "−£2"}, {Text: "£3"}, {Text: "−£4", Href: "/x"}}}}})
	if c := tab.Rows[0].Cells; c[0].Content == nil || c[1].Content != nil || c[2].Content != nil {
		t.Errorf("cells %+v: want only the plain signed amount wrapped", c)
	}
	if got := []string{Percent(9.5612), Percent(100), Percent(50)}; strings.Join(got, "|") != "9.56%|100.00%|50.00%" {
		t.Errorf("percentages %q", got)
	}
}
