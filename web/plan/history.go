package plan

import (
	"strconv"

	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"
)

// HistoryPage is the view model of /pcns/{code}/plan/history: every version with who
// did what and when, and the differences between two chosen versions.
type HistoryPage struct {
	Layout   layout.PageParams
	Code     string
	Name     string
	Versions []Version // newest first
	Events   []Event   // oldest first
	// From and To are the versions compared (their ids as the form posts them).
	From, To string
	// Compared is true when two versions were chosen; the differences follow.
	Compared         bool
	FromText, ToText string
	Added            []Change
	Removed          []Change
	Changed          []Change
}

// Event is one step of a version's life.
type Event struct {
	Version int
	What    string // "Returned by the clinical director"
	By      string
	At      string // as When writes it
	Comment string
	// Quoted marks a comment in someone's own words (a reviewer's), quoted as such;
	// the others say what the step did ("copied from version 1").
	Quoted bool
}

// Text reads "Returned by the clinical director (jo@nhs.net) on 3 May 2026 at 14:05:
// ‘Add the dietitian’".
func (e Event) Text() string {
	t := e.What
	if e.By != "" {
		t += " (" + e.By + ")"
	}
	if e.At != "" {
		t += " on " + e.At
	}
	return t + e.commentText()
}

func (e Event) commentText() string {
	switch {
	case e.Comment == "":
		return ""
	case e.Quoted:
		return ": ‘" + e.Comment + "’"
	}
	return ": " + e.Comment
}

func (p HistoryPage) versionsTable() ui.TableParams {
	rows := make([]ui.TableRow, len(p.Versions))
	for i, v := range p.Versions {
		current := ""
		if v.Current {
			current = "Current plan"
		}
		rows[i] = ui.TableRow{TestID: "version-" + strconv.FormatInt(v.ID, 10), Cells: []ui.TableCell{
			{Text: v.Title(), Href: "/pcns/" + p.Code + "/plan?version=" + strconv.FormatInt(v.ID, 10)},
			{Content: ui.Tag(ui.TagParams{Text: v.Status.Label, Colour: v.Status.Colour})},
			{Content: versionSteps(v)}, {Text: current},
		}}
	}
	return ui.TableParams{Caption: "Versions", FirstCellIsHeader: true, ID: "versions",
		Head: []ui.TableHeader{{Text: "Version"}, {Text: "Status"}, {Text: "Who and when"}, {Text: "Used by the gap report"}}, Rows: rows}
}

func (p HistoryPage) eventsTable() ui.TableParams {
	rows := make([]ui.TableRow, len(p.Events))
	for i, e := range p.Events {
		what := e.What + e.commentText()
		rows[i] = ui.TableRow{Cells: []ui.TableCell{{Text: e.At}, {Text: "Version " + strconv.Itoa(e.Version)}, {Text: what}, {Text: e.By}}}
	}
	return ui.TableParams{Caption: "Every step", FirstCellIsHeader: true, Compact: true, ID: "events",
		Head: []ui.TableHeader{{Text: "When"}, {Text: "Version"}, {Text: "What"}, {Text: "Who"}}, Rows: rows}
}

func (p HistoryPage) choices(selected string) []ui.SelectItem {
	items := make([]ui.SelectItem, len(p.Versions))
	for i, v := range p.Versions {
		id := strconv.FormatInt(v.ID, 10)
		items[i] = ui.SelectItem{Value: id, Text: v.Title() + " (" + v.Status.Label + ")", Selected: id == selected}
	}
	return items
}
