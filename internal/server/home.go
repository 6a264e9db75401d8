package server

import (
	"net/http"

	"github.com/arrs-planner/arrs/internal/auth"
	"github.com/arrs-planner/arrs/web/areas"
	"github.com/arrs-planner/arrs/web/layout"
)

// Homes (issue 13, docs/homes.md): after signing in each person lands on their own
// place (auth.User.Home), where a panel says what waits for them there: a network's
// page for its manager or clinical director (homepcn.go), an ICB's for its leads
// (homeicb.go), England's for admins (homeadmin.go) and for people with several places,
// which it lists.

// landing is where a sign-in sends the person: the page they asked for (a safe
// ?next=), else their home. "/" counts as no page asked for: it is where a signed-out
// visit to the bare address comes back to (toSignIn), and England is the home of
// whoever has no other.
func landing(next string, u *auth.User) string {
	if n := safeNext(next); n != "/" {
		return n
	}
	return u.Home()
}

// homeNav is the header's link to the user's one place, for those who have one.
func homeNav(u *auth.User) (layout.ExtraNav, bool) {
	w, ok := u.HomePlace()
	if !ok {
		return layout.ExtraNav{}, false
	}
	if w.ICB {
		return layout.ExtraNav{Text: "Your ICB", Href: w.Href()}, true
	}
	return layout.ExtraNav{Text: "Your network", Href: w.Href()}, true
}

// englandHome is the panel of the people whose home England's page is: the places of
// someone with several (or whose ICB was dissolved), and what needs an admin's
// attention.
func (s *Server) englandHome(r *http.Request) (areas.Home, error) {
	var h areas.Home
	u := currentUser(r)
	var err error
	if u.Home() == "/" {
		if h.Places, err = s.places(r, u); err != nil {
			return h, err
		}
	}
	if u.IsAdmin() {
		h.Admin, err = s.adminHome(r)
	}
	return h, err
}

// places are the user's workplaces named and linked, by today's structure.
func (s *Server) places(r *http.Request, u *auth.User) ([]areas.Place, error) {
	ws := u.Workplaces()
	if len(ws) == 0 {
		return nil, nil
	}
	tree, err := s.treeOn(r.Context(), s.today())
	if err != nil {
		return nil, err
	}
	out := make([]areas.Place, 0, len(ws))
	for _, w := range ws {
		p := areas.Place{Kind: "PCN", Code: w.Code, Href: w.Href()}
		if w.ICB {
			c, _ := tree.AnyICB(w.Code)
			p.Kind, p.Name = "ICB", orElse(c.Name, w.Code)
			if w.Dissolved {
				p.Note = "dissolved on " + c.Closed.Format(dateLong)
			}
		} else {
			info, _ := tree.PCN(w.Code)
			p.Name = orElse(info.Name, w.Code)
		}
		out = append(out, p)
	}
	return out, nil
}
