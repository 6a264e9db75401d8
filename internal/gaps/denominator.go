package gaps

import (
	"fmt"

	"github.com/arrs-planner/arrs/internal/need"
)

// DenominatorMessage is the refusal of a denominator that is neither, naming the
// values allowed.
func DenominatorMessage(value string) string {
	return fmt.Sprintf("The denominator must be %s (registered list size) or %s (need-adjusted population), not %q", need.List, need.Need, value)
}
