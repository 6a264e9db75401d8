// Package supervision renders a PCN's supervision: who supervises its staff, the links
// between them, coverage, each supervisor's load and trainee ratio, and the time it
// takes from clinical work in GP sessions (PLANNING.md, "Supervision and rooms"); and
// the forms that add and change supervisors and links and end a link.
package supervision

import (
	"strconv"
	"time"

	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"
)

// Page is the view model of /pcns/{code}/supervision.
type Page struct {
	Layout           layout.PageParams
	PCNCode, PCNName string
	// AsOf is the day of the staff in post, the as-of date of every page (the latest
	// census); At is today (or ?at=), the day of the links and supervisors in force;
	// Today is the reader's today, so that another day is never called today.
	AsOf, At, Today time.Time
	// CanChange shows the links that add and change supervisors and links.
	CanChange   bool
	Success     string
	Summary     Summary
	Uncovered   []Person
	Supervisors []SupervisorRow
	Links       []LinkRow
}

// AtText names the day of the links and supervisors in force: "as of today, 7
// December 2026" when it is today, else "on 1 March 2027" (a ?at= day).
func (p Page) AtText() string {
	if p.At.Equal(p.Today) {
		return "as of today, " + p.At.Format(dateLong)
	}
	return "on " + p.At.Format(dateLong)
}

// Summary is the PCN's supervision in figures.
type Summary struct {
	// NoSupervision is true when no supervisor or link is recorded: coverage and load
	// are not known, and the pages say so rather than "0 of n (0%)" (issue 11).
	NoSupervision bool
	// Needing counts the staff in post in roles that need clinical supervision;
	// Covered those of them with an active clinical link; Share is Covered / Needing.
	Needing, Covered int
	Share            float64
	// LinkedHours is Σ hours a month of the links in force; GPSessions the same in GP
	// sessions (4 hours 10 minutes each).
	LinkedHours, GPSessions float64
	Overloaded              int
	OverRatio               int
	Trainees                int
	TraineeCapacity         float64
}

// Person is a staff record as the pages name it (records carry no names).
type Person struct {
	ID   int64
	Text string
}

// SupervisorRow is one supervisor with their load.
type SupervisorRow struct {
	ID               int64
	Name, Profession string
	Active           bool
	FTE              float64
	// Available and Linked are hours a month; Load is Linked / Available.
	Available, Linked float64
	Load              float64
	Overloaded        bool
	Trainees          int
	TraineeCapacity   float64
	TooManyTrainees   bool
	ChangeHref        string
}

// LinkRow is one supervision link.
type LinkRow struct {
	ID                           int64
	Supervisee, Supervisor, Kind string
	Hours                        float64
	Start, End                   time.Time
	Status                       LinkStatus
	ChangeHref                   string
}

// LinkStatus says whether a link is in force on the page's day.
type LinkStatus string

// The statuses of a link.
const (
	LinkActive LinkStatus = "In force"
	LinkFuture LinkStatus = "Starts later"
	LinkEnded  LinkStatus = "Ended"
)

// Href is the PCN's supervision page.
func Href(pcn string) string { return "/pcns/" + pcn + "/supervision" }

// SupervisorHref is a supervisor's change form; "new" adds one.
func SupervisorHref(pcn string, id int64) string {
	return Href(pcn) + "/supervisors/" + idOrNew(id)
}

// LinkHref is a link's change form ("new" adds one); /end follows it.
func LinkHref(pcn string, id int64) string { return Href(pcn) + "/links/" + idOrNew(id) }

func idOrNew(id int64) string {
	if id == 0 {
		return "new"
	}
	return strconv.FormatInt(id, 10)
}

// Percent shows a share as a whole percentage: 0.6667 → "67%".
func Percent(share float64) string { return ui.Decimal(share*100, 0) + "%" }

// NoSupervisionText stands for coverage when no supervisor or link is recorded.
const NoSupervisionText = "Not known: no supervision recorded yet"

func (p Page) summaryList() ui.SummaryListParams {
	s := p.Summary
	if s.NoSupervision {
		return ui.SummaryListParams{ID: "supervision-summary", Rows: []ui.SummaryListRow{
			{Key: "Staff in post needing clinical supervision", Content: figure(strconv.Itoa(s.Needing), "coverage-needing")},
			{Key: "Coverage", Content: figure(NoSupervisionText, "coverage")},
		}}
	}
	return ui.SummaryListParams{ID: "supervision-summary", Rows: []ui.SummaryListRow{
		{Key: "Staff in post needing clinical supervision", Content: figure(strconv.Itoa(s.Needing), "coverage-needing")},
		{Key: "Of them, with clinical supervision in force", Content: figure(strconv.Itoa(s.Covered), "coverage-covered")},
		{Key: "Coverage", Content: flagged(Percent(s.Share), "coverage", s.Covered < s.Needing, "Not everyone is covered", ui.TagOrange)},
		{Key: "Supervision hours a month", Content: figure(ui.Decimal(s.LinkedHours, 1), "linked-hours")},
		{Key: "GP sessions a month taken from clinical work", Content: figure(ui.Decimal(s.GPSessions, 1), "gp-sessions")},
		{Key: "Overloaded supervisors", Content: flagged(strconv.Itoa(s.Overloaded), "overloaded-count", s.Overloaded > 0, "Overloaded", ui.TagRed)},
		{Key: "Supervisors over the trainee ratio", Content: flagged(strconv.Itoa(s.OverRatio), "over-ratio-count", s.OverRatio > 0, "Over the ratio", ui.TagRed)},
		{Key: "Trainees, against places (4 per full-time supervisor)", Content: figure(strconv.Itoa(s.Trainees)+" of "+ui.Decimal(s.TraineeCapacity, 1), "trainee-places")},
	}}
}

func (p Page) supervisorTable() ui.TableParams {
	rows := make([]ui.TableRow, 0, len(p.Supervisors))
	for _, s := range p.Supervisors {
		id := "supervisor-" + strconv.FormatInt(s.ID, 10)
		cells := []ui.TableCell{
			{Content: supervisorName(s)}, {Text: s.Profession}, {Text: ui.Decimal(s.FTE, 2)},
			{Text: ui.Decimal(s.Available, 1)}, {Text: ui.Decimal(s.Linked, 1)},
			{Content: flagged(Percent(s.Load), id+"-load", s.Overloaded, "Overloaded", ui.TagRed)},
			{Content: flagged(strconv.Itoa(s.Trainees)+" of "+ui.Decimal(s.TraineeCapacity, 1), id+"-trainees", s.TooManyTrainees, "Over the ratio", ui.TagRed)},
		}
		if p.CanChange {
			cells = append(cells, ui.TableCell{Content: changeLink(s.ChangeHref, s.Name)})
		}
		rows = append(rows, ui.TableRow{TestID: id, Cells: cells})
	}
	head := []ui.TableHeader{{Text: "Name"}, {Text: "Profession"}, {Text: "FTE", Numeric: true},
		{Text: "Hours available a month", Numeric: true}, {Text: "Hours linked a month", Numeric: true},
		{Text: "Load"}, {Text: "Trainees, of places"}}
	if p.CanChange {
		head = append(head, ui.TableHeader{VisuallyHiddenText: "Actions"})
	}
	return ui.TableParams{Caption: "Supervisors", CaptionSize: ui.SizeM, FirstCellIsHeader: true, ID: "supervisors", Head: head, Rows: rows}
}

func (p Page) linkTable() ui.TableParams {
	rows := make([]ui.TableRow, 0, len(p.Links))
	for _, l := range p.Links {
		until := "Open"
		if !l.End.IsZero() {
			until = l.End.Format(dateShort)
		}
		cells := []ui.TableCell{
			{Text: l.Supervisee}, {Text: l.Supervisor}, {Text: l.Kind}, {Text: ui.Decimal(l.Hours, 1)},
			{Text: l.Start.Format(dateShort)}, {Text: until}, {Content: statusTag(l.Status)},
		}
		if p.CanChange {
			cells = append(cells, ui.TableCell{Content: linkActions(l)})
		}
		rows = append(rows, ui.TableRow{TestID: "link-" + strconv.FormatInt(l.ID, 10), Cells: cells})
	}
	head := []ui.TableHeader{{Text: "Supervisee"}, {Text: "Supervisor"}, {Text: "Kind"}, {Text: "Hours a month", Numeric: true},
		{Text: "From"}, {Text: "Until"}, {Text: "Status"}}
	if p.CanChange {
		head = append(head, ui.TableHeader{VisuallyHiddenText: "Actions"})
	}
	return ui.TableParams{Caption: "Supervision links", CaptionSize: ui.SizeM, FirstCellIsHeader: true, ID: "links", Head: head, Rows: rows}
}

const (
	dateShort = "2 Jan 2006"
	dateLong  = "2 January 2006"
)

func statusColour(s LinkStatus) ui.TagColour {
	switch s {
	case LinkActive:
		return ui.TagGreen
	case LinkFuture:
		return ui.TagBlue
	}
	return ui.TagGrey
}
