package server

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/a-h/templ"
	"github.com/go-chi/chi/v5"

	"github.com/arrs-planner/arrs/internal/datacache"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/staff"
)

// staffUnsaved is the add or change form shown again during an outage with what was
// posted, from the PCN, roles, member practices and approvals the server last read;
// false when it has not read the PCN and roles yet. The record as stored cannot be read, so a change keeps the posted version: the
// next save still finds any change made meanwhile. No database is read here: false
// means only that this form cannot be shown, and unavailable answers its 503 page.
func (s *Server) staffUnsaved(r *http.Request) (templ.Component, bool) {
	tree, okTree := datacache.LastKnown[*workforce.Tree](&s.cache, "tree|"+s.today().Format(workforce.DateLayout))
	roles, okRoles := datacache.LastKnown[[]workforce.Role](&s.cache, "roles")
	form, err := readForm(r)
	if !okTree || !okRoles || err != nil {
		return nil, false
	}
	p, found := tree.PCN(strings.ToUpper(chi.URLParam(r, "code")))
	if !found {
		return nil, false
	}
	// The practices and approvals as last read (none if never: the form then offers
	// none, and the person's choice is checked when the form is sent again).
	cat, _ := datacache.LastKnown[staff.Catalogue](&s.cache, staffFundingKey(p.Code, s.today()))
	cat.Roles = roles
	sc := staffScope{pcn: p, cat: cat}
	base := newStaff(sc)
	title := "Add a staff member"
	var f staff.Form
	if id := chi.URLParam(r, "id"); id != "" {
		if base.ID, err = strconv.ParseInt(id, 10, 64); err != nil {
			return nil, false
		}
		if f.Version, err = formVersion(form); err != nil {
			return nil, false
		}
		title = "Change a staff record"
	}
	typed := f.Read(form, base, cat, s.today())
	f.ID, f.Errors, f.StartParts, f.EndParts = base.ID, nil, nil, nil // checked again when sent again
	// Framed for the record as typed, so that the practice chosen stays on offer.
	f = s.staffForm(r, sc, title, f, typed)
	f.Layout = withUnsaved(f.Layout)
	return staff.FormPage(f), true
}
