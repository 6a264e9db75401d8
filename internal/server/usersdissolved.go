package server

import (
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/arrs-planner/arrs/internal/auth"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/web/admin"
)

// Grants on dissolved ICBs (PLANNING.md, "Organisations over time"): a lead granted an
// ICB dissolved on 1 April 2026 keeps the PCNs it had on its last day (auth.LeadsPCN)
// and is told so on every page; the admin users page lists such grants, each with a
// one-click move to a successor, or to all of them for a split ICB.

// dissolvedGrantRows are the users' grants on dissolved ICBs, by user then ICB.
func dissolvedGrantRows(users []auth.User) []admin.DissolvedGrant {
	var out []admin.DissolvedGrant
	for _, u := range users {
		for _, d := range u.Dissolved {
			g := admin.DissolvedGrant{UserID: u.ID, Name: u.Name, Email: u.Email, ICBCode: d.Code, ICBName: d.Name, Closed: d.Closed, PCNs: len(d.PCNs)}
			for _, s := range d.Successors {
				g.Successors = append(g.Successors, admin.Successor{Code: s.Code, Name: s.Name})
			}
			out = append(out, g)
		}
	}
	return out
}

// userGrantMove replaces a user's ICB lead grant on a dissolved ICB (form field from)
// by grants on the successor the button names (to), or on all its successors (to =
// "all"); a successor the user leads already is left as it is. A grant moved
// meanwhile (a second click) says so rather than failing. Like the user form, it
// refuses grants that would let the user accept a plan they sign off.
func (s *Server) userGrantMove(w http.ResponseWriter, r *http.Request) error {
	before, err := s.userByParam(r)
	if err != nil {
		return err
	}
	form, err := readForm(r)
	if err != nil {
		return err
	}
	from := strings.ToUpper(form.Get("from"))
	i := slices.IndexFunc(before.Dissolved, func(d auth.DissolvedICB) bool { return d.Code == from })
	if i < 0 {
		return s.backToUsers(w, r, before.Name+" holds no grant on a dissolved ICB "+from+" (already moved?): nothing changed")
	}
	d := before.Dissolved[i]
	to, err := successorsAsked(d, form.Get("to"))
	if err != nil {
		return err
	}
	if problem, err := s.moveProblem(r, before, from, to); problem != "" || err != nil {
		if err != nil {
			return err
		}
		return s.usersRefused(w, r, problem)
	}
	after, err := s.db.MoveDissolvedGrant(r.Context(), store.GrantMove{UserID: before.ID, From: from, To: codes(to), By: actorOf(r)})
	if errors.Is(err, store.ErrNotFound) {
		return s.backToUsers(w, r, before.Name+"'s grant on "+d.Name+" was moved meanwhile: nothing changed")
	}
	if err != nil {
		return err
	}
	s.logGrantsChanged(r, before, after)
	return s.backToUsers(w, r, "Moved "+before.Name+"'s ICB lead grant from "+d.Name+" to "+names(to))
}

// successorsAsked are the successors a move button names: one by code, or "all".
func successorsAsked(d auth.DissolvedICB, to string) ([]auth.ICBName, error) {
	if to == "all" && len(d.Successors) > 0 {
		return d.Successors, nil
	}
	for _, s := range d.Successors {
		if s.Code == strings.ToUpper(to) {
			return []auth.ICBName{s}, nil
		}
	}
	return nil, errBadRequest("%q is not a successor of %s.", to, d.Name)
}

// moveProblem is why the grants after the move would be refused by the user form's
// rules (auth.CheckGrantsIn, on today's structure), or "".
func (s *Server) moveProblem(r *http.Request, u auth.User, from string, to []auth.ICBName) (string, error) {
	tree, err := s.tree(r)
	if err != nil {
		return "", err
	}
	grants := slices.DeleteFunc(slices.Clone(u.Grants), func(g auth.Grant) bool { return g == auth.Grant{Role: auth.ICBLead, Org: from} })
	for _, t := range to {
		grants = append(grants, auth.Grant{Role: auth.ICBLead, Org: t.Code})
	}
	var selfAccept auth.ErrSelfAccept
	if err := auth.CheckGrantsIn(grants, tree.ICBOf); errors.As(err, &selfAccept) {
		return admin.SelfAcceptMessage(selfAccept.PCN, selfAccept.ICB) + ". Nothing was moved.", nil
	} else if err != nil {
		return err.Error(), nil
	}
	return "", nil
}

// backToUsers ends a move on the users page with its outcome.
func (s *Server) backToUsers(w http.ResponseWriter, r *http.Request, msg string) error {
	s.sessions.Put(r.Context(), keyFlash, msg)
	http.Redirect(w, r, "/admin/users", http.StatusSeeOther)
	return nil
}

// usersRefused shows the users page again with why a move was refused.
func (s *Server) usersRefused(w http.ResponseWriter, r *http.Request, problem string) error {
	p, err := s.usersPage(r)
	if err != nil {
		return err
	}
	p.Problem = problem
	p.Layout.HasErrors = true
	return renderStatus(w, r, http.StatusUnprocessableEntity, admin.Users(p))
}

func codes(icbs []auth.ICBName) []string {
	out := make([]string, len(icbs))
	for i, c := range icbs {
		out[i] = c.Code
	}
	return out
}

// names lists ICBs for a sentence: "A", "A and B", "A, B and C".
func names(icbs []auth.ICBName) string {
	n := make([]string, len(icbs))
	for i, c := range icbs {
		n[i] = c.Name
	}
	if len(n) == 1 {
		return n[0]
	}
	return strings.Join(n[:len(n)-1], ", ") + " and " + n[len(n)-1]
}

// accessNotices are the notices of a user whose ICB lead grants are on dissolved ICBs,
// for the banner of every page: what the grant still opens, and who can move it.
func accessNotices(u *auth.User) []string {
	if u == nil {
		return nil
	}
	var out []string
	for _, d := range u.Dissolved {
		msg := "Your access is to " + d.Name + ", dissolved on " + d.Closed.Format("2 January 2006") +
			". Until it is moved you see the " + strconv.Itoa(len(d.PCNs)) + " PCNs that were in it on its last day, " +
			d.Closed.AddDate(0, 0, -1).Format("2 January 2006") + ", and no others. "
		switch len(d.Successors) {
		case 0:
			msg += "Ask an admin to move it to the ICB now responsible for them."
		case 1:
			msg += "Ask an admin to move it to its successor, " + d.Successors[0].Name + "."
		default:
			msg += "Ask an admin to move it to its successors (" + names(d.Successors) + "), or to the one you now work for."
		}
		out = append(out, msg)
	}
	return out
}
