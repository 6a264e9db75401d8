// Package search renders the search page: the box that finds a PCN, practice, ICB or
// region by name or code, and what it found, kind by kind.
package search

import (
	"strconv"

	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"
)

// Heading is the search page's <h1>.
const Heading = "Find a PCN, practice, ICB or region"

// Page is the view model of /search.
type Page struct {
	Layout layout.PageParams
	// Query is the text searched for, trimmed; empty before a search.
	Query string
	// Error refuses the text (too long) instead of searching; the box shows it again.
	Error string
	// MaxLength is the longest text the search takes, in characters, for the hint.
	MaxLength int
	// Groups are the hits, one group per kind, in the order shown; none before a
	// search or when the text was refused.
	Groups []Group
}

// Group is the hits of one kind: the first few, and how many matched in all.
type Group struct {
	// ID names the group for tests and links ("pcns").
	ID string
	// Title heads the group ("Practices"); One and Many name the kind in a sentence
	// ("practice", "practices").
	Title, One, Many string
	Total            int
	Hits             []Hit
}

// Hit is one organisation found, with the one above it.
type Hit struct {
	Name, Code, Href string
	// ParentKind, Parent and ParentHref name the organisation above ("ICB",
	// "NHS Shropshire, Telford and Wrekin Integrated Care Board", "/icbs/QOC"); Parent
	// is empty for a region, and None says why a practice has none ("In no PCN").
	ParentKind, Parent, ParentHref string
	None                           string
	// Note marks a hit that is not in today's structure ("Dissolved on 1 April 2026").
	Note string
}

// searched reports whether the page shows a search's outcome.
func (p Page) searched() bool { return p.Query != "" && p.Error == "" }

// found is how many organisations matched, all kinds together.
func (p Page) found() int {
	n := 0
	for _, g := range p.Groups {
		n += g.Total
	}
	return n
}

// summary says how many of each kind matched: "4 results for ‘Shrewsbury’: 1 PCN and
// 3 practices."
func (p Page) summary() string {
	n := p.found()
	if n == 0 {
		return "No PCN, practice, ICB or region matches ‘" + p.Query + "’."
	}
	var parts []string
	for _, g := range p.Groups {
		if g.Total > 0 {
			parts = append(parts, ui.Plural(g.Total, g.One, g.Many))
		}
	}
	return ui.Plural(n, "result", "results") + " for ‘" + p.Query + "’: " + and(parts) + "."
}

// and joins "a", "b" and "c" as "a, b and c".
func and(parts []string) string {
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	}
	out := parts[0]
	for _, s := range parts[1 : len(parts)-1] {
		out += ", " + s
	}
	return out + " and " + parts[len(parts)-1]
}

// heading is the group's <h2>: "PCNs (3)".
func (g Group) heading() string { return g.Title + " (" + ui.Count(g.Total) + ")" }

// cut reports whether the group shows fewer hits than matched.
func (g Group) cut() bool { return g.Total > len(g.Hits) }

// shown says how many of the group are listed: "Showing 50 of 312 practices."
func (g Group) shown() string {
	return "Showing " + strconv.Itoa(len(g.Hits)) + " of " + ui.Plural(g.Total, g.One, g.Many) +
		". Type more of the name, or the code, to find fewer."
}

// input is the page's own search box, showing the text searched for.
func (p Page) input() ui.InputParams {
	return ui.InputParams{
		ID: "q", Name: "q", Type: "search", Value: p.Query, Error: p.Error, Autocomplete: "off", NoSpellcheck: true,
		Label: ui.LabelParams{Text: "Name or code", Size: ui.SizeS},
		Hint: "All or part of a name, such as Shrewsbury, or a code, such as U60057 (a PCN), M82002 (a practice), " +
			"QOC (an ICB) or Y60 (a region). Up to " + strconv.Itoa(p.MaxLength) + " characters.",
	}
}

// errors is the error summary of refused text, linking to the box.
func (p Page) errors() ui.ErrorSummaryParams {
	if p.Error == "" {
		return ui.ErrorSummaryParams{}
	}
	return ui.ErrorSummaryParams{Errors: []ui.ErrorSummaryItem{{Text: p.Error, Href: "#q"}}}
}
