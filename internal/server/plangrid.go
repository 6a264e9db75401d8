package server

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"

	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/plan"
)

// shownYear is the financial year the view shows: the one asked for, else the current
// one (a page rendered after a refused move or upload asks for none).
func (v planView) shownYear() workforce.FinancialYear {
	if v.year != 0 {
		return v.year
	}
	return v.st.window[0].Year
}

// shownRows are the grid's rows (workforce.GridRows) for the version's lines, and for
// the lines and cells of a refused save kept in the grid, so that every cell typed is
// shown again.
func shownRows(st planState, v planView, lines []workforce.PlanLine) []workforce.GridRow {
	all := append(slices.Clone(lines), v.lines...)
	for k := range v.typed {
		all = append(all, workforce.PlanLine{RoleCode: k.Role, Stream: k.Stream})
	}
	return workforce.GridRows(st.roles, all, v.allOther)
}

// buildGrid lays the cells of the financial year shown out by row (a role on a
// stream) and quarter, with each quarter's figures and the year's money; lines are the
// version's, counted the lines the figures count (planView.counted).
func buildGrid(st planState, v planView, lines, counted []workforce.PlanLine, n planNumbers, fy workforce.FinancialYear, rows []workforce.GridRow) plan.Grid {
	// Quarters that have ended always show the version's lines, read-only: a refused
	// save's input holds only the quarters it edits.
	past, _ := st.window.Split(st.today)
	cells := v.typed
	if cells == nil {
		cells = st.window.Cells(lines)
	}
	for k, c := range st.window.Cells(lines) {
		if !v.editing || past.Holds(k.Quarter.Start()) {
			c.Cost = readableCost(c.Cost)
			cells[k] = c
		}
	}
	return plan.Grid{Years: []plan.Year{yearGrid(st, v, cells, counted, n, fy, rows)}, AllOther: v.allOther}
}

// yearGrid is one financial year of the grid: its cells as shown, with the totals and
// the figures of each quarter and the year's money. The totals count lines, the plan
// the figures n were worked out from: never the text typed, so that a cell a save
// refuses shows its error and counts for nothing, in the totals as in the projection.
// The preview builds the year the same way, so its figures are the page's.
func yearGrid(st planState, v planView, cells workforce.GridInput, lines []workforce.PlanLine, n planNumbers, fy workforce.FinancialYear, rows []workforce.GridRow) plan.Year {
	past, _ := st.window.Split(st.today)
	quarters := st.window.Year(fy)
	y := plan.Year{Label: fy.String(), ID: strconv.Itoa(int(fy)), Funding: n.funding[fy]}
	for _, q := range quarters {
		h := quarterHead(q, lines, n)
		h.Ended = past.Holds(q.Start())
		y.Quarters = append(y.Quarters, h)
		y.Starters, y.Leavers = y.Starters+h.Starters, y.Leavers+h.Leavers
	}
	for _, r := range rows {
		row := plan.Row{Role: r.Role.Code, Stream: rowStream(r.Stream), Name: r.Name()}
		for _, q := range quarters {
			c := gridCellView(r.Cell(q), r, cells, v)
			c.Ended = past.Holds(q.Start())
			row.Cells = append(row.Cells, c)
		}
		row.Starters, row.Leavers = workforce.Flows(lines, func(k workforce.PlanCell) bool {
			return k.Role == r.Role.Code && k.Stream == r.Stream && k.Quarter.Year == fy
		})
		y.Rows = append(y.Rows, row)
	}
	return y
}

// rowStream is a row's stream as the page's ids name it: "" for the ARRS, whose rows
// keep the ids they had before the streams.
func rowStream(s workforce.Stream) string {
	if s == workforce.StreamARRS {
		return ""
	}
	return string(s)
}

func quarterHead(q workforce.Quarter, lines []workforce.PlanLine, n planNumbers) plan.Quarter {
	h := plan.Quarter{Key: strconv.Itoa(int(q.Year)) + "-" + strconv.Itoa(q.N), Label: "Q" + strconv.Itoa(q.N), Name: q.String(),
		Start: q.Start(), End: q.LastDay()}
	h.Starters, h.Leavers = workforce.Flows(lines, func(k workforce.PlanCell) bool { return k.Quarter == q })
	h.Net = h.Starters - h.Leavers
	if f, ok := n.quarters[q]; ok {
		h.Projected, h.Gap, h.HasFigures, h.HasGap = f.projected, f.gap, true, f.hasGap
	}
	if f, ok := n.official[q]; ok {
		h.OfficialProjected, h.OfficialGap = f.projected, f.gap
	}
	return h
}

func gridCellView(k workforce.PlanCell, row workforce.GridRow, cells workforce.GridInput, v planView) plan.Cell {
	c := cells[k]
	where := row.Name() + ", " + k.Quarter.String() + ", "
	field := func(kind, label, value string) plan.Field {
		name := k.Field(kind)
		return plan.Field{Name: name, Label: where + label, Value: value, Error: v.errors[name]}
	}
	why := row.NotYet(k.Quarter)
	return plan.Cell{Available: why == "", Why: why,
		Starters: field(workforce.CellStarters, "starters (FTE)", c.Starters),
		Leavers:  field(workforce.CellLeavers, "leavers (FTE)", c.Leavers),
		Cost:     field(workforce.CellCost, "annual cost of one WTE (£)", c.Cost),
		Theirs:   v.theirs[k]}
}

// readableCost turns the grid's plain pounds into "£45,000" for a read-only cell.
func readableCost(plain string) string {
	p, ok := workforce.ParsePounds(plain)
	if !ok {
		return plain
	}
	return p.Short()
}

// yearLinks is the year switch: each year of the window, its page and, for the
// editor's tabs, which save before they switch, its "goto" value.
func yearLinks(r *http.Request, v planView, shown workforce.FinancialYear) []plan.YearLink {
	var out []plan.YearLink
	for _, fy := range v.st.window.Years() {
		out = append(out, plan.YearLink{Label: fy.String(), Year: strconv.Itoa(int(fy)), Href: yearHref(r, v, fy), Current: fy == shown})
	}
	return out
}

// yearHref is the plan page of a year, keeping the version asked for, whether a
// read-only version is being copied into a new draft and whether every row on other
// money is shown.
func yearHref(r *http.Request, v planView, fy workforce.FinancialYear) string {
	keep := url.Values{}
	if id := r.URL.Query().Get("version"); id != "" {
		keep.Set("version", id)
	}
	if v.startsDraft {
		keep.Set("edit", "1")
	}
	if v.allOther {
		keep.Set("other", "1")
	}
	keep.Set("year", strconv.Itoa(int(fy)))
	return "/pcns/" + v.st.pcn.Code + "/plan?" + keep.Encode()
}

// otherHref is the page of the year shown with the other choice of rows on other
// money: all of them, or those the plan holds lines of.
func otherHref(r *http.Request, v planView, fy workforce.FinancialYear) string {
	v.allOther = !v.allOther
	return yearHref(r, v, fy)
}

// parseOther reads ?other= (or the form's "other"): "1" shows every role's row on other
// money, "" only those the plan holds lines of; anything else is refused.
func parseOther(raw string) (bool, error) {
	switch raw {
	case "":
		return false, nil
	case "1":
		return true, nil
	}
	return false, errBadRequest("other=1 shows every role's row on other money; leave it out to show only the rows in use.")
}

// cellLink is a link to a field of a cell: on the page shown when its year is the one
// shown, else on its year's page.
func cellLink(r *http.Request, v planView, shown workforce.FinancialYear) func(workforce.PlanCell, string) string {
	return func(c workforce.PlanCell, kind string) string {
		if c.Quarter.Year == shown {
			return "#" + c.Field(kind)
		}
		return yearHref(r, v, c.Quarter.Year) + "#" + c.Field(kind)
	}
}
