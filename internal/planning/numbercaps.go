package planning

import "github.com/arrs-planner/arrs/internal/workforce"

// LargeListSize is the registered list from which some caps on numbers double
// (DOMAIN.md: "1 per PCN, 2 if list ≥ 100,000").
const LargeListSize = 100_000

// numberCap limits the WTE of a role the scheme reimburses a PCN in the financial
// years from From to To (To 0: still in force): Limit, or Large for a PCN whose list
// is at least LargeListSize.
type numberCap struct {
	role         string
	from, to     workforce.FinancialYear
	limit, large float64
}

// numberCaps are the caps on numbers DOMAIN.md lists ("Rules worth encoding").
// DOMAIN.md says there are none from 2025/26, but the role catalogue still gives the
// digital and transformation lead "1 per PCN" with no end, so that one is kept open:
// a plan is warned, never refused, on a cap on numbers.
var numberCaps = []numberCap{
	{"pharmacy_technician", 2020, 2020, 1, 2},
	{"advanced_practitioner", 2021, 2022, 2, 3},
	{"advanced_practitioner", 2023, 2023, 3, 6},
	{"digital_transformation_lead", 2022, 0, 1, 1},
	{"enhanced_practice_nurse", 2024, 2024, 1, 2},
}

// NumberCap returns the most WTE of a role the scheme reimburses a PCN with the given
// registered list in a financial year, and whether a cap on numbers applies then.
func NumberCap(role string, year workforce.FinancialYear, listSize int) (float64, bool) {
	for _, c := range numberCaps {
		if c.role == role && year >= c.from && (c.to == 0 || year <= c.to) {
			if listSize >= LargeListSize {
				return c.large, true
			}
			return c.limit, true
		}
	}
	return 0, false
}
