package need

import "github.com/arrs-planner/arrs/internal/workforce"

// listOf is a practice's registered list (docs/need.md, "Practice raw need"): the
// published total, else Σ its age bands; known false when it has neither.
func listOf(p workforce.NeedPractice) (int, bool) {
	if p.ListKnown {
		return p.List, true
	}
	if n := bandPatients(p); n > 0 {
		return n, true
	}
	return 0, false
}

// bandPatients is Σ a practice's patients over its age bands, men and women.
func bandPatients(p workforce.NeedPractice) int {
	n := 0
	for _, m := range p.Male {
		n += m
	}
	for _, f := range p.Female {
		n += f
	}
	return n
}

// hasAgeData is whether a practice has age bands with a patient in them.
func hasAgeData(p workforce.NeedPractice) bool { return bandPatients(p) > 0 }

// weighted is Σ bands (men × men's weight + women × women's weight) (PLANNING.md, "Need
// and fair comparison"); bands beyond the weights' are left out.
func weighted(w workforce.NeedWeights, p workforce.NeedPractice) float64 {
	var sum float64
	for i, b := range w.Age {
		sum += float64(at(p.Male, i))*b.Male + float64(at(p.Female, i))*b.Female
	}
	return sum
}

// at is xs[i], 0 beyond its end.
func at(xs []int, i int) int {
	if i < len(xs) {
		return xs[i]
	}
	return 0
}

// practiceRaw is a practice's need before normalisation: its factor, quintile and raw
// weighted count (0 without age data, Need = List then).
func practiceRaw(w workforce.NeedWeights, q quintiles, p workforce.NeedPractice) PracticeNeed {
	list, known := listOf(p)
	out := PracticeNeed{Code: p.Code, PCN: p.PCN, List: list, ListKnown: known, AgeData: hasAgeData(p)}
	out.Quintile, out.Factor = q.factor(w, p.Code)
	if out.AgeData {
		out.Raw = weighted(w, p) * out.Factor
	} else {
		out.Need = float64(list)
	}
	return out
}
