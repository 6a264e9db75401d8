package funding

import (
	"time"

	"github.com/arrs-planner/arrs/internal/planning"
)

// CashKnown marks what of a PCN year's cash flow the staff data can tell (PLANNING.md,
// "Known and unknown"), month by month, April first. The cash flow page writes "not
// known" for the rest, its download and `arrs report cashflow` an empty cell: never
// £0, and no low point.
type CashKnown struct {
	// Earned: the month's claims earned and its staff costs paid, known when it starts
	// on or after the first census (DataStart), as its committed claims are; in the
	// month a backdated uplift is confirmed, only when every month before is too (it
	// carries their arrears).
	Earned [12]bool
	// Received: the claims received, known when those earned Lag months before are
	// (the previous year's last months for the first Lag).
	Received [12]bool
	// Net: the month's received less paid, known when both are.
	Net [12]bool
	// Position: the cash at the month's end, known when every month to it is.
	Position [12]bool
}

// CashKnown is what of the year's cash flow is known.
func (p PCNYear) CashKnown() CashKnown { return cashKnown(p.CashFlow, p.DataStart) }

// All reports whether every figure of the year is known, and with them its low point.
func (k CashKnown) All() bool { return k.Position[11] }

// cashKnown marks a cash flow's known figures when the staff data start at dataStart
// (zero: every month is described).
func cashKnown(c planning.CashFlow, dataStart time.Time) CashKnown {
	described := func(d time.Time) bool { return dataStart.IsZero() || !d.Before(dataStart) }
	var k CashKnown
	for m, cm := range c.Months {
		k.Earned[m] = described(cm.Month)
	}
	if u := c.Uplift; u != nil && u.Month >= 0 && u.Month < len(k.Earned) {
		for m := range u.Month {
			k.Earned[u.Month] = k.Earned[u.Month] && k.Earned[m]
		}
	}
	for m, cm := range c.Months {
		if m >= c.Lag {
			k.Received[m] = k.Earned[m-c.Lag]
		} else {
			k.Received[m] = described(cm.Month.AddDate(0, -c.Lag, 0))
		}
	}
	all := true
	for m := range k.Net {
		k.Net[m] = k.Earned[m] && k.Received[m]
		all = all && k.Net[m]
		k.Position[m] = all
	}
	return k
}
