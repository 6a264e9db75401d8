package funding

import (
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// 2025/26 starts before a data start of 30 November 2025: the year is partial and its
// months April–November are not known (November starts before the census); 2026/27
// is whole; with no census imported every month is known.
func TestPartialYear(t *testing.T) {
	t.Parallel()
	census := workforce.Date(2025, time.November, 30)
	y := PCNYear{Year: Year{Year: 2025}, DataStart: census}
	if !y.Partial() {
		t.Error("2025/26 is not partial")
	}
	for m, want := range []bool{false, false, false, false, false, false, false, false, true, true, true, true} {
		if got := y.MonthKnown(m); got != want {
			t.Errorf("month %d known %v, want %v", m, got, want)
		}
	}
	if (PCNYear{Year: Year{Year: 2026}, DataStart: census}).Partial() {
		t.Error("2026/27 is partial")
	}
	if (PCNYear{Year: Year{Year: 2025}}).Partial() {
		t.Error("partial with no census imported")
	}
}

// Paid above the caps counts only records with a cost: two of three with none are
// "excluding 2"; their 0 never enters the sum.
func TestAboveUnknown(t *testing.T) {
	t.Parallel()
	known := store.FundingRecord{CostKnown: true}
	y := PCNYear{Staff: []StaffFunding{
		{Record: known, CostTotal: 5000, ClaimTotal: 4000},
		{Record: store.FundingRecord{}, ClaimTotal: 4000},
		{Record: store.FundingRecord{}, ClaimTotal: 3000},
	}}
	if got := y.AboveUnknown(); got != 2 {
		t.Errorf("unknown %d, want 2", got)
	}
	if got := y.AbovePence(); got != 1000 {
		t.Errorf("above %d, want 1000", got)
	}
}
