package server

import (
	"cmp"
	"context"
	"errors"
	"net/http"

	"github.com/arrs-planner/arrs/internal/needreport"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/layout"

	peersweb "github.com/arrs-planner/arrs/web/peers"
)

// A PCN's most similar networks by need profile (/pcns/{code}/peers): seen by its
// users, its ICB's leads and admins; a peer group of their own choosing saved in their
// place by the leads of its ICB and admins (/pcns/{code}/peers/edit, the route's rule on
// the PCN of the URL), audited by the store. Both show on the dashboard.

func (s *Server) peers(w http.ResponseWriter, r *http.Request) error {
	p, g, err := s.peersOfURL(r)
	if err != nil {
		return err
	}
	u := currentUser(r)
	page := peersweb.Page{Layout: s.page(r, "Networks similar to "+p.Name, layout.NavEngland), Name: p.Name,
		CanEdit: u.CanReviewPCN(p.Code, p.ICBCode), Success: s.sessions.PopString(r.Context(), keyFlash)}
	if page.Groups, err = s.linkPeers(r, g); err != nil {
		return err
	}
	if page.Layout.Breadcrumbs, err = s.pcnBreadcrumbs(r, p); err != nil {
		return err
	}
	return render(w, r, peersweb.View(page))
}

// needReportNow is the need report of the as-of day: the latest census's, the
// comparison's own (needReportOn, cached under "needreport|<day>"); before any census,
// today's, with nothing observed known.
func (s *Server) needReportNow(ctx context.Context) (*needreport.Report, error) {
	day, err := s.db.LatestCensus(ctx)
	if err == nil {
		return s.needReportOn(ctx, day, nil)
	} else if !errors.Is(err, store.ErrNotFound) {
		return nil, err
	}
	today := s.today()
	return cachedFor(ctx, s, "needreport|no-census|"+today.Format(workforce.DateLayout), depEngland, func(ctx context.Context) (*needreport.Report, error) {
		reads, err := s.englandReads(ctx)
		if err != nil {
			return nil, err
		}
		return needreport.ComputeWith(ctx, s.db, reads, needreport.Options{Level: workforce.LevelPCN, At: today})
	})
}

// peersOfURL is the PCN of the URL and its peer groups.
func (s *Server) peersOfURL(r *http.Request) (workforce.PCN, peersweb.Groups, error) {
	p, err := s.pcnOfURL(r)
	if err != nil {
		return p, peersweb.Groups{}, err
	}
	g, err := s.peerGroups(r.Context(), p)
	return p, g, err
}

// peerGroups is a PCN's computed peers and its saved group on the as-of day, the same
// for every reader: figures of the need report, names and ICBs of its day (its tree).
func (s *Server) peerGroups(ctx context.Context, p workforce.PCN) (peersweb.Groups, error) {
	rep, err := s.needReportNow(ctx)
	if err != nil {
		return peersweb.Groups{}, err
	}
	now, err := s.treeOn(ctx, s.today())
	if err != nil {
		return peersweb.Groups{}, err
	}
	var custom *peersweb.Chosen
	if g, err := s.db.PeerGroup(ctx, p.Code); err == nil {
		custom = &peersweb.Chosen{Members: g.Members, By: cmp.Or(g.SavedByName, g.SavedBy), On: workforce.InEngland(g.SavedAt)}
	} else if !errors.Is(err, store.ErrNotFound) {
		return peersweb.Groups{}, err
	}
	facts := func(code string) peersweb.Facts {
		f := peersweb.Named(rep.Tree, now, code)
		if row, ok := rep.PCN(code); ok {
			f.InReport, f.Known, f.Observed, f.NoReturn = true, row.Known, row.Observed, row.NoReturn
		}
		return f
	}
	return peersweb.NewGroups(rep.Need, rep.Day, rep.Known, p.Code, custom, facts), nil
}

// peersResult is peerGroups' answer, sent by peerGroupsAsync.
type peersResult struct {
	groups peersweb.Groups
	err    error
}

// peerGroupsAsync works out peerGroups in the background, its answer sent once.
func (s *Server) peerGroupsAsync(ctx context.Context, p workforce.PCN) <-chan peersResult {
	out := make(chan peersResult, 1)
	go func() {
		g, err := s.peerGroups(ctx, p)
		out <- peersResult{g, err}
	}()
	return out
}

// linkPeers links each network the reader may see to its dashboard.
func (s *Server) linkPeers(r *http.Request, g peersweb.Groups) (peersweb.Groups, error) {
	tree, err := s.tree(r)
	if err != nil {
		return g, err
	}
	u := currentUser(r)
	return g.WithLinks(func(pcn string) bool { return u.CanSeePCN(pcn, tree.ICBOf(pcn)) }), nil
}

// peersEdit is the form of a PCN's peer group, prefilled with the saved group or the
// computed 10.
func (s *Server) peersEdit(w http.ResponseWriter, r *http.Request) error {
	p, g, err := s.peersOfURL(r)
	if err != nil {
		return err
	}
	codes, version, err := s.savedPeers(r.Context(), p.Code)
	if err != nil {
		return err
	}
	if version == 0 {
		codes = g.Computed.Codes()
	}
	f := peersweb.NewForm(p.Code, p.Name, codes, version)
	f.Example = g.Example()
	return s.peersForm(w, r, p, http.StatusOK, f)
}

// peersSave saves the group typed (action save) or removes the saved one (reset), at
// the version the form was opened at; a wrong code is 422, a stale version 409.
func (s *Server) peersSave(w http.ResponseWriter, r *http.Request) error {
	p, g, err := s.peersOfURL(r)
	if err != nil {
		return err
	}
	form, version, err := versionedForm(r)
	if err != nil {
		return err
	}
	f := peersweb.NewForm(p.Code, p.Name, nil, version)
	f.Example = g.Example()
	if form.Get("action") == peersweb.ActionReset {
		return s.peersReset(w, r, p, f)
	}
	tree, err := s.tree(r)
	if err != nil {
		return err
	}
	codes := f.Read(form, func(c string) bool { _, ok := tree.PCN(c); return ok })
	if len(f.Errors) > 0 {
		return s.peersForm(w, r, p, http.StatusUnprocessableEntity, f)
	}
	_, err = s.db.SavePeerGroup(r.Context(), store.PeerGroup{PCNCode: p.Code, Members: codes, Version: version}, actorOf(r))
	if errors.Is(err, store.ErrConflict) {
		return s.peersConflict(w, r, p, f)
	}
	if err != nil {
		return err
	}
	return s.backTo(w, r, peersweb.Href(p.Code), "Saved the peer group of "+p.Name)
}

// peersReset removes the saved group at f's version, so the computed 10 show again;
// with none saved it says there was none.
func (s *Server) peersReset(w http.ResponseWriter, r *http.Request, p workforce.PCN, f peersweb.Form) error {
	err := s.db.DeletePeerGroup(r.Context(), p.Code, f.Version, actorOf(r))
	switch {
	case errors.Is(err, store.ErrConflict):
		return s.peersConflict(w, r, p, f)
	case errors.Is(err, store.ErrNotFound):
		return s.backTo(w, r, peersweb.Href(p.Code), "No peer group was saved for "+p.Name+": its peers are already the most similar networks")
	case err != nil:
		return err
	}
	return s.backTo(w, r, peersweb.Href(p.Code), "Removed the peer group of "+p.Name+": its peers are the most similar networks again")
}

// peersConflict shows the form again with 409 and the group as saved now.
func (s *Server) peersConflict(w http.ResponseWriter, r *http.Request, p workforce.PCN, f peersweb.Form) error {
	codes, version, err := s.savedPeers(r.Context(), p.Code)
	if err != nil {
		return err
	}
	removed, err := s.db.PeerGroupRemoved(r.Context(), p.Code)
	if err != nil {
		return err
	}
	return s.peersForm(w, r, p, http.StatusConflict, f.WithStale(codes, version, removed))
}

// savedPeers is the saved group's codes and version; version 0 when none is saved.
func (s *Server) savedPeers(ctx context.Context, pcn string) ([]string, int, error) {
	g, err := s.db.PeerGroup(ctx, pcn)
	if errors.Is(err, store.ErrNotFound) {
		return nil, 0, nil
	}
	return g.Members, g.Version, err
}

// peersForm renders the form with status on its page, under the PCN's breadcrumbs.
func (s *Server) peersForm(w http.ResponseWriter, r *http.Request, p workforce.PCN, status int, f peersweb.Form) (err error) {
	f.Layout = s.page(r, "Choose a peer group for "+p.Name, layout.NavEngland)
	f.Layout.HasErrors = len(f.Errors) > 0 || f.Stale
	if f.Layout.Breadcrumbs, err = s.pcnBreadcrumbs(r, p); err != nil {
		return err
	}
	return renderStatus(w, r, status, peersweb.EditPage(f))
}
