package planning

import (
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// SchemeStart is 1 July 2019, when the ARRS began: before it the scheme had no staff,
// so in_post of ARRS roles on such a day is known to be 0 (PLANNING.md, "Known and
// unknown"), whatever census has been imported.
var SchemeStart = workforce.Date(2019, time.July, 1)

// Known reports whether in_post on day d is described, given the data start (the first
// census date imported): on or after it, or before the scheme began. A zero data start
// describes every day. Records a PCN entered with earlier start dates do not make an
// earlier day known: they tell who else was in post, not everyone who was.
func Known(d, dataStart time.Time) bool {
	return dataStart.IsZero() || !d.Before(dataStart) || d.Before(SchemeStart)
}

// CensusNeeded is the census that would describe day d: the latest census date (the
// last day of a month) on or before d. Pages name it beside "no data".
func CensusNeeded(d time.Time) time.Time {
	if c := workforce.CensusDate(d.Year(), d.Month()); c.Equal(d) {
		return c
	}
	prev := d.AddDate(0, 0, -d.Day())
	return workforce.CensusDate(prev.Year(), prev.Month())
}

// Unknown marks the figures of a gap row that the staff data cannot give (PLANNING.md,
// "Known and unknown"). The zero value is "all known". An area is unknown where any of
// its PCNs is; England's in-post and projected figures may instead come from NHS
// England's published monthly series (NationalSeries).
type Unknown struct {
	// InPostUnknown: in_post on min(at, as-of) is before the data start.
	InPostUnknown bool
	// BaselineUnknown: in_post on the baseline date is before the data start.
	BaselineUnknown bool
	// ProjectedUnknown: projected(p, at) is in post on a day before the data start.
	ProjectedUnknown bool
	// ShortfallUnknown: the shortfall (and PCNs short) sums at least one unknown gap.
	ShortfallUnknown bool
	// NationalSeries: England's in-post and projected figures (and so its additional
	// FTE and gap) are NHS England's published national series, not the sum of PCNs.
	NationalSeries bool
}

// GapUnknown reports whether the additional FTE and the gap are unknown: they need
// both the projection and the baseline.
func (u Unknown) GapUnknown() bool { return u.ProjectedUnknown || u.BaselineUnknown }

// AnyUnknown reports whether any figure of the row is unknown.
func (u Unknown) AnyUnknown() bool {
	return u.InPostUnknown || u.BaselineUnknown || u.ProjectedUnknown || u.ShortfallUnknown
}

// clearUnknown keeps what is known about the inputs of the gap (in post, baseline,
// projection) and forgets what follows from them, for WithProjected to work out again.
func (u *Unknown) clearUnknown() { u.ShortfallUnknown = false }

// or is the union of two rows' unknowns, as an area sums its PCNs.
func (u Unknown) or(v Unknown) Unknown {
	return Unknown{
		InPostUnknown:    u.InPostUnknown || v.InPostUnknown,
		BaselineUnknown:  u.BaselineUnknown || v.BaselineUnknown,
		ProjectedUnknown: u.ProjectedUnknown || v.ProjectedUnknown,
		ShortfallUnknown: u.ShortfallUnknown || v.ShortfallUnknown,
		NationalSeries:   u.NationalSeries || v.NationalSeries,
	}
}

// unknown is what the inputs' days leave unknown, the same for every PCN: the baseline
// date, min(at, as-of), and the day the projection reads staff in post on (at itself
// up to the as-of date, the as-of date after it).
func (in Inputs) unknown() Unknown {
	at := in.at()
	return Unknown{
		BaselineUnknown:  !Known(in.Target.Baseline, in.DataStart),
		InPostUnknown:    !Known(earlier(at, in.AsOf), in.DataStart),
		ProjectedUnknown: !Known(earlier(at, in.AsOf), in.DataStart),
	}
}
