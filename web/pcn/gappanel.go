package pcn

import (
	"math"
	"time"

	"github.com/arrs-planner/arrs/internal/need"
	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/ui"
)

// GapPanel is a network's place against the national target on its overview: its
// fair share, where it stands, and its projection by quarter to the deadline
// (PLANNING.md, "Targets and fair shares", "Projection", "Gap").
type GapPanel struct {
	TargetName         string
	TargetFTE          float64 // T, the national target
	Baseline, Deadline time.Time
	AsOf, At           time.Time
	FairShare          float64
	BaselineFTE        float64
	InPostFTE          float64 // in post on min(at, as-of)
	ProjectedFTE       float64 // projected on at
	AdditionalFTE      float64
	GapFTE, Shortfall  float64
	Pace               float64
	DeadlinePassed     bool
	Projection         []ProjectionPoint
	// ListSize is true when the network has no weighted population in force and its
	// stand-in (StandIn.Denominator) takes its place; Patients is that stand-in, its
	// registered list or its need-adjusted population. ListSizePCNs counts such PCNs in
	// England, which move every share.
	ListSize           bool
	Patients           int
	ListSizePCNs, PCNs int
	StandIn
	// WhatIf is true when the figures come from a what-if in the address.
	WhatIf bool
	// GapsHref is the ICB's gap page, with the what-if kept.
	GapsHref string
	// Unknown marks figures the staff data cannot give; DataStart is the first census.
	planning.Unknown
	DataStart time.Time
	// NoReturn: the network had no rows in the census of the in-post day (PLANNING.md,
	// "No return"), so it counts 0 FTE that day.
	NoReturn bool
}

// ProjectionPoint is the network's projected ARRS FTE on one day.
type ProjectionPoint struct {
	Day     time.Time
	Quarter string // the financial quarter the day falls in, "2026/27 Q1"
	FTE     float64
	// Unknown: the projection reads staff in post on a day before the data start, which
	// the records do not describe (PLANNING.md, "Known and unknown"): no data, never 0.
	Unknown bool
}

// StandIn is what the gap report put in place of a weighted population where none is
// in force (PLANNING.md, "Targets and fair shares"): Denominator is the report's
// (gaps.Result.Denominator, need.List or need.Need); NeedListPCNs counts England's PCNs
// whose list stood in although need was asked for (gaps.Result.NeedListPCNs); List is
// the network's registered list, said beside its need.
type StandIn struct {
	Denominator  need.Denominator
	NeedListPCNs int
	List         int
}

// NewGapPanel is the network's row g of the gap report computed from in, with
// England's row, the network's projection (gaps.Result.ProjectionOf) and the report's
// stand-in; in.At is resolved, as gaps.Compute leaves it. The caller says whether a
// what-if is in force and where the ICB's gap page is.
func NewGapPanel(in planning.Inputs, england, g planning.Gap, projection []planning.ProjectionPoint, standIn StandIn) *GapPanel {
	t := in.Target
	p := &GapPanel{
		TargetName: ui.Figures(t.Name), TargetFTE: t.FTE, Baseline: t.Baseline, Deadline: t.Deadline,
		AsOf: in.AsOf, At: in.At, FairShare: g.TargetFTE, BaselineFTE: g.BaselineFTE, InPostFTE: g.InPostFTE,
		ProjectedFTE: g.ProjectedFTE, AdditionalFTE: g.AdditionalFTE, GapFTE: g.GapFTE, Shortfall: g.ShortfallFTE,
		Pace: g.RequiredPace, DeadlinePassed: g.DeadlinePassed || !t.Deadline.After(in.AsOf),
		Unknown: g.Unknown, DataStart: in.DataStart, NoReturn: g.NoReturnPCNs > 0,
		ListSize: g.ListSizePCNs > 0, Patients: int(math.Round(g.WeightedPopulation)), ListSizePCNs: england.ListSizePCNs, PCNs: england.PCNs,
		StandIn: standIn,
	}
	for _, pt := range projection {
		p.Projection = append(p.Projection, ProjectionPoint{Day: pt.Day, Quarter: workforce.QuarterOf(pt.Day).String(), FTE: pt.Projected,
			Unknown: !planning.Known(earlier(pt.Day, in.AsOf), in.DataStart)})
	}
	return p
}

const dateLong = "2 January 2006"

func (g GapPanel) rows() []ui.SummaryListRow {
	passed := ui.Decimal(g.Pace, 2) + " FTE a month to " + g.Deadline.Format(dateLong)
	if g.DeadlinePassed {
		passed = "None: the deadline has passed"
	}
	day := earlier(g.At, g.AsOf)
	return []ui.SummaryListRow{
		{Key: "Fair share of the target", Value: ui.FTE(g.FairShare) + " FTE of " + ui.Count(int(g.TargetFTE+0.5)) + " by " + g.Deadline.Format(dateLong), TestID: "gap-fair-share"},
		{Key: "In post on the baseline, " + g.Baseline.Format(dateLong), Value: g.figure(g.BaselineFTE, g.BaselineUnknown, g.Baseline), TestID: "gap-baseline"},
		{Key: "In post on " + day.Format(dateLong), Value: g.figure(g.InPostFTE, g.InPostUnknown, day) + g.noReturnNote(day), TestID: "gap-in-post"},
		{Key: "Projected on " + g.At.Format(dateLong), Value: g.figure(g.ProjectedFTE, g.ProjectedUnknown, day), TestID: "gap-projected"},
		{Key: "Additional FTE", Value: g.figure(g.AdditionalFTE, g.GapUnknown(), day), TestID: "gap-additional"},
		{Key: "Gap on " + g.At.Format(dateLong), Value: g.figure(g.GapFTE, g.GapUnknown(), day), TestID: "gap-gap"},
		{Key: "Required pace", Value: passed, TestID: "gap-pace"},
	}
}

// noReturnNote flags a network that made no return for the census of day: its 0 FTE
// is what NHS England's published totals count for it, not a measured workforce.
func (g GapPanel) noReturnNote(day time.Time) string {
	if !g.NoReturn {
		return ""
	}
	return " (no return: the network had no rows in the census of " + planning.CensusNeeded(day).Format("January 2006") +
		", so it counts 0 FTE, as NHS England's published totals do)"
}

// figure writes an FTE figure, or "no data" and the census that would describe day
// when the staff data cannot give it (PLANNING.md, "Known and unknown").
func (g GapPanel) figure(v float64, unknown bool, day time.Time) string {
	if !unknown {
		return ui.FTE(v) + " FTE"
	}
	return "No data: the staff records start at the census of " + g.DataStart.Format(dateLong) +
		"; this needs the census of " + planning.CensusNeeded(day).Format("January 2006")
}

// PassedText is said when the deadline is on or before the as-of date (PLANNING.md,
// "Where the gap is measured").
func (g GapPanel) PassedText() string {
	if g.Deadline.After(g.AsOf) {
		return ""
	}
	return "The deadline has passed: the gap is measured on the latest data (" + g.At.Format(dateLong) + ")."
}

func earlier(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

func (g GapPanel) chart() ui.LineChartParams {
	labels := make([]string, len(g.Projection))
	values := make([]float64, len(g.Projection))
	for i, p := range g.Projection {
		labels[i], values[i] = p.Day.Format("2 Jan 2006"), p.FTE
		if p.Unknown {
			values[i] = math.NaN() // a gap in the line, "No data" in its table
		}
	}
	level := g.BaselineFTE + g.FairShare
	return ui.LineChartParams{
		ID: "pcn-projection", Title: "Projected ARRS FTE against the fair share", Width: 640, Height: 240,
		Description: "Projected ARRS FTE from " + fteOrNoData(first(values)) + " on " + g.AsOf.Format(dateLong) + " to " +
			fteOrNoData(last(values)) + " on " + g.Deadline.Format(dateLong) + ", against a fair share of " + ui.FTE(level) + " FTE in post.",
		XTitle: "Date", YTitle: "FTE", XLabels: labels,
		Series: []ui.LineSeries{{Name: "Projected", Values: values}},
		Target: &ui.ChartTarget{Value: level, Label: "Fair share " + ui.FTE(level) + " FTE"},
	}
}

func (g GapPanel) table() ui.TableParams {
	rows := make([]ui.TableRow, len(g.Projection))
	for i, p := range g.Projection {
		rows[i] = ui.TableRow{TestID: "projection-" + p.Day.Format(time.DateOnly), Cells: []ui.TableCell{
			{Text: p.Day.Format(dateLong)}, {Text: p.Quarter}, {Text: p.text()},
		}}
	}
	return ui.TableParams{
		Caption: "Projected ARRS FTE by quarter", FirstCellIsHeader: true, Compact: true, ID: "projection",
		Head: []ui.TableHeader{{Text: "Date"}, {Text: "Quarter"}, {Text: "Projected, FTE", Numeric: true}}, Rows: rows,
	}
}

// text is the projected FTE, or "No data" when the records cannot give it.
func (p ProjectionPoint) text() string {
	if p.Unknown {
		return "No data"
	}
	return ui.FTE(p.FTE)
}

// listSizeText says what stands in for a weighted population: for the network when
// it has none in force (its list, or its need-adjusted population with its list
// beside it), else for England's PCNs that have none.
func (g GapPanel) listSizeText() string {
	on := " in force on " + g.AsOf.Format(dateLong) + ": "
	if g.ListSize {
		lead := "This network has no weighted population" + on
		switch {
		case !g.OnNeed():
			return lead + "its registered list of " + ui.Count(g.Patients) + " patients stands in, so its fair share follows list size rather than need."
		case g.Patients == g.List:
			return lead + "its need-adjusted population stands in, and it is its registered list of " + ui.Count(g.Patients) +
				" patients (as it is for a network none of whose practices has patients by age and sex), so its fair share follows list size."
		}
		return lead + "its need-adjusted population of " + ui.Count(g.Patients) + " patients stands in (its registered list is " +
			ui.Count(g.List) + "), so its fair share follows need."
	}
	text := ui.Count(g.ListSizePCNs) + " of " + ui.Count(g.PCNs) + " PCNs in England have no weighted population" + on
	if !g.OnNeed() {
		return text + "their registered lists stand in, which moves every network's share."
	}
	text += "their need-adjusted populations stand in, which moves every network's share."
	if g.NeedListPCNs > 0 {
		text += " " + ui.Count(g.NeedListPCNs) + " of them " + ui.Agree(g.NeedListPCNs, "has", "have") +
			" no practice with patients by age and sex: " + ui.Agree(g.NeedListPCNs, "its", "their") + " registered list is " +
			ui.Agree(g.NeedListPCNs, "its", "their") + " need."
	}
	return text
}

// OnNeed reports whether need-adjusted populations stand in (?denominator=need): the
// panel then links to how need is worked out.
func (g GapPanel) OnNeed() bool { return g.Denominator == need.Need }

// fteOrNoData writes a chart value, NaN where the records cannot give it.
func fteOrNoData(v float64) string {
	if math.IsNaN(v) {
		return "no data"
	}
	return ui.FTE(v)
}

func first(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	return xs[0]
}

func last(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	return xs[len(xs)-1]
}
