package server

import (
	"fmt"
	"math"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/arrs-planner/arrs/internal/importer"
	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// The editor's grid: ARRS roles × the quarters of the current financial year and the
// next two, each cell planned starters (FTE), leavers (FTE) and the annual cost of one
// WTE of the starters. A cell is posted as three fields named s-, l- and c- followed
// by the role code and the quarter ("s-paramedic-2026-1").

// Limits of a cell (issue 5, "Validation"): FTE from 0 to 50; a cost outside £10,000
// to £250,000 a year for one WTE is a typing error (the lowest band 3 post costs more
// than £10,000 with on-costs, the highest cap is about £103,000). The cost range is
// workforce's, so that the grid, plan files and staff records agree.
const (
	maxCellFTE   = 50
	minCostPence = workforce.MinAnnualCostPence
	maxCostPence = workforce.MaxAnnualCostPence
)

// planTooLong is the message for a plan of more lines than importer.MaxPlanLines, as
// plan files are refused; "" when it is within.
func planTooLong(lines []store.PlanLine, roles []workforce.Role) string {
	limit := importer.MaxPlanLines(len(roles))
	if len(lines) <= limit {
		return ""
	}
	return fmt.Sprintf("The plan would have %d lines, more than the limit of %d (one per role, quarter and funding stream): remove lines of past quarters first", len(lines), limit)
}

// gridYears is how many financial years the editor shows, from the current one.
const gridYears = 3

// planWindow is the quarters of the editor: the financial year of today and the next
// two, in order.
func planWindow(today time.Time) []planning.Quarter {
	first := planning.Quarter{Year: planning.FinancialYearOf(today), N: 1}
	qs := make([]planning.Quarter, 0, 4*gridYears)
	for q := first; q.Year < first.Year+gridYears; q = q.Next() {
		qs = append(qs, q)
	}
	return qs
}

// inPlanWindow reports whether a quarter start falls in the window.
func inPlanWindow(window []planning.Quarter, start time.Time) bool {
	return len(window) > 0 && !start.Before(window[0].Start()) && start.Before(window[len(window)-1].Next().Start())
}

// cellKey names one role in one quarter.
type cellKey struct {
	role    string
	quarter planning.Quarter
}

func (k cellKey) field(kind string) string {
	return fmt.Sprintf("%s-%s-%d-%d", kind, k.role, int(k.quarter.Year), k.quarter.N)
}

// gridCell is one cell as typed.
type gridCell struct{ starters, leavers, cost string }

func (c gridCell) empty() bool { return c.starters == "" && c.leavers == "" && c.cost == "" }

// gridInput is a grid's cells as typed, to show again.
type gridInput map[cellKey]gridCell

// gridProblem is a message about one field of the grid.
type gridProblem struct{ field, text string }

// roleAvailable reports whether a role may be planned in a quarter: a quarter starting
// before the role joined ARRS is refused, as plan files are (importer.ReadPlans).
func roleAvailable(role workforce.Role, q planning.Quarter) bool {
	return !q.Start().Before(role.Added)
}

// readGrid reads and checks the posted grid: the cells as typed, the plan lines of
// the cells holding something, and a message for each wrong field, in page order.
func readGrid(form url.Values, roles []workforce.Role, window []planning.Quarter) (gridInput, []store.PlanLine, []gridProblem) {
	in := gridInput{}
	var lines []store.PlanLine
	var problems []gridProblem
	for _, q := range window {
		for _, role := range roles {
			k := cellKey{role.Code, q}
			c := gridCell{strings.TrimSpace(form.Get(k.field("s"))), strings.TrimSpace(form.Get(k.field("l"))), strings.TrimSpace(form.Get(k.field("c")))}
			if c.empty() {
				continue
			}
			in[k] = c
			l, ps := checkCell(k, role, c)
			problems = append(problems, ps...)
			if len(ps) == 0 && (l.StartersFTE != 0 || l.LeaversFTE != 0 || l.AnnualCostPence != nil) {
				lines = append(lines, l)
			}
		}
	}
	return in, lines, problems
}

// checkCell turns one cell into a plan line, or says what is wrong with it.
func checkCell(k cellKey, role workforce.Role, c gridCell) (store.PlanLine, []gridProblem) {
	l := store.PlanLine{RoleCode: k.role, QuarterStart: k.quarter.Start()}
	where := role.Name + ", " + k.quarter.String()
	var problems []gridProblem
	add := func(kind, text string) { problems = append(problems, gridProblem{k.field(kind), text}) }
	if !roleAvailable(role, k.quarter) {
		add("s", where+": the role joined ARRS on "+role.Added.Format("2 January 2006")+", after the quarter starts; plan it from a later quarter")
		return l, problems
	}
	var msg string
	if l.StartersFTE, msg = cellFTE(c.starters, where, "starters"); msg != "" {
		add("s", msg)
	}
	if l.LeaversFTE, msg = cellFTE(c.leavers, where, "leavers"); msg != "" {
		add("l", msg)
	}
	if l.AnnualCostPence, msg = cellCost(c.cost, where); msg != "" {
		add("c", msg)
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
	case v > maxCellFTE:
		return 0, where + ": " + what + " must be " + strconv.Itoa(maxCellFTE) + " FTE or less"
	}
	return math.Round(v*1e6) / 1e6, ""
}

// cellCost reads a cost in pounds (a £ sign and thousands separators allowed): empty
// is not known.
func cellCost(raw, where string) (*int64, string) {
	plain := strings.NewReplacer("£", "", ",", "", " ", "").Replace(raw)
	if plain == "" {
		return nil, ""
	}
	pence, ok := importer.ParsePounds(plain)
	switch {
	case !ok:
		return nil, where + ": enter the annual cost in pounds, like 45000"
	case pence < minCostPence || pence > maxCostPence:
		return nil, where + ": the annual cost must be between £10,000 and £250,000 for one WTE"
	}
	return &pence, ""
}

// planCostText is a cost as the grid shows it for editing: plain pounds, pence when any.
func planCostText(p *int64) string {
	if p == nil {
		return ""
	}
	s := strconv.FormatInt(*p/100, 10)
	if pence := *p % 100; pence != 0 {
		s += fmt.Sprintf(".%02d", pence)
	}
	return s
}

// planFTEText is an FTE as the grid shows it for editing: as stored, "" for none.
func planFTEText(v float64) string {
	if v == 0 {
		return ""
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// cellsOf is the grid's cells of plan lines in the window.
func cellsOf(lines []store.PlanLine, window []planning.Quarter) gridInput {
	in := gridInput{}
	for _, l := range lines {
		if inPlanWindow(window, l.QuarterStart) {
			in[cellKey{l.RoleCode, planning.QuarterOf(l.QuarterStart)}] = gridCell{planFTEText(l.StartersFTE), planFTEText(l.LeaversFTE), planCostText(l.AnnualCostPence)}
		}
	}
	return in
}

// outsideWindow is the lines a grid save keeps as they are.
func outsideWindow(lines []store.PlanLine, window []planning.Quarter) []store.PlanLine {
	var out []store.PlanLine
	for _, l := range lines {
		if !inPlanWindow(window, l.QuarterStart) {
			out = append(out, l)
		}
	}
	return out
}
