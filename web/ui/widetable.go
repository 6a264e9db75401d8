package ui

// WideTableParams configures a table that may be wider than the screen.
type WideTableParams struct {
	// Label names the scrolling region for screen readers ("Member practices").
	Label string
	// TestID sets data-testid on the region, for tests.
	TestID string
	Table  TableParams
}
