package scale

import (
	"hash/fnv"
	"sort"
	"time"

	"github.com/arrs-planner/arrs/internal/refdata"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// slackFTE is how far a role's FTE may stay from its target: removing or adding whole
// people cannot hit a target to the hundredth.
const slackFTE = 0.5

// roleKey names a staff role as the national series does.
type roleKey struct{ group, role string }

func roleOf(s workforce.Staff) roleKey { return roleKey{s.StaffGroup, s.StaffRole} }

// targets gives each role's FTE in a month: the source's, times the published series'
// growth from that month to the source's (roles the series lacks follow England's total).
type targets struct {
	source map[roleKey]float64
	series map[roleKey][]point
	total  []point
	census time.Time
}

type point struct {
	month time.Time
	fte   float64
}

func newTargets(series []refdata.SeriesPoint, records []workforce.Staff, census time.Time) targets {
	t := targets{source: map[roleKey]float64{}, series: map[roleKey][]point{}, census: census}
	for _, s := range records {
		t.source[roleOf(s)] += s.FTE
	}
	totals := map[time.Time]float64{}
	for _, p := range series {
		k := roleKey{p.StaffGroup, p.StaffRole}
		t.series[k] = append(t.series[k], point{p.Month, p.FTE})
		totals[p.Month] += p.FTE
	}
	for k := range t.series {
		sortPoints(t.series[k])
	}
	for m, v := range totals {
		t.total = append(t.total, point{m, v})
	}
	sortPoints(t.total)
	return t
}

func sortPoints(ps []point) {
	sort.Slice(ps, func(i, j int) bool { return ps[i].month.Before(ps[j].month) })
}

// of is role r's target FTE in the census of day m.
func (t targets) of(r roleKey, m time.Time) float64 {
	ps, ok := t.series[r]
	if !ok || at(ps, t.census) <= 0 {
		ps = t.total
	}
	return t.source[r] * at(ps, m) / at(ps, t.census)
}

// at interpolates a series linearly by day: 0 before its first point (the role was
// not collected yet), its last value after its last.
func at(ps []point, m time.Time) float64 {
	if len(ps) == 0 || m.Before(ps[0].month) {
		return 0
	}
	for i := 1; i < len(ps); i++ {
		if m.Before(ps[i].month) {
			a, b := ps[i-1], ps[i]
			f := m.Sub(a.month).Hours() / b.month.Sub(a.month).Hours()
			return a.fte + f*(b.fte-a.fte)
		}
	}
	return ps[len(ps)-1].fte
}

// calibrate brings every role's FTE in cur to its target for the census: starters of
// the month after (the lowest hashes, so that no order matters) are taken out while a
// role has too much, leavers added while it has too little. Records in keep stay.
func (g *gen) calibrate(cur []int32, census time.Time, keep map[int32]bool) []int32 {
	byRole := map[roleKey][]int32{}
	for _, i := range cur {
		r := roleOf(g.pool[i])
		byRole[r] = append(byRole[r], i)
	}
	roles := make([]roleKey, 0, len(byRole))
	for r := range byRole {
		roles = append(roles, r)
	}
	sort.Slice(roles, func(i, j int) bool {
		return roles[i].group < roles[j].group || (roles[i].group == roles[j].group && roles[i].role < roles[j].role)
	})
	out := make([]int32, 0, len(cur))
	for _, r := range roles {
		out = append(out, g.calibrateRole(byRole[r], g.targets.of(r, census), census, keep)...)
	}
	return out
}

// calibrateRole is calibrate for the records of one role.
func (g *gen) calibrateRole(recs []int32, target float64, census time.Time, keep map[int32]bool) []int32 {
	sum := 0.0
	for _, i := range recs {
		sum += g.pool[i].FTE
	}
	if sum > target+slackFTE {
		return g.removeStarters(recs, sum, target, census, keep)
	}
	for tries := 0; sum < target-slackFTE && tries < 4*len(recs)+8; tries++ {
		if i, ok := g.leaver(recs[g.rng.IntN(len(recs))]); ok {
			recs = append(recs, i)
			sum += g.pool[i].FTE
		}
	}
	return recs
}

// removeStarters takes records out, lowest hash first, until the role's FTE is within
// slack of its target (or under it).
func (g *gen) removeStarters(recs []int32, sum, target float64, census time.Time, keep map[int32]bool) []int32 {
	type cand struct {
		i int32
		h uint64
	}
	var cands []cand
	for _, i := range recs {
		if !keep[i] {
			cands = append(cands, cand{i, hashOf(g.pool[i], census)})
		}
	}
	sort.Slice(cands, func(a, b int) bool {
		return cands[a].h < cands[b].h || (cands[a].h == cands[b].h && cands[a].i < cands[b].i)
	})
	gone := map[int32]bool{}
	for _, c := range cands {
		if sum <= target+slackFTE && target > 0 { // a role not collected yet has no one
			break
		}
		gone[c.i] = true
		sum -= g.pool[c.i].FTE
	}
	out := recs[:0:0]
	for _, i := range recs {
		if !gone[i] {
			out = append(out, i)
		}
	}
	return out
}

// hashOf is FNV-64a of a record's key, FTE and census month.
func hashOf(s workforce.Staff, census time.Time) uint64 {
	h := fnv.New64a()
	k := workforce.KeyOf(s)
	for _, part := range []string{k.PCN, k.Source, k.Identifier, k.StaffRole, k.DetailedRole, census.Format("2006-01")} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	return h.Sum64()
}
