package workforce

import (
	"fmt"
	"strings"
	"time"
)

// MaxTargetFTE is the most a target may hold (the targets table keeps numeric(12, 3)).
const MaxTargetFTE = 1e9

// Validate checks a target: a name, a positive FTE, a deadline after the baseline,
// and milestones after the baseline, on or before the deadline, one a day.
func (t Target) Validate() Problems {
	var out []Problem
	if strings.TrimSpace(t.Name) == "" {
		out = append(out, Problem{"name", "Enter a name for the target"})
	}
	if !(t.FTE > 0 && t.FTE < MaxTargetFTE) {
		out = append(out, Problem{"fte", "The target must be a positive number of FTE, such as 26000"})
	}
	if !t.Deadline.After(t.Baseline) {
		// Milestones cannot be judged against dates in the wrong order.
		return append(out, Problem{"deadline", "The deadline must be after the baseline date"})
	}
	seen := map[time.Time]bool{}
	for _, m := range t.Milestones {
		due := m.Due.Format(DateLayout)
		switch {
		case !m.Due.After(t.Baseline) || m.Due.After(t.Deadline):
			out = append(out, Problem{"milestones", fmt.Sprintf("The milestone of %s must fall after the baseline and on or before the deadline", due)})
		case seen[m.Due]:
			out = append(out, Problem{"milestones", fmt.Sprintf("There are two milestones on %s", due)})
		case !(m.FTE > 0 && m.FTE < MaxTargetFTE):
			out = append(out, Problem{"milestones", fmt.Sprintf("The milestone of %s must be a positive number of FTE", due)})
		}
		seen[m.Due] = true
	}
	return out
}
