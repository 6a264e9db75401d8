package gaps

import (
	"net/url"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
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
	Trajectory *Trajectory
	ListSize   ListSize
	Downloads  []Download
	// LaterDeadlineHref, when set, is a what-if with a deadline after the as-of date,
	// offered when the target's deadline has passed.
	LaterDeadlineHref string
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
}

// SetTable lays the main table out: rows (of p.Level) ordered as st asks, the links to
// the other levels, the downloads and, when the deadline at is before the as-of date, a
// later one, each link keeping the what-if q.
func (p *Dashboard) SetTable(rows []Row, q url.Values, st ui.Sort, at, asOf time.Time) {
	here := With(q, "level", p.Level)
	st.Query = here
	sortRows(rows, st)
	p.Rows, p.Sort = rows, st
	for _, l := range []struct{ level, text string }{{"region", "By region"}, {"icb", "By ICB"}, {"pcn", "By PCN"}} {
		p.LevelLinks = append(p.LevelLinks, LevelLink{Text: l.text, Href: Link("/gaps", With(q, "level", l.level)) + "#" + tableID, Current: p.Level == l.level})
	}
	p.Downloads = Downloads("/gaps", here)
	p.LaterDeadlineHref = laterDeadline("/gaps", here, at, asOf)
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
func (p *ICBPage) SetTable(rows []Row, q url.Values, st ui.Sort, at, asOf time.Time) {
	st.Query = q
	sortRows(rows, st)
	p.Rows, p.Sort = rows, st
	p.Downloads = Downloads(ICBHref(p.Code), q)
	p.LaterDeadlineHref = laterDeadline(ICBHref(p.Code), q, at, asOf)
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
	return append(rows,
		ui.SummaryListRow{Key: "In post on the baseline, " + s.Baseline.Format(dateLong), Value: ui.FTE(s.BaselineFTE) + " FTE", TestID: "baseline-fte"},
		ui.SummaryListRow{Key: "In post on " + earlier(s.At, s.AsOf).Format(dateLong), Value: ui.FTE(s.InPostFTE) + " FTE", TestID: "in-post-fte"},
		ui.SummaryListRow{Key: "Projected on " + s.At.Format(dateLong), Value: ui.FTE(s.ProjectedFTE) + " FTE", TestID: "projected-fte"},
		ui.SummaryListRow{Key: "Additional FTE", Value: ui.FTE(s.AdditionalFTE) + " FTE", TestID: "additional-fte"},
		ui.SummaryListRow{Key: "Gap", Value: ui.FTE(s.GapFTE) + " FTE", TestID: "gap-fte"},
		ui.SummaryListRow{Key: "Shortfall (PCNs short of their share)", Value: ui.FTE(s.ShortfallFTE) + " FTE", TestID: "shortfall-fte"},
		ui.SummaryListRow{Key: "PCNs short", Value: ui.Count(s.PCNsShort) + " of " + ui.Count(s.PCNs), TestID: "pcns-short"},
		ui.SummaryListRow{Key: "Required pace", Value: s.paceText(), TestID: "pace"},
	)
}

func (s Summary) paceText() string {
	if s.DeadlinePassed {
		return "The deadline has passed with " + ui.FTE(s.ShortfallFTE) + " FTE short"
	}
	return ui.Decimal(s.Pace, 1) + " FTE a month to " + s.Deadline.Format(dateLong)
}
