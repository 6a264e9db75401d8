package workforce

import (
	"testing"
	"time"
)

func TestToday(t *testing.T) {
	t.Parallel()
	cases := []struct {
		now  time.Time
		want time.Time
	}{
		// 00:30 in British Summer Time is still the day before in UTC.
		{time.Date(2026, 6, 30, 23, 30, 0, 0, time.UTC), Date(2026, 7, 1)},
		// In winter England keeps UTC.
		{time.Date(2026, 12, 31, 23, 30, 0, 0, time.UTC), Date(2026, 12, 31)},
		// A machine in another zone does not change England's date.
		{time.Date(2026, 12, 7, 20, 0, 0, 0, time.FixedZone("EST", -5*3600)), Date(2026, 12, 8)},
	}
	for _, c := range cases {
		if got := Today(c.now); !got.Equal(c.want) || got.Location() != time.UTC {
			t.Errorf("Today(%v) = %v, want %v", c.now, got, c.want)
		}
	}
}
