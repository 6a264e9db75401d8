package server

import (
	"errors"
	"math"
	"net/http"
	"net/url"
	"strings"

	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/rooms"
	"github.com/arrs-planner/arrs/web/ui"
)

// siteFrame frames a site form under the PCN's sites.
func (s *Server) siteFrame(r *http.Request, p workforce.PCN, title string, f rooms.SiteForm) rooms.SiteForm {
	f.Layout = s.capacityLayout(r, p, title)
	f.Layout.Breadcrumbs = append(f.Layout.Breadcrumbs, ui.BreadcrumbItem{Text: "Sites and rooms", Href: rooms.Href(p.Code)})
	f.Layout.HasErrors = len(f.Errors) > 0 || f.Saved != nil
	f.PCNCode, f.PCNName = p.Code, p.Name
	return f
}

// siteFields are the site form's text inputs with their limits.
var siteFields = []textField{
	textInput("name", "Name", workforce.MaxNameLength),
	textInput("sessions", "Bookable sessions a week", workforce.MaxCodeLength),
}

// siteInput reads a submitted site form into f (kept as typed) and a site built on
// base, at the version f holds (formVersion, for a change); a name another of the
// PCN's sites has is refused.
func (s *Server) siteInput(r *http.Request, v url.Values, f *rooms.SiteForm, base workforce.Site) (workforce.Site, error) {
	f.Errors = map[string]string{}
	f.Name, f.Sessions = strings.TrimSpace(v.Get("name")), strings.TrimSpace(v.Get("sessions"))
	if tooLong(v, f.Errors, siteFields...) {
		return base, nil
	}
	site := base
	site.Name, site.Version = f.Name, f.Version
	site.SessionsPerWeek = math.Round(readDecimal(f.Sessions, "sessions", "Enter the bookable room sessions a week",
		"Sessions a week must be a number, like 10", f.Errors)*100) / 100
	addFieldProblems(f.Errors, site.Validate())
	others, err := s.db.SitesOfPCN(r.Context(), base.PCNCode)
	if err != nil {
		return site, err
	}
	for _, o := range others {
		if o.ID != base.ID && strings.EqualFold(o.Name, site.Name) && f.Errors["name"] == "" {
			f.Errors["name"] = "There is already a site called " + o.Name + ": give this one another name"
		}
	}
	return site, nil
}

func siteFormOf(site workforce.Site) rooms.SiteForm {
	return rooms.SiteForm{ID: site.ID, Version: site.Version, Name: site.Name, Sessions: formNumber(site.SessionsPerWeek)}
}

func siteSaved(site workforce.Site) []rooms.Field {
	return []rooms.Field{{Label: "Site", Value: site.Name}, {Label: "Bookable sessions a week", Value: formNumber(site.SessionsPerWeek)}}
}

func (s *Server) siteOfURL(r *http.Request) (workforce.PCN, workforce.Site, error) {
	p, err := s.pcnOfURL(r)
	if err != nil {
		return p, workforce.Site{}, err
	}
	id, err := urlID(r)
	if err != nil {
		return p, workforce.Site{}, err
	}
	site, err := s.db.Site(r.Context(), p.Code, id)
	return p, site, err
}

func (s *Server) siteNew(w http.ResponseWriter, r *http.Request) error {
	p, err := s.pcnOfURL(r)
	if err != nil {
		return err
	}
	return render(w, r, rooms.SitePage(s.siteFrame(r, p, "Add a site", rooms.SiteForm{})))
}

func (s *Server) siteCreate(w http.ResponseWriter, r *http.Request) error {
	p, err := s.pcnOfURL(r)
	if err != nil {
		return err
	}
	form, err := readForm(r)
	if err != nil {
		return err
	}
	var f rooms.SiteForm
	site, err := s.siteInput(r, form, &f, workforce.Site{PCNCode: p.Code})
	if err != nil {
		return err
	}
	if len(f.Errors) > 0 {
		return renderStatus(w, r, http.StatusUnprocessableEntity, rooms.SitePage(s.siteFrame(r, p, "Add a site", f)))
	}
	saved, err := s.db.CreateSite(r.Context(), site, actorOf(r))
	if errors.Is(err, store.ErrConflict) {
		f.Errors["name"] = "There is already a site called " + site.Name + ": give this one another name"
		return renderStatus(w, r, http.StatusUnprocessableEntity, rooms.SitePage(s.siteFrame(r, p, "Add a site", f)))
	}
	if err != nil {
		return err
	}
	return s.backToSites(w, r, p, "Added "+saved.Name)
}

func (s *Server) siteEdit(w http.ResponseWriter, r *http.Request) error {
	p, site, err := s.siteOfURL(r)
	if err != nil {
		return err
	}
	return render(w, r, rooms.SitePage(s.siteFrame(r, p, "Change "+site.Name, siteFormOf(site))))
}

func (s *Server) siteUpdate(w http.ResponseWriter, r *http.Request) error {
	p, before, err := s.siteOfURL(r)
	if err != nil {
		return err
	}
	form, err := readForm(r)
	if err != nil {
		return err
	}
	f := rooms.SiteForm{ID: before.ID}
	if f.Version, err = formVersion(form); err != nil {
		return err
	}
	site, err := s.siteInput(r, form, &f, before)
	if err != nil {
		return err
	}
	title := "Change " + before.Name
	if len(f.Errors) > 0 {
		return renderStatus(w, r, http.StatusUnprocessableEntity, rooms.SitePage(s.siteFrame(r, p, title, f)))
	}
	saved, err := s.db.UpdateSite(r.Context(), site, actorOf(r))
	if errors.Is(err, store.ErrConflict) {
		if f, err = s.siteConflict(r, p, f); err != nil {
			return err
		}
		return renderStatus(w, r, http.StatusConflict, rooms.SitePage(s.siteFrame(r, p, title, f)))
	}
	if err != nil {
		return err
	}
	return s.backToSites(w, r, p, "Saved "+saved.Name)
}

// siteConflict marks the form of a stale save with the site as saved now and its
// version; a site removed meanwhile is not found.
func (s *Server) siteConflict(r *http.Request, p workforce.PCN, f rooms.SiteForm) (rooms.SiteForm, error) {
	now, err := s.db.Site(r.Context(), p.Code, f.ID)
	if err != nil {
		return f, err
	}
	f.Version, f.Saved = now.Version, siteSaved(now)
	return f, nil
}

func (s *Server) siteRemoveForm(w http.ResponseWriter, r *http.Request) error {
	p, site, err := s.siteOfURL(r)
	if err != nil {
		return err
	}
	return render(w, r, rooms.RemovePage(s.siteFrame(r, p, "Remove "+site.Name, siteFormOf(site))))
}

func (s *Server) siteRemove(w http.ResponseWriter, r *http.Request) error {
	p, site, err := s.siteOfURL(r)
	if err != nil {
		return err
	}
	form, err := readForm(r)
	if err != nil {
		return err
	}
	version, err := formVersion(form)
	if err != nil {
		return err
	}
	err = s.db.RemoveSite(r.Context(), p.Code, site.ID, version, actorOf(r))
	if errors.Is(err, store.ErrConflict) {
		f := siteFormOf(site)
		f.Saved = siteSaved(site)
		return renderStatus(w, r, http.StatusConflict, rooms.RemovePage(s.siteFrame(r, p, "Remove "+site.Name, f)))
	}
	if err != nil {
		return err
	}
	return s.backToSites(w, r, p, "Removed "+site.Name)
}

// backToSites sends the person back to the sites page with what was done.
func (s *Server) backToSites(w http.ResponseWriter, r *http.Request, p workforce.PCN, flash string) error {
	s.sessions.Put(r.Context(), keyFlash, flash)
	http.Redirect(w, r, rooms.Href(p.Code), http.StatusSeeOther)
	return nil
}
