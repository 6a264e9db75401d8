package ui

import "github.com/a-h/templ"

// FigureParams pairs a chart with a table of the same numbers, which the NHS
// service manual asks for so that no one depends on the picture.
type FigureParams struct {
	Chart templ.Component
	Table TableParams
	// TableSummary, when set, tucks the table into a details element with this
	// summary ("Show the data as a table"); otherwise the table follows the chart.
	TableSummary string
	// TestID sets data-testid on the figure.
	TestID string
}
