package plan

import (
	"strconv"

	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"
)

// Confirm is the view model of a move's confirmation page,
// /pcns/{code}/plan/{submit|sign-off|send-back|accept|return}?version=ID: what the move
// will do and the form that takes it, or why the version cannot take it. Every move
// of the workflow is irreversible, so none is taken from the plan page itself.
type Confirm struct {
	Layout layout.PageParams // its Title is the page's heading
	Code   string
	Name   string
	// Move is the move's address: submit, sign-off, send-back, accept or return.
	Move    string
	Version Version
	// Refused says why the version cannot take the move (its status, or the duty
	// rule); the page then has no form.
	Refused      string
	ProblemTitle string
	Problems     []ui.ErrorSummaryItem
	// Happens says what the move will do, one sentence each.
	Happens []string
	// PlanID and PlanVersion are what the form posts: the version, at the state the
	// person saw (a move over a version changed since is refused).
	PlanID      int64
	PlanVersion int
	Comment     Comment
	Button      string
	// Check is the check-your-answers summary of a plan to submit; nil for the other
	// moves.
	Check *Check
	// Comparisons are what the version changes: since it was last returned to the
	// network (did the network act on the comment?), and against the current plan.
	Comparisons []Comparison
}

// PlanHref is the plan page of the version, where Cancel goes back to.
func (c Confirm) PlanHref() string {
	return "/pcns/" + c.Code + "/plan?version=" + strconv.FormatInt(c.PlanID, 10)
}

// Action is the address the form posts to.
func (c Confirm) Action() string { return "/pcns/" + c.Code + "/plan/" + c.Move }

// Comment is a move's comment box: required to return a plan, optional to accept it,
// absent for the other moves.
type Comment struct {
	Show     bool
	Required bool
	Label    string
	Hint     string
	Value    string
	Error    string
}

// Check is what a plan about to be submitted does, year by year, with the warnings to
// read first (issue 13, "check your answers"); what it changes is the page's
// Comparisons.
type Check struct {
	// Warnings are the plan page's "Check before you submit" (leavers above the staff
	// in post, a cost above the cap, more of a role than the scheme funds) and each
	// year that spends more than its entitlement.
	Warnings []Warning
	Years    []CheckYear
	// Notes say why a figure is not known (no census, no target).
	Notes []string
	// Rooms and Supervision are the warnings and facts of the rooms and supervision
	// checks with this plan, one sentence each; the hrefs are their pages.
	Rooms           []string
	RoomsHref       string
	Supervision     []string
	SupervisionHref string
}

// Comparison is what a version changes against another set of lines: the version as
// it was returned, the current plan, or none (every cell is new).
type Comparison struct {
	// ID names it for the page: "returned", "current" or "new".
	ID string
	// Heading says what the version is compared with: "Changes since version 2,
	// returned by the clinical director (jo@nhs.net) on 3 May 2026 at 14:05".
	Heading string
	// Unknown, when set, says why the changes cannot be listed.
	Unknown string
	// Changed counts the cells changed in each financial year; Changes lists them.
	Changed []YearChange
	Changes []Change
}

// CheckYear is one financial year of the plan: the figures the plan page shows for it.
type CheckYear struct {
	Label    string // "2026/27"
	ID       string // "2026"
	EditHref string // the editor on that year
	Starters float64
	Leavers  float64
	// EndFTE is the projected ARRS FTE on the year's last day; nil when not known.
	EndFTE *float64
	// Money is the year's money with this plan; nil when not known.
	Money *CheckMoney
	// Notes are what the year's money assumes, as the plan page words them.
	Notes []string
}

// CheckMoney is a year's money with the plan: the plan page's figures. With NoRate
// no funding rate is held, so the entitlement and what is left of it are not known;
// what is committed and planned still is.
type CheckMoney struct {
	Entitlement, Committed, Planned, Left workforce.Pence
	NoRate                                bool
}

// YearChange is the number of cells of the grid a year changes.
type YearChange struct {
	Year  string
	Cells int
}

func (y CheckYear) rows() ui.SummaryListParams {
	change := func(what string) []ui.SummaryListAction {
		return []ui.SummaryListAction{{Text: "Change", Href: y.EditHref, VisuallyHiddenText: " " + what + " in " + y.Label}}
	}
	end, planned, left := ui.NoData, ui.NoData, ui.NoData
	if y.EndFTE != nil {
		end = ui.FTE(*y.EndFTE) + " FTE"
	}
	if m := y.Money; m != nil {
		planned = m.Planned.Whole()
		left = m.left()
	}
	return ui.SummaryListParams{ID: "check-" + y.ID, Rows: []ui.SummaryListRow{
		{Key: "Starters", Value: ui.FTE(y.Starters) + " FTE", Actions: change("starters"), TestID: "starters"},
		{Key: "Leavers", Value: ui.FTE(y.Leavers) + " FTE", Actions: change("leavers"), TestID: "leavers"},
		{Key: "ARRS FTE at the year end (projected)", Value: end, TestID: "end-fte"},
		{Key: "Planned for starters (their cost in the year, less leavers')", Value: planned, TestID: "planned"},
		{Key: "Entitlement left (headroom)", Value: left, TestID: "left"},
	}}
}

// left is the entitlement left and how it is worked out; with no rate held it is not
// known, and only what is committed and planned is.
func (m CheckMoney) left() string {
	spent := m.Committed.Whole() + " committed to staff in post and " + m.Planned.Whole() + " planned for starters"
	if m.NoRate {
		return ui.NoData + " (no funding rate is held for the entitlement; " + spent + ")"
	}
	return m.Left.Whole() + " (entitlement " + m.Entitlement.Whole() + ", less " + spent + ")"
}

// text is "2026/27: 3 cells changed".
func (c YearChange) text() string {
	cells := "1 cell"
	if c.Cells != 1 {
		cells = strconv.Itoa(c.Cells) + " cells"
	}
	return c.Year + ": " + cells + " changed"
}

// warningsHeading heads a version's warnings: "Check before you submit" for the person
// editing it or about to submit it; on a version that is not being edited (submitted,
// accepted, or shown to someone who only reads it) there is nothing to submit.
func warningsHeading(editing bool) string {
	if editing {
		return "Check before you submit"
	}
	return "Warnings on this version"
}
