package planning

import (
	"slices"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
)

type capKey struct{ role, variant string }

// dated is one cap figure in force from a day.
type dated struct {
	from  time.Time
	pence workforce.Pence
}

// Caps answers cap(role, day) from the roles' own caps and their bands' caps, each
// with effective dates (PLANNING.md, "Funding": the most recent figure, by effective
// date, among a role's own caps and its band's caps).
type Caps struct {
	byKey  map[capKey][]dated
	byBand map[string][]dated
}

// CapOn is the cap a post is claimed against on a day.
type CapOn struct {
	Pence workforce.Pence
	// Known is false when neither the role nor its band has a figure in force.
	Known bool
	// FromBand is true when the band's figure is the most recent (the role's own is
	// older or missing): pages say so. Band names the band.
	FromBand bool
	Band     string
	// BandAssumed is true for a mental health practitioner with no band recorded,
	// claimed against band 5, the lowest (DOMAIN.md).
	BandAssumed bool
}

// NewCaps indexes role caps by role and variant, and band caps by band, in date order.
func NewCaps(caps []workforce.Cap, bands []workforce.BandCap) Caps {
	c := Caps{byKey: make(map[capKey][]dated), byBand: make(map[string][]dated)}
	for _, cp := range caps {
		k := capKey{cp.RoleCode, cp.Variant}
		c.byKey[k] = append(c.byKey[k], dated{cp.EffectiveFrom, cp.Pence})
	}
	for _, b := range bands {
		c.byBand[b.Band] = append(c.byBand[b.Band], dated{b.EffectiveFrom, b.Pence})
	}
	for _, list := range c.byKey {
		sortDated(list)
	}
	for _, list := range c.byBand {
		sortDated(list)
	}
	return c
}

// fromDated is a figure in force from a day: a cap (dated) or a share (datedShare).
type fromDated interface{ fromDay() time.Time }

func (x dated) fromDay() time.Time { return x.from }

// sortDated puts figures in order of their effective dates, keeping the given order
// on a tie.
func sortDated[T fromDated](list []T) {
	slices.SortStableFunc(list, func(a, b T) int { return a.fromDay().Compare(b.fromDay()) })
}

// On returns the cap the record is claimed against on day d: the latest figure in
// force on d among its role's own (of its variant) and its cap band's
// (workforce.Staff.CapBand). On the same effective date the role's own wins.
func (c Caps) On(s workforce.Staff, d time.Time) CapOn {
	band, assumed := s.CapBand()
	own, okOwn := latest(c.byKey[capKey{s.RoleCode, s.CapVariant()}], d)
	fromBand, okBand := latest(c.byBand[band], d)
	out := CapOn{Band: band, BandAssumed: assumed}
	switch {
	case okBand && (!okOwn || fromBand.from.After(own.from)):
		out.Pence, out.Known, out.FromBand = fromBand.pence, true, true
	case okOwn:
		out.Pence, out.Known = own.pence, true
	}
	return out
}

// latest is the figure with the latest effective date on or before d.
func latest[T fromDated](list []T, d time.Time) (T, bool) {
	n, _ := slices.BinarySearchFunc(list, d, func(x T, d time.Time) int {
		if x.fromDay().After(d) {
			return 1
		}
		return -1
	})
	if n == 0 {
		var none T
		return none, false
	}
	return list[n-1], true
}
