package planning

import (
	"slices"
	"time"
)

// Cap is a role's reimbursement maximum per WTE per year, in force from a date until
// the next cap of the same role and variant (DOMAIN.md, "Roles").
type Cap struct {
	Role string
	// Variant tells parallel caps of a role apart ("experienced" general practice
	// nurses); "" is the usual cap.
	Variant     string
	From        time.Time
	AnnualPence int64
}

type capKey struct{ role, variant string }

// Caps answers cap(role, day) from a list of caps with effective dates.
type Caps struct {
	byKey map[capKey][]Cap
}

// NewCaps indexes caps by role and variant, in date order.
func NewCaps(caps []Cap) Caps {
	c := Caps{byKey: make(map[capKey][]Cap)}
	for _, cp := range caps {
		k := capKey{cp.Role, cp.Variant}
		c.byKey[k] = append(c.byKey[k], cp)
	}
	for _, list := range c.byKey {
		slices.SortStableFunc(list, func(a, b Cap) int { return a.From.Compare(b.From) })
	}
	return c
}

// On returns the cap of the role and variant in force on day d: the one with the
// latest effective date on or before d. ok is false when none is known (a role with no
// published cap, or a day before the first one).
func (c Caps) On(role, variant string, d time.Time) (pence int64, ok bool) {
	list := c.byKey[capKey{role, variant}]
	n, _ := slices.BinarySearchFunc(list, d, func(cp Cap, d time.Time) int {
		if cp.From.After(d) {
			return 1
		}
		return -1
	})
	if n == 0 {
		return 0, false
	}
	return list[n-1].AnnualPence, true
}
