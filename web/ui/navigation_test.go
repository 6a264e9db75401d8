package ui

import (
	"testing"

	"github.com/a-h/templ"
)

func TestSkipLinkFixture(t *testing.T) {
	assertFixture(t, "skip-link", "default", 0, render(t, SkipLink(SkipLinkParams{})))
}

func TestBackLinkFixtures(t *testing.T) {
	assertFixture(t, "back-link", "default", 0, render(t, BackLink(BackLinkParams{Text: "Back", Href: "#"})))
	assertFixture(t, "back-link", "default", 1, render(t, BackLink(BackLinkParams{Href: "#", Reverse: true})))
	assertFixture(t, "back-link", "as a button", 0, render(t, BackLink(BackLinkParams{})))
	assertFixture(t, "back-link", "with text escaping", 0, render(t, BackLink(BackLinkParams{Text: "What to expect at A&E"})))
}

func TestBreadcrumbFixtures(t *testing.T) {
	items := []BreadcrumbItem{{"Home", "#"}, {"NHS services", "#"}, {"Hospitals", "#"}}
	assertFixture(t, "breadcrumb", "default", 0, render(t, Breadcrumb(BreadcrumbParams{Items: items})))
	assertFixture(t, "breadcrumb", "reverse", 0, render(t, Breadcrumb(BreadcrumbParams{Items: items, Reverse: true})))
}

func TestBreadcrumbEmpty(t *testing.T) {
	if got := render(t, Breadcrumb(BreadcrumbParams{})); got != "" {
		t.Errorf("Breadcrumb without items = %q, want nothing", got)
	}
}

func TestDetailsFixture(t *testing.T) {
	text := templ.Raw("You can find your NHS number by logging in to the NHS App or on any document the NHS has sent you.")
	got := renderWith(t, Details(DetailsParams{Summary: "How to find your NHS number"}), text)
	assertFixture(t, "details", "default", 0, got)
}
