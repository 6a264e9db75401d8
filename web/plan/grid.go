package plan

import (
	"strings"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/ui"
)

// Grid is the plan's rows (a role on a funding stream) × quarters, one table per
// financial year shown: the page shows one year at a time, Switch leading to the
// others.
type Grid struct {
	Years  []Year
	Switch []YearLink
	// AllOther is true when every role's row on other money is shown, not only those
	// the plan holds lines of; OtherHref leads to the other choice on a read-only grid
	// (the editor's is a button that saves first).
	AllOther  bool
	OtherHref string
}

// shownLabel names the years shown ("2027/28").
func (g Grid) shownLabel() string {
	var names []string
	for _, y := range g.Years {
		names = append(names, y.Label)
	}
	return strings.Join(names, " and ")
}

// YearLink is one financial year in the grid's year switch, which works without
// JavaScript: a plain link on a read-only grid; in the editor, a button that saves the
// year shown, then shows this one.
type YearLink struct {
	Label   string // "2027/28"
	Year    string // "2027", the calendar year it starts in: the editor's "goto"
	Href    string
	Current bool // the year shown
}

// LastEnded is the name of the last quarter of the grid that has ended ("2026/27
// Q2"); "" when none has.
func (g Grid) LastEnded() string {
	last := ""
	for _, y := range g.Years {
		for _, q := range y.Quarters {
			if q.Ended {
				last = q.Name
			}
		}
	}
	return last
}

// Year is one financial year of the grid with the figures of its quarters.
type Year struct {
	Label    string // "2026/27"
	ID       string // "2026"
	Quarters []Quarter
	Rows     []Row
	Funding  *Funding // nil when it cannot be worked out (no census imported)
	// Draft is true when the grid is the network's draft: its figures are "with your
	// draft", and each quarter's official figures are shown beside them.
	Draft bool
	// Starters and Leavers are the year's totals of the cells as shown.
	Starters, Leavers float64
}

// label is a figures row's heading, "with your draft" when the grid is the draft.
func (y Year) label(what string) string {
	if y.Draft {
		return what + ", with your draft"
	}
	return what
}

// Quarter heads a column group of the grid, with its figures.
type Quarter struct {
	Key   string // "2026-1", the suffix of the cells' names
	Label string // "Q1"
	Name  string // "2026/27 Q1"
	Start time.Time
	End   time.Time // the last day, on which the projection is measured
	// Net is Σ starters − leavers of the quarter's cells that can be read (the lines a
	// save writes: a refused cell counts for nothing); Starters and Leavers the two sums.
	Net               float64
	Starters, Leavers float64
	// Projected and Gap are the projection and the gap to the fair share on End;
	// HasFigures is false when there is nothing to project from.
	Projected, Gap float64
	HasFigures     bool
	HasGap         bool
	// OfficialProjected and OfficialGap are the same with the current plan: the gap
	// report's figures, shown beside a draft's.
	OfficialProjected, OfficialGap float64
	// Ended is true for a quarter that ended before today: read-only in the editor.
	Ended bool
}

// Row is one role's cells on one funding stream across the year's quarters, with its
// totals for the year.
type Row struct {
	Role string
	// Stream is the row's funding stream, "" for the ARRS: the ARRS rows keep the ids
	// they had before the streams.
	Stream            string
	Name              string
	Cells             []Cell
	Starters, Leavers float64
}

// key is the row's part of its ids: the role, then the stream when not the ARRS.
func (r Row) key() string {
	if r.Stream == "" {
		return r.Role
	}
	return r.Role + "-" + r.Stream
}

// Group is a run of rows on one funding stream, a row group (tbody) of the grid: a
// block pasted into it stays in it.
type Group struct {
	Stream string
	Rows   []Row
}

// Groups are the year's rows by stream, in order.
func (y Year) Groups() []Group {
	var out []Group
	for _, r := range y.Rows {
		if len(out) == 0 || out[len(out)-1].Stream != r.Stream {
			out = append(out, Group{Stream: r.Stream})
		}
		out[len(out)-1].Rows = append(out[len(out)-1].Rows, r)
	}
	return out
}

// Cell is one role in one quarter.
type Cell struct {
	// Available is false for a quarter before the role joined ARRS, or before the
	// practice GP scheme started on its row; Why says which.
	Available bool
	Why       string
	Starters  Field
	Leavers   Field
	Cost      Field
	// Theirs is, after a refused save, what the other person saved in a cell this
	// person also changed.
	Theirs string
	// Ended is true in a quarter that ended before today: shown, never an input.
	Ended bool
}

// Field is one input of a cell.
type Field struct {
	Name  string // also the id
	Label string // visually hidden: "Clinical pharmacist, 2026/27 Q1, starters (FTE)"
	Value string
	Error string
}

func (f Field) errorID() string { return f.Name + "-error" }

func (f Field) class(width string) string {
	c := "nhsuk-input nhsuk-input--width-" + width
	if f.Error != "" {
		c += " nhsuk-input--error"
	}
	return c
}

func fieldCellClass(f Field) string {
	if f.Error != "" {
		return "nhsuk-table__cell app-plan-cell nhsuk-form-group--error"
	}
	return "nhsuk-table__cell app-plan-cell"
}

// Funding is a financial year's money for the PCN (PLANNING.md, "Funding"): the ARRS,
// and beside it the practice GP scheme and other money ("Funding streams").
type Funding struct {
	Entitlement, Committed, Planned, Left workforce.Pence
	// WithDraft is the planned claims and entitlement left with the PCN's draft in
	// place of the current plan, shown beside the official figures above and
	// labelled so; nil when the version shown is the current plan or changes no money.
	WithDraft *DraftMoney
	// Notes say where a figure stands on an assumption: a rate not yet published,
	// a registered list standing in for the weighted population, costs not known.
	Notes []string
	// Scheme is the practice GP scheme's year; nil for a year before the scheme.
	Scheme *SchemeMoney
	// Other is the cost of the posts paid from other money.
	Other *OtherMoney
}

// DraftMoney is a year's money with the draft: what differs from the official.
type DraftMoney struct {
	Planned, Left workforce.Pence
}

func (f Funding) rows(id string) []ui.SummaryListRow {
	rows := []ui.SummaryListRow{
		{Key: "Entitlement", Value: f.Entitlement.Whole(), TestID: "entitlement-" + id},
		{Key: "Committed to staff in post", Value: f.Committed.Whole(), TestID: "committed-" + id},
		{Key: "Planned for starters in the current plan", Value: f.Planned.Whole(), TestID: "planned-" + id},
		{Key: "Entitlement left", Value: f.Left.Whole(), TestID: "left-" + id},
	}
	if d := f.WithDraft; d != nil {
		rows = append(rows,
			ui.SummaryListRow{Key: "Planned for starters with your draft", Value: d.Planned.Whole(), TestID: "draft-planned-" + id},
			ui.SummaryListRow{Key: "Entitlement left with your draft", Value: d.Left.Whole(), TestID: "draft-left-" + id})
	}
	return rows
}

// SignedOut is what the editor's script says, in the status line and above the Save
// button, once the session has ended: a save would then go to the sign-in page, and
// what was typed would be lost, so the script stops it (plan.js).
const SignedOut = "You have been signed out, so this page cannot save. Sign in again in a new tab, then come back and press Save: what you typed here is kept."
