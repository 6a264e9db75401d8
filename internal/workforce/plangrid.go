package workforce

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// The plan editor's grid: rows of a role on a funding stream (GridRow) × the quarters
// of the current financial year and the next two (PlanWindow), each cell planned
// starters (FTE), leavers (FTE) and the annual cost of one WTE of the starters. A cell
// is posted as three fields named s-, l- and c- followed by the role code and the
// quarter ("s-paramedic-2026-1"); a cell on another stream than the ARRS adds the
// stream ("s-gp-2026-1-practice_gp"), so that the ARRS cells keep the names they had
// before the streams.

// MaxCellFTE bounds the starters or leavers of one cell (issue 5, "Validation"). The
// cost of a cell is bounded as a staff record's is (MinAnnualCostPence to
// MaxAnnualCostPence), so that the grid, plan files and staff records agree.
const MaxCellFTE = 50

// PlanYears is how many financial years the plan editor shows, from the current one.
const PlanYears = 3

// PlanQuarters is the quarters of the plan editor: the quarters a plan covers.
const PlanQuarters = 4 * PlanYears

// PlanWindow is the quarters of the plan editor, in order.
type PlanWindow []Quarter

// PlanWindowAt is the editor's quarters on a day: the financial year of today and the
// next two.
func PlanWindowAt(today time.Time) PlanWindow {
	first := Quarter{Year: FinancialYearOf(today), N: 1}
	qs := make(PlanWindow, 0, PlanQuarters)
	for q := first; q.Year < first.Year+PlanYears; q = q.Next() {
		qs = append(qs, q)
	}
	return qs
}

// Holds reports whether a quarter start falls in the window.
func (w PlanWindow) Holds(start time.Time) bool {
	return len(w) > 0 && !start.Before(w[0].Start()) && start.Before(w[len(w)-1].Next().Start())
}

// Inside is the lines of the window's quarters.
func (w PlanWindow) Inside(lines []PlanLine) []PlanLine {
	var out []PlanLine
	for _, l := range lines {
		if w.Holds(l.QuarterStart) {
			out = append(out, l)
		}
	}
	return out
}

// Outside is the lines outside the window, which a save from the grid keeps as they
// are.
func (w PlanWindow) Outside(lines []PlanLine) []PlanLine {
	var out []PlanLine
	for _, l := range lines {
		if !w.Holds(l.QuarterStart) {
			out = append(out, l)
		}
	}
	return out
}

// PlanCell names one role in one quarter on one stream: a cell of the grid. Stream ""
// is the ARRS, as a plan line's is; CellOf gives a line's cell with its stream named.
type PlanCell struct {
	Role    string
	Quarter Quarter
	Stream  Stream
}

// CellOf is the cell of a plan line, its stream named (StreamARRS for none): the key
// of every map of cells.
func CellOf(l PlanLine) PlanCell {
	return PlanCell{Role: l.RoleCode, Quarter: QuarterOf(l.QuarterStart), Stream: l.FundingStream()}
}

// FundingStream is the cell's stream: StreamARRS when none is named.
func (c PlanCell) FundingStream() Stream {
	if c.Stream == "" {
		return StreamARRS
	}
	return c.Stream
}

// RoleName is the cell's row as a page names it beside its quarter (GridRow.Name): the
// role's name (names by code, the code when unknown), with the stream when it is not
// the ARRS ("Paramedic — other money").
func (c PlanCell) RoleName(names map[string]string) string {
	name := names[c.Role]
	if name == "" {
		name = c.Role
	}
	return rowName(c.Role, name, c.FundingStream())
}

// The kinds of a cell's fields, the first part of their names.
const (
	CellStarters = "s"
	CellLeavers  = "l"
	CellCost     = "c"
)

// Field is the name of the cell's field of a kind ("s-paramedic-2026-1"; on another
// stream than the ARRS, "s-gp-2026-1-practice_gp").
func (c PlanCell) Field(kind string) string {
	name := kind + "-" + c.Role + "-" + strconv.Itoa(int(c.Quarter.Year)) + "-" + strconv.Itoa(c.Quarter.N)
	if s := c.FundingStream(); s != StreamARRS {
		name += "-" + string(s)
	}
	return name
}

// CellInput is one cell as typed.
type CellInput struct{ Starters, Leavers, Cost string }

// Empty reports whether nothing was typed in the cell.
func (c CellInput) Empty() bool { return c.Starters == "" && c.Leavers == "" && c.Cost == "" }

// GridInput is a grid's cells as typed, to show again.
type GridInput map[PlanCell]CellInput

// Cells is the grid's cells of the plan lines in the window, as the editor shows them.
func (w PlanWindow) Cells(lines []PlanLine) GridInput {
	in := GridInput{}
	for _, l := range w.Inside(lines) {
		in[CellOf(l)] = CellInput{fteInput(l.StartersFTE), fteInput(l.LeaversFTE), l.CostInput()}
	}
	return in
}

// fteInput is an FTE as the grid shows it for editing: as stored, "" for none.
func fteInput(v float64) string {
	if v == 0 {
		return ""
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// ReadGrid reads and checks a posted grid of rows, whose fields get returns: the cells
// as typed, the plan lines of the cells holding something, and a problem for each wrong
// field, in page order.
func ReadGrid(get func(field string) string, rows []GridRow, w PlanWindow) (GridInput, []PlanLine, Problems) {
	in := GridInput{}
	var lines []PlanLine
	var problems Problems
	for _, q := range w {
		for _, row := range rows {
			k := row.Cell(q)
			c := postedCell(get, k)
			if c.Empty() {
				continue
			}
			in[k] = c
			l, ps := checkCell(k, row, c)
			problems = append(problems, ps...)
			if len(ps) == 0 && (l.StartersFTE != 0 || l.LeaversFTE != 0 || l.AnnualCostPence != nil) {
				lines = append(lines, l)
			}
		}
	}
	return in, lines, problems
}

// postedCell is a cell's three fields as posted, trimmed.
func postedCell(get func(field string) string, k PlanCell) CellInput {
	return CellInput{strings.TrimSpace(get(k.Field(CellStarters))), strings.TrimSpace(get(k.Field(CellLeavers))), strings.TrimSpace(get(k.Field(CellCost)))}
}

// checkCell turns one cell of a row into a plan line, or says what is wrong with it. A
// quarter starting before the role joined ARRS is refused, as plan files are, and on
// the practice GP scheme one starting before the scheme did.
func checkCell(k PlanCell, row GridRow, c CellInput) (PlanLine, []Problem) {
	role := row.Role
	l := PlanLine{RoleCode: k.Role, QuarterStart: k.Quarter.Start(), Stream: k.FundingStream()}
	where := row.Name() + ", " + k.Quarter.String()
	var problems Problems
	add := func(kind, text string) { problems = append(problems, Problem{k.Field(kind), text}) }
	if !RoleAvailable(role, k.Quarter.Start()) {
		add(CellStarters, where+": the role joined ARRS on "+role.Added.Format("2 January 2006")+", after the quarter starts; plan it from a later quarter")
		return l, problems
	}
	if !row.Available(k.Quarter) {
		add(CellStarters, where+": the practice GP scheme starts on "+PracticeGPFrom.Format("2 January 2006")+", after the quarter starts; plan it from "+FinancialYearOf(PracticeGPFrom).String())
		return l, problems
	}
	var msg string
	if l.StartersFTE, msg = cellFTE(c.Starters, where, "starters"); msg != "" {
		add(CellStarters, msg)
	}
	if l.LeaversFTE, msg = cellFTE(c.Leavers, where, "leavers"); msg != "" {
		add(CellLeavers, msg)
	}
	if l.AnnualCostPence, msg = cellCost(c.Cost, where); msg != "" {
		add(CellCost, msg)
	}
	return l, problems
}

// cellFTE reads starters or leavers: empty is 0; 0 to 50, kept to 6 decimals.
func cellFTE(raw, where, what string) (float64, string) {
	if raw == "" {
		return 0, ""
	}
	v, err := strconv.ParseFloat(raw, 64)
	switch {
	case err != nil || math.IsNaN(v) || math.IsInf(v, 0):
		return 0, where + ": enter " + what + " as a number of FTE, like 1 or 0.6"
	case v < 0:
		return 0, where + ": " + what + " must be 0 or more"
	case v > MaxCellFTE:
		return 0, where + ": " + what + " must be " + strconv.Itoa(MaxCellFTE) + " FTE or less"
	}
	return math.Round(v*1e6) / 1e6, ""
}

// cellCost reads a cost in pounds (a £ sign and thousands separators allowed): empty
// is not known.
func cellCost(raw, where string) (*Pence, string) {
	plain := PlainPounds(raw)
	if plain == "" {
		return nil, ""
	}
	pence, ok := ParsePounds(plain)
	switch {
	case !ok:
		return nil, where + ": enter the annual cost in pounds, like 45000"
	case pence < MinAnnualCostPence || pence > MaxAnnualCostPence:
		return nil, where + ": the annual cost must be between " + MinAnnualCostPence.Whole() + " and " + MaxAnnualCostPence.Whole() + " for one WTE"
	}
	return &pence, ""
}

// PlanTooLong is the message for a plan of more lines than limit, the most one PCN's
// plan may hold (importer.MaxPlanLines), as plan files are refused; "" when it is
// within.
func PlanTooLong(lines []PlanLine, limit int) string {
	if len(lines) <= limit {
		return ""
	}
	return fmt.Sprintf("The plan would have %d lines, more than the limit of %d (one per role, quarter and funding stream): remove lines of past quarters first", len(lines), limit)
}
