package server

import (
	"net/http"
	"net/url"

	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/fundingsettings"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"
)

// The settings behind a PCN's funding (issue 14): its written share agreements
// (fundingsettingsagreements.go), the roles its ICB approved (fundingsettingsroles.go),
// how its practices share its costs (fundingsettingsshares.go), and an ICB's payment
// lag (fundingsettingslag.go). Each change is audited in its own transaction by the
// store; a stale form is refused with 409 beside what is saved now, a wrong field
// re-renders the form with 422, and a save answers 303 back to the list.

// settingsLayout is the frame of a PCN's funding settings pages, under the PCN and its
// funding.
func (s *Server) settingsLayout(r *http.Request, p workforce.PCN, title string) layout.PageParams {
	l := s.capacityLayout(r, p, title)
	l.Breadcrumbs = append(l.Breadcrumbs, ui.BreadcrumbItem{Text: "Funding", Href: fundingsettings.FundingHref(p.Code)})
	return l
}

// versionedForm reads a posted form and the version of the record it changes
// (formVersion: 400 when it names none).
func versionedForm(r *http.Request) (url.Values, int, error) {
	form, err := readForm(r)
	if err != nil {
		return nil, 0, err
	}
	version, err := formVersion(form)
	return form, version, err
}

// backTo sends the person to the page with what was done.
func (s *Server) backTo(w http.ResponseWriter, r *http.Request, href, flash string) error {
	s.sessions.Put(r.Context(), keyFlash, flash)
	http.Redirect(w, r, href, http.StatusSeeOther)
	return nil
}
