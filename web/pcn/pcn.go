// Package pcn renders a Primary Care Network: its overview (FTE by role and the
// member practices with their patients, open to every signed-in user) and its staff
// records (grouped by role, ARRS roles apart from the PCN's other staff, with each
// record's source), which only the PCN's own users, its ICB's leads and admins see.
package pcn

import (
	"strconv"
	"time"

	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"
)

// Page is the view model of /pcns/{code}.
type Page struct {
	Layout         layout.PageParams
	Code, Name     string
	ICBCode        string
	ICBName        string
	At             time.Time
	Census         bool
	Patients       int
	Practices      int
	ARRS, NonARRS  float64
	PerTenThousand float64
	// NoData: the day is before the data start, so the staff records give none of the
	// FTE figures (PLANNING.md, "Known and unknown"); NoDataText says so in their place.
	NoData     bool
	NoDataText string
	// Absent says the PCN had no place in the structure of the page's day (a day
	// before it was formed): the page then shows that and no figures.
	Absent string
	// ShowStaff renders the staff records (/pcns/{code}/staff); otherwise the page is
	// the overview, with FTE by role only.
	ShowStaff bool
	// CanSeeStaff links the overview to the staff records.
	CanSeeStaff bool
	// Home is what waits for the network's own manager or director, on the
	// overview; nil for everyone else.
	Home *Home
	// MemberPractices are the PCN's practices on the page's day, on the overview.
	MemberPractices Practices
	// Gap is the network against its fair share of the target, on the overview; nil
	// before any import or target.
	Gap *GapPanel
	// Deciles is the network's staffing per 10,000 need-adjusted patients against
	// England's deciles, on the overview; nil elsewhere.
	Deciles     *Deciles
	ARRSGroups  []Group
	OtherGroups []Group
	// CanChange shows, on the staff records, the links that add, change and end them
	// (the PCN's managers and admins).
	CanChange bool
	// Success and Warnings are the outcome of the last save of a record.
	Success  string
	Warnings []string
	// Upcoming are the records that start after At: recruits not yet in post.
	Upcoming []Staff
}

// Group is the staff of one role.
type Group struct {
	Key   string // role code for ARRS groups, NWRS staff role otherwise
	Title string
	Href  string // the role guide, for ARRS roles
	FTE   float64
	Rows  []Staff
	// DateHeading names the start date column ("In post since" unless set); NoTotal
	// leaves out the total row.
	DateHeading string
	NoTotal     bool
}

// Staff is one staff record in post.
type Staff struct {
	ID         int64
	Href       string // the record's change form; /end and /history follow it
	Role       string // NWRS detailed role, or the role name for manual records
	Source     string
	Identifier string
	FTE        float64
	Since      time.Time
	// InCensus marks a Since that is only the census that first carried an imported
	// record (NWRS gives no start dates): shown as "in the census since".
	InCensus bool
	// End is the first day no longer in post, zero while open-ended; a record with
	// one shows it and offers no "End" link.
	End time.Time
	// Funding is how the post is paid for: its stream, and the practice that claims
	// for a practice-scheme GP.
	Funding string
	// ARRS marks a record in an ARRS role, which has an integration record (its form
	// follows Href; IntegrationPage is the PCN's integration page, for those who may
	// not change it).
	ARRS            bool
	IntegrationPage string
}

// sinceText is when the record began: "1 Apr 2025", or "In the census since 30 Nov
// 2025" for an imported record whose file gave no start date.
func (s Staff) sinceText() string {
	if s.InCensus {
		return "In the census since " + s.Since.Format("2 Jan 2006")
	}
	return s.Since.Format("2 Jan 2006")
}

func (g Group) table(canChange bool) ui.TableParams {
	rows := make([]ui.TableRow, 0, len(g.Rows))
	for _, s := range g.Rows {
		rows = append(rows, ui.TableRow{TestID: "staff-" + strconv.FormatInt(s.ID, 10), Cells: []ui.TableCell{
			{Text: s.Role}, {Text: s.Source}, {Text: s.Identifier}, {Content: dates(s)}, {Text: s.Funding}, {Text: ui.Decimal(s.FTE, 2)},
			{Content: recordLinks(s, canChange)},
		}})
	}
	if !g.NoTotal {
		rows = append(rows, ui.TableRow{TestID: "group-total-" + g.Key, Cells: []ui.TableCell{
			{Text: "Total"}, {}, {}, {}, {}, {Text: ui.Decimal(g.FTE, 2)}, {},
		}})
	}
	return ui.TableParams{
		Caption: g.Title, CaptionSize: ui.SizeS, Compact: true,
		Head: []ui.TableHeader{{Text: "Detailed role"}, {Text: "Data source"}, {Text: "NWRS identifier"}, {Text: orDefault(g.DateHeading, "In post since")},
			{Text: "Paid by"}, {Text: "FTE", Numeric: true}, {Text: "Record"}},
		Rows: rows,
	}
}

// upcoming is the records that start after the page's date, as one group.
func (p Page) upcoming() Group {
	return Group{Key: "upcoming", Title: "Starting after " + p.At.Format("2 January 2006"), Rows: p.Upcoming, DateHeading: "Starts", NoTotal: true}
}

// figure is an FTE figure from the staff records, or "no data" before the data start.
func (p Page) figure(text string) string {
	if p.NoData {
		return p.NoDataText
	}
	return text
}

// patientsText is the PCN's list, or "no data" when none is known: no practice
// recorded and no published list (unknown is not zero).
func (p Page) patientsText() string {
	if p.Patients == 0 {
		return noList
	}
	return ui.Count(p.Patients)
}

// perTenThousandText is the ARRS FTE per 10,000 registered patients: unknown before
// the data start, and with no list to divide by.
func (p Page) perTenThousandText() string {
	if p.Patients == 0 && !p.NoData {
		return noList
	}
	return p.figure(ui.Decimal(p.PerTenThousand, 2))
}

// noList stands in for a list size, and the figures divided by it, when the PCN has
// none on the day.
const noList = "no data"

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// roleTable is the overview's FTE by role: ARRS roles, then other PCN staff by NWRS role.
func (p Page) roleTable() ui.TableParams {
	var rows []ui.TableRow
	for _, g := range p.ARRSGroups {
		rows = append(rows, ui.TableRow{TestID: "role-" + g.Key, Cells: []ui.TableCell{{Text: g.Title, Href: g.Href}, {Text: "ARRS"}, {Text: ui.Decimal(g.FTE, 2)}}})
	}
	for _, g := range p.OtherGroups {
		rows = append(rows, ui.TableRow{TestID: "role-" + g.Key, Cells: []ui.TableCell{{Text: g.Title}, {Text: "Other PCN staff"}, {Text: ui.Decimal(g.FTE, 2)}}})
	}
	return ui.TableParams{
		Caption: "FTE in post by role", FirstCellIsHeader: true, ID: "roles",
		Head: []ui.TableHeader{{Text: "Role"}, {Text: "Counted as"}, {Text: "FTE", Numeric: true}},
		Rows: rows,
	}
}
