package need

import (
	"cmp"
	"slices"
	"strings"

	"github.com/arrs-planner/arrs/web/ui"
)

// The table beside the plot has the numbers of its points, so that nobody depends on
// the picture: observed and expected FTE, the ratio and the limits at its expected
// count, and where it lies.

// tablePoints are the points the table lists: the highlighted ones when there are any
// (an ICB's networks), else every point; lowest ratio first, those with no ratio last.
func (f Funnel) tablePoints() []FunnelPoint {
	var out []FunnelPoint
	for _, p := range f.Points {
		if p.Highlight {
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		out = slices.Clone(f.Points)
	}
	sortByRatio(out)
	return out
}

// tableCount is how many points the table lists (tablePoints, without sorting them).
func (f Funnel) tableCount() int {
	n := 0
	for _, p := range f.Points {
		if p.Highlight {
			n++
		}
	}
	if n == 0 {
		return len(f.Points)
	}
	return n
}

// caption heads the table: TableCaption, or what it holds.
func (f Funnel) caption() string {
	return orDefault(f.TableCaption, "The plot's PCNs, lowest ratio first")
}

// sortByRatio orders points lowest ratio first, those with no ratio last, ties by code
// (the order of needreport's outliers).
func sortByRatio(ps []FunnelPoint) {
	slices.SortFunc(ps, func(a, b FunnelPoint) int {
		if a.placed() != b.placed() {
			if a.placed() {
				return -1
			}
			return 1
		}
		return cmp.Or(cmp.Compare(a.Ratio, b.Ratio), cmp.Compare(a.Code, b.Code))
	})
}

// manyICBs reports whether the points name more than one ICB: the tables then have a
// column of them (one ICB's networks need none).
func manyICBs(ps []FunnelPoint) bool {
	return slices.ContainsFunc(ps, func(p FunnelPoint) bool { return p.ICB != "" && p.ICB != ps[0].ICB })
}

// pointsTable is one page of points as a table, its rows' test ids prefixed, with a
// column of ICBs when withICB.
func pointsTable(caption, id string, rows []FunnelPoint, withICB bool) ui.TableParams {
	head := []ui.TableHeader{{Text: "PCN"}}
	if withICB {
		head = append(head, ui.TableHeader{Text: "ICB"})
	}
	head = append(head, ui.TableHeader{Text: "In post, FTE", Numeric: true}, ui.TableHeader{Text: "Expected, FTE", Numeric: true},
		ui.TableHeader{Text: "Ratio", Numeric: true}, ui.TableHeader{Text: "95% limits", Numeric: true},
		ui.TableHeader{Text: "99.8% limits", Numeric: true}, ui.TableHeader{Text: "Where it lies"})
	t := ui.TableParams{Caption: caption, CaptionSize: ui.SizeS, Compact: true, FirstCellIsHeader: true, ID: id, Head: head}
	for _, p := range rows {
		cells := []ui.TableCell{{Text: p.Name, Href: p.Href}}
		if withICB {
			cells = append(cells, ui.TableCell{Text: p.ICB})
		}
		cells = append(cells, ui.TableCell{Text: fteText(p.Observed)}, ui.TableCell{Text: fteText(p.Expected)})
		if p.placed() {
			cells = append(cells, ui.TableCell{Text: RatioText(p.Ratio)},
				ui.TableCell{Text: RatioText(p.Limits.Lower95) + " to " + RatioText(p.Limits.Upper95)},
				ui.TableCell{Text: RatioText(p.Limits.Lower998) + " to " + RatioText(p.Limits.Upper998)})
		} else {
			cells = append(cells, ui.TableCell{Text: ui.NoData}, ui.TableCell{Text: ui.NoData}, ui.TableCell{Text: ui.NoData})
		}
		cells = append(cells, ui.TableCell{Text: p.where()})
		t.Rows = append(t.Rows, ui.TableRow{TestID: id + "-" + p.Code, Cells: cells})
	}
	return t
}

// where says where a point lies against the limits at its expected count, first
// that it made no return when it did (counted 0, never simply "below the limits").
func (p FunnelPoint) where() string {
	w := p.against()
	if p.NoReturn {
		return NoReturnText + ": " + strings.ToLower(w[:1]) + w[1:]
	}
	return w
}

// against says where a point's ratio lies against its limits.
func (p FunnelPoint) against() string {
	switch {
	case !p.placed():
		return "No expected FTE"
	case p.Outside998 && p.Ratio < 1:
		return "Below the 99.8% limits"
	case p.Outside998:
		return "Above the 99.8% limits"
	case p.Outside95 && p.Ratio < 1:
		return "Below the 95% limits"
	case p.Outside95:
		return "Above the 95% limits"
	}
	return "Within the 95% limits"
}
