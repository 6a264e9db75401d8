package practice

import (
	"math"
	"strconv"
	"strings"

	"github.com/arrs-planner/arrs/internal/need"
	"github.com/arrs-planner/arrs/web/ui"
)

// Need is a practice's need on the page's day (docs/need.md): its need-adjusted
// population, its national deprivation quintile and factor, and whether its PCN's sums
// hold it.
type Need struct {
	need.PracticeNeed
	// Counted is true when the practice is a member of a PCN of the day: England's sums
	// (and k) hold it. A practice in no PCN is given a need on the same scale, for this
	// page only.
	Counted bool
}

// NeedOf is the practice's need in res (needreport.On of the page's day), nil when res
// has no figure for it (no place in the structure that day).
func NeedOf(res *need.Result, code string) *Need {
	if res == nil {
		return nil
	}
	n, ok := res.Practices[code]
	if !ok {
		return nil
	}
	_, inPCN := res.PCNs[n.PCN]
	return &Need{PracticeNeed: n, Counted: n.PCN != "" && inPCN}
}

// needText is the practice's need-adjusted population and what it rests on.
func (p Page) needText() string {
	n := p.Need
	if n == nil {
		return "No data: the practice has no place in the structure of PCNs on " + p.Today.Format(dateLong) + "."
	}
	var text string
	switch {
	case !n.AgeData && !n.ListKnown:
		text = "No data: neither its registered list nor its patients by age and sex are published"
	case !n.AgeData:
		text = ui.Count(patients(n.Need)) + " on " + p.Today.Format(dateLong) +
			": no patients by age and sex are published for it, so its registered list stands in"
	default:
		text = ui.Count(patients(n.Need)) + " on " + p.Today.Format(dateLong) + " (its registered list is " + ui.Count(n.List) +
			"): its patients by age and sex, weighted, times its deprivation factor, on England's scale"
	}
	if !n.Counted {
		text += ". The practice is in no PCN, so it is left out of England's sums"
	}
	return text + "."
}

// quintileText is the practice's national deprivation quintile and the factor its
// need is multiplied by, or, with no score, England's average factor standing in.
func (p Page) quintileText() string {
	n := p.Need
	switch {
	case n == nil:
		return ui.NoData
	}
	text := strconv.Itoa(n.Quintile) + " of 5 (1 is the least deprived fifth of England's patients); factor " + FactorText(n.Factor)
	if n.Quintile == 0 {
		text = "No score for the year need uses: England's average factor, " + FactorText(n.Factor) + ", stands in"
	}
	if !n.AgeData {
		text += " (not applied: its registered list stands in for its need)"
	}
	return text
}

// FactorText writes a deprivation factor to 4 decimals, trailing zeros after the
// second dropped: 1.06, 1.0634.
func FactorText(x float64) string {
	s := ui.Decimal(x, 4)
	for strings.HasSuffix(s, "0") && len(s)-strings.IndexByte(s, '.') > 3 {
		s = s[:len(s)-1]
	}
	return s
}

// patients rounds a need (fractional) to whole patients.
func patients(x float64) int { return int(math.Round(x)) }

const dateLong = "2 January 2006"
