// Package layout renders the page around every screen of ARRS Planner: the NHS.UK
// page template (head, skip link, header, breadcrumbs, main, footer, scripts) and
// the error pages.
package layout

import (
	"slices"

	"github.com/arrs-planner/arrs/web/ui"
)

// ServiceName is shown in the header and ends every page title.
const ServiceName = "ARRS Planner"

// BodyScript is the one inline script on every page, copied verbatim from the NHS
// page template (template.njk): it tells the frontend's CSS that JavaScript runs,
// and whether the browser supports ES modules. Changing a byte breaks
// BodyScriptCSPHash.
const BodyScript = "document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' nhsuk-frontend-supported' : '');"

// BodyScriptCSPHash is BodyScript's hash as a Content-Security-Policy source, for
// script-src: the policy allows this inline script and no other.
const BodyScriptCSPHash = "'sha256-tDOvXJi1PXbg0CWjLCCYSNHRXtps26K4JXkE3M6u/c0='"

// SignOutPath is where the header's sign-out button posts.
const SignOutPath = "/logout"

// SearchPath is where the header's search box sends its text, as ?q=.
const SearchPath = "/search"

// SearchLabel names the header's search box (visually hidden) and the search page's.
const SearchLabel = "Search for a PCN, practice, ICB or region by name or code"

// AccountPath is where the header's name of the signed-in user links: their account,
// where they change their password.
const AccountPath = "/account/password"

// Asset paths, as the server serves web.Static under /static/.
const (
	frontendCSS = "/static/nhsuk/nhsuk-frontend.min.css"
	frontendJS  = "/static/nhsuk/nhsuk-frontend.min.js"
	assetsPath  = "/static/nhsuk/assets"
	appCSS      = "/static/app.css"
	// appJS initialises the frontend's components. It is a file rather than the
	// NHS template's inline module so that the CSP need allow no other inline
	// script.
	appJS      = "/static/app.js"
	themeColor = "#005eb8" // NHS blue
)

// Nav names a section of the primary navigation.
type Nav string

// The sections of the header's navigation, in their order there.
const (
	NavNone    Nav = ""
	NavEngland Nav = "england"
	NavGaps    Nav = "gaps"
	NavRoles   Nav = "roles"
	NavImports Nav = "imports"
)

var navigation = []struct {
	nav        Nav
	text, href string
}{
	{NavEngland, "England", "/"},
	{NavGaps, "Gaps", "/gaps"},
	{NavRoles, "Roles", "/roles"},
	{NavImports, "Imports", "/imports"},
}

// PageParams describes one page for the layout.
type PageParams struct {
	// Title is the page's own title, usually its <h1>; the document title adds
	// the service name.
	Title string
	// Nav is the section the page belongs to, marked in the header.
	Nav Nav
	// Path is the request path; when it is the section's own link, that link is
	// marked as the current page rather than just the current section.
	Path        string
	Breadcrumbs []ui.BreadcrumbItem
	// User is the signed-in user's name; empty when signed out, which hides the
	// account area.
	User string
	// Extra are further navigation links the user's role opens (Audit, Users).
	Extra []ExtraNav
	// HasErrors prefixes the title with "Error: ", as the NHS service manual asks
	// of a form shown again with errors.
	HasErrors bool
	// Unsaved says why a form shown again holds input that was not saved (the
	// database was unreachable): a banner above the page's content.
	Unsaved string
	// Notices are about the signed-in user's access (a grant on a dissolved ICB):
	// an "Important" banner each, above every page's content.
	Notices []string
	// Wide lets the page use the whole width of the window (the fluid container),
	// for a grid whose columns must all show at 1280 px, such as the plan editor.
	Wide bool
}

// containerClass is the page's width container: fixed at the service's reading
// width, or fluid for a Wide page.
func (p PageParams) containerClass() string {
	if p.Wide {
		return "nhsuk-width-container-fluid"
	}
	return "nhsuk-width-container"
}

// DocumentTitle is the <title>: "Error: " when the form has errors, the page
// title, then the service name.
func (p PageParams) DocumentTitle() string {
	t := ServiceName
	if p.Title != "" {
		t = p.Title + " – " + ServiceName
	}
	if p.HasErrors {
		t = "Error: " + t
	}
	return t
}

func (p PageParams) header() ui.HeaderParams {
	h := ui.HeaderParams{ServiceName: ServiceName, ServiceHref: "/"}
	// A page that is one of the extra links (a person's own network) is marked there
	// alone: one link of the header is the current page.
	extraHere := slices.ContainsFunc(p.Extra, func(e ExtraNav) bool { return e.Href == p.Path })
	for _, n := range navigation {
		if p.User == "" && n.nav != NavRoles {
			continue // signed out, only the role guide is open
		}
		here := n.nav != NavNone && n.nav == p.Nav && !extraHere
		h.Navigation = append(h.Navigation, ui.HeaderNavItem{
			Text: n.text, Href: n.href,
			Current: here && p.Path == n.href,
			Active:  here && p.Path != n.href,
		})
	}
	for _, e := range p.Extra {
		h.Navigation = append(h.Navigation, ui.HeaderNavItem{Text: e.Text, Href: e.Href, Current: p.Path == e.Href})
	}
	if p.User != "" {
		// Search is for signed-in people only: the pages it finds are theirs.
		h.Search = &ui.HeaderSearch{Action: SearchPath, Label: SearchLabel, Placeholder: "Name or code"}
		h.Account = []ui.HeaderAccountItem{
			{Text: p.User, Icon: true, Href: AccountPath},
			{Text: "Sign out", Action: SignOutPath},
		}
	}
	return h
}

// ExtraNav is a navigation link shown only to some users.
type ExtraNav struct{ Text, Href string }

func footer() ui.FooterParams {
	return ui.FooterParams{
		Links: []ui.FooterLink{
			{Text: "Role guide", Href: "/roles"},
			{Text: "Imports", Href: "/imports"},
			{Text: "Accessibility", Href: "/accessibility"},
		},
		Meta:      openGovernmentLicence(),
		Copyright: "Source: NHS England data",
	}
}
