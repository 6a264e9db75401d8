package admin

import (
	"net/url"
	"strings"

	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/input"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"
)

// Read reads the posted user form into f, as typed: name, grants and access, with a
// message in f.Errors for a text over its limit (maxPassword for the password) or a
// missing name. It reports whether every text was within its limit: only then are the
// password and the grants worth checking.
func (f *UserForm) Read(v url.Values, maxPassword int) bool {
	f.Errors = map[string]string{}
	f.Name = strings.TrimSpace(v.Get("name"))
	f.Grants = v.Get("grants")
	f.Active = v.Get("active") == "yes"
	if input.TooLong(v, f.Errors,
		input.Limit{Name: "email", Label: "Email address", Max: workforce.MaxEmailLength},
		input.Limit{Name: "name", Label: "Full name", Max: workforce.MaxNameLength},
		input.Limit{Name: "password", Label: "Password", Max: maxPassword},
		input.Limit{Name: "grants", Label: "Grants", Max: workforce.MaxListLength}) {
		return false
	}
	if f.Name == "" {
		f.Errors["name"] = "Enter the person's full name"
	}
	return true
}

// Framed puts the form on its page (marked in error when the form is), under the
// users, with the password policy's shortest length for the hint.
func (f UserForm) Framed(page layout.PageParams, minPassword int) UserForm {
	f.Layout = page
	f.MinPassword = minPassword
	f.Layout.Breadcrumbs = []ui.BreadcrumbItem{{Text: "Users", Href: "/admin/users"}}
	f.Layout.HasErrors = len(f.Errors) > 0 || f.Conflict != ""
	return f
}

// SelfAcceptMessage says why a director grant for a PCN and a lead grant for its ICB
// are refused together.
func SelfAcceptMessage(pcn, icb string) string {
	return "A user cannot be both a clinical director of " + pcn + " and an ICB lead of " + icb +
		", its ICB: the ICB lead accepts the plan the clinical director signs off. Give one of the two grants to someone else"
}

// SelfSignOffMessage says why a manager and director grant for one PCN is refused.
func SelfSignOffMessage(pcn string) string {
	return "A user cannot be both the PCN manager and a clinical director of " + pcn +
		": the clinical director signs off the plan the manager writes. Give one of the two grants to someone else"
}

// LastAdminMessage says why a change that leaves no active admin is refused.
const LastAdminMessage = "This is the only active admin: give another user the admin grant first"

// StaleMessage says that someone saved the user meanwhile.
const StaleMessage = "Someone else changed this user while you were editing. Your changes are below and were not saved: compare them with the user's current details, then save again."
