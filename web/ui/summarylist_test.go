package ui

import (
	"testing"

	"github.com/a-h/templ"
)

func karenFrancisRows() []SummaryListRow {
	return []SummaryListRow{
		{Key: "Name", Value: "Karen Francis"},
		{Key: "Date of birth", Value: "15 March 1984"},
		{Key: "Contact information", Content: templ.Raw("73 Roman Rd<br>\nLeeds<br>\nLS2 5ZN")},
		{Key: "Contact details", Content: templ.Raw("<p>07700 900362</p>\n<p>karen.francis@example.com</p>")},
	}
}

func TestSummaryListFixtures(t *testing.T) {
	assertFixture(t, "summary-list", "default", 0, render(t, SummaryList(SummaryListParams{Rows: karenFrancisRows()})))
	assertFixture(t, "summary-list", "without border", 0, render(t, SummaryList(SummaryListParams{Rows: karenFrancisRows(), NoBorder: true})))

	withActions := karenFrancisRows()
	for i, hidden := range []string{"name", "date of birth", "contact information", "contact details"} {
		withActions[i].Actions = []SummaryListAction{{Text: "Change", Href: "#/change", VisuallyHiddenText: hidden}}
	}
	assertFixture(t, "summary-list", "with actions", 0, render(t, SummaryList(SummaryListParams{Rows: withActions})))

	multiple := append(karenFrancisRows(), SummaryListRow{Key: "Medicines", Content: templ.Raw(
		"<p>Isotretinoin capsules (Roaccutane)</p>\n<p>Isotretinoin gel (Isotrex)</p>\n<p>Pepto-Bismol (bismuth subsalicylate)</p>")})
	change := func(hidden string) SummaryListAction {
		return SummaryListAction{Text: "Change", Href: "#/change", VisuallyHiddenText: hidden}
	}
	add := func(hidden string) SummaryListAction {
		return SummaryListAction{Text: "Add", Href: "#/add", VisuallyHiddenText: hidden}
	}
	multiple[1].Actions = []SummaryListAction{change("date of birth")}
	multiple[2].Actions = []SummaryListAction{change("contact information")}
	multiple[3].Actions = []SummaryListAction{add("new contact details"), change("contact details")}
	multiple[4].Actions = []SummaryListAction{add("new medicine"), change("medicines")}
	assertFixture(t, "summary-list", "with multiple actions", 0, render(t, SummaryList(SummaryListParams{Rows: multiple})))
}
