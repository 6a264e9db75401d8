package server

import (
	"strconv"

	"github.com/arrs-planner/arrs/internal/importer"
	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/web/plan"
)

// buildGrid lays the cells out by financial year, role and quarter, with each
// quarter's figures and each year's money.
func buildGrid(st planState, v planView, lines []store.PlanLine, n planNumbers) plan.Grid {
	cells := v.typed
	if cells == nil {
		cells = cellsOf(lines, st.window)
		if !v.editing {
			for k, c := range cells {
				c.cost = readableCost(c.cost)
				cells[k] = c
			}
		}
	}
	var g plan.Grid
	for i := 0; i < len(st.window); i += 4 {
		fy := st.window[i].Year
		y := plan.Year{Label: fy.String(), ID: strconv.Itoa(int(fy)), Funding: n.funding[fy]}
		for _, q := range st.window[i : i+4] {
			y.Quarters = append(y.Quarters, quarterHead(q, cells, n))
		}
		for _, r := range st.roles {
			row := plan.Row{Role: r.Code, Name: r.Name}
			for _, q := range st.window[i : i+4] {
				row.Cells = append(row.Cells, gridCellView(cellKey{r.Code, q}, r.Name, roleAvailable(r, q), cells, v))
			}
			y.Rows = append(y.Rows, row)
		}
		g.Years = append(g.Years, y)
	}
	return g
}

func quarterHead(q planning.Quarter, cells gridInput, n planNumbers) plan.Quarter {
	h := plan.Quarter{Key: strconv.Itoa(int(q.Year)) + "-" + strconv.Itoa(q.N), Label: "Q" + strconv.Itoa(q.N), Name: q.String(),
		Start: q.Start(), End: planQuarterEnd(q)}
	for k, c := range cells {
		if k.quarter == q {
			h.Net += typedFTE(c.starters) - typedFTE(c.leavers)
		}
	}
	if f, ok := n.quarters[q]; ok {
		h.Projected, h.Gap, h.HasFigures, h.HasGap = f.projected, f.gap, true, f.hasGap
	}
	if f, ok := n.official[q]; ok {
		h.OfficialProjected, h.OfficialGap = f.projected, f.gap
	}
	return h
}

func gridCellView(k cellKey, roleName string, ok bool, cells gridInput, v planView) plan.Cell {
	c := cells[k]
	where := roleName + ", " + k.quarter.String() + ", "
	field := func(kind, label, value string) plan.Field {
		name := k.field(kind)
		return plan.Field{Name: name, Label: where + label, Value: value, Error: v.errors[name]}
	}
	return plan.Cell{Available: ok,
		Starters: field("s", "starters (FTE)", c.starters),
		Leavers:  field("l", "leavers (FTE)", c.leavers),
		Cost:     field("c", "annual cost of one WTE (£)", c.cost),
		Theirs:   v.theirs[k]}
}

// typedFTE reads a typed FTE for the running totals; what cannot be read counts 0.
func typedFTE(s string) float64 {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0
	}
	return v
}

// readableCost turns the grid's plain pounds into "£45,000" for a read-only cell.
func readableCost(plain string) string {
	if plain == "" {
		return ""
	}
	p, ok := importer.ParsePounds(plain)
	if !ok {
		return plain
	}
	return pounds(p)
}
