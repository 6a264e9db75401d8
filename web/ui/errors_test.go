package ui

import "testing"

func TestErrorSummaryFixtures(t *testing.T) {
	assertFixture(t, "error-summary", "default", 0, render(t, ErrorSummary(ErrorSummaryParams{
		Errors: []ErrorSummaryItem{{Text: "Date of birth must be in the past", Href: "#example-day"}},
	})))
	assertFixture(t, "error-summary", "with description", 0, render(t, ErrorSummary(ErrorSummaryParams{
		Title:       "There is a problem",
		Description: "Describe the errors and how to correct them",
		Errors:      []ErrorSummaryItem{{Text: "Date of birth must be in the past", Href: "#example-day"}},
	})))
	assertFixture(t, "error-summary", "with multiple errors", 0, render(t, ErrorSummary(ErrorSummaryParams{
		Errors: []ErrorSummaryItem{
			{Text: "Enter your first name", Href: "#example-first-name"},
			{Text: "Enter your last name", Href: "#example-last-name"},
		},
	})))
}

func TestErrorSummaryEmpty(t *testing.T) {
	if got := render(t, ErrorSummary(ErrorSummaryParams{})); got != "" {
		t.Errorf("ErrorSummary without errors = %q, want nothing", got)
	}
}

func TestErrorMessageFixtures(t *testing.T) {
	assertFixture(t, "error-message", "default", 0, render(t, ErrorMessage(ErrorMessageParams{Text: "Enter your full name"})))
}
