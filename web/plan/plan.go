// Package plan renders a PCN's recruitment plan: the editor (a plain HTML form grid of
// ARRS roles × quarters for three financial years, with the projection, the gap to the
// fair share and the money left beside it), the same grid read-only for a version in
// sign-off or for people who may only look, the workflow's buttons, and the history of
// versions with the differences between two of them.
package plan

import (
	"strconv"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"
)

// Page is the view model of /pcns/{code}/plan.
type Page struct {
	Layout  layout.PageParams
	Code    string
	Name    string
	Success string
	// ProblemTitle and Problems fill the error summary: the grid's messages (422), a
	// save refused because someone else saved first (409), or a refused move.
	ProblemTitle string
	Problems     []ui.ErrorSummaryItem
	// Version is the version shown; its ID is 0 when the PCN has no plan yet.
	Version Version
	// Others are the versions worth knowing about besides the one shown: the editable
	// draft, and versions waiting for sign-off or review.
	Others []VersionLink
	// Editing makes the grid a form; Form holds what it posts besides the cells.
	Editing bool
	Form    FormState
	// StartsDraft is true when saving the form starts a new draft from a read-only
	// version (the grid is a copy of it).
	StartsDraft bool
	// EditHref starts a new draft from the version shown; "" when the user may not.
	EditHref string
	Grid     Grid
	Warnings []Warning
	Conflict *Conflict
	Figures  Figures
	Actions  Actions
	// Outside counts the version's lines outside the three years shown: kept as they
	// are by every save from the grid.
	Outside int
	Files   Files
}

// FormState is what the grid form posts besides its cells: the version it was
// opened on, and that version's lines (Base), against which a save refused because
// someone else saved first tells each person's changes apart.
type FormState struct {
	Action  string
	PlanID  int64
	Version int
	Base    string
	// Year is the financial year the form shows ("2027"): a save changes only its cells.
	Year string
	// Preview is where the editor's script posts the grid for its figures as typed.
	Preview string
	// Unsaved is true when the grid holds input that was not saved (a refused save):
	// leaving the page warns, as after typing.
	Unsaved bool
}

// Version describes one version of the plan.
type Version struct {
	ID      int64
	Number  int // 1 for the PCN's first version, by creation
	Status  Status
	Created Stamp
	Steps   []Stamp // every move (submitted, signed off, returned, accepted), oldest first
	// Timeline is every move of the version's workflow, oldest first, each with who
	// took it, when, and their comment (from the plan's events).
	Timeline []Event
	// Comment is the comment of the return or acceptance the version is in, and
	// CommentFrom who made it: "the clinical director (jo@nhs.net) on 3 May 2026 at
	// 14:05" or "the ICB (…)".
	Comment     string
	CommentFrom string
	Current     bool // the PCN's current plan, which the gap report projects with
	Editable    bool
}

// Stamp is who did something to a version, and when.
type Stamp struct {
	What string
	By   string
	At   time.Time
}

// Text reads "Submitted by jo@nhs.net on 3 May 2026 at 14:05".
func (s Stamp) Text() string {
	t := s.What
	if s.By != "" {
		t += " by " + s.By
	}
	if !s.At.IsZero() {
		t += " on " + When(s.At)
	}
	return t
}

// When formats a moment for a page, in UK time (GMT or BST), as people read clocks.
func When(t time.Time) string {
	return workforce.InEngland(t).Format("2 January 2006 at 15:04")
}

// Status is a version's place in the sign-off.
type Status struct {
	Code   string // the store's status: draft, submitted, signed_off, accepted, returned, superseded
	Label  string
	Colour ui.TagColour
}

// StatusOf is a status as pages show it: its label, in its colour.
func StatusOf(s workforce.PlanStatus) Status {
	colour := map[workforce.PlanStatus]ui.TagColour{workforce.PlanDraft: ui.TagGrey, workforce.PlanSubmitted: ui.TagBlue,
		workforce.PlanSignedOff: ui.TagPurple, workforce.PlanAccepted: ui.TagGreen, workforce.PlanReturned: ui.TagOrange,
		workforce.PlanSuperseded: ui.TagWhite}[s]
	return Status{Code: string(s), Label: s.Label(), Colour: colour}
}

// VersionLink points at another version of the plan.
type VersionLink struct {
	Text string
	Href string
}

// Title is "Version 3".
func (v Version) Title() string { return "Version " + strconv.Itoa(v.Number) }

// Warning is something to check in a saved plan that does not stop it: a cost above
// the role's cap, more of a role than the scheme funds.
type Warning struct {
	Text string
	Href string // the cell it is about
}

// Actions are the workflow's moves the user may take on the version shown: each a
// link to its confirmation page (confirm.go), which holds the form that takes it.
type Actions struct {
	PlanID  int64
	Submit  bool
	SignOff bool
	// SendBack is the clinical director's return of a submitted plan, with a comment.
	SendBack bool
	Review   bool // the ICB's review: return with a comment
	Accept   bool // accept: with Review, unless the person took an earlier move
	// Barred says why a move the version waits for is not offered to this person (they
	// submitted or signed it off), or is empty.
	Barred string
	Code   string
}

// Files are the download links of the version shown and the upload form.
type Files struct {
	CSV, XLSX string
	Upload    bool
	// UploadPlan and UploadVersion are the version an upload replaces (or copies):
	// an upload over a version changed since is refused, as a save is.
	UploadPlan    int64
	UploadVersion int
	UploadError   string
	History       string
}

// Conflict explains a save refused because the plan changed after the page was
// opened: what the other person saved, and what of this person's input is kept.
type Conflict struct {
	By        string
	At        time.Time
	Status    Status
	Submitted bool // the plan left draft meanwhile: saving again starts a new draft
	Theirs    []Change
	Yours     []Change
	Both      int // cells both changed: this person's value is kept, the other's shown beside it
}

// Change is one cell that differs between two versions of a plan.
type Change struct {
	Role, Quarter string
	Before, After string
}

// Figures are the network's numbers beside the grid: its fair share of the target and
// where the version shown takes it (the quarters' figures are in the grid's years).
type Figures struct {
	// NoCensus: no workforce imported, nothing to project from. NoTarget: no target.
	NoCensus, NoTarget bool
	AsOf               time.Time
	TargetName         string
	TargetFTE          float64
	Deadline           time.Time
	FairShare          float64
	Baseline           float64 // baseline(p): in post on the target's baseline date
	InPost             float64 // in post on the as-of date
	// Current is true when the version shown is the PCN's current plan, the one the
	// gap report projects with; otherwise CurrentText names that one.
	Current     bool
	CurrentText string
	// ListSize: the registered list stands in for the weighted population.
	ListSize bool
	Patients int
	// At is the day the gap is measured on: the deadline, or the as-of date once it
	// has passed.
	At time.Time
	// Official is the projection and the gap on At with the current plan: the gap
	// report's figures, the same on every page.
	Official Outlook
	// WithDraft is the same with the network's draft in place of the current plan
	// (PLANNING.md, "Drafts stay private"): only its own pages show it. nil when the
	// network has no draft or the draft changes neither figure.
	WithDraft *Outlook
	// Draft is true when the version shown is the draft: the grid's figures are "with
	// your draft", and the official ones are shown beside them.
	Draft bool
}

// Outlook is a projection and the gap to the fair share on one day.
type Outlook struct {
	Projected, Gap float64
}

func (o Outlook) text() string {
	gap := ui.FTE(o.Gap) + " FTE short of the fair share"
	if o.Gap < 0 {
		gap = ui.FTE(-o.Gap) + " FTE above the fair share"
	}
	return gap + " (projected " + ui.FTE(o.Projected) + " FTE)"
}

func (f Figures) rows() []ui.SummaryListRow {
	at := f.At.Format("2 January 2006")
	rows := []ui.SummaryListRow{
		{Key: "Fair share of the target", Value: ui.FTE(f.FairShare) + " additional FTE of " + ui.Count(int(f.TargetFTE+0.5)) + " (" + ui.Figures(f.TargetName) + ")", TestID: "fair-share"},
		{Key: "In post on the target's baseline", Value: ui.FTE(f.Baseline) + " FTE", TestID: "baseline"},
		{Key: "In post on " + f.AsOf.Format("2 January 2006"), Value: ui.FTE(f.InPost) + " FTE", TestID: "in-post"},
		{Key: "Gap on " + at + " (official, with the current plan)", Value: f.Official.text(), TestID: "official-gap"},
	}
	if f.WithDraft != nil {
		rows = append(rows, ui.SummaryListRow{Key: "Gap on " + at + " with your draft", Value: f.WithDraft.text(), TestID: "draft-gap"})
	}
	return rows
}

func changesTable(caption string, changes []Change) ui.TableParams {
	rows := make([]ui.TableRow, len(changes))
	for i, c := range changes {
		rows[i] = ui.TableRow{Cells: []ui.TableCell{{Text: c.Role}, {Text: c.Quarter}, {Text: c.Before}, {Text: c.After}}}
	}
	return ui.TableParams{Caption: caption, CaptionSize: ui.SizeS, Compact: true, FirstCellIsHeader: true,
		Head: []ui.TableHeader{{Text: "Role"}, {Text: "Quarter"}, {Text: "Before"}, {Text: "After"}}, Rows: rows}
}
