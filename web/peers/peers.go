// Package peers renders a PCN's most similar networks in England by need profile
// (docs/need.md, "Peers"): the 10 nearest by age structure, deprivation and list size
// (need.Result.Peers), each with its ARRS FTE per 10,000 need-adjusted patients; or, in
// their place, a peer group a lead of the PCN's ICB chose, with the computed 10 below
// it. The same networks show on the dashboard (Section), and the group's form is here
// too (Form).
package peers

import (
	"cmp"
	"time"

	"github.com/arrs-planner/arrs/internal/need"
	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/layout"

	needweb "github.com/arrs-planner/arrs/web/need"
)

// Href is a PCN's peers page; EditHref its peer group's form.
func Href(pcn string) string { return "/pcns/" + pcn + "/peers" }

// EditHref is the form of a PCN's custom peer group.
func EditHref(pcn string) string { return Href(pcn) + "/edit" }

// Page is the view model of /pcns/{code}/peers.
type Page struct {
	Layout layout.PageParams
	Name   string
	Groups
	// CanEdit is the reader's: a lead of the PCN's ICB or an admin may choose a group.
	CanEdit bool
	Success string
}

// Facts is what the need report and the organisation tree say of a network besides its
// need: its name, its ICB's name, and its ARRS FTE in post on the day (Known false
// before the data start; NoReturn when it made no return, counted 0).
type Facts struct {
	Name, ICB string
	// InReport is false for a network the need report of the day does not hold (one
	// that did not exist yet): its figures are "no data".
	InReport bool
	Known    bool
	Observed float64
	NoReturn bool
}

// Named is a network's name and its ICB's as on the day of the figures: from then (the
// need report's tree), or from now (today's) for a network then did not hold; the
// code stands in for a name neither holds.
func Named(then, now *workforce.Tree, code string) Facts {
	tree := then
	p, ok := then.PCN(code)
	if !ok {
		tree = now
		p, _ = now.PCN(code)
	}
	f := Facts{Name: cmp.Or(p.Name, code)}
	if i, ok := tree.AnyICB(p.ICBCode); ok {
		f.ICB = i.Name
	}
	return f
}

// Network is one row of the peers: a network with its need profile and staff.
type Network struct {
	Code string
	Facts
	// Href is its dashboard when the reader may open it; "" otherwise.
	Href        string
	Registered  float64
	Need        float64
	Denominator need.Denominator
	IMD         float64
	IMDKnown    bool
	// Distance is from the PCN, in standard deviations; HasDistance false for the PCN
	// itself and for a chosen network without a need profile.
	Distance    float64
	HasDistance bool
}

// Per10k is the network's ARRS FTE per 10,000 of its denominator (need, or its list
// when none of its practices has age data), the need report's own figures; false when
// unknown (before the data start, or no patients).
func (n Network) Per10k() (float64, bool) {
	if !n.InReport || !n.Known {
		return 0, false
	}
	return planning.PerTenThousand(n.Observed, n.Need)
}

// Group is the PCN itself (the reference row) and its peers.
type Group struct {
	Self  Network
	Peers []Network
	// ChosenBy names who saved a custom group and ChosenOn when; both empty for the
	// computed peers.
	ChosenBy string
	ChosenOn time.Time
}

// Codes is the peers' codes, in order.
func (g Group) Codes() []string {
	codes := make([]string, 0, len(g.Peers))
	for _, n := range g.Peers {
		codes = append(codes, n.Code)
	}
	return codes
}

// Custom reports whether the group was chosen by someone rather than computed.
func (g Group) Custom() bool { return g.ChosenBy != "" }

// Groups is everything the peers page and the dashboard show of a PCN's peers, the
// same for every reader (the dashboard caches it): the computed peers and the custom
// group, if one is saved, on the day of the need report.
type Groups struct {
	Code string
	Day  time.Time
	// Known is false when no workforce data covers Day: FTE in post is "no data".
	Known bool
	// Computed is the 10 most similar; NoProfile is true when the PCN has no age data
	// or no deprivation score, so it has no computed peers.
	Computed  Group
	NoProfile bool
	// Custom is the saved group, nil when none is.
	Custom  *Group
	Bands   []string
	Sources needweb.Sources
}

// Shown is the group shown first: the custom one if saved, else the computed one.
func (g Groups) Shown() Group {
	if g.Custom != nil {
		return *g.Custom
	}
	return g.Computed
}

// Chosen is a saved peer group: its members (codes) and who saved it, when.
type Chosen struct {
	Members []string
	By      string
	On      time.Time
}

// NewGroups is a PCN's peers on day from need r, each network's facts from facts
// (known: whether workforce data covers the day); custom is the saved group, nil for
// none.
func NewGroups(r *need.Result, day time.Time, known bool, code string, custom *Chosen, facts func(code string) Facts) Groups {
	g := Groups{Code: code, Day: day, Known: known, Sources: needweb.NewSources(need.Need, r.Weights)}
	for _, b := range r.Weights.Age {
		g.Bands = append(g.Bands, b.Label)
	}
	network := func(c string, p *need.Peer) Network { return networkOf(r, c, p, facts(c)) }
	g.Computed.Self = network(code, nil)
	computed := r.Peers(code, need.PeerCount)
	g.NoProfile = computed == nil
	for _, p := range computed {
		g.Computed.Peers = append(g.Computed.Peers, network(p.Code, &p))
	}
	if custom != nil {
		distances := map[string]need.Peer{}
		for _, p := range r.Peers(code, len(r.PCNs)) {
			distances[p.Code] = p
		}
		c := Group{Self: g.Computed.Self, ChosenBy: custom.By, ChosenOn: custom.On}
		for _, m := range custom.Members {
			var p *need.Peer
			if d, ok := distances[m]; ok {
				p = &d
			}
			c.Peers = append(c.Peers, network(m, p))
		}
		g.Custom = &c
	}
	return g
}

// networkOf is a network's row: its need on the day (none when r does not hold it) and
// its distance p (nil for none).
func networkOf(r *need.Result, code string, p *need.Peer, f Facts) Network {
	n := Network{Code: code, Facts: f}
	if pn, ok := r.PCNs[code]; ok {
		n.Registered, n.Need, n.Denominator, n.IMD, n.IMDKnown = pn.Registered, pn.Need, pn.Denominator, pn.IMD, pn.IMDKnown
	} else {
		n.InReport = false
	}
	if p != nil {
		n.Distance, n.HasDistance = p.Distance, true
	}
	return n
}

// WithLinks is the groups with each network that canSee allows linked to its
// dashboard (the comparison's rule: its users, its ICB's leads and admins).
func (g Groups) WithLinks(canSee func(pcn string) bool) Groups {
	link := func(in Group) Group {
		out := in
		out.Self = linked(in.Self, canSee)
		out.Peers = make([]Network, len(in.Peers))
		for i, n := range in.Peers {
			out.Peers[i] = linked(n, canSee)
		}
		return out
	}
	g.Computed = link(g.Computed)
	if g.Custom != nil {
		c := link(*g.Custom)
		g.Custom = &c
	}
	return g
}

func linked(n Network, canSee func(pcn string) bool) Network {
	n.Href = ""
	if canSee(n.Code) {
		n.Href = "/pcns/" + n.Code + "/dashboard"
	}
	return n
}
