package server

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/web/plan"
)

// lineValues is what a plan line says about its role and quarter.
type lineValues struct {
	starters, leavers float64
	cost              *int64
}

func (a lineValues) equal(b lineValues) bool {
	sameCost := (a.cost == nil) == (b.cost == nil) && (a.cost == nil || *a.cost == *b.cost)
	return sameCost && math.Abs(a.starters-b.starters) < 1e-9 && math.Abs(a.leavers-b.leavers) < 1e-9
}

// text describes the values for a person: "1 starting, 0.5 leaving at £45,000".
func (a lineValues) text() string {
	s := planFTEText(a.starters)
	if s == "" {
		s = "0"
	}
	l := planFTEText(a.leavers)
	if l == "" {
		l = "0"
	}
	t := s + " starting, " + l + " leaving"
	if a.cost != nil {
		t += " at " + pounds(*a.cost) + " a year"
	}
	return t
}

// indexPlanLines keys plan lines by role and quarter.
func indexPlanLines(lines []store.PlanLine) map[cellKey]lineValues {
	m := make(map[cellKey]lineValues, len(lines))
	for _, l := range lines {
		m[cellKey{l.RoleCode, planning.QuarterOf(l.QuarterStart)}] = lineValues{l.StartersFTE, l.LeaversFTE, l.AnnualCostPence}
	}
	return m
}

// lineChange is one role and quarter that differs between two versions; a side
// without the line is nil.
type lineChange struct {
	key           cellKey
	before, after *lineValues
}

// diffPlanLines lists what changed from one set of lines to another, by quarter and then
// the roles' catalogue order: lines added, removed and changed.
func diffPlanLines(from, to []store.PlanLine, order map[string]int) []lineChange {
	a, b := indexPlanLines(from), indexPlanLines(to)
	var out []lineChange
	for k, va := range a {
		if vb, ok := b[k]; !ok {
			out = append(out, lineChange{key: k, before: &va})
		} else if !va.equal(vb) {
			out = append(out, lineChange{key: k, before: &va, after: &vb})
		}
	}
	for k, vb := range b {
		if _, ok := a[k]; !ok {
			out = append(out, lineChange{key: k, after: &vb})
		}
	}
	slices.SortFunc(out, func(x, y lineChange) int {
		if c := x.key.quarter.Start().Compare(y.key.quarter.Start()); c != 0 {
			return c
		}
		return cmp.Or(cmp.Compare(order[x.key.role], order[y.key.role]), cmp.Compare(x.key.role, y.key.role))
	})
	return out
}

// planChanges renders line changes for a page.
func planChanges(cs []lineChange, names map[string]string) []plan.Change {
	out := make([]plan.Change, len(cs))
	for i, c := range cs {
		out[i] = plan.Change{Role: orElse(names[c.key.role], c.key.role), Quarter: c.key.quarter.String(), Before: "None", After: "None"}
		if c.before != nil {
			out[i].Before = c.before.text()
		}
		if c.after != nil {
			out[i].After = c.after.text()
		}
	}
	return out
}

// encodeBase writes the grid's lines for the form's hidden "base" field: what the
// person opened, to tell their changes from someone else's if the save is refused.
// One line per entry, "role year-n starters leavers cost" ("-" for no cost).
func encodeBase(lines []store.PlanLine, window []planning.Quarter) string {
	var parts []string
	for _, l := range lines {
		if !inPlanWindow(window, l.QuarterStart) {
			continue
		}
		q := planning.QuarterOf(l.QuarterStart)
		cost := "-"
		if l.AnnualCostPence != nil {
			cost = strconv.FormatInt(*l.AnnualCostPence, 10)
		}
		parts = append(parts, strings.Join([]string{l.RoleCode, strconv.Itoa(int(q.Year)) + "-" + strconv.Itoa(q.N),
			strconv.FormatFloat(l.StartersFTE, 'g', -1, 64), strconv.FormatFloat(l.LeaversFTE, 'g', -1, 64), cost}, " "))
	}
	return strings.Join(parts, ";")
}

// decodeBase reads the hidden "base" field back, skipping anything malformed: it
// only ever tells changes apart, and is never saved.
func decodeBase(s string) []store.PlanLine {
	var lines []store.PlanLine
	for _, part := range strings.Split(s, ";") {
		f := strings.Fields(part)
		if len(f) != 5 {
			continue
		}
		year, n, ok := strings.Cut(f[1], "-")
		y, err1 := strconv.Atoi(year)
		q, err2 := strconv.Atoi(n)
		st, err3 := strconv.ParseFloat(f[2], 64)
		lv, err4 := strconv.ParseFloat(f[3], 64)
		if !ok || err1 != nil || err2 != nil || err3 != nil || err4 != nil || q < 1 || q > 4 {
			continue
		}
		l := store.PlanLine{RoleCode: f[0], QuarterStart: planning.Quarter{Year: planning.FinancialYear(y), N: q}.Start(), StartersFTE: st, LeaversFTE: lv}
		if c, err := strconv.ParseInt(f[4], 10, 64); err == nil {
			l.AnnualCostPence = &c
		}
		lines = append(lines, l)
	}
	return lines
}

// mergedSave is a refused save put together again: the plan as saved meanwhile, with this
// person's own changes on top, so that nothing either person entered is lost.
type mergedSave struct {
	cells  gridInput
	theirs map[cellKey]string // cells both changed: what the other person saved
	yours  []lineChange       // this person's changes against what they opened
}

// mergeSave puts the person's input (typed, and read into mine) on the lines saved
// meanwhile (saved), given the lines they opened (base), all within the window.
func mergeSave(typed gridInput, mine, base, saved []store.PlanLine, window []planning.Quarter, order map[string]int) mergedSave {
	m := mergedSave{cells: cellsOf(saved, window), theirs: map[cellKey]string{}, yours: diffPlanLines(base, mine, order)}
	ours, was := indexPlanLines(saved), indexPlanLines(base)
	for _, c := range m.yours {
		m.cells[c.key] = typed[c.key]
		now, savedHas := ours[c.key]
		before, baseHad := was[c.key]
		theyChanged := savedHas != baseHad || (savedHas && !now.equal(before))
		agree := (c.after == nil && !savedHas) || (c.after != nil && savedHas && c.after.equal(now))
		if theyChanged && !agree {
			m.theirs[c.key] = "None"
			if savedHas {
				m.theirs[c.key] = now.text()
			}
		}
	}
	return m
}
