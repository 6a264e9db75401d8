package funding

import (
	"slices"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// The funding page covers the plan window's years: on 31 March 2026 that is 2025/26
// to 2027/28, and on 1 April 2026 it moves on to 2026/27 to 2028/29.
func TestYears(t *testing.T) {
	for day, want := range map[time.Time][]workforce.FinancialYear{
		time.Date(2026, 3, 31, 12, 0, 0, 0, time.UTC): {2025, 2026, 2027},
		time.Date(2026, 4, 1, 12, 0, 0, 0, time.UTC):  {2026, 2027, 2028},
	} {
		if got := Years(day); !slices.Equal(got, want) {
			t.Errorf("Years(%s) = %v, want %v", day.Format(time.DateOnly), got, want)
		}
	}
}
