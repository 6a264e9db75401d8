package supervision

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/input"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"
)

// supervisorLimits are the supervisor form's text inputs with their limits.
var supervisorLimits = []input.Limit{
	{Name: "name", Label: "Name", Max: workforce.MaxNameLength},
	{Name: "profession", Label: "Profession", Max: workforce.MaxNameLength},
	{Name: "fte", Label: "FTE", Max: workforce.MaxCodeLength},
	{Name: "hours", Label: "Hours a month", Max: workforce.MaxCodeLength},
}

// Read reads a submitted supervisor form into f (kept as typed) and a supervisor
// built on base, at the version f holds (the posted one, for a change), then
// workforce.Supervisor.Validate. A new supervisor is active.
func (f *SupervisorForm) Read(v url.Values, base workforce.Supervisor) workforce.Supervisor {
	f.Errors = map[string]string{}
	f.Name, f.Profession = strings.TrimSpace(v.Get("name")), strings.TrimSpace(v.Get("profession"))
	f.FTE, f.Hours = strings.TrimSpace(v.Get("fte")), strings.TrimSpace(v.Get("hours"))
	f.Active = f.ID == 0 || v.Get("active") == "yes"
	if input.TooLong(v, f.Errors, supervisorLimits...) {
		return base
	}
	sup := base
	sup.Name, sup.Profession, sup.Active, sup.Version = f.Name, f.Profession, f.Active, f.Version
	sup.FTE = input.Decimal(f.FTE, "fte", "Enter the supervisor's FTE", "FTE must be a number, like 0.8", f.Errors)
	sup.HoursPerMonth = input.Decimal(f.Hours, "hours", "Enter the hours a month they have for supervision", "Hours a month must be a number, like 8", f.Errors)
	input.AddProblems(f.Errors, sup.Validate())
	return sup
}

// SupervisorFormOf fills the change form from a stored supervisor.
func SupervisorFormOf(sup workforce.Supervisor) SupervisorForm {
	return SupervisorForm{Frame: Frame{ID: sup.ID, Version: sup.Version}, Name: sup.Name, Profession: sup.Profession,
		FTE: input.NumberText(sup.FTE), Hours: input.NumberText(sup.HoursPerMonth), Active: sup.Active}
}

// SupervisorFields describes a supervisor as a stale save shows them.
func SupervisorFields(sup workforce.Supervisor) []Field {
	active := "Yes"
	if !sup.Active {
		active = "No"
	}
	return []Field{{Label: "Name", Value: sup.Name}, {Label: "Profession", Value: sup.Profession},
		{Label: "FTE", Value: input.NumberText(sup.FTE)}, {Label: "Hours a month available", Value: input.NumberText(sup.HoursPerMonth)},
		{Label: "Still supervising", Value: active}}
}

// Framed puts a form on its page (marked in error when the form is), under the PCN's
// supervision.
func (f Frame) Framed(page layout.PageParams, p workforce.PCN) Frame {
	f.Layout = page
	f.Layout.Breadcrumbs = append(f.Layout.Breadcrumbs, ui.BreadcrumbItem{Text: "Supervision", Href: Href(p.Code)})
	f.Layout.HasErrors = len(f.Errors) > 0 || f.Saved != nil
	f.PCNCode, f.PCNName = p.Code, p.Name
	return f
}

// StillLinked refuses to stop a supervisor with n links in force on the day or to
// come: their supervisees would lose supervision without anyone seeing it.
func (f *SupervisorForm) StillLinked(n int) {
	f.Errors["active"] = "They still have " + strconv.Itoa(n) + " supervision links in force or to come: end them first"
}
