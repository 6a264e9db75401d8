package planning

import "github.com/arrs-planner/arrs/internal/workforce"

// How a PCN's costs and reimbursements divide between its member practices: by
// registered list (the default) or by percentages the PCN agreed, which must add up to
// exactly 100 (docs/funding-streams.md).

// PracticePart is one practice's part of a year.
type PracticePart struct {
	Practice PracticeInput
	// Percent is the practice's share: agreed, or its list over the members' lists.
	Percent float64
	// CostsPence, ReimbursedPence and NetPence (= costs − reimbursed) are its parts of
	// the PCN's, allocated to the penny so that the parts add up to the whole.
	CostsPence, ReimbursedPence, NetPence workforce.Pence
}

// Split is a year's division between the practices.
type Split struct {
	// Agreed is true when the PCN's agreed percentages are used; AgreedIgnored says why
	// they are not, when some are recorded (a member practice not named, one named that
	// is no longer a member).
	Agreed        bool
	AgreedIgnored string
	// Known is false when a split by list is asked for and some member's list is not
	// known: then there is no split ("no data"), never a split over the rest.
	Known bool
	Parts []PracticePart
}

// SplitYear divides costs and reimbursements between the practices, sorted by code:
// by the agreed percentages when they pass CheckPracticeShares against exactly these
// practices, else by list (AgreedIgnored then gives the problems found, when some were
// agreed). By list, percent = list / Σ lists × 100, and every list must be known (and
// Σ lists > 0): else Known is false and Parts name the practices with no figures.
// Amounts are allocated by largest remainder (allocate), costs and reimbursements
// apart; NetPence = CostsPence − ReimbursedPence of each part, so the nets add up to
// costs − reimbursed as well.
func SplitYear(costs, reimbursed workforce.Pence, practices []PracticeInput, agreed []workforce.PracticeShare) Split {
	ps := sortedPractices(practices)
	out := Split{Parts: make([]PracticePart, len(ps))}
	for i, p := range ps {
		out.Parts[i].Practice = p
	}
	weights, percents := listWeights(ps)
	if len(agreed) > 0 {
		if problems := CheckPracticeShares(codesOf(ps), agreed); len(problems) > 0 {
			out.AgreedIgnored = problems.Error()
		} else {
			out.Agreed = true
			weights, percents = agreedWeights(ps, agreed)
		}
	}
	if weights == nil {
		return out
	}
	out.Known = true
	costParts, reimbursedParts := allocate(costs, weights), allocate(reimbursed, weights)
	for i := range out.Parts {
		part := &out.Parts[i]
		part.Percent, part.CostsPence, part.ReimbursedPence = percents[i], costParts[i], reimbursedParts[i]
		part.NetPence = part.CostsPence - part.ReimbursedPence
	}
	return out
}

// listWeights are the practices' lists and their percentages of the whole; nil when
// a list is not known or they add up to nothing.
func listWeights(ps []PracticeInput) (weights []int64, percents []float64) {
	var sum int64
	for _, p := range ps {
		if !p.ListKnown || p.List < 0 {
			return nil, nil
		}
		weights = append(weights, int64(p.List))
		sum += int64(p.List)
	}
	if sum == 0 {
		return nil, nil
	}
	for _, w := range weights {
		percents = append(percents, float64(w)/float64(sum)*100)
	}
	return weights, percents
}

// agreedWeights are the agreed percentages in ten-thousandths of a percent, in the
// practices' order (the shares checked: each practice named once).
func agreedWeights(ps []PracticeInput, agreed []workforce.PracticeShare) (weights []int64, percents []float64) {
	byCode := make(map[string]float64, len(agreed))
	for _, a := range agreed {
		byCode[a.PracticeCode] = a.Percent
	}
	for _, p := range ps {
		weights = append(weights, tenThousandths(byCode[p.Code]))
		percents = append(percents, byCode[p.Code])
	}
	return weights, percents
}

func codesOf(ps []PracticeInput) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Code
	}
	return out
}
