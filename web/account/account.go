// Package account renders the signed-in person's own account page: changing their
// password.
package account

import (
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"
	"strconv"
)

// PasswordPath is the address of the password change page, where the header's name
// of the signed-in user links.
const PasswordPath = layout.AccountPath

// PasswordForm is the view model of the password change page. Passwords are never
// shown again: a form with errors comes back with its boxes empty.
type PasswordForm struct {
	Layout  layout.PageParams
	Email   string
	Success string
	Errors  map[string]string
	// MinPassword is the password policy's shortest length, for the hint.
	MinPassword int
}

// fieldOrder is the order of fields on the page, for the error summary.
var fieldOrder = []string{"current", "password", "confirm"}

func (f PasswordForm) summary() ui.ErrorSummaryParams {
	var items []ui.ErrorSummaryItem
	for _, k := range fieldOrder {
		if msg := f.Errors[k]; msg != "" {
			items = append(items, ui.ErrorSummaryItem{Text: msg, Href: "#" + k})
		}
	}
	return ui.ErrorSummaryParams{Title: "There is a problem", Errors: items}
}

func (f PasswordForm) passwordHint() string {
	return "At least " + strconv.Itoa(f.MinPassword) + " characters. Three or more random words are easy to remember and hard to guess. Do not use your name or email address."
}
