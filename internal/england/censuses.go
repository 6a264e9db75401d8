package england

import (
	"context"
	"time"

	"github.com/arrs-planner/arrs/internal/datacache"
	"github.com/arrs-planner/arrs/internal/store"
)

// pcnCensuses is one PCN's staff in post on each national census (store.CensusRoles
// split by PCN), oldest first; the censuses themselves are national data, so every
// PCN's slice has one entry per census of the same reading.
type pcnCensuses struct {
	censuses []time.Time
	fte      []map[string]float64
	returned []bool
}

// CensusRoles is store.CensusRoles from the kept PCNs: the decile chart's staff. It is
// shared between callers, who must not change it.
func (r Reads) CensusRoles(ctx context.Context) ([]store.CensusRoles, error) {
	read := func(ctx context.Context, pcns []string) (map[string]pcnCensuses, error) {
		all, err := r.l.db.CensusRolesOf(ctx, pcns)
		return splitCensuses(all, pcns), err
	}
	return datacache.Joined(ctx, &r.l.censuses, r.v, read, func(byPCN map[string]pcnCensuses) ([]store.CensusRoles, error) {
		censuses, err := r.l.db.NationalCensuses(ctx)
		if err != nil {
			return nil, err
		}
		return joinCensuses(censuses, byPCN), nil
	})
}

// splitCensuses is the censuses' figures by PCN: every PCN named (nil: every PCN with
// a record), with or without figures.
func splitCensuses(all []store.CensusRoles, pcns []string) map[string]pcnCensuses {
	out := map[string]pcnCensuses{}
	add := func(p string) {
		if _, ok := out[p]; ok {
			return
		}
		pc := pcnCensuses{fte: make([]map[string]float64, len(all)), returned: make([]bool, len(all))}
		for i, c := range all {
			pc.censuses = append(pc.censuses, c.Census)
			pc.fte[i], pc.returned[i] = c.FTE[p], c.Returned[p]
		}
		out[p] = pc
	}
	for _, p := range pcns {
		add(p)
	}
	for _, c := range all {
		for p := range c.FTE {
			add(p)
		}
		for p := range c.Returned {
			add(p)
		}
	}
	return out
}

// joinCensuses puts the PCNs' figures back together census by census. A PCN read at
// another list of censuses than today's (an import between two readings moves national
// data, so only for a moment) is left out rather than put on the wrong census.
func joinCensuses(censuses []time.Time, byPCN map[string]pcnCensuses) []store.CensusRoles {
	if len(censuses) == 0 {
		return nil
	}
	out := make([]store.CensusRoles, len(censuses))
	for i, c := range censuses {
		out[i] = store.CensusRoles{Census: c, FTE: map[string]map[string]float64{}, Returned: map[string]bool{}}
	}
	for p, pc := range byPCN {
		if !sameDays(pc.censuses, censuses) {
			continue
		}
		for i := range out {
			if pc.fte[i] != nil {
				out[i].FTE[p] = pc.fte[i]
			}
			if pc.returned[i] {
				out[i].Returned[p] = true
			}
		}
	}
	return out
}

func sameDays(a, b []time.Time) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !a[i].Equal(b[i]) {
			return false
		}
	}
	return true
}
