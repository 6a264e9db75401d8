package supervision

import (
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
)

func TestStatusOn(t *testing.T) {
	t.Parallel()
	day := workforce.Date(2026, 11, 23)
	for _, c := range []struct {
		start, end time.Time
		want       LinkStatus
	}{
		{workforce.Date(2025, 1, 1), time.Time{}, LinkActive},
		{workforce.Date(2026, 11, 23), time.Time{}, LinkActive},
		{workforce.Date(2026, 11, 24), time.Time{}, LinkFuture},
		{workforce.Date(2025, 1, 1), workforce.Date(2026, 1, 1), LinkEnded},
		{workforce.Date(2025, 1, 1), workforce.Date(2026, 11, 23), LinkEnded},
	} {
		if got := StatusOn(workforce.SupervisionLink{Start: c.start, End: c.end}, day); got != c.want {
			t.Errorf("%s to %s: %v, want %v", c.start.Format(workforce.DateLayout), c.end.Format(workforce.DateLayout), got, c.want)
		}
	}
}
