package workforce

// MaxSupplyFTE bounds one number of expected supply: more than a thousand FTE of one
// role joining one ICB's primary care in a year is a slip of the keyboard.
const MaxSupplyFTE = 1000

// ExpectedSupply is the FTE of a role an ICB lead expects to be available to the
// ICB's PCNs in one financial year (DOMAIN.md: supply is thin for experienced roles, so
// ICB leads set PCN demand against it).
type ExpectedSupply struct {
	ICBCode  string
	RoleCode string
	// FinancialYear is "2026/27".
	FinancialYear string
	// NewlyQualified are people qualifying into the role; TraineesCompleting those
	// finishing a training post in it (trainee nursing associates, apprentice PAs,
	// pharmacists on the training pathway); Movers experienced staff moving in from
	// secondary care or other areas.
	NewlyQualified     float64
	TraineesCompleting float64
	Movers             float64
	Version            int
}

// Year is the row's financial year. ok is false only for a malformed one, which the
// table's check constraint refuses to store.
func (s ExpectedSupply) Year() (y FinancialYear, ok bool) {
	y, err := ParseFinancialYear(s.FinancialYear)
	return y, err == nil
}

// Total is the supply of the role that year.
func (s ExpectedSupply) Total() float64 { return s.NewlyQualified + s.TraineesCompleting + s.Movers }

// IsZero reports whether the row expects nothing: such a row is not kept.
func (s ExpectedSupply) IsZero() bool {
	return s.NewlyQualified == 0 && s.TraineesCompleting == 0 && s.Movers == 0
}

// Validate checks each number is from 0 to 1,000 FTE; the fields are
// newly_qualified, trainees_completing and movers.
func (s ExpectedSupply) Validate() Problems {
	var out []Problem
	for _, f := range []struct {
		field string
		v     float64
	}{{"newly_qualified", s.NewlyQualified}, {"trainees_completing", s.TraineesCompleting}, {"movers", s.Movers}} {
		if f.v < 0 || f.v > MaxSupplyFTE {
			out = append(out, Problem{f.field, "FTE must be 0 or more, and no more than 1,000"})
		}
	}
	return out
}
