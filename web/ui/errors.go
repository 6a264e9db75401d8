package ui

// ErrorSummaryParams lists a form's errors at the top of the page. The page title
// should then start "Error: " (see layout.PageParams.HasErrors).
type ErrorSummaryParams struct {
	Title       string // defaults to "There is a problem"
	Description string
	Errors      []ErrorSummaryItem
}

// ErrorSummaryItem is one error, linking to the field that has it.
type ErrorSummaryItem struct {
	Text string
	Href string // "#" + the field's id; for a date input, its first part's id
}

// ErrorMessageParams configures the error message shown above a field.
type ErrorMessageParams struct {
	ID   string
	Text string
}
