package need

import (
	"cmp"
	"math"
	"slices"
	"sync"
)

// PeerCount is how many most similar networks are shown beside a PCN.
const PeerCount = 10

// Peer is one similar network and its distance from the PCN (in standard deviations,
// docs/need.md "Peers").
type Peer struct {
	Code     string
	Distance float64
}

// Peers is the n PCNs most similar to code by need profile (docs/need.md, "Peers";
// nearest neighbours on the features of PHE's practice-profile grouping, not its
// k-means, so the answer never depends on random starts: docs/need-sources.md §5): age
// structure (the shares in each age band),
// deprivation score and log list size, each z-scored across England's PCNs with age
// data, a score and a list; Euclidean distance with the age bands weighted 1/len(bands)
// each and the other two 1 each; ties broken by code. A PCN is never its own peer. Nil
// when the PCN has no age data, no score or no list, or n is not above 0. The features
// are worked out once per Result, on the first call; calls may run concurrently.
func (r *Result) Peers(code string, n int) []Peer {
	s := r.features()
	i, ok := s.index[code]
	if !ok || n <= 0 {
		return nil
	}
	out := make([]Peer, 0, len(s.codes)-1)
	for j, other := range s.codes {
		if j != i {
			out = append(out, Peer{Code: other, Distance: s.distance2(i, j)})
		}
	}
	slices.SortFunc(out, func(a, b Peer) int {
		return cmp.Or(cmp.Compare(a.Distance, b.Distance), cmp.Compare(a.Code, b.Code))
	})
	out = out[:min(n, len(out))]
	for k := range out {
		out[k].Distance = math.Sqrt(out[k].Distance)
	}
	return out
}

// peerCache holds the feature space, built once.
type peerCache struct {
	once  sync.Once
	space *peerSpace
}

// peerSpace is every comparable PCN's z-scored features, codes sorted: the age shares
// first (ages of them), then the IMD score and the log list size.
type peerSpace struct {
	codes []string
	index map[string]int
	z     [][]float64
	ages  int
}

// features is the Result's feature space, built on the first call (every call when
// the Result was not made by Compute).
func (r *Result) features() *peerSpace {
	if r.peers == nil {
		return buildPeerSpace(r.PCNs, len(r.Weights.Age))
	}
	r.peers.once.Do(func() { r.peers.space = buildPeerSpace(r.PCNs, len(r.Weights.Age)) })
	return r.peers.space
}

// buildPeerSpace takes the PCNs with ages age shares, a score and a list, in code order,
// and z-scores each feature across them.
func buildPeerSpace(pcns map[string]PCNNeed, ages int) *peerSpace {
	s := &peerSpace{index: map[string]int{}, ages: ages}
	for code, p := range pcns {
		if hasPeerFeatures(p, ages) {
			s.codes = append(s.codes, code)
		}
	}
	slices.Sort(s.codes)
	for i, code := range s.codes {
		p := pcns[code]
		s.index[code] = i
		s.z = append(s.z, append(slices.Clone(p.AgeShares), p.IMD, math.Log(p.Registered)))
	}
	for f := range ages + 2 {
		zScore(s.z, f)
	}
	return s
}

// hasPeerFeatures is whether a PCN has every feature of a peer.
func hasPeerFeatures(p PCNNeed, ages int) bool {
	return len(p.AgeShares) == ages && ages > 0 && p.IMDKnown && p.Registered > 0
}

// zScore replaces feature f of every row by (x − mean) ÷ standard deviation (of the
// population); by 0 when all are equal (to 12 significant figures).
func zScore(rows [][]float64, f int) {
	var sum, sq float64
	for _, r := range rows {
		sum += r[f]
	}
	mean := sum / float64(len(rows))
	for _, r := range rows {
		sq += (r[f] - mean) * (r[f] - mean)
	}
	sd := math.Sqrt(sq / float64(len(rows)))
	if sd <= 1e-12*math.Abs(mean) { // equal values but for rounding: no spread to measure
		sd = 0
	}
	for _, r := range rows {
		v := r[f]
		r[f] = 0
		if sd > 0 {
			r[f] = (v - mean) / sd
		}
	}
}

// distance2 is the squared distance of rows i and j: Σ age z² ÷ ages + z_imd² + z_log².
func (s *peerSpace) distance2(i, j int) float64 {
	var age float64
	a, b := s.z[i], s.z[j]
	for f := range s.ages {
		age += (a[f] - b[f]) * (a[f] - b[f])
	}
	imd, size := a[s.ages]-b[s.ages], a[s.ages+1]-b[s.ages+1]
	return age/float64(s.ages) + imd*imd + size*size
}
