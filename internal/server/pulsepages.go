package server

import (
	"context"
	"net/http"
	"slices"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/arrs-planner/arrs/internal/auth"
	"github.com/arrs-planner/arrs/internal/datacache"
	"github.com/arrs-planner/arrs/internal/integrationreport"
	"github.com/arrs-planner/arrs/internal/pulse"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/areas"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"

	pulseweb "github.com/arrs-planner/arrs/web/pulse"
)

// A PCN's pulse (/pcns/{code}/pulse): seen by its users, its ICB's leads and admins,
// comments by its managers only; an ICB's PCNs side by side (/icbs/{code}/pulse). Every
// page and download seals the rounds due first (sealDuePulses), so a round past its
// closing day shows as closed, and shows results only of closed, sealed rounds,
// through package pulse's suppression.

// sealDuePulses closes and seals the rounds of the pulse whose closing day has come by
// the server's clock (store.SealPulseRounds). The handlers that show anything derived
// from the pulse call it first: the pulse pages and downloads, the dashboard and the
// comparison (before they read their cache: a seal moves the data version, so the
// cached figures are worked out again), and the manager's round pages. Nothing they
// call seals, nor does the public form.
func (s *Server) sealDuePulses(ctx context.Context) error {
	n, err := s.db.SealPulseRounds(ctx, s.today())
	if n > 0 { // the request's reading of the versions is older than the seal
		datacache.Forget(ctx)
	}
	return err
}

// pcnPulse is a PCN's rounds: the open one (with its count of answers) and the closed
// (sealed) ones, oldest first.
type pcnPulse struct {
	open      *workforce.PulseRound
	responses int
	closed    []integrationreport.Pulse
}

// pcnPulseOfURL is the PCN of the URL and its rounds, once the rounds due are sealed:
// what the PCN's pulse page and its downloads show.
func (s *Server) pcnPulseOfURL(r *http.Request) (workforce.PCN, pcnPulse, error) {
	p, err := s.pcnOfURL(r)
	if err != nil {
		return p, pcnPulse{}, err
	}
	if err := s.sealDuePulses(r.Context()); err != nil {
		return p, pcnPulse{}, err
	}
	pp, err := s.pulseOfPCN(r.Context(), p.Code)
	return p, pp, err
}

// pulseOfPCN reads a PCN's rounds. Answers are read only of sealed rounds: an open
// round's are counted, never read. It seals nothing (pcnPulseOfURL has).
func (s *Server) pulseOfPCN(ctx context.Context, pcn string) (pcnPulse, error) {
	var out pcnPulse
	rounds, err := s.db.PulseRounds(ctx, pcn)
	if err != nil {
		return out, err
	}
	var ids []int64
	for i := range rounds {
		switch rd := rounds[i]; {
		case rd.ClosedOn.IsZero():
			out.open = &rounds[i]
		case rd.Sealed:
			ids = append(ids, rd.ID)
		}
	}
	if out.open != nil {
		counts, err := s.db.PulseResponses(ctx, []int64{out.open.ID})
		if err != nil {
			return out, err
		}
		out.responses = counts[out.open.ID]
	}
	answers, err := s.db.PulseAnswers(ctx, ids)
	if err != nil {
		return out, err
	}
	for i := len(rounds) - 1; i >= 0; i-- {
		if rd := rounds[i]; !rd.ClosedOn.IsZero() && rd.Sealed {
			out.closed = append(out.closed, integrationreport.Pulse{Round: rd, Result: pulse.ForPCN(answers[rd.ID], rd.LinksIssued)})
		}
	}
	return out, nil
}

// pulseResults are the results of the PCNs given that have a closed round, in code
// order.
func pulseResults(latest map[string]integrationreport.Pulse, pcns []string) []pulse.PCNResult {
	var out []pulse.PCNResult
	for _, code := range slices.Sorted(slices.Values(pcns)) {
		if c, ok := latest[code]; ok {
			out = append(out, c.Result)
		}
	}
	return out
}

// pulseAreas is England's PCNs' latest closed rounds, and the codes of England's and
// of one ICB's PCNs today.
type pulseAreas struct {
	latest       map[string]integrationreport.Pulse
	england, icb []string
}

// pulseAreas reads the latest closed round of every PCN of today's tree
// (integrationreport.LatestPulses), cached per data version and day: the ICB's and
// England's averages read every PCN's answers, once per change rather than once per
// page. The cached results hold no comment (no page shows another PCN's).
func (s *Server) pulseAreas(ctx context.Context, tree *workforce.Tree, icb string) (pulseAreas, error) {
	var a pulseAreas
	for _, p := range tree.PCNs {
		a.england = append(a.england, p.Code)
		if p.ICBCode == icb {
			a.icb = append(a.icb, p.Code)
		}
	}
	var err error
	a.latest, err = cachedFor(ctx, s, "pulse|latest|"+s.today().Format(workforce.DateLayout), depEngland, func(ctx context.Context) (map[string]integrationreport.Pulse, error) {
		latest, err := integrationreport.LatestPulses(ctx, s.db, a.england)
		for code, p := range latest {
			latest[code] = withoutComments(p)
		}
		return latest, err
	})
	return a, err
}

// withoutComments is a round's result with its comments dropped.
func withoutComments(p integrationreport.Pulse) integrationreport.Pulse {
	p.Result.Total.Comments = nil
	cells := slices.Clone(p.Result.Cells)
	for i := range cells {
		cells[i].Tally.Comments = nil
	}
	p.Result.Cells = cells
	return p
}

func (s *Server) pulsePage(w http.ResponseWriter, r *http.Request) error {
	p, pp, err := s.pcnPulseOfURL(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	u := currentUser(r)
	page := pulseweb.Page{Layout: s.page(r, "Staff pulse", layout.NavEngland), PCNCode: p.Code, PCNName: p.Name,
		CanRun: u.CanChangePCN(p.Code), Success: s.sessions.PopString(ctx, keyFlash)}
	tree, err := s.tree(r)
	if err != nil {
		return err
	}
	page.Layout.Breadcrumbs = areas.PCNBreadcrumbs(tree, p)
	if pp.open != nil {
		page.Open = &pulseweb.OpenRound{ID: pp.open.ID, OpenedOn: pp.open.OpenedOn, ClosesOn: pp.open.ClosesOn, Responses: pp.responses,
			Links: pp.open.LinksIssued, Earliest: store.EarliestPulseClose(*pp.open)}
	}
	for _, c := range pp.closed {
		page.Trend = append(page.Trend, pulseweb.NewTrendRow(c.Round, c.Result))
	}
	if n := len(pp.closed); n > 0 {
		// Comments are for the PCN's managers alone: not its directors, the ICB's
		// leads or admins.
		latest := pulseweb.NewResult(pp.closed[n-1].Round, pp.closed[n-1].Result, u.CanActOnPCN(auth.PCNManager, p.Code))
		page.Latest = &latest
	}
	page.ICBName = p.ICBCode
	if icb, ok := tree.ICB(p.ICBCode); ok {
		page.ICBName = icb.Name
	}
	a, err := s.pulseAreas(ctx, tree, p.ICBCode)
	if err != nil {
		return err
	}
	page.ICB = pulseweb.NewPool(pulse.PoolOf(pulseResults(a.latest, a.icb)))
	page.England = pulseweb.NewPool(pulse.PoolOf(pulseResults(a.latest, a.england)))
	return render(w, r, pulseweb.View(page))
}

// icbPulseOfURL is the ICB of the URL (a dissolved one too, for its leads: it has no
// PCNs today), today's tree and, once the rounds due are sealed, the latest closed
// rounds (pulseAreas): what the ICB's pulse page and its downloads show.
func (s *Server) icbPulseOfURL(r *http.Request) (*workforce.Tree, workforce.ICB, pulseAreas, error) {
	tree, err := s.tree(r)
	if err != nil {
		return nil, workforce.ICB{}, pulseAreas{}, err
	}
	icb, ok := tree.AnyICB(strings.ToUpper(chi.URLParam(r, "code")))
	if !ok {
		return nil, icb, pulseAreas{}, errNotFound
	}
	if err := s.sealDuePulses(r.Context()); err != nil {
		return nil, icb, pulseAreas{}, err
	}
	a, err := s.pulseAreas(r.Context(), tree, icb.Code)
	return tree, icb, a, err
}

func (s *Server) icbPulse(w http.ResponseWriter, r *http.Request) error {
	tree, icb, a, err := s.icbPulseOfURL(r)
	if err != nil {
		return err
	}
	u := currentUser(r)
	page := pulseweb.ICBPage{Layout: s.page(r, "Staff pulse of the ICB's PCNs", layout.NavEngland), ICBCode: icb.Code, ICBName: icb.Name}
	page.Layout.Breadcrumbs = icbBreadcrumbs(tree, icb)
	for _, p := range pulsePCNsOf(tree, icb.Code) {
		href := ""
		if u.CanSeePCN(p.Code, icb.Code) {
			href = pulseweb.Href(p.Code)
		}
		c, ok := a.latest[p.Code]
		if !ok {
			page.NoRound++
			page.Rows = append(page.Rows, pulseweb.NewICBRow(p, href, nil, pulse.PCNResult{}))
			continue
		}
		page.Rows = append(page.Rows, pulseweb.NewICBRow(p, href, &c.Round, c.Result))
	}
	page.ICB = pulseweb.NewPool(pulse.PoolOf(pulseResults(a.latest, a.icb)))
	page.England = pulseweb.NewPool(pulse.PoolOf(pulseResults(a.latest, a.england)))
	return render(w, r, pulseweb.ICBView(page))
}

// pulsePCNsOf are the ICB's PCNs today by name, then code: the order of the ICB's
// pulse page and its files.
func pulsePCNsOf(tree *workforce.Tree, icb string) []workforce.PCN {
	pcns := tree.PCNsOf(icb)
	slices.SortStableFunc(pcns, func(a, b workforce.PCN) int {
		if c := strings.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)); c != 0 {
			return c
		}
		return strings.Compare(a.Code, b.Code)
	})
	return pcns
}

// icbBreadcrumbs lead from England to an ICB's own page.
func icbBreadcrumbs(tree *workforce.Tree, icb workforce.ICB) []ui.BreadcrumbItem {
	items := []ui.BreadcrumbItem{{Text: "England", Href: "/"}}
	if region, ok := tree.Region(icb.RegionCode); ok {
		items = append(items, ui.BreadcrumbItem{Text: region.Name, Href: "/regions/" + region.Code})
	}
	return append(items, ui.BreadcrumbItem{Text: icb.Name, Href: "/icbs/" + icb.Code})
}
