// Package rooms renders a PCN's rooms: its sites with the room sessions a week it can
// book there, the sessions its staff in post need, and the sessions needed with its
// plan quarter by quarter, each against those available (PLANNING.md, "Supervision and
// rooms"); and the forms that add, change and remove a site.
package rooms

import (
	"strconv"
	"strings"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"
)

// Page is the view model of /pcns/{code}/sites.
type Page struct {
	Layout           layout.PageParams
	PCNCode, PCNName string
	// AsOf is the day of the staff in post, the as-of date of every page (the latest
	// census); Today is the day the sites are read on. The quarters are the plan's.
	AsOf, Today time.Time
	CanChange   bool
	Success     string
	Check
	// Plan describes the plan used ("the accepted plan"); "" when the PCN has none.
	Plan  string
	Sites []SiteRow
	Needs []NeedRow
}

// Check is the room check: sessions a week needed against available, now and quarter
// by quarter with the plan. The clinical director's dashboard shows it too.
type Check struct {
	// NoSites is true when no site is recorded: the sessions available and short are
	// not known, and the pages say so rather than show 0 available (issue 11).
	NoSites bool
	// Sessions a week: available at the sites, needed by the staff in post, and what
	// is lacking.
	Available, NeededNow, ShortNow float64
	// ShortWithPlan is what is lacking in the last quarter shown, the largest (needs
	// only grow); FirstShort names the first quarter short with the plan, "" if none.
	ShortWithPlan float64
	FirstShort    string
	Quarters      []QuarterRow
}

// SiteRow is one site.
type SiteRow struct {
	ID         int64
	Name       string
	Sessions   float64
	ChangeHref string
}

// NeedRow is the sessions the staff in post in one role need.
type NeedRow struct {
	Role                  string
	FTE, PerWTE, Sessions float64
}

// QuarterRow is the room check at the start of one quarter, with the plan.
type QuarterRow struct {
	Quarter string // "2027/28 Q1"
	// Starters are the FTE the plan starts in the quarter; Needed the sessions needed
	// by the staff in post and every starter so far.
	Starters, Needed, Available, Short float64
}

// Href is the PCN's sites page.
func Href(pcn string) string { return "/pcns/" + pcn + "/sites" }

// SiteHref is a site's change form ("new" adds one); /remove follows it.
func SiteHref(pcn string, id int64) string {
	if id == 0 {
		return Href(pcn) + "/new"
	}
	return Href(pcn) + "/" + strconv.FormatInt(id, 10)
}

// QuarterID is a quarter's test id: "2027/28 Q1" → "quarter-2027-28-q1".
func QuarterID(q string) string {
	return "quarter-" + strings.ToLower(strings.NewReplacer("/", "-", " ", "-").Replace(q))
}

func sessions(x float64) string { return ui.Decimal(x, 1) }

// NoSitesText stands for the sessions available and short when no site is recorded.
const NoSitesText = "Not known: no sites recorded yet"

// Known is what a figure of sessions available or short shows: the figure, or
// NoSitesText when no site is recorded.
func (c Check) Known(x float64) string {
	if c.NoSites {
		return NoSitesText
	}
	return sessions(x)
}

func (p Page) summaryList() ui.SummaryListParams {
	if p.NoSites {
		return ui.SummaryListParams{ID: "rooms-summary", Rows: []ui.SummaryListRow{
			{Key: "Room sessions a week available at the sites", Content: figure(NoSitesText, "rooms-available")},
			{Key: "Needed by the staff in post", Content: figure(sessions(p.NeededNow), "rooms-needed-now")},
		}}
	}
	rows := []ui.SummaryListRow{
		{Key: "Room sessions a week available at the sites", Content: figure(sessions(p.Available), "rooms-available")},
		{Key: "Needed by the staff in post", Content: figure(sessions(p.NeededNow), "rooms-needed-now")},
		{Key: "Short now", Content: flagged(sessions(p.ShortNow), "rooms-short-now", p.ShortNow > 0, "Short")},
	}
	if len(p.Quarters) > 0 {
		last := p.Quarters[len(p.Quarters)-1].Quarter
		first := p.FirstShort
		if first == "" {
			first = "None"
		}
		rows = append(rows,
			ui.SummaryListRow{Key: "Short with the plan by " + last, Content: flagged(sessions(p.ShortWithPlan), "rooms-short-with-plan", p.ShortWithPlan > 0, "Short")},
			ui.SummaryListRow{Key: "First quarter short with the plan", Content: figure(first, "rooms-first-short")})
	}
	return ui.SummaryListParams{ID: "rooms-summary", Rows: rows}
}

func (p Page) siteTable() ui.TableParams {
	rows := make([]ui.TableRow, 0, len(p.Sites)+1)
	for _, s := range p.Sites {
		cells := []ui.TableCell{{Text: s.Name}, {Text: sessions(s.Sessions)}}
		if p.CanChange {
			cells = append(cells, ui.TableCell{Content: siteActions(s)})
		}
		rows = append(rows, ui.TableRow{TestID: "site-" + strconv.FormatInt(s.ID, 10), Cells: cells})
	}
	total := []ui.TableCell{{Text: "Total"}, {Text: sessions(p.Available)}}
	if p.CanChange {
		total = append(total, ui.TableCell{})
	}
	rows = append(rows, ui.TableRow{TestID: "sites-total", Cells: total})
	head := []ui.TableHeader{{Text: "Site"}, {Text: "Bookable sessions a week", Numeric: true}}
	if p.CanChange {
		head = append(head, ui.TableHeader{VisuallyHiddenText: "Actions"})
	}
	return ui.TableParams{Caption: "Sites", CaptionSize: ui.SizeM, FirstCellIsHeader: true, ID: "sites", Head: head, Rows: rows}
}

func (p Page) needTable() ui.TableParams {
	rows := make([]ui.TableRow, 0, len(p.Needs)+1)
	for _, n := range p.Needs {
		rows = append(rows, ui.TableRow{Cells: []ui.TableCell{{Text: n.Role}, {Text: ui.Decimal(n.FTE, 2)}, {Text: ui.Decimal(n.PerWTE, 1)}, {Text: sessions(n.Sessions)}}})
	}
	rows = append(rows, ui.TableRow{TestID: "needs-total", Cells: []ui.TableCell{{Text: "Total"}, {}, {}, {Text: sessions(p.NeededNow)}}})
	return ui.TableParams{Caption: "Sessions needed by the staff in post", CaptionSize: ui.SizeM, FirstCellIsHeader: true, ID: "needs",
		Head: []ui.TableHeader{{Text: "Role"}, {Text: "FTE in post", Numeric: true}, {Text: "Sessions a week per WTE", Numeric: true}, {Text: "Sessions a week", Numeric: true}},
		Rows: rows}
}

func (p Page) quarterTable() ui.TableParams {
	rows := make([]ui.TableRow, 0, len(p.Quarters))
	for _, q := range p.Quarters {
		id := QuarterID(q.Quarter)
		rows = append(rows, ui.TableRow{TestID: id, Cells: []ui.TableCell{
			{Text: q.Quarter}, {Text: ui.Decimal(q.Starters, 2)}, {Text: sessions(q.Needed)}, {Text: p.Known(q.Available)},
			{Content: flagged(p.Known(q.Short), id+"-short", !p.NoSites && q.Short > 0, "Short")},
		}})
	}
	return ui.TableParams{Caption: "With the plan, at the start of each quarter", CaptionSize: ui.SizeM, FirstCellIsHeader: true, ID: "quarters",
		Head: []ui.TableHeader{{Text: "Quarter"}, {Text: "Starters that quarter (FTE)", Numeric: true}, {Text: "Sessions needed", Numeric: true},
			{Text: "Sessions available", Numeric: true}, {Text: "Short"}},
		Rows: rows}
}

// SiteRows are the PCN's sites as the page lists them, each with its change form.
func SiteRows(pcn string, sites []workforce.Site) []SiteRow {
	rows := make([]SiteRow, 0, len(sites))
	for _, site := range sites {
		rows = append(rows, SiteRow{ID: site.ID, Name: site.Name, Sessions: site.SessionsPerWeek, ChangeHref: SiteHref(pcn, site.ID)})
	}
	return rows
}
