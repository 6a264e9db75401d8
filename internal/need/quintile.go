package need

import (
	"cmp"
	"math"
	"slices"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// quintiles are England's deprivation quintiles of the day (docs/need.md, "National
// quintiles"): each scored practice's quintile, the cut scores and the factor of a
// practice with no score.
type quintiles struct {
	of         map[string]int
	cuts       [4]float64
	meanFactor float64
}

// scored is a practice with a score and a list, the unit the quintiles are made of.
type scored struct {
	code  string
	score float64
	list  float64
}

// nationalQuintiles places every practice of England with a Fingertips IMD score and a
// list (those in no PCN included) into patient-weighted quintiles: sorted by score,
// ties by code, quintile = min(5, max(1, ceil(5 × c))) with c the share of England's
// scored patients up to and including the practice. A cut is the score of the last
// practice of its quintile (that of the quintile below when one is empty, NaN when
// none is below).
func nationalQuintiles(w workforce.NeedWeights, ps []workforce.NeedPractice) quintiles {
	all, total := scoredPractices(ps)
	q := quintiles{of: make(map[string]int, len(all)), cuts: [4]float64{math.NaN(), math.NaN(), math.NaN(), math.NaN()}}
	var cum, weighted float64
	for _, p := range all {
		cum += p.list
		n := quintileAt(cum, total)
		q.of[p.code] = n
		for i := n - 1; i < 4; i++ {
			q.cuts[i] = p.score
		}
		weighted += p.list * w.Deprivation[n-1]
	}
	q.meanFactor = 1
	if total > 0 {
		q.meanFactor = weighted / total
	}
	return q
}

// quintileAt is the quintile of a practice after which cum of total patients are counted.
func quintileAt(cum, total float64) int {
	if !(total > 0) {
		return 1
	}
	c := cum / total
	return min(5, max(1, int(math.Ceil(5*c))))
}

// scoredPractices is the practices with a score and a list, sorted by score then code,
// and their patients in all.
func scoredPractices(ps []workforce.NeedPractice) ([]scored, float64) {
	out := make([]scored, 0, len(ps))
	var total float64
	for _, p := range ps {
		list, known := listOf(p)
		if !p.IMDKnown || !known {
			continue
		}
		out = append(out, scored{code: p.Code, score: p.IMD, list: float64(list)})
		total += float64(list)
	}
	slices.SortFunc(out, func(a, b scored) int {
		return cmp.Or(cmp.Compare(a.score, b.score), cmp.Compare(a.code, b.code))
	})
	return out, total
}

// factor is a practice's deprivation factor: its quintile's, or England's mean factor
// when it has no score (quintile 0).
func (q quintiles) factor(w workforce.NeedWeights, code string) (quintile int, factor float64) {
	n := q.of[code]
	if n == 0 {
		return 0, q.meanFactor
	}
	return n, w.Deprivation[n-1]
}
