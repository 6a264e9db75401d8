package admin

import (
	"fmt"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/arrs-planner/arrs/web/ui"
)

// The list of users is searched and paged on the server: a national deployment has
// some 10,000 of them.

// ParamSearch is the query parameter of the search of users by name or email.
const ParamSearch = "q"

// UsersPerPage is how many users a page of the list shows.
const UsersPerPage = 50

// usersTableID is the id of the users' table, where the page links jump.
const usersTableID = "users"

// ReadSearch reads ?q=, the search of users by part of a name or an email, trimmed: at
// most max characters, else refused in a sentence saying so.
func ReadSearch(q url.Values, max int) (string, error) {
	s := strings.TrimSpace(q.Get(ParamSearch))
	if utf8.RuneCountInString(s) > max {
		return "", fmt.Errorf("The search must be at most %d characters.", max)
	}
	return s, nil
}

// SetList sets the search and the paging of the list for total users matching search,
// and returns the offset and count of the rows of the page asked for (?page=, a page
// past the last being the last; anything but a whole number is refused).
func (p *UsersPage) SetList(q url.Values, search string, total int) (offset, limit int, err error) {
	keep := url.Values{}
	if search != "" {
		keep.Set(ParamSearch, search)
	}
	p.Search, p.Total = search, total
	p.Pages = ui.Pages{Size: UsersPerPage, Path: "/admin/users", Query: keep, Anchor: usersTableID}
	if p.Pages.Page, err = p.Pages.Read(q, total); err != nil {
		return 0, 0, err
	}
	return (p.Pages.Page - 1) * UsersPerPage, UsersPerPage, nil
}

// showing says which users the page lists.
func (p UsersPage) showing() string {
	s := p.Pages.Showing(p.Total, "users")
	if p.Total == 1 {
		s = "1 user"
	}
	if p.Search != "" {
		s += " matching “" + p.Search + "”"
	}
	return s
}
