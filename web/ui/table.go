package ui

import "github.com/a-h/templ"

// TableParams configures a data table.
type TableParams struct {
	Caption     string
	CaptionSize Size
	Head        []TableHeader
	Rows        []TableRow
	// FirstCellIsHeader makes each row's first cell a row header (<th scope="row">).
	FirstCellIsHeader bool
	Compact           bool
	Striped           bool
	NoBorder          bool
	NoLastRowBorder   bool
	ID                string
}

// TableSort says whether, and how, a column is sorted.
type TableSort string

// Sort states of a column header. SortNone marks a sortable column that is not the
// current sort; the NHS table announces only ascending and descending (aria-sort).
const (
	SortNone       TableSort = "none"
	SortAscending  TableSort = "ascending"
	SortDescending TableSort = "descending"
)

// TableHeader is one column header.
type TableHeader struct {
	Text               string
	VisuallyHiddenText string
	// Numeric right-aligns the column with tabular figures (the NHS "numeric"
	// format); the column's cells inherit it.
	Numeric bool
	// Sort makes the column sortable. With Href the header links to the page sorted
	// by this column (sorting on the server, which works without JavaScript);
	// without, the frontend's JavaScript sorts the rows in the browser.
	Sort    TableSort
	Href    string
	Align   string // "left", "centre" or "right"; the column's cells inherit it
	Width   string // an NHS width utility: "one-half", "one-third", "one-quarter"…
	Classes string
}

// TableRow is one body row.
type TableRow struct {
	Cells []TableCell
	// TestID sets data-testid on the <tr>, an addition to the NHS markup so tests
	// can find rows by meaning rather than position.
	TestID string
}

// TableCell is one body cell. Content, when set, replaces Text with our markup (a
// tag, say).
type TableCell struct {
	Text               string
	VisuallyHiddenText string
	Href               string
	Numeric            bool
	Align              string
	Width              string
	Classes            string
	Content            templ.Component
}

func (p TableParams) sortable() bool {
	for _, h := range p.Head {
		if h.Sort != "" {
			return true
		}
	}
	return false
}

func (p TableParams) sortedOnServer() bool {
	for _, h := range p.Head {
		if h.Sort != "" && h.Href != "" {
			return true
		}
	}
	return false
}

func (p TableParams) class() string {
	return classes("nhsuk-table",
		when(p.Compact, "nhsuk-table--compact"),
		when(p.NoBorder, "nhsuk-table--no-border"),
		when(p.NoLastRowBorder && !p.NoBorder, "nhsuk-table--no-last-row-border"),
		when(p.sortable(), "nhsuk-table--sortable"),
		when(p.Striped, "nhsuk-table--striped"))
}

// cellClass builds a cell's classes in the NHS order: base, format, align, width.
func cellClass(base string, numeric bool, align, width, extra string) string {
	return classes(base, when(numeric, base+"--numeric"), utility("nhsuk-u-text-align", align),
		utility("nhsuk-u-width", width), extra)
}

func (h TableHeader) class() string {
	return cellClass("nhsuk-table__header", h.Numeric, h.Align, h.Width, h.Classes)
}

func (h TableHeader) ariaSort() string {
	if h.Sort == SortAscending || h.Sort == SortDescending {
		return string(h.Sort)
	}
	return ""
}

// column returns the header of column i, if there is one.
func (p TableParams) column(i int) TableHeader {
	if i < len(p.Head) {
		return p.Head[i]
	}
	return TableHeader{}
}

func (p TableParams) rowHeader(i int) bool {
	return i == 0 && p.FirstCellIsHeader
}

func (p TableParams) cellClass(i int, c TableCell) string {
	col := p.column(i)
	base := "nhsuk-table__cell"
	if p.rowHeader(i) {
		base = "nhsuk-table__header"
	}
	return cellClass(base, c.Numeric || col.Numeric, orDefault(c.Align, col.Align), c.Width, c.Classes)
}
