package need

import "github.com/arrs-planner/arrs/internal/workforce"

// pcnSum gathers one PCN's member practices.
type pcnSum struct {
	out               PCNNeed
	withList, withAge int
	bands             []float64
	imdSum, imdWeight float64
}

// sumPCNs fills r.PCNs, the totals and the counts from the practices (in input order)
// and their needs (raws, the same order).
func (r *Result) sumPCNs(ps []workforce.NeedPractice, raws []PracticeNeed, pcns []PCNInput) {
	sums := make(map[string]*pcnSum, len(pcns))
	for _, p := range pcns {
		sums[p.Code] = &pcnSum{out: PCNNeed{Code: p.Code}, bands: make([]float64, len(r.Weights.Age))}
	}
	for i, p := range ps {
		if s := sums[p.PCN]; s != nil {
			s.add(p, raws[i])
			r.countPractice(p, raws[i])
		}
	}
	r.PCNs = make(map[string]PCNNeed, len(pcns))
	for _, p := range pcns {
		n := sums[p.Code].finish(p)
		r.PCNs[p.Code] = n
		r.TotalList += n.Registered
		r.TotalNeed += n.Need
		if n.Denominator == List {
			r.NoAgeData++
		}
	}
}

// countPractice counts a member practice with no score, and one with neither a list
// nor age data.
func (r *Result) countPractice(p workforce.NeedPractice, n PracticeNeed) {
	if !p.IMDKnown {
		r.NoIMD++
	}
	if !n.ListKnown {
		r.NoList++
	}
}

// add counts one member practice p (its need n) into the PCN.
func (s *pcnSum) add(p workforce.NeedPractice, n PracticeNeed) {
	s.out.Practices++
	s.out.Registered += float64(n.List)
	s.out.Need += n.Need
	if n.ListKnown {
		s.withList++
	}
	if !n.AgeData {
		s.out.StandIns++
	} else {
		s.withAge++
		for i := range s.bands {
			s.bands[i] += float64(at(p.Male, i) + at(p.Female, i))
		}
	}
	if p.IMDKnown {
		s.imdSum += p.IMD * float64(n.List)
		s.imdWeight += float64(n.List)
	}
}

// finish is the PCN's need (docs/need.md, "Normalisation" and "Denominator"): with no
// member practice with a list, its own registered list stands in for both registered
// and need; its denominator is List when no member has age data.
func (s *pcnSum) finish(in PCNInput) PCNNeed {
	out := s.out
	if s.withList == 0 {
		out.Registered = float64(in.Registered)
		out.Need = out.Registered
	}
	out.Denominator = Need
	if s.withAge == 0 {
		out.Denominator = List
	} else {
		out.AgeShares = shares(s.bands)
	}
	if s.imdWeight > 0 {
		out.IMD, out.IMDKnown = s.imdSum/s.imdWeight, true
	}
	return out
}

// shares is each band's share of the patients in all bands.
func shares(bands []float64) []float64 {
	var total float64
	for _, b := range bands {
		total += b
	}
	out := make([]float64, len(bands))
	for i, b := range bands {
		out[i] = b / total
	}
	return out
}
