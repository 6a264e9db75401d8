// Package gaps renders the gap pages: England's gap to a national target (/gaps) with
// its trajectory, an ICB's networks ranked by shortfall (/gaps/icbs/{code}), and the
// what-if form both carry. The figures are computed by package planning (through
// internal/gaps); this package only lays them out, rounded for display (PLANNING.md:
// 1 decimal place on pages).
package gaps

import (
	"time"

	"github.com/arrs-planner/arrs/internal/need"
	"github.com/arrs-planner/arrs/internal/planning"
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
	// NoReturnPCNs counts the area's PCNs that made no return for the census of the
	// in-post day (PLANNING.md, "No return"), NoReturnShort those of them short.
	NoReturnPCNs, NoReturnShort int
	// ByListSize is true when every PCN's stand-in (Denominator: its registered list,
	// or its need-adjusted population) stands in for its weighted population,
	// ByWeighted when none does: the fair share the lead names.
	ByListSize, ByWeighted bool
	Denominator            need.Denominator
	// Pace is the shortfall over the months left, FTE a month; with DeadlinePassed
	// no time is left.
	Pace           float64
	DeadlinePassed bool
	// England is true for the national headline, which states T rather than a share.
	England bool
	// MeasuredOnLatest is true when the deadline is on or before the as-of date: the
	// gap is measured on the latest data (PLANNING.md, "Where the gap is measured").
	MeasuredOnLatest bool
	// Unknown marks the figures the staff data cannot give; DataStart is the first
	// census imported, CensusNeeded the one that would describe the in-post day.
	planning.Unknown
	DataStart, CensusNeeded time.Time
}

// Row is one line of a gap table: a region, an ICB or a PCN.
type Row struct {
	Code, Name string
	// RegionCode and ICBCode are the parents' codes (of a PCN both, of an ICB its
	// region), for the PCN table's filter.
	RegionCode, ICBCode string
	// Href is the row's own page, with the what-if kept; "" for none.
	Href            string
	PCNs, PCNsShort int
	// NoReturn counts the row's PCNs that made no return (PLANNING.md, "No return");
	// IsPCN marks a PCN's own row, flagged "No return" rather than counted.
	NoReturn                                        int
	IsPCN                                           bool
	TargetFTE, BaselineFTE, InPostFTE, ProjectedFTE float64
	AdditionalFTE, GapFTE, ShortfallFTE, Pace       float64
	DeadlinePassed                                  bool
	// Unknown marks the cells that show "no data".
	planning.Unknown
}

// ListSize says how many PCNs have no weighted population in force, and what stands
// in for it (PLANNING.md, "Targets and fair shares": flag it): their registered list
// size, or with Denominator need their need-adjusted population, NeedList of them
// having none but their list (no practice with age data). Zero PCNs: nothing is said.
type ListSize struct {
	PCNs, Of    int
	AsOf        time.Time
	Denominator need.Denominator
	NeedList    int
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
		return "None: deadline passed"
	}
	return ui.Decimal(v, 2)
}

// noData is what a cell shows for a figure the staff data cannot give (PLANNING.md,
// "Known and unknown"): never 0.
const noData = "no data"

// fteOrNoData writes an FTE figure, or "no data" when it is unknown.
func fteOrNoData(v float64, unknown bool) string {
	if unknown {
		return noData
	}
	return ui.FTE(v)
}

// earlier is the earlier of two days: in post is counted on min(at, as-of).
func earlier(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}
