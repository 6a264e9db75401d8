package gaps

import (
	"fmt"

	"github.com/arrs-planner/arrs/internal/need"
)

// ParamDenominator is the query parameter that chooses the fair shares' stand-in where
// no weighted population is in force: list (the default) or need (PLANNING.md,
// "Targets and fair shares"). The command line's flag is --denominator.
const ParamDenominator = "denominator"

// DenominatorMessage is the refusal of a denominator that is neither, naming the
// values allowed.
func DenominatorMessage(value string) string {
	return fmt.Sprintf("The denominator must be %s (registered list size) or %s (need-adjusted population), not %q", need.List, need.Need, value)
}

// StandInName names a stand-in as the pages and files say it.
func StandInName(d need.Denominator) string {
	if d == need.Need {
		return "need-adjusted population"
	}
	return "registered list size"
}
