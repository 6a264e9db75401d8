package ui

import "strings"

// HeaderParams configures the site header: the NHS logo with the service name,
// an optional account area and the primary navigation.
type HeaderParams struct {
	ServiceName string
	// ServiceHref links the service name. When LogoHref is empty or the same, the
	// logo and name share one link, as the NHS component does to avoid two links
	// to the same place.
	ServiceHref string
	LogoHref    string
	Navigation  []HeaderNavItem
	// Account lists the account area's items (the signed-in user, sign out); the
	// area is left out when there are none.
	Account []HeaderAccountItem
	// Search, when set, puts a search box in the header.
	Search *HeaderSearch
}

// HeaderSearch is the header's search box: a plain GET form, so that it works
// without JavaScript. Empty fields take the NHS component's defaults.
type HeaderSearch struct {
	Action string
	// Name is the query parameter the text is sent as ("q").
	Name string
	// Label names the box for screen readers; it is visually hidden, as the NHS
	// header's is ("Search the NHS website").
	Label string
	// Placeholder is shown in the empty box ("Search").
	Placeholder string
	// ButtonLabel is the icon button's accessible name ("Search").
	ButtonLabel string
}

func (s HeaderSearch) name() string        { return orDefault(s.Name, "q") }
func (s HeaderSearch) label() string       { return orDefault(s.Label, "Search the NHS website") }
func (s HeaderSearch) placeholder() string { return orDefault(s.Placeholder, "Search") }
func (s HeaderSearch) buttonLabel() string { return orDefault(s.ButtonLabel, "Search") }

// HeaderNavItem is one primary navigation link.
type HeaderNavItem struct {
	Text string
	Href string // an item without one is shown as text
	// Current marks the link to the page being shown (aria-current="page");
	// Active marks the section the page belongs to (aria-current="true").
	Current bool
	Active  bool
}

// HeaderAccountItem is one entry of the header's account area: plain text, a link,
// or (with Action) a button posting an otherwise empty form, used to sign out.
//
// The sign-out form carries no CSRF token: ARRS Planner rejects cross-origin
// unsafe requests by their Sec-Fetch-Site/Origin headers instead.
type HeaderAccountItem struct {
	Text   string
	Href   string
	Action string
	Icon   bool // the NHS user icon, for the item naming the signed-in user
}

func (p HeaderParams) combinedLogoLink() bool {
	return p.ServiceName != "" && p.ServiceHref != "" && (p.LogoHref == "" || p.LogoHref == p.ServiceHref)
}

func (p HeaderParams) logoHref() string {
	if p.combinedLogoLink() {
		return p.ServiceHref
	}
	return p.LogoHref
}

// logoLabel names the logo link for screen readers: "NHS ARRS Planner homepage".
func (p HeaderParams) logoLabel() string {
	parts := []string{"NHS"}
	if p.combinedLogoLink() {
		parts = append(parts, p.ServiceName)
	}
	return strings.Join(append(parts, "homepage"), " ")
}

func (i HeaderNavItem) liClass() string {
	return classes("nhsuk-header__navigation-item", when(i.Current || i.Active, "nhsuk-header__navigation-item--current"))
}

func (i HeaderNavItem) ariaCurrent() string {
	switch {
	case i.Current:
		return "page"
	case i.Active:
		return "true"
	}
	return ""
}
