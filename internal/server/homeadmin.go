package server

import (
	"net/http"
	"strconv"

	"github.com/arrs-planner/arrs/internal/auth"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/web/areas"
)

// adminHome is what needs an admin's attention on England's page: the imports
// (importsDue, over every network in force today) and the users (grants on dissolved
// ICBs, accounts never signed in, accounts locked now).
func (s *Server) adminHome(r *http.Request) (*areas.AdminHome, error) {
	tree, err := s.treeOn(r.Context(), s.today())
	if err != nil {
		return nil, err
	}
	pcns := make([]string, 0, len(tree.PCNs))
	for _, p := range tree.PCNs {
		pcns = append(pcns, p.Code)
	}
	h := &areas.AdminHome{UsersHref: "/admin/users", LockedFor: strconv.Itoa(int(auth.ThrottleWindow.Minutes())) + " minutes"}
	if h.Imports, err = s.importsDue(r, pcns); err != nil {
		return nil, err
	}
	return h, s.usersToCheck(r, h)
}

// usersToCheck fills the users an admin should look at.
func (s *Server) usersToCheck(r *http.Request, h *areas.AdminHome) error {
	users, err := s.db.UsersWithDissolvedGrants(r.Context())
	if err != nil {
		return err
	}
	for _, g := range dissolvedGrantRows(users) {
		h.Dissolved = append(h.Dissolved, areas.DissolvedGrant{Name: g.Name, Email: g.Email, Href: "/admin/users#dissolved",
			ICBName: g.ICBName, Closed: g.Closed})
	}
	n, never, err := s.db.NeverSignedIn(r.Context(), neverSignedInShown)
	if err != nil {
		return err
	}
	locked, err := s.db.LockedAccounts(r.Context(), s.now().Add(-auth.ThrottleWindow), auth.MaxAccountFailures)
	h.NeverSignedIn, h.NeverSignedInCount, h.Locked = accountLinks(never), n, accountLinks(locked)
	return err
}

// neverSignedInShown is how many of the accounts never signed in the admin's home
// lists (the oldest), beside their count.
const neverSignedInShown = 20

// accountLinks link each account to its page on the users' admin.
func accountLinks(as []store.Account) []areas.Account {
	out := make([]areas.Account, 0, len(as))
	for _, a := range as {
		out = append(out, areas.Account{Name: a.Name, Email: a.Email, Href: "/admin/users/" + strconv.FormatInt(a.ID, 10), Since: a.CreatedAt})
	}
	return out
}
