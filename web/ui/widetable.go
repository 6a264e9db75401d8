package ui

// WideTableParams configures a table that may be wider than the screen.
type WideTableParams struct {
	// Label names the scrolling region for screen readers ("Member practices"); the
	// table's caption when empty.
	Label string
	// TestID sets data-testid on the region, for tests.
	TestID string
	// Dense sets the table in 16 px (the size the NHS uses on a phone) at every
	// width, for a table of many columns that should all show at 1280 px.
	Dense bool
	Table TableParams
}

// label is the region's accessible name: Label, else the caption. A region that takes
// the focus must be named (WCAG 4.1.2), so a table with neither is named "Table".
func (p WideTableParams) label() string {
	return orDefault(orDefault(p.Label, p.Table.Caption), "Table")
}

func (p WideTableParams) class() string {
	if p.Dense {
		return "app-wide-table app-wide-table--dense"
	}
	return "app-wide-table"
}
