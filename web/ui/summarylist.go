package ui

import "github.com/a-h/templ"

// SummaryListParams configures a summary list of key–value rows.
type SummaryListParams struct {
	Rows            []SummaryListRow
	NoBorder        bool
	NoLastRowBorder bool
	ID              string
}

// SummaryListRow is one key and its value. Content, when set, replaces Value with
// our markup (several lines, a tag).
type SummaryListRow struct {
	Key     string
	Value   string
	Content templ.Component
	Actions []SummaryListAction
	// TestID sets data-testid on the row, an addition to the NHS markup for tests.
	TestID string
}

// SummaryListAction is a link acting on a row, such as "Change".
type SummaryListAction struct {
	Text string
	Href string
	// VisuallyHiddenText completes the link text for screen readers: "Change" +
	// " name".
	VisuallyHiddenText string
}

func (p SummaryListParams) class() string {
	return classes("nhsuk-summary-list",
		when(p.NoBorder, "nhsuk-summary-list--no-border"),
		when(p.NoLastRowBorder && !p.NoBorder, "nhsuk-summary-list--no-last-row-border"))
}

func (p SummaryListParams) hasActions() bool {
	for _, r := range p.Rows {
		if len(r.Actions) > 0 {
			return true
		}
	}
	return false
}

// rowClass marks rows without actions in a list where others have them, so the
// columns still line up.
func (p SummaryListParams) rowClass(r SummaryListRow) string {
	return classes("nhsuk-summary-list__row",
		when(p.hasActions() && len(r.Actions) == 0, "nhsuk-summary-list__row--no-actions"))
}
