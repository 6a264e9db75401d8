package ui

import "testing"

func TestHeaderFixtures(t *testing.T) {
	tests := []struct {
		fixture string
		nth     int
		params  HeaderParams
	}{
		{"with service name (linked with logo)", 0, HeaderParams{ServiceName: "Prototype kit", ServiceHref: "#"}},
		{"with navigation", 0, HeaderParams{LogoHref: "#", Navigation: []HeaderNavItem{
			{Text: "Health A to Z", Href: "#"}, {Text: "Live Well", Href: "#"},
			{Text: "Mental health", Href: "#"}, {Text: "Care and support", Href: "#"},
			{Text: "Pregnancy", Href: "#", Active: true}, {Text: "NHS services", Href: "#"},
		}}},
		{"with navigation (unlinked item)", 0, HeaderParams{LogoHref: "#", Navigation: []HeaderNavItem{
			{Text: "Health A to Z", Href: "#"}, {Text: "Live Well", Href: "#"},
			{Text: "Mental health", Href: "#"}, {Text: "Care and support", Href: "#"},
			{Text: "Pregnancy", Current: true}, {Text: "NHS services", Href: "#"},
		}}},
		{"with account (logged in)", 0, HeaderParams{Account: []HeaderAccountItem{
			{Text: "florence.nightingale@nhs.net", Href: "#", Icon: true},
			{Text: "Log out", Action: "#"},
		}}},
		{"with service name", 0, HeaderParams{ServiceName: "Find your NHS number", LogoHref: "#"}},
		{"with service name as separate link", 0, HeaderParams{ServiceName: "Find your NHS number", ServiceHref: "#/service", LogoHref: "#/logo"}},
	}
	for _, tt := range tests {
		t.Run(tt.fixture, func(t *testing.T) {
			assertFixture(t, "header", tt.fixture, tt.nth, render(t, Header(tt.params)))
		})
	}
}

// The NHS "with service name, search, account, navigation" fixture is what the layout
// renders for a signed-in user; "with search" is the box with the component's defaults.
func TestHeaderSearchFixtures(t *testing.T) {
	nhsSearch := &HeaderSearch{Action: "https://www.nhs.uk/search/"}
	assertFixture(t, "header", "with search", 0, render(t, Header(HeaderParams{Search: nhsSearch})))
	assertFixture(t, "header", "with service name, search, account, navigation", 0, render(t, Header(HeaderParams{
		ServiceName: "Search patient directory", ServiceHref: "#",
		Search: &HeaderSearch{Action: "https://www.nhs.uk/search/", Label: "Search patients by name or NHS number",
			Placeholder: "Name or NHS number"},
		Account: []HeaderAccountItem{{Text: "Florence Nightingale", Icon: true}, {Text: "Log out", Action: "#"}},
		Navigation: []HeaderNavItem{
			{Text: "Home", Href: "#"}, {Text: "Patient list", Href: "#"},
			{Text: "Advanced search", Href: "#"}, {Text: "Help guides", Href: "#"},
		},
	})))
}

func TestFooterFixtures(t *testing.T) {
	links := []FooterLink{
		{"Accessibility statement", "#"}, {"Contact us", "#"}, {"Cookies", "#"},
		{"Privacy policy", "#"}, {"Terms and conditions", "#"},
	}
	assertFixture(t, "footer", "default", 0, render(t, Footer(FooterParams{Links: links})))
	assertFixture(t, "footer", "with meta links and text", 0, render(t, Footer(FooterParams{
		Links:     links,
		MetaText:  "All content is available under the Open Government Licence v3.0, except where otherwise stated.",
		Copyright: "© Crown copyright",
	})))
}
