package compare

import (
	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/dashboard"
	"github.com/arrs-planner/arrs/web/rooms"
)

// NewRow is PCN p's row: its position on England's measures (me), its supervision
// coverage (c; not known unless supervised, some supervisor or link recorded) and its
// room sessions now and quarter by quarter with its plan (not known unless sited, some
// site recorded). The caller adds its headroom, role mix and plan.
func NewRow(p workforce.PCN, me planning.Position, c planning.Coverage, supervised bool, now planning.Rooms, quarters planning.RoomsQuarters, sited bool) Row {
	return Row{Code: p.Code, Name: p.Name, Href: "/pcns/" + p.Code,
		Population: me.Population, ListSize: me.ListSize, InPost: me.InPost, FairShare: me.FairShare,
		Per10k: me.Per10k, HasPer10k: me.HasPer10k, Per10kDecile: me.Per10kDecile,
		Reached: me.Reached, HasReached: me.HasReached, ReachedDecile: me.ReachedDecile,
		NoSupervision: !supervised, NoSites: !sited,
		Needing: c.Needing, Covered: c.Covered, Coverage: c.Share,
		Available: now.Available, ShortNow: now.ShortWithoutPlan, ShortWithPlan: quarters.ShortWithPlan(),
		FirstShort: rooms.FirstShort(quarters)}
}

// NewMix is a PCN's largest roles with their shares, each role named by names (its
// code when the catalogue lacks it).
func NewMix(mix []planning.RoleShare, names map[string]string) []RoleShare {
	var out []RoleShare
	for _, m := range mix {
		role := names[m.Role]
		if role == "" {
			role = m.Role
		}
		out = append(out, RoleShare{Role: role, Share: m.Share})
	}
	return out
}

// NewPlan is where a PCN's plan stands, as the dashboard says it, with its stage
// along the workflow for sorting.
func NewPlan(p dashboard.PlanStatus, stage int) Plan {
	return Plan{None: p.None, Label: p.Status.Label, Colour: p.Status.Colour, Version: p.Version, WaitsFor: p.WaitsFor,
		Href: p.Href, Stage: stage}
}

// NewEngland is England's deciles of the two measures as the page explains them, the
// rate per 10,000 on registered lists when onList, else on need.
func NewEngland(pos *planning.Positions, onList bool) England {
	bands := func(rs []planning.DecileRange) []Band {
		out := make([]Band, len(rs))
		for i, r := range rs {
			out[i] = Band{Decile: r.Decile, PCNs: r.Count, Low: r.Low, High: r.High}
		}
		return out
	}
	return England{OnList: onList, Per10k: bands(pos.Per10k), Reached: bands(pos.Reached), Per10kPCNs: pos.MeasuredPer10k,
		ReachedPCNs: pos.MeasuredReached, PCNs: len(pos.ByPCN)}
}

// per10kCaption names England's deciles of the rate by their denominator.
func (e England) per10kCaption() string {
	if e.OnList {
		return "ARRS FTE per 10,000 registered patients: England's deciles"
	}
	return "ARRS FTE per 10,000 need-adjusted patients: England's deciles"
}
