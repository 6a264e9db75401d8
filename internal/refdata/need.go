package refdata

import "github.com/arrs-planner/arrs/internal/workforce"

// The reference data of need (issue 15, PLANNING.md "Need and fair comparison";
// docs/need.md): the age-sex weights by published age band (need_age_weights.csv; an
// empty age_to is the open top band), the deprivation factors by national quintile
// (need_deprivation_factors.csv) and where each set comes from (need_sources.csv, one
// row per kind: age_sex, deprivation). `arrs seed reference` loads them only where an
// admin has not set them (store.LoadReference).

func parseNeedAgeWeight(ref *Reference, r record) error {
	w := workforce.NeedAgeWeight{Label: r.str("label"), From: r.int("age_from"), To: -1, Male: r.float("male"), Female: r.float("female")}
	if r.str("age_to") != "" {
		w.To = r.int("age_to")
	}
	switch {
	case w.Label == "":
		r.fail("label", "empty")
	case w.Male <= 0 || w.Male > 100:
		r.fail("male", "not more than 0 and at most 100")
	case w.Female <= 0 || w.Female > 100:
		r.fail("female", "not more than 0 and at most 100")
	}
	ref.Need.Age = append(ref.Need.Age, w)
	return r.err
}

func parseNeedFactor(ref *Reference, r record) error {
	q, f := r.int("quintile"), r.float("factor")
	switch {
	case r.err != nil:
	case q < 1 || q > 5:
		r.fail("quintile", "not 1 to 5")
	case f <= 0 || f > 100:
		r.fail("factor", "not more than 0 and at most 100")
	default:
		ref.Need.Deprivation[q-1] = f
	}
	return r.err
}

func parseNeedSource(ref *Reference, r record) error {
	s := workforce.NeedSource{Title: r.str("title"), Citation: r.str("citation"), URL: r.str("url"), Note: r.str("note"), Version: 1}
	switch r.str("kind") {
	case NeedSourceAgeSex:
		ref.Need.AgeSource = s
	case NeedSourceDeprivation:
		ref.Need.DepSource = s
	default:
		r.fail("kind", "not "+NeedSourceAgeSex+" or "+NeedSourceDeprivation)
	}
	return r.err
}

// The kinds of need_sources: the source of the age-sex weights and that of the
// deprivation factors.
const (
	NeedSourceAgeSex      = "age_sex"
	NeedSourceDeprivation = "deprivation"
)
