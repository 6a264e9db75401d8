package funding

import (
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// flowOf is an empty cash flow of a year at a lag, its months dated.
func flowOf(year workforce.FinancialYear, lag int, up *planning.Uplift) planning.CashFlow {
	c := planning.CashFlow{Year: year, Lag: lag, Uplift: up}
	for m, start := range year.MonthStarts() {
		c.Months[m].Month = start
	}
	return c
}

// A year whose months start before the staff data (the census of 30 November 2025)
// knows nothing of them, and so no position and no low point: "not known", never a
// curve built on months counted as £0. The next year, at a 2-month lag, knows every
// month once the data start by 1 February; from 28 February, April's receipt
// (February's claims) is not known, nor any position after it. A backdated uplift
// confirmed in a month carries the arrears of the months before: it is known only
// when they are.
func TestCashKnown(t *testing.T) {
	t.Parallel()
	k := cashKnown(flowOf(2025, 2, nil), time.Date(2025, 11, 30, 0, 0, 0, 0, time.UTC))
	if k.All() || k.Position[11] || k.Earned[7] || !k.Earned[8] || k.Received[9] || !k.Received[10] || k.Net[9] || !k.Net[10] {
		t.Errorf("2025/26 from the census of 30 November: %+v", k)
	}
	if k := cashKnown(flowOf(2026, 2, nil), time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)); !k.All() {
		t.Errorf("2026/27, data from 1 February 2026, lag 2: %+v", k)
	}
	k = cashKnown(flowOf(2026, 2, nil), time.Date(2026, 2, 28, 0, 0, 0, 0, time.UTC))
	if k.All() || k.Received[0] || !k.Received[1] || !k.Earned[0] || k.Net[0] || !k.Net[1] || k.Position[1] {
		t.Errorf("2026/27, data from 28 February 2026: %+v", k)
	}
	if k := cashKnown(flowOf(2026, 0, nil), time.Time{}); !k.All() {
		t.Errorf("no census: every month is described, %+v", k)
	}
	// An uplift in August 2025 (month 4), data from 1 June 2025: August carries April's
	// and May's arrears, so neither it nor its receipt in October is known.
	k = cashKnown(flowOf(2025, 2, &planning.Uplift{Percent: 3, Month: 4}), time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC))
	if k.Earned[4] || !k.Earned[3] || !k.Earned[5] || k.Received[6] || !k.Received[7] {
		t.Errorf("uplift in August, data from June: %+v", k)
	}
}
