package server

import (
	"errors"
	"net/http"
	"net/url"

	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/rooms"
)

// siteFrame frames a site form under the PCN's sites.
func (s *Server) siteFrame(r *http.Request, p workforce.PCN, title string, f rooms.SiteForm) rooms.SiteForm {
	return f.Framed(s.capacityLayout(r, p, title), p)
}

// siteInput reads a submitted site form (rooms.SiteForm.Read) against the PCN's
// other sites, whose names it may not take.
func (s *Server) siteInput(r *http.Request, v url.Values, f *rooms.SiteForm, base workforce.Site) (workforce.Site, error) {
	others, err := s.db.SitesOfPCN(r.Context(), base.PCNCode)
	if err != nil {
		return base, err
	}
	return f.Read(v, base, others), nil
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
		f.NameTaken(site.Name)
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
	return render(w, r, rooms.SitePage(s.siteFrame(r, p, "Change "+site.Name, rooms.SiteFormOf(site))))
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
	f.Version, f.Saved = now.Version, rooms.SiteFields(now)
	return f, nil
}

func (s *Server) siteRemoveForm(w http.ResponseWriter, r *http.Request) error {
	p, site, err := s.siteOfURL(r)
	if err != nil {
		return err
	}
	return render(w, r, rooms.RemovePage(s.siteFrame(r, p, "Remove "+site.Name, rooms.SiteFormOf(site))))
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
		f := rooms.SiteFormOf(site)
		f.Saved = rooms.SiteFields(site)
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
