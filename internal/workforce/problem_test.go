package workforce

import (
	"errors"
	"testing"
)

// A handler may return a target's problems as its error: the messages read as one
// line, and each problem is still there to show beside its field.
func TestProblemsAreAnError(t *testing.T) {
	t.Parallel()
	var err error = Target{Baseline: Date(2026, 4, 1), Deadline: Date(2026, 4, 1)}.Validate()
	want := "Enter a name for the target; The target must be a positive number of FTE, such as 26000; The deadline must be after the baseline date"
	if err.Error() != want {
		t.Errorf("Error() = %q, want %q", err, want)
	}
	var ps Problems
	if !errors.As(err, &ps) || len(ps) != 3 || ps[2].Field != "deadline" || ps[2].Error() != ps[2].Message {
		t.Errorf("problems %+v", ps)
	}
}
