package gaps

import (
	"github.com/arrs-planner/arrs/web/areas"
	"github.com/arrs-planner/arrs/web/ui"
)

// Sort keys of the gap tables.
const (
	SortName       = "name"
	SortCode       = "code"
	SortTarget     = "target"
	SortInPost     = "inpost"
	SortProjected  = "projected"
	SortAdditional = "additional"
	SortGap        = "gap"
	SortShortfall  = "shortfall"
	SortShort      = "short"
	SortPace       = "pace"
)

// SortKeys lists the keys a sort parameter may take.
var SortKeys = []string{SortName, SortCode, SortTarget, SortInPost, SortProjected, SortAdditional, SortGap, SortShortfall, SortShort, SortPace}

// tableID is the id of the gap table, the sort links' anchor.
const tableID = "gap-table"

// column is one column of a gap table.
type column struct {
	title, key string
	cell       func(Row) ui.TableCell
}

func text(s string) ui.TableCell { return ui.TableCell{Text: s} }

var (
	colName = column{"Name", SortName, func(r Row) ui.TableCell {
		if r.IsPCN && r.NoReturn > 0 {
			return ui.TableCell{Content: areas.NameNoReturn(r.Name, r.Href)}
		}
		return ui.TableCell{Text: r.Name, Href: r.Href}
	}}
	colCode      = column{"Code", SortCode, func(r Row) ui.TableCell { return text(r.Code) }}
	colTarget    = column{"Fair share, FTE", SortTarget, func(r Row) ui.TableCell { return text(ui.FTE(r.TargetFTE)) }}
	colInPost    = column{"In post, FTE", SortInPost, func(r Row) ui.TableCell { return text(fteOrNoData(r.InPostFTE, r.InPostUnknown)) }}
	colProjected = column{"Projected, FTE", SortProjected, func(r Row) ui.TableCell {
		return text(fteOrNoData(r.ProjectedFTE, r.ProjectedUnknown))
	}}
	colAdditional = column{"Additional, FTE", SortAdditional, func(r Row) ui.TableCell {
		return text(fteOrNoData(r.AdditionalFTE, r.GapUnknown()))
	}}
	colGap       = column{"Gap, FTE", SortGap, func(r Row) ui.TableCell { return text(fteOrNoData(r.GapFTE, r.GapUnknown())) }}
	colShortfall = column{"Shortfall, FTE", SortShortfall, func(r Row) ui.TableCell {
		return text(fteOrNoData(r.ShortfallFTE, r.ShortfallUnknown))
	}}
	colShort = column{"PCNs short", SortShort, func(r Row) ui.TableCell {
		if r.ShortfallUnknown {
			return text(noData)
		}
		return text(ui.Count(r.PCNsShort) + " of " + ui.Count(r.PCNs) + noReturnCount(r))
	}}
	colPace = column{"Required pace, FTE a month", SortPace, func(r Row) ui.TableCell { return text(pace(r.Pace, r.DeadlinePassed)) }}
)

// noReturnCount says how many of an area's PCNs made no return (PLANNING.md, "No
// return"), beside its PCNs short: they count 0 FTE, so they are short too.
func noReturnCount(r Row) string {
	if r.NoReturn == 0 || r.InPostUnknown || r.NationalSeries {
		return ""
	}
	return "; " + ui.Count(r.NoReturn) + " made no return"
}

// gapTable lays rows out under the columns, each header a sort link.
// Its Sort's Query keeps the page's level and what-if in those links.
func gapTable(caption, testPrefix string, cols []column, rows []Row, s ui.Sort) ui.TableParams {
	s.Anchor = tableID
	head := make([]ui.TableHeader, len(cols))
	for i, c := range cols {
		head[i] = s.Header(c.title, c.key, i > 1)
	}
	body := make([]ui.TableRow, len(rows))
	for i, r := range rows {
		cells := make([]ui.TableCell, len(cols))
		for j, c := range cols {
			cells[j] = c.cell(r)
		}
		body[i] = ui.TableRow{TestID: testPrefix + r.Code, Cells: cells}
	}
	return ui.TableParams{Caption: caption, Head: head, Rows: body, FirstCellIsHeader: true, ID: tableID, Compact: true}
}
