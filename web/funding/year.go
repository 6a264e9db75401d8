package funding

import (
	"net/url"
	"strconv"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// NewYear is the frame of financial year fy's figures: its names, the claim schedule's
// downloads for pcn and its claims by month (committed by the staff, planned by the
// plan; April first). The caller adds the money.
func NewYear(pcn string, fy workforce.FinancialYear, committed, planned [12]workforce.Pence) Year {
	y := Year{Key: strconv.Itoa(int(fy)), Name: fy.String()}
	for m, start := range fy.MonthStarts() {
		y.Months = append(y.Months, Month{Key: start.Format("2006-01"), Label: start.Format("Jan 2006"),
			Committed: committed[m], Planned: planned[m]})
	}
	q := "?" + url.Values{"year": {y.Name}}.Encode()
	base := "/pcns/" + pcn + "/funding/claims"
	y.Downloads = []Download{
		{Text: "CSV", Href: base + ".csv" + q, TestID: y.id("claims-csv")},
		{Text: "Excel (XLSX)", Href: base + ".xlsx" + q, TestID: y.id("claims-xlsx")},
	}
	return y
}

// NewPlanLine is a plan line's claims over the year: role names its role; leavers
// marks the line's leavers (total negative); cost is the annual cost per WTE used
// (the line's, else for leavers the role's average in post; 0 when the cap stood in);
// uncapped says no cap is known for its role.
func NewPlanLine(l workforce.PlanLine, role string, leavers, uncapped bool, cost, total workforce.Pence) PlanLine {
	pl := PlanLine{Quarter: workforce.QuarterOf(l.QuarterStart).String(), Role: role, Stream: l.FundingStream(), Starters: l.StartersFTE, Leavers: leavers,
		Uncapped: uncapped, Total: total, Cost: cost}
	if leavers {
		pl.Starters = l.LeaversFTE
	}
	pl.CostKnown = l.AnnualCostPence != nil
	return pl
}
