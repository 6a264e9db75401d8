package workforce

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"
)

// What changed between two sets of a plan's lines, and a save refused because the
// plan changed after the person opened it put together again (optimistic locking
// loses no one's work: issue 5, "Concurrent edits").

// PlanValues is what a plan line says about its role and quarter.
type PlanValues struct {
	Starters, Leavers float64
	Cost              *Pence // annual cost of one WTE; nil when not known
}

// Equal reports whether two lines say the same, FTE to 1e-9.
func (a PlanValues) Equal(b PlanValues) bool {
	sameCost := (a.Cost == nil) == (b.Cost == nil) && (a.Cost == nil || *a.Cost == *b.Cost)
	return sameCost && math.Abs(a.Starters-b.Starters) < 1e-9 && math.Abs(a.Leavers-b.Leavers) < 1e-9
}

// String describes the values for a person: "1 starting, 0.5 leaving at £45,000 a
// year".
func (a PlanValues) String() string {
	t := fteText(a.Starters) + " starting, " + fteText(a.Leavers) + " leaving"
	if a.Cost != nil {
		t += " at " + a.Cost.Short() + " a year"
	}
	return t
}

// fteText is an FTE as stored, "0" for none (and for a typed "-0").
func fteText(v float64) string {
	if v == 0 {
		return "0"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// valuesByCell keys plan lines by role, quarter and stream.
func valuesByCell(lines []PlanLine) map[PlanCell]PlanValues {
	m := make(map[PlanCell]PlanValues, len(lines))
	for _, l := range lines {
		m[CellOf(l)] = PlanValues{l.StartersFTE, l.LeaversFTE, l.AnnualCostPence}
	}
	return m
}

// LineChange is one role, quarter and stream that differs between two sets of lines; a
// side without the line is nil.
type LineChange struct {
	Cell          PlanCell
	Before, After *PlanValues
}

// DiffLines lists what changed from one set of lines to another, by quarter, then the
// roles' catalogue order (roles as the catalogue lists them), then the streams' order
// (Streams): lines added, removed and changed.
func DiffLines(from, to []PlanLine, roles []Role) []LineChange {
	order := make(map[string]int, len(roles))
	for i, r := range roles {
		order[r.Code] = i
	}
	a, b := valuesByCell(from), valuesByCell(to)
	var out []LineChange
	for k, va := range a {
		if vb, ok := b[k]; !ok {
			out = append(out, LineChange{Cell: k, Before: &va})
		} else if !va.Equal(vb) {
			out = append(out, LineChange{Cell: k, Before: &va, After: &vb})
		}
	}
	for k, vb := range b {
		if _, ok := a[k]; !ok {
			out = append(out, LineChange{Cell: k, After: &vb})
		}
	}
	slices.SortFunc(out, func(x, y LineChange) int {
		if c := x.Cell.Quarter.Start().Compare(y.Cell.Quarter.Start()); c != 0 {
			return c
		}
		return cmp.Or(cmp.Compare(order[x.Cell.Role], order[y.Cell.Role]), cmp.Compare(x.Cell.Role, y.Cell.Role),
			cmp.Compare(slices.Index(Streams, x.Cell.Stream), slices.Index(Streams, y.Cell.Stream)))
	})
	return out
}

// MergedSave is a refused save put together again: the plan as saved meanwhile, with
// this person's own changes on top, so that nothing either person entered is lost.
type MergedSave struct {
	Cells GridInput
	// Theirs are the cells both people changed, differently: what the other person
	// saved ("None" for a line they removed).
	Theirs map[PlanCell]string
	// Yours are this person's changes against what they opened.
	Yours []LineChange
}

// MergeSave puts the person's input (typed, and read into mine) on the lines saved
// meanwhile (saved), given the lines they opened (base), all within the window.
func MergeSave(typed GridInput, mine, base, saved []PlanLine, w PlanWindow, roles []Role) MergedSave {
	m := MergedSave{Cells: w.Cells(saved), Theirs: map[PlanCell]string{}, Yours: DiffLines(base, mine, roles)}
	ours, was := valuesByCell(saved), valuesByCell(base)
	for _, c := range m.Yours {
		m.Cells[c.Cell] = typed[c.Cell]
		now, savedHas := ours[c.Cell]
		before, baseHad := was[c.Cell]
		theyChanged := savedHas != baseHad || (savedHas && !now.Equal(before))
		agree := (c.After == nil && !savedHas) || (c.After != nil && savedHas && c.After.Equal(now))
		if theyChanged && !agree {
			m.Theirs[c.Cell] = "None"
			if savedHas {
				m.Theirs[c.Cell] = now.String()
			}
		}
	}
	return m
}

// EncodeBase writes the window's lines for the editor's hidden "base" field: what the
// person opened, to tell their changes from someone else's if the save is refused.
// One line per entry, "role year-n starters leavers cost" ("-" for no cost), then the
// stream when it is not the ARRS.
func (w PlanWindow) EncodeBase(lines []PlanLine) string {
	var parts []string
	for _, l := range w.Inside(lines) {
		q := QuarterOf(l.QuarterStart)
		cost := "-"
		if l.AnnualCostPence != nil {
			cost = strconv.FormatInt(int64(*l.AnnualCostPence), 10)
		}
		f := []string{l.RoleCode, strconv.Itoa(int(q.Year)) + "-" + strconv.Itoa(q.N),
			strconv.FormatFloat(l.StartersFTE, 'g', -1, 64), strconv.FormatFloat(l.LeaversFTE, 'g', -1, 64), cost}
		if s := l.FundingStream(); s != StreamARRS {
			f = append(f, string(s))
		}
		parts = append(parts, strings.Join(f, " "))
	}
	return strings.Join(parts, ";")
}

// DecodeBase reads the hidden "base" field back, skipping anything malformed: it only
// ever tells changes apart, and is never saved.
func DecodeBase(s string) []PlanLine {
	var lines []PlanLine
	for _, part := range strings.Split(s, ";") {
		f := strings.Fields(part)
		stream := StreamARRS
		if len(f) == 6 {
			var ok bool
			if stream, ok = ParseStream(f[5]); !ok {
				continue
			}
			f = f[:5]
		}
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
		l := PlanLine{RoleCode: f[0], QuarterStart: Quarter{Year: FinancialYear(y), N: q}.Start(), StartersFTE: st, LeaversFTE: lv, Stream: stream}
		if c, err := strconv.ParseInt(f[4], 10, 64); err == nil {
			p := Pence(c)
			l.AnnualCostPence = &p
		}
		lines = append(lines, l)
	}
	return lines
}
