package ui

import "github.com/a-h/templ"

// FooterParams configures the site footer's meta area: a list of support links, a
// line of text and the copyright line.
type FooterParams struct {
	Links    []FooterLink
	MetaText string
	// Meta, when set, replaces MetaText with our own markup (the NHS meta.html
	// option), for text that needs a link.
	Meta      templ.Component
	Copyright string // defaults to "© NHS England", as the NHS component does
}

// FooterLink is one footer link.
type FooterLink struct {
	Text string
	Href string
}
