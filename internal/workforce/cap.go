package workforce

import "regexp"

// The bounds of a plausible cap per WTE a year: the lowest published is £29,726, the
// highest £102,683 (DOMAIN.md); outside these a digit was dropped or doubled.
const (
	MinCapPence Pence = 10_000_00
	MaxCapPence Pence = 250_000_00
)

// MaxVariantLength is the longest variant name a cap may have.
const MaxVariantLength = 40

// variantPattern is a variant's name: lower case, as the reference data writes them.
var variantPattern = regexp.MustCompile(`^[a-z][a-z0-9_]{0,39}$`)

// lastCapYear bounds the date a cap is in force from: a later one is a typing error.
const lastCapYear = 2100

// Validate checks a cap of role (the zero Role when the code is unknown, which the
// caller reports): its variant's spelling, a date no earlier than the role could be
// claimed, and an amount within the plausible bounds. Fields are named as the cap
// forms name them.
func (c Cap) Validate(role Role) Problems {
	var ps Problems
	if c.Variant != "" && !variantPattern.MatchString(c.Variant) {
		ps = append(ps, Problem{"variant", "Write the variant in lower-case letters, digits and underscores, such as experienced"})
	}
	switch {
	case c.EffectiveFrom.Before(role.Added):
		ps = append(ps, Problem{"from", role.Name + " could only be claimed from " + role.Added.Format("2 January 2006") + ": give a date on or after that"})
	case c.EffectiveFrom.Year() > lastCapYear:
		ps = append(ps, Problem{"from", "Enter a date before 2100"})
	}
	if c.Pence < MinCapPence || c.Pence > MaxCapPence {
		ps = append(ps, Problem{"amount", "The cap must be between " + MinCapPence.Whole() + " and " + MaxCapPence.Whole() + " a year"})
	}
	return ps
}

// Name is the role's name with the cap's variant: "General practice nurse (experienced)".
func (c Cap) Name(roleName string) string {
	if c.Variant == "" {
		return roleName
	}
	return roleName + " (" + c.Variant + ")"
}

// RoleOf is the role of a code in the catalogue, and whether there is one.
func RoleOf(roles []Role, code string) (Role, bool) {
	for _, r := range roles {
		if r.Code == code {
			return r, true
		}
	}
	return Role{}, false
}
