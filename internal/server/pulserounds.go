package server

import (
	"context"
	"errors"
	"net/http"
	"time"

	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/layout"

	pulseweb "github.com/arrs-planner/arrs/web/pulse"
)

// A PCN's managers (and admins) open a round of the pulse, print its links and close
// it. The store audits opening and closing with counts only; the links page is the one
// place tokens are shown, and only while the round is open (its links are deleted when
// it is sealed). A closed round's links and close pages say so (410 Gone, pulseGone);
// another PCN's round is not found.

// pulseGroups is the role group of each ARRS member of staff of the PCN in post today
// by the records (started on or before today, and no end or an end after today; the
// census's as-of date does not come into it, so a member of staff added by hand who
// started after the latest census gets a link): one link each. It takes no ?as_of=,
// so the form shows the number of links the round it opens will issue.
func (s *Server) pulseGroups(ctx context.Context, pcn string, today time.Time) ([]workforce.RoleGroup, error) {
	staff, err := s.db.StaffInPost(ctx, pcn, today)
	if err != nil {
		return nil, err
	}
	var groups []workforce.RoleGroup
	for _, st := range staff {
		if st.RoleCode != "" {
			groups = append(groups, workforce.RoleGroupOf(st.RoleCode))
		}
	}
	return groups, nil
}

// pulseNewForm is the form that opens a round, refused outright while one is open
// (the rounds due are sealed first, so a round past its day does not stand in the
// way).
func (s *Server) pulseNewForm(r *http.Request, p workforce.PCN) (pulseweb.NewForm, []workforce.RoleGroup, error) {
	ctx := r.Context()
	if err := s.sealDuePulses(ctx); err != nil {
		return pulseweb.NewForm{}, nil, err
	}
	today := s.today()
	groups, err := s.pulseGroups(ctx, p.Code, today)
	if err != nil {
		return pulseweb.NewForm{}, nil, err
	}
	f := pulseweb.NewRoundForm(p.Code, p.Name, today, groups)
	f.Layout = s.page(r, "Open a round of the pulse", layout.NavEngland)
	if f.Layout.Breadcrumbs, err = s.pcnBreadcrumbs(r, p); err != nil {
		return f, nil, err
	}
	rounds, err := s.db.PulseRounds(ctx, p.Code)
	if err != nil {
		return f, nil, err
	}
	for _, rd := range rounds {
		if rd.ClosedOn.IsZero() {
			f.Problem = openRoundProblem(p, rd)
		}
	}
	return f, groups, nil
}

func openRoundProblem(p workforce.PCN, open workforce.PulseRound) string {
	return "A round of " + p.Name + " is open until " + open.ClosesOn.Format(dateLong) + ". Close it before opening another."
}

func (s *Server) pulseNew(w http.ResponseWriter, r *http.Request) error {
	p, err := s.pcnOfURL(r)
	if err != nil {
		return err
	}
	f, _, err := s.pulseNewForm(r, p)
	if err != nil {
		return err
	}
	return render(w, r, pulseweb.NewView(f))
}

func (s *Server) pulseOpen(w http.ResponseWriter, r *http.Request) error {
	p, err := s.pcnOfURL(r)
	if err != nil {
		return err
	}
	v, err := readForm(r)
	if err != nil {
		return err
	}
	f, groups, err := s.pulseNewForm(r, p)
	if err != nil {
		return err
	}
	closes := f.Read(v)
	if f.Layout.HasErrors {
		return renderStatus(w, r, http.StatusUnprocessableEntity, pulseweb.NewView(f))
	}
	round, _, err := s.db.OpenPulseRound(r.Context(), p.Code, f.Today, closes, groups, actorOf(r))
	if errors.Is(err, store.ErrConflict) {
		// Someone opened one meanwhile.
		f.Problem, f.Layout.HasErrors = "A round of "+p.Name+" was opened meanwhile. Close it before opening another.", true
		return renderStatus(w, r, http.StatusConflict, pulseweb.NewView(f))
	}
	if err != nil {
		return err
	}
	http.Redirect(w, r, pulseweb.LinksHref(p.Code, round.ID), http.StatusSeeOther)
	return nil
}

// pulseRoundOfURL seals the rounds due and loads the round of the URL, scoped by the
// PCN: another PCN's is not found.
func (s *Server) pulseRoundOfURL(ctx context.Context, r *http.Request, pcn string) (workforce.PulseRound, error) {
	id, err := urlID(r)
	if err != nil {
		return workforce.PulseRound{}, err
	}
	if err := s.sealDuePulses(ctx); err != nil {
		return workforce.PulseRound{}, err
	}
	return s.db.PulseRound(ctx, pcn, id)
}

// pulseBase is the scheme and host the links are addressed at: the public address
// configured (ARRS_PUBLIC_URL), else the request's host, over https but in
// development without TLS.
func (s *Server) pulseBase(r *http.Request) string {
	if s.cfg.PublicURL != "" {
		return s.cfg.PublicURL
	}
	scheme := "https"
	if r.TLS == nil && s.cfg.Dev {
		scheme = "http"
	}
	return scheme + "://" + r.Host
}

// pulseGone is the page of a closed round's links or close page: status 410, the day
// it closed and the way back to the pulse page.
func (s *Server) pulseGone(w http.ResponseWriter, r *http.Request, p workforce.PCN, round workforce.PulseRound) error {
	g := pulseweb.Gone{Layout: s.page(r, "This round has closed", layout.NavEngland), PCNCode: p.Code, PCNName: p.Name, ClosedOn: round.ClosedOn}
	var err error
	if g.Layout.Breadcrumbs, err = s.pcnBreadcrumbs(r, p); err != nil {
		return err
	}
	return renderStatus(w, r, http.StatusGone, pulseweb.GoneView(g))
}

func (s *Server) pulseLinks(w http.ResponseWriter, r *http.Request) error {
	p, err := s.pcnOfURL(r)
	if err != nil {
		return err
	}
	round, err := s.pulseRoundOfURL(r.Context(), r, p.Code)
	if err != nil {
		return err
	}
	if !round.ClosedOn.IsZero() {
		return s.pulseGone(w, r, p, round)
	}
	links, err := s.db.PulseLinks(r.Context(), p.Code, round.ID)
	if err != nil {
		return err
	}
	tokens := make([]pulseweb.LinkToken, len(links))
	for i, l := range links {
		tokens[i] = pulseweb.LinkToken{Token: l.Token, Group: l.RoleGroup}
	}
	w.Header().Set("Referrer-Policy", "no-referrer")
	return render(w, r, pulseweb.LinksView(pulseweb.NewLinksPage(p.Code, p.Name, round, s.pulseBase(r), tokens)))
}

// pulseCloseFormOf is the round of the URL and, while it is open, its confirmation
// page (for a closed round, the zero form: its handler shows pulseGone).
func (s *Server) pulseCloseFormOf(r *http.Request, p workforce.PCN) (pulseweb.CloseForm, workforce.PulseRound, error) {
	round, err := s.pulseRoundOfURL(r.Context(), r, p.Code)
	if err != nil || !round.ClosedOn.IsZero() {
		return pulseweb.CloseForm{}, round, err
	}
	counts, err := s.db.PulseResponses(r.Context(), []int64{round.ID})
	if err != nil {
		return pulseweb.CloseForm{}, round, err
	}
	f := pulseweb.CloseForm{Layout: s.page(r, "Close this round", layout.NavEngland), PCNCode: p.Code, PCNName: p.Name, ID: round.ID,
		Version: round.Version, OpenedOn: round.OpenedOn, ClosesOn: round.ClosesOn, Responses: counts[round.ID], Links: round.LinksIssued,
		Today: s.today(), Earliest: store.EarliestPulseClose(round)}
	f.Layout.Breadcrumbs, err = s.pcnBreadcrumbs(r, p)
	return f, round, err
}

func (s *Server) pulseCloseForm(w http.ResponseWriter, r *http.Request) error {
	p, err := s.pcnOfURL(r)
	if err != nil {
		return err
	}
	f, round, err := s.pulseCloseFormOf(r, p)
	if err != nil {
		return err
	}
	if !round.ClosedOn.IsZero() {
		return s.pulseGone(w, r, p, round)
	}
	return render(w, r, pulseweb.CloseView(f))
}

func (s *Server) pulseClose(w http.ResponseWriter, r *http.Request) error {
	p, err := s.pcnOfURL(r)
	if err != nil {
		return err
	}
	_, version, err := versionedForm(r)
	if err != nil {
		return err
	}
	f, round, err := s.pulseCloseFormOf(r, p)
	if err != nil {
		return err
	}
	if !round.ClosedOn.IsZero() {
		return s.pulseGone(w, r, p, round)
	}
	saved, err := s.db.ClosePulseRound(r.Context(), p.Code, f.ID, version, f.Today, actorOf(r))
	if errors.Is(err, store.ErrConflict) {
		// Stale: the form shows the round as it is now, at its version.
		f.Stale, f.Layout.HasErrors = true, true
		return renderStatus(w, r, http.StatusConflict, pulseweb.CloseView(f))
	}
	var ps workforce.Problems
	if errors.As(err, &ps) {
		// Too early (workforce.MinPulseRoundDays): the page says from when, or that the
		// round closes by itself first, with no button.
		f.Problem, f.Layout.HasErrors = ps.Error(), true
		if f.ClosesByItself() {
			f.Problem = f.ClosesByItselfText()
		}
		return renderStatus(w, r, http.StatusUnprocessableEntity, pulseweb.CloseView(f))
	}
	if err != nil {
		return err
	}
	return s.backTo(w, r, pulseweb.Href(p.Code), "Closed the round of "+p.Name+" on "+saved.ClosedOn.Format(dateLong)+": its results are below.")
}
