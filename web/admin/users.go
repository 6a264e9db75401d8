// Package admin renders the admin screens: the users, the role caps and the targets,
// each with the forms that add and change them.
package admin

import (
	"strconv"
	"strings"

	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"
)

// UsersPage is the view model of /admin/users.
type UsersPage struct {
	Layout  layout.PageParams
	Success string
	// Problem says why the last move of a grant was refused.
	Problem string
	Users   []UserRow
	// Search is the search of the list (?q=); Pages its page and Total the users it
	// matches (SetList).
	Search string
	Pages  ui.Pages
	Total  int
	// Dissolved are the ICB lead grants on dissolved ICBs, to move to successors.
	Dissolved []DissolvedGrant
}

// UserRow is one user in the list.
type UserRow struct {
	ID     int64
	Name   string
	Email  string
	Grants string
	Active bool
	// Demo marks an account of `arrs seed demo`, whose password is published.
	Demo bool
}

func (p UsersPage) table() ui.TableParams {
	rows := make([]ui.TableRow, 0, len(p.Users))
	for _, u := range p.Users {
		status := "Active"
		if !u.Active {
			status = "Deactivated"
		}
		if u.Demo {
			status += " (demo account, published password)"
		}
		rows = append(rows, ui.TableRow{TestID: "user-" + u.Email, Cells: []ui.TableCell{
			{Text: u.Name, Href: "/admin/users/" + strconv.FormatInt(u.ID, 10)}, {Text: u.Email}, {Text: u.Grants}, {Text: status},
		}})
	}
	return ui.TableParams{Caption: "Users", FirstCellIsHeader: true, ID: usersTableID,
		Head: []ui.TableHeader{{Text: "Name"}, {Text: "Email"}, {Text: "Grants"}, {Text: "Status"}}, Rows: rows}
}

// UserForm is the view model of the add and change forms.
type UserForm struct {
	Layout layout.PageParams
	// ID is 0 for a new user.
	ID       int64
	Version  int
	Email    string
	Name     string
	Grants   string // one "role ORG" per line
	Active   bool
	Errors   map[string]string
	Conflict string // someone else saved the user meanwhile
	// MinPassword is the password policy's shortest length, for the hint.
	MinPassword int
}

// Action is where the form posts.
func (f UserForm) Action() string {
	if f.ID == 0 {
		return "/admin/users/new"
	}
	return "/admin/users/" + strconv.FormatInt(f.ID, 10)
}

// fieldOrder is the order of fields on the page, for the error summary.
var fieldOrder = []string{"email", "name", "password", "grants"}

func (f UserForm) summary() ui.ErrorSummaryParams {
	var items []ui.ErrorSummaryItem
	if f.Conflict != "" {
		items = append(items, ui.ErrorSummaryItem{Text: f.Conflict, Href: "#name"})
	}
	for _, k := range fieldOrder {
		if msg := f.Errors[k]; msg != "" {
			items = append(items, ui.ErrorSummaryItem{Text: msg, Href: "#" + k})
		}
	}
	return ui.ErrorSummaryParams{Title: "There is a problem", Errors: items}
}

// passwordHint states the password policy (auth.CheckPassword).
func (f UserForm) passwordHint() string {
	return "At least " + strconv.Itoa(f.MinPassword) + " characters and hard to guess: three or more random words work well. " +
		"Not the person's name or email address. Share it with the person by a separate, secure route."
}

func (f UserForm) grantRows() int { return max(4, strings.Count(f.Grants, "\n")+2) }

// passwordLabel names the password field: a new user's password, or a new one for a
// user who has one.
func passwordLabel(id int64) string {
	if id == 0 {
		return "Password"
	}
	return "New password (leave blank to keep the current one)"
}

// DissolvedGrantMessage says why a new ICB lead grant, on line n of the grants, on an
// ICB dissolved since (icb) is refused, naming the successors to grant instead.
func DissolvedGrantMessage(n int, icb workforce.ICB, successors []workforce.ICB) string {
	msg := "Line " + strconv.Itoa(n) + " of the grants: " + icb.Name + " was dissolved on " + icb.Closed.Format("2 January 2006")
	names := make([]string, len(successors))
	for i, c := range successors {
		names[i] = c.Name + " (" + c.Code + ")"
	}
	switch len(names) {
	case 0:
		return msg + ": grant an ICB in force instead"
	case 1:
		return msg + ": grant its successor " + names[0] + " instead"
	}
	return msg + ": grant one or more of its successors " + strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1] + " instead"
}
