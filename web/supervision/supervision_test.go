package supervision

import (
	"testing"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// Only today is called today; a ?at= day is named by its date.
func TestAtText(t *testing.T) {
	t.Parallel()
	today := workforce.Date(2026, 12, 7)
	if got := (Page{At: today, Today: today}).AtText(); got != "as of today, 7 December 2026" {
		t.Errorf("today: %q", got)
	}
	if got := (Page{At: workforce.Date(2027, 3, 1), Today: today}).AtText(); got != "on 1 March 2027" {
		t.Errorf("another day: %q", got)
	}
}
