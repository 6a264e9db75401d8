package rooms

import (
	"math"
	"net/url"
	"strings"

	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/input"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"
)

// siteLimits are the site form's text inputs with their limits.
var siteLimits = []input.Limit{
	{Name: "name", Label: "Name", Max: workforce.MaxNameLength},
	{Name: "sessions", Label: "Bookable sessions a week", Max: workforce.MaxCodeLength},
}

// Read reads a submitted site form into f (kept as typed) and a site built on base,
// at the version f holds (the posted one, for a change), then workforce.Site.Validate;
// a name another of the PCN's sites (others) has is refused.
func (f *SiteForm) Read(v url.Values, base workforce.Site, others []workforce.Site) workforce.Site {
	f.Errors = map[string]string{}
	f.Name, f.Sessions = strings.TrimSpace(v.Get("name")), strings.TrimSpace(v.Get("sessions"))
	if input.TooLong(v, f.Errors, siteLimits...) {
		return base
	}
	site := base
	site.Name, site.Version = f.Name, f.Version
	site.SessionsPerWeek = math.Round(input.Decimal(f.Sessions, "sessions", "Enter the bookable room sessions a week",
		"Sessions a week must be a number, like 10", f.Errors)*100) / 100
	input.AddProblems(f.Errors, site.Validate())
	for _, o := range others {
		if o.ID != base.ID && strings.EqualFold(o.Name, site.Name) && f.Errors["name"] == "" {
			f.NameTaken(o.Name)
		}
	}
	return site
}

// NameTaken refuses the name: another site of the PCN has it.
func (f *SiteForm) NameTaken(name string) {
	f.Errors["name"] = "There is already a site called " + name + ": give this one another name"
}

// SiteFormOf fills the change or remove form from a stored site.
func SiteFormOf(site workforce.Site) SiteForm {
	return SiteForm{ID: site.ID, Version: site.Version, Name: site.Name, Sessions: input.NumberText(site.SessionsPerWeek)}
}

// SiteFields describes a site as a stale save shows it.
func SiteFields(site workforce.Site) []Field {
	return []Field{{Label: "Site", Value: site.Name}, {Label: "Bookable sessions a week", Value: input.NumberText(site.SessionsPerWeek)}}
}

// Framed puts the form on its page (marked in error when the form is), under the
// PCN's sites.
func (f SiteForm) Framed(page layout.PageParams, p workforce.PCN) SiteForm {
	f.Layout = page
	f.Layout.Breadcrumbs = append(f.Layout.Breadcrumbs, ui.BreadcrumbItem{Text: "Sites and rooms", Href: Href(p.Code)})
	f.Layout.HasErrors = len(f.Errors) > 0 || f.Saved != nil
	f.PCNCode, f.PCNName = p.Code, p.Name
	return f
}
