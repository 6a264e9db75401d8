package funding

import (
	"strings"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
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
