package planning

import (
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// Cash flow (PLANNING.md, "Cash flow", per PCN and year): the claim earned for month m
// is received in month m + k (k, the ICB's payment lag, default 2); staff costs are
// paid in the month worked. The position at the end of month m is the sum, from 1
// April, of claims received minus staff costs paid, starting at 0; claims earned in the
// last k months of the previous year are received in the first k months of this one.
// The low point is the smallest position.
//
// It covers the posts the PCN pays and claims for from its ARRS sum: the ARRS-stream
// funding lines (staff and plan). Practice-scheme GPs are paid and claimed by their
// practice; posts on other money reimburse nothing (docs/funding-streams.md).

// DefaultPaymentLag is the months between a claim being earned and paid, where the ICB
// records none.
const DefaultPaymentLag = 2

// MaxPaymentLag bounds the lag a page, a form or `--lag` accepts.
const MaxPaymentLag = 6

// Uplift is a pay award confirmed late and backdated: from 1 April of the year, costs
// rise by Percent; the PCN pays the new rate, and the arrears of the months before, in
// Month (0 = April … 11 = March), and claims what the caps allow of the rise from then.
type Uplift struct {
	Percent float64
	Month   int
}

// CashFlowInputs is what a PCN's cash flow for a year needs.
type CashFlowInputs struct {
	Year workforce.FinancialYear
	Lag  int
	// Lines are the year's ARRS-stream funding lines (Funding.Lines filtered), Prev the
	// previous year's: the claims of its last Lag months arrive this year.
	Lines, Prev []FundingLine
	Uplift      *Uplift
}

// CashMonth is one month of a cash flow, in pence.
type CashMonth struct {
	Month                                      time.Time // its first day
	Earned, Received, CostsPaid, Net, Position workforce.Pence
}

// CashFlow is a PCN's cash month by month.
type CashFlow struct {
	Year   workforce.FinancialYear
	Lag    int
	Uplift *Uplift
	Months [12]CashMonth
	// Low is the index of the month with the smallest position (the earliest on a tie).
	Low int
	// Excluded counts lines left out because neither a cost nor a cap is known.
	Excluded int
}

// LowPence is the lowest cash position of the year.
func (c CashFlow) LowPence() workforce.Pence { return c.Months[c.Low].Position }

// CashFlowYear works out the cash flow of a year. Lines and Prev of streams other than
// the ARRS are passed over ("" reads as the ARRS, as a plan line's stream does). A lag
// outside 0–MaxPaymentLag is held to the nearer bound. Each month m (0 = April):
//   - earned[m] = Σ claims of month m; costs[m] = Σ CostMonthPence[m] (an uncosted
//     line's unknown months count 0, and the line in Excluded);
//   - received[m] = earned[m − lag], or for m < lag the previous year's earned[12 −
//     lag + m];
//   - net[m] = received[m] − costs[m]; position[m] = Σ net[0..m], from 0 on 1 April;
//   - Low is the month of the smallest position, the earliest of equal ones.
//
// With an Uplift, each line's months are first worked afresh at the raised cost
// (Uplift.apply).
func CashFlowYear(in CashFlowInputs) CashFlow {
	out := CashFlow{Year: in.Year, Lag: min(max(in.Lag, 0), MaxPaymentLag), Uplift: in.Uplift}
	var earned, paid, prev [12]workforce.Pence
	for i := range in.Lines {
		l := &in.Lines[i]
		if !isARRSLine(l) {
			continue
		}
		out.Excluded += b2i(l.Uncosted)
		claims, costs := l.MonthPence, l.CostMonthPence
		if in.Uplift != nil {
			claims, costs = in.Uplift.apply(l)
		}
		addMonths(&earned, claims)
		addMonths(&paid, costs)
	}
	for i := range in.Prev {
		if l := &in.Prev[i]; isARRSLine(l) {
			addMonths(&prev, l.MonthPence)
		}
	}
	out.fill(earned, paid, prev)
	return out
}

// fill works out the months' receipts, net flows and positions, and the low point.
func (c *CashFlow) fill(earned, paid, prev [12]workforce.Pence) {
	starts := c.Year.MonthStarts()
	var position workforce.Pence
	for m := range c.Months {
		received := prev[(m-c.Lag+12)%12]
		if m >= c.Lag {
			received = earned[m-c.Lag]
		}
		net := received - paid[m]
		position += net
		c.Months[m] = CashMonth{Month: starts[m], Earned: earned[m], Received: received, CostsPaid: paid[m], Net: net, Position: position}
		if position < c.Months[c.Low].Position {
			c.Low = m
		}
	}
}

// isARRSLine reports whether the PCN pays and claims the line from its ARRS sum.
func isARRSLine(l *FundingLine) bool {
	return l.Stream == workforce.StreamARRS || l.Stream == ""
}

func addMonths(sum *[12]workforce.Pence, months [12]workforce.Pence) {
	for m, v := range months {
		sum[m] += v
	}
}
