// Package gaps renders the gap pages: England's gap to a national target (/gaps) with
// its trajectory, an ICB's networks ranked by shortfall (/gaps/icbs/{code}), and the
// what-if form both carry. The figures are computed by package planning (through
// internal/gaps); this package only lays them out, rounded for display (PLANNING.md:
// 1 decimal place on pages).
package gaps

import (
	"time"

	"github.com/arrs-planner/arrs/web/ui"
)

// dateLong is how the pages write a day: "31 March 2027".
const dateLong = "2 January 2006"

// Summary is the headline of an area's gap: England's, or one ICB's.
type Summary struct {
	TargetName string
	// TargetFTE is T, the national target's additional FTE; FairShare the area's
	// share of it (T for England).
	TargetFTE, FairShare float64
	Baseline, Deadline   time.Time
	// AsOf is the day the staff data describes; At the day the gap is measured on.
	AsOf, At                                                                  time.Time
	BaselineFTE, InPostFTE, ProjectedFTE, AdditionalFTE, GapFTE, ShortfallFTE float64
	PCNs, PCNsShort                                                           int
	// Pace is the shortfall over the months left, FTE a month; with DeadlinePassed
	// no time is left.
	Pace           float64
	DeadlinePassed bool
	// England is true for the national headline, which states T rather than a share.
	England bool
}

// Row is one line of a gap table: a region, an ICB or a PCN.
type Row struct {
	Code, Name string
	// Href is the row's own page, with the what-if kept; "" for none.
	Href                                            string
	PCNs, PCNsShort                                 int
	TargetFTE, BaselineFTE, InPostFTE, ProjectedFTE float64
	AdditionalFTE, GapFTE, ShortfallFTE, Pace       float64
	DeadlinePassed                                  bool
}

// ListSize says how many PCNs' registered lists stand in for a weighted population
// (PLANNING.md, "Targets and fair shares": flag it). Zero PCNs: nothing is said.
type ListSize struct {
	PCNs, Of int
	AsOf     time.Time
	// Area, when set, narrows the statement to an ICB: Here of its AreaPCNs.
	Area           string
	Here, AreaPCNs int
}

// Download is a link to a table's figures as a file.
type Download struct {
	Text, Href, TestID string
}

// pace writes a required pace for a table cell or the headline.
func pace(v float64, passed bool) string {
	if passed {
		return "Deadline passed"
	}
	return ui.Decimal(v, 2)
}

// earlier is the earlier of two days: in post is counted on min(at, as-of).
func earlier(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

// Text is the statement the page makes about list sizes.
func (l ListSize) Text() string {
	on := " in force on " + l.AsOf.Format(dateLong)
	tail := ": their registered list size stands in for it, so their fair shares follow list sizes rather than need. Import weighted populations to correct them."
	if l.Area != "" {
		return ui.Count(l.Here) + " of the " + ui.Count(l.AreaPCNs) + " PCNs of " + l.Area + ", and " + ui.Count(l.PCNs) + " of " +
			ui.Count(l.Of) + " in England, have no weighted population" + on + tail
	}
	return ui.Count(l.PCNs) + " of " + ui.Count(l.Of) + " PCNs have no weighted population" + on + tail
}
