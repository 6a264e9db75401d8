package planning

import (
	"slices"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
)

type capKey struct{ role, variant string }

// Caps answers cap(role, day) from a list of caps with effective dates.
type Caps struct {
	byKey map[capKey][]workforce.Cap
}

// NewCaps indexes caps by role and variant, in date order.
func NewCaps(caps []workforce.Cap) Caps {
	c := Caps{byKey: make(map[capKey][]workforce.Cap)}
	for _, cp := range caps {
		k := capKey{cp.RoleCode, cp.Variant}
		c.byKey[k] = append(c.byKey[k], cp)
	}
	for _, list := range c.byKey {
		slices.SortStableFunc(list, func(a, b workforce.Cap) int { return a.EffectiveFrom.Compare(b.EffectiveFrom) })
	}
	return c
}

// On returns the cap of the role and variant in force on day d: the one with the
// latest effective date on or before d. ok is false when none is known (a role with no
// published cap, or a day before the first one).
func (c Caps) On(role, variant string, d time.Time) (pence workforce.Pence, ok bool) {
	list := c.byKey[capKey{role, variant}]
	n, _ := slices.BinarySearchFunc(list, d, func(cp workforce.Cap, d time.Time) int {
		if cp.EffectiveFrom.After(d) {
			return 1
		}
		return -1
	})
	if n == 0 {
		return 0, false
	}
	return list[n-1].Pence, true
}
