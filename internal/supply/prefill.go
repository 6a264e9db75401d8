package supply

import "github.com/arrs-planner/arrs/internal/workforce"

// Prefill is what the form of a year with no supply recorded yet starts from
// (docs/outlook.md, "Pre-filling the supply form"): the figures of the latest earlier
// year with any recorded, role by role, for the lead to check before saving. Nothing
// else the planner holds gives these numbers (NWRS counts staff in post, not people
// qualifying, completing training or moving in), so copying forward is the best known
// source. ok is false when the year has a record already, or no earlier year has one:
// the form then shows what is stored, or blanks.
func Prefill(all []workforce.ExpectedSupply, year workforce.FinancialYear) (from workforce.FinancialYear, rows map[string]workforce.ExpectedSupply, ok bool) {
	for _, x := range all {
		y, valid := x.Year()
		switch {
		case !valid || y > year:
		case y == year:
			return 0, nil, false
		case y > from:
			from = y
		}
	}
	if from == 0 {
		return 0, nil, false
	}
	rows = map[string]workforce.ExpectedSupply{}
	for _, x := range all {
		if y, _ := x.Year(); y == from {
			x.FinancialYear, x.Version = year.String(), 0 // a new row of year, not the old one
			rows[x.RoleCode] = x
		}
	}
	return from, rows, true
}
