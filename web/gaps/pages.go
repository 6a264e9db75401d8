package gaps

import (
	"net/url"
	"time"

	"github.com/arrs-planner/arrs/internal/need"
	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/areas"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"
)

// Dashboard is the view model of /gaps, England's gap to a target.
type Dashboard struct {
	Layout layout.PageParams
	WhatIf WhatIf
	// NoCensus and NoTarget say why there are no figures; Summary is nil then, and
	// when the what-if has errors.
	NoCensus, NoTarget bool
	Summary            *Summary
	// Level is the level of the main table: region, icb, pcn or england.
	Level      string
	LevelLinks []LevelLink
	Rows       []Row
	Sort       ui.Sort
	// Filter, Pages and Total are the PCN table's (FilterPCNs): its region and ICB
	// filter, its page, and the rows the filter leaves; Filter is nil at other levels.
	Filter     *PCNFilter
	Pages      ui.Pages
	Total      int
	Trajectory *Trajectory
	ListSize   ListSize
	Downloads  []Download
	// LaterDeadlineHref, when set, is a what-if with a deadline after the as-of date,
	// offered when the target's deadline has passed.
	LaterDeadlineHref string
	// Footprints offers the ICBs as they were on the day the gap is measured on, or on
	// today's footprints; nil without figures.
	Footprints *areas.Footprints
	// Denominator offers the fair shares' stand-in, list size or need; nil without
	// figures.
	Denominator *Denominator
}

// LevelLink switches the main table to another level, keeping the what-if.
type LevelLink struct {
	Text, Href string
	Current    bool
}

// ICBPage is the view model of /gaps/icbs/{code}: an ICB's networks ranked by
// shortfall.
type ICBPage struct {
	Layout             layout.PageParams
	WhatIf             WhatIf
	NoCensus, NoTarget bool
	Code, Name         string
	Region             string
	Summary            *Summary
	Rows               []Row
	Sort               ui.Sort
	ListSize           ListSize
	Downloads          []Download
	LaterDeadlineHref  string
	// WorkforceHref is the ICB's workforce page.
	WorkforceHref string
	// Footprints offers the ICBs as they were or on today's footprints; nil without
	// figures. History is what became of the ICB, or what it was made from; with its
	// Absent set the page shows no figures (the report has none for it).
	Footprints *areas.Footprints
	History    areas.ICBHistory
	// Denominator offers the fair shares' stand-in, list size or need; nil without
	// figures.
	Denominator *Denominator
}

// SetTable lays the main table out: rows (of p.Level) ordered as st asks, the links to
// the other levels, the downloads and, when the deadline has passed, a
// later one, each link keeping the what-if q.
func (p *Dashboard) SetTable(rows []Row, q url.Values, st ui.Sort, deadline, asOf time.Time) {
	here := With(q, "level", p.Level)
	st.Query = here
	sortRows(rows, st)
	p.Rows, p.Sort = rows, st
	for _, l := range []struct{ level, text string }{{"region", "By region"}, {"icb", "By ICB"}, {"pcn", "By PCN"}} {
		p.LevelLinks = append(p.LevelLinks, LevelLink{Text: l.text, Href: Link("/gaps", With(q, "level", l.level)) + "#" + tableID, Current: p.Level == l.level})
	}
	p.Downloads = Downloads("/gaps", here)
	p.LaterDeadlineHref = laterDeadline("/gaps", here, deadline, asOf)
}

// NewICBPage is the frame of an ICB's gap page (region names its region), under
// England's page of ICBs with the what-if q; the figures are set apart.
func NewICBPage(l layout.PageParams, form WhatIf, icb workforce.ICB, region string, q url.Values) ICBPage {
	p := ICBPage{Layout: l, WhatIf: form, Code: icb.Code, Name: icb.Name, Region: region, WorkforceHref: "/icbs/" + icb.Code}
	p.Layout.Breadcrumbs = []ui.BreadcrumbItem{{Text: "Gap to the target", Href: Link("/gaps", With(q, "level", "icb"))}}
	return p
}

// SetTable lays out the table of the ICB's PCNs, ordered as st asks, and its links, as
// Dashboard.SetTable does.
func (p *ICBPage) SetTable(rows []Row, q url.Values, st ui.Sort, deadline, asOf time.Time) {
	st.Query = q
	sortRows(rows, st)
	p.Rows, p.Sort = rows, st
	p.Downloads = Downloads(ICBHref(p.Code), q)
	p.LaterDeadlineHref = laterDeadline(ICBHref(p.Code), q, deadline, asOf)
}

var levelNames = map[string]string{"england": "England", "region": "region", "icb": "ICB", "pcn": "PCN"}

func (p Dashboard) table() ui.TableParams {
	cols := []column{colName, colCode, colTarget, colInPost, colProjected, colAdditional, colGap, colShortfall, colShort, colPace}
	if p.Level == "pcn" {
		cols = []column{colName, colCode, colTarget, colInPost, colProjected, colAdditional, colGap, colShortfall, colPace}
	}
	return gapTable("Gap to the target by "+levelNames[p.Level], "gap-", cols, p.Rows, p.Sort)
}

func (p ICBPage) table() ui.TableParams {
	cols := []column{colName, colCode, colTarget, colInPost, colProjected, colGap, colShortfall, colPace}
	return gapTable("PCNs of "+p.Name+" by shortfall", "gap-", cols, p.Rows, p.Sort)
}

// rows is the headline as a summary list.
func (s Summary) rows() []ui.SummaryListRow {
	target := ui.Count(int(s.TargetFTE+0.5)) + " additional FTE by " + s.Deadline.Format(dateLong) + " (" + s.TargetName + ")"
	rows := []ui.SummaryListRow{{Key: "Target", Value: target, TestID: "target"}}
	if !s.England {
		rows = append(rows, ui.SummaryListRow{Key: "Fair share of the target", Value: ui.FTE(s.FairShare) + " FTE", TestID: "fair-share"})
	}
	inPostDay := earlier(s.At, s.AsOf)
	return append(rows,
		ui.SummaryListRow{Key: "In post on the baseline, " + s.Baseline.Format(dateLong), Value: s.figure(s.BaselineFTE, s.BaselineUnknown, s.Baseline), TestID: "baseline-fte"},
		ui.SummaryListRow{Key: "In post on " + inPostDay.Format(dateLong), Value: s.figure(s.InPostFTE, s.InPostUnknown, inPostDay) + s.seriesNote(), TestID: "in-post-fte"},
		ui.SummaryListRow{Key: "Projected on " + s.At.Format(dateLong), Value: s.figure(s.ProjectedFTE, s.ProjectedUnknown, inPostDay), TestID: "projected-fte"},
		ui.SummaryListRow{Key: "Additional FTE", Value: s.figure(s.AdditionalFTE, s.GapUnknown(), inPostDay), TestID: "additional-fte"},
		ui.SummaryListRow{Key: "Gap", Value: s.figure(s.GapFTE, s.GapUnknown(), inPostDay), TestID: "gap-fte"},
		ui.SummaryListRow{Key: "Shortfall (PCNs short of their share)", Value: s.figure(s.ShortfallFTE, s.ShortfallUnknown, inPostDay), TestID: "shortfall-fte"},
		ui.SummaryListRow{Key: "PCNs short", Value: s.pcnsShort(inPostDay), TestID: "pcns-short"},
		ui.SummaryListRow{Key: "PCNs that made no return", Value: s.noReturn(inPostDay), TestID: "no-return"},
		ui.SummaryListRow{Key: "Required pace", Value: s.paceText(), TestID: "pace"},
	)
}

// noReturn says how many of the area's PCNs had no rows in the census of the in-post
// day (PLANNING.md, "No return"): each counts 0 FTE, as NHS England's totals do.
func (s Summary) noReturn(day time.Time) string {
	switch {
	case s.InPostUnknown || s.NationalSeries:
		return s.figure(0, true, day)
	case s.NoReturnPCNs == 0:
		return "None: every PCN made a return for the census of " + planning.CensusNeeded(day).Format("January 2006")
	}
	return ui.Count(s.NoReturnPCNs) + " of " + ui.Count(s.PCNs) + " had no rows in the census of " +
		planning.CensusNeeded(day).Format("January 2006") + ": each counts 0 FTE, as NHS England's published totals do"
}

// figure writes an FTE figure, or for one the staff data cannot give "no data" and the
// census that would describe day (PLANNING.md, "Known and unknown").
func (s Summary) figure(v float64, unknown bool, day time.Time) string {
	if !unknown {
		return ui.FTE(v) + " FTE"
	}
	return "No data: the staff records start at the census of " + s.DataStart.Format(dateLong) +
		"; this needs the census of " + planning.CensusNeeded(day).Format("January 2006")
}

// seriesNote labels England's in-post figure when it is NHS England's published series.
func (s Summary) seriesNote() string {
	if s.NationalSeries {
		return " (NHS England's published national series, not the staff records imported)"
	}
	return ""
}

func (s Summary) pcnsShort(day time.Time) string {
	if s.ShortfallUnknown {
		return s.figure(0, true, day)
	}
	return ui.Count(s.PCNsShort) + " of " + ui.Count(s.PCNs)
}

// Passed reports whether there is no pace to keep: the deadline is on or before the
// as-of date, or no month is left before it.
func (s Summary) Passed() bool { return s.MeasuredOnLatest || s.DeadlinePassed }

func (s Summary) paceText() string {
	if s.Passed() {
		return "None: the deadline has passed"
	}
	return ui.Decimal(s.Pace, 1) + " FTE a month to " + s.Deadline.Format(dateLong)
}

// PassedText is the statement every gap page makes when the deadline has passed
// (PLANNING.md, "Where the gap is measured").
func (s Summary) PassedText() string {
	return "The deadline has passed: the gap is measured on the latest data (" + s.At.Format(dateLong) + ")."
}

// Lead is the headline's sentence when the deadline has passed: what the area had on
// the latest data against the target, and how many PCNs are short of their share.
func (s Summary) Lead() string {
	if !s.MeasuredOnLatest || s.GapUnknown() || s.ShortfallUnknown {
		return ""
	}
	who, of, share := "the area", "its fair share", s.FairShare
	if s.England {
		who, of, share = "England", "it", s.TargetFTE
	}
	out := "The " + ui.Count(int(s.TargetFTE+0.5)) + " target was due on " + s.Deadline.Format(dateLong) + ". On " +
		s.At.Format(dateLong) + " " + who + " had " + ui.FTE(s.AdditionalFTE) + " additional ARRS FTE"
	if share > 0 {
		out += ", " + ui.Count(int(100*s.AdditionalFTE/share+0.5)) + "% of " + of
	}
	return out + "; " + s.shortPCNs() + " below their fair share" + s.shareBasis() + ", together " + ui.FTE(s.ShortfallFTE) + " FTE short."
}

// shortPCNs is the subject of the lead's last clause: the PCNs short, saying how many
// of them made no return (PLANNING.md, "No return").
func (s Summary) shortPCNs() string {
	out := ui.Count(s.PCNsShort) + " PCNs"
	if s.PCNsShort == 1 {
		out = "1 PCN"
	}
	verb := " are"
	if s.PCNsShort == 1 {
		verb = " is"
	}
	if s.NoReturnShort > 0 {
		return out + ", " + ui.Count(s.NoReturnShort) + " of which made no return," + verb
	}
	return out + verb
}

// shareBasis names what the fair shares divide the target by.
func (s Summary) shareBasis() string {
	switch {
	case s.ByListSize && s.Denominator == need.Need:
		return " by need-adjusted population"
	case s.ByListSize:
		return " by list size"
	case s.ByWeighted:
		return " by weighted population"
	}
	return " by weighted population (" + s.Denominator.Name() + " where none is in force)"
}

// pageLayout is /gaps's frame at the window's full width: its table has ten columns,
// and by ICB every one of them shows at 1280 px without a sideways scroll.
func (p Dashboard) pageLayout() layout.PageParams {
	l := p.Layout
	l.Wide = true
	return l
}

// standIn names what stands in for a PCN's weighted population on the ICB page.
func (p ICBPage) standIn() string {
	if p.Denominator != nil && p.Denominator.Need {
		return need.Need.Name()
	}
	return need.List.Name()
}
