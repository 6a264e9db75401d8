package admin

import (
	"net/url"
	"strings"

	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/input"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"
)

// NewCapsPage lists every role of the catalogue with its caps (byRole, by role code)
// and offers the roles in the add form f.
func NewCapsPage(page layout.PageParams, roles []workforce.Role, byRole map[string][]CapRow, f CapForm) CapsPage {
	p := CapsPage{Layout: page, Form: f}
	p.Layout.HasErrors = len(f.Errors) > 0
	for _, role := range roles {
		p.Roles = append(p.Roles, CapRole{Code: role.Code, Name: role.Name, Caps: byRole[role.Code]})
		p.Form.Roles = append(p.Form.Roles, ui.SelectItem{Value: role.Code, Text: role.Name})
	}
	return p
}

// capLimits are the cap forms' text inputs with their limits.
var capLimits = []input.Limit{
	{Name: "variant", Label: "Variant", Max: workforce.MaxVariantLength},
	{Name: "from", Label: "Date in force from", Max: workforce.MaxCodeLength},
	{Name: "amount", Label: "Cap per WTE a year", Max: workforce.MaxCodeLength},
}

// ReadNewCap reads the form that adds a cap: the fields as typed, the cap, and its
// role from the catalogue (the zero Role when unknown); every problem is in the
// form's Errors.
func ReadNewCap(v url.Values, roles []workforce.Role) (CapForm, workforce.Cap, workforce.Role) {
	f := readCapForm(v)
	f.Role, f.Variant = strings.TrimSpace(v.Get("role")), strings.TrimSpace(v.Get("variant"))
	if input.TooLong(v, f.Errors, capLimits...) {
		return f, workforce.Cap{}, workforce.Role{}
	}
	role, known := workforce.RoleOf(roles, f.Role)
	if !known {
		f.Errors["role"] = "Select the role"
	}
	return f, f.parse(role), role
}

// ReadCapChange reads the form that changes cap id of role, posted at version: its
// date, amount and provisional flag (role and variant stay); every problem is in the
// form's Errors.
func ReadCapChange(v url.Values, id int64, version int, role workforce.Role) (CapForm, workforce.Cap) {
	f := readCapForm(v)
	f.ID, f.Version = id, version
	if input.TooLong(v, f.Errors, capLimits...) {
		return f, workforce.Cap{}
	}
	return f, f.parse(role)
}

// readCapForm reads the fields every cap form has, as typed.
func readCapForm(v url.Values) CapForm {
	return CapForm{From: strings.TrimSpace(v.Get("from")), Amount: strings.TrimSpace(v.Get("amount")),
		Provisional: v.Get("provisional") == "yes", Errors: map[string]string{}}
}

// parse reads the date and amount of a cap of role (the zero Role when unknown) and
// checks it (workforce.Cap.Validate), noting each problem against its field: one that
// cannot be read keeps its own message.
func (f *CapForm) parse(role workforce.Role) workforce.Cap {
	c := workforce.Cap{RoleCode: f.Role, Variant: f.Variant, Provisional: f.Provisional}
	var err error
	if c.EffectiveFrom, err = workforce.ParseDate(f.From); err != nil {
		f.Errors["from"] = "Enter the date the cap is in force from in the form YYYY-MM-DD, such as 2026-04-01"
	}
	pence, ok := workforce.ParsePounds(workforce.PlainPounds(f.Amount))
	switch {
	case f.Amount == "":
		f.Errors["amount"] = "Enter the cap per WTE a year, in pounds"
	case !ok:
		f.Errors["amount"] = "Enter the cap in pounds, such as 66972 or 66972.50"
	}
	c.Pence = pence
	input.AddProblems(f.Errors, c.Validate(role))
	return c
}

// CapFormOf fills the change form from cap id as stored at version.
func CapFormOf(id int64, version int, c workforce.Cap) CapForm {
	return CapForm{ID: id, Version: version, From: c.EffectiveFrom.Format(workforce.DateLayout),
		Amount: c.Pence.Input(), Provisional: c.Provisional, Errors: map[string]string{}}
}

// DateTaken refuses the date: the role and variant (named name) have a cap from it.
func (f *CapForm) DateTaken(name string) {
	f.Errors["from"] = "There is already a cap for " + name + " from this date: change that cap instead"
}

// Stale marks the form of a stale save or removal: someone saved the cap since the
// form was opened; it is now current. The form keeps what was typed.
func (f CapForm) Stale(current workforce.Cap) CapForm {
	f.Conflict = "Someone else changed this cap while you were editing: it is now " + current.Pence.Short() + " from " +
		current.EffectiveFrom.Format("2 January 2006") + ". Nothing was saved. Check the values below, then save or remove it again."
	return f
}

// Framed completes a change form: its page (marked in error when the form is), the
// fixed role and variant of c, and the cap's version as stored now when the form is
// stale or has none.
func (f CapForm) Framed(page layout.PageParams, c workforce.Cap, version int, roleName string) CapForm {
	f.Layout = page
	f.Layout.Breadcrumbs = []ui.BreadcrumbItem{{Text: "Role caps", Href: "/admin/caps"}}
	f.Layout.HasErrors = len(f.Errors) > 0 || f.Conflict != ""
	f.Role, f.RoleName, f.Variant = c.RoleCode, roleName, c.Variant
	if f.Conflict != "" || f.Version == 0 {
		f.Version = version
	}
	return f
}

// CapTitle is the title of a cap's change form.
func CapTitle(c workforce.Cap, roleName string) string {
	return "Change the cap for " + c.Name(roleName) + " from " + c.EffectiveFrom.Format("2 January 2006")
}

// CapSaved says what was done to a cap, for the message the caps page shows after:
// "Added the cap for Pharmacist of £55,670 from 1 April 2026".
func CapSaved(verb string, c workforce.Cap, roleName string) string {
	return verb + " the cap for " + c.Name(roleName) + " of " + c.Pence.Short() + " from " + c.EffectiveFrom.Format("2 January 2006")
}
