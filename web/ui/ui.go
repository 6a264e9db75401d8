// Package ui holds templ ports of the NHS.UK frontend components that ARRS Planner uses,
// and its accessible inline-SVG charts.
//
// Each component takes one typed params struct and renders the markup that
// nhsuk-frontend (the version pinned in package.json) renders for the same options, so
// its CSS and JavaScript apply unchanged; fixture tests compare the two. Options we do
// not use are left out rather than ported half-way. Where a port adds to or differs
// from the NHS markup, a comment on the params type says why.
//
// Content passed as children (templ's { children... }) plays the part of the Nunjucks
// "caller" block or html option: trusted markup written by us, never user input.
package ui

import "strings"

// Size is a text size modifier for labels, legends, headings and captions.
type Size string

// The NHS.UK type sizes a label, legend or caption may take.
const (
	SizeS  Size = "s"
	SizeM  Size = "m"
	SizeL  Size = "l"
	SizeXL Size = "xl"
)

// classes joins the non-empty class names with single spaces.
func classes(names ...string) string {
	return strings.Join(strings.Fields(strings.Join(names, " ")), " ")
}

// modifier returns base+"--"+mod, or "" when mod is empty.
func modifier(base, mod string) string {
	if mod == "" {
		return ""
	}
	return base + "--" + mod
}

// utility returns the NHS utility class base+"-"+value, or "" when value is empty.
func utility(base, value string) string {
	if value == "" {
		return ""
	}
	return base + "-" + value
}

// when returns s if cond holds, else "".
func when(cond bool, s string) string {
	if cond {
		return s
	}
	return ""
}

// joinIDs joins aria-describedby ids, skipping empty ones.
func joinIDs(ids ...string) string {
	return classes(ids...)
}

// orDefault returns s, or def when s is empty.
func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
