package planning

import (
	"math"
	"strconv"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// wholePercent is 100% in ten-thousandths of a percent: agreed percentages have at
// most 4 decimal places, so their sum is compared exactly, as whole numbers.
const wholePercent = 100 * 10000

// CheckPracticeShares checks agreed percentages before they are saved: each of the
// member practices named once, none outside them, each 0–100 with at most 4 decimal
// places, adding up to exactly 100 (compared in ten-thousandths of a percent, so
// 99.9999 and 100.0001 are refused). A problem about one practice's share is on the
// field "share-" + its code; the sum's on "shares". The shares' problems come in
// their order, then the members not named in the members' order, then the sum.
func CheckPracticeShares(members []string, shares []workforce.PracticeShare) workforce.Problems {
	var problems workforce.Problems
	isMember := make(map[string]bool, len(members))
	for _, m := range members {
		isMember[m] = true
	}
	named := make(map[string]bool, len(shares))
	var sum int64
	for _, s := range shares {
		if p, ok := shareProblem(s, isMember, named); !ok {
			problems = append(problems, p)
		}
		named[s.PracticeCode] = true
		sum += tenThousandths(s.Percent)
	}
	for _, m := range members {
		if !named[m] {
			problems = append(problems, workforce.Problem{Field: "share-" + m, Message: "No share is given for " + m})
		}
	}
	if sum != wholePercent {
		problems = append(problems, workforce.Problem{Field: "shares",
			Message: "The shares add up to " + percentText(sum) + "%; they must add up to exactly 100%"})
	}
	return problems
}

// shareProblem is what is wrong with one practice's share, if anything.
func shareProblem(s workforce.PracticeShare, isMember, named map[string]bool) (workforce.Problem, bool) {
	field := "share-" + s.PracticeCode
	switch {
	case !isMember[s.PracticeCode]:
		return workforce.Problem{Field: field, Message: s.PracticeCode + " is not a member practice of the PCN"}, false
	case named[s.PracticeCode]:
		return workforce.Problem{Field: field, Message: s.PracticeCode + " is named more than once"}, false
	case !(s.Percent >= 0 && s.Percent <= 100):
		return workforce.Problem{Field: field, Message: "The share of " + s.PracticeCode + " must be between 0% and 100%"}, false
	case !fourPlaces(s.Percent):
		return workforce.Problem{Field: field, Message: "The share of " + s.PracticeCode + " can have at most 4 decimal places"}, false
	}
	return workforce.Problem{}, true
}

// tenThousandths is a percentage in ten-thousandths of a percent, rounded (to the
// nearest, half away from zero); 0 for a value that is not a number.
func tenThousandths(percent float64) int64 {
	if math.IsNaN(percent) || math.IsInf(percent, 0) {
		return 0
	}
	return int64(math.Round(percent * 10000))
}

// fourPlaces reports whether the percentage has at most 4 decimal places, allowing
// for binary noise (99.9999 × 10,000 is 999,998.9999999999 in floating point).
func fourPlaces(percent float64) bool {
	x := percent * 10000
	return math.Abs(x-math.Round(x)) < 1e-6
}

// percentText writes ten-thousandths of a percent as a percentage: 999999 → "99.9999".
func percentText(n int64) string {
	return strconv.FormatFloat(float64(n)/10000, 'f', -1, 64)
}
