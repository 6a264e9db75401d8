package planfigures

import (
	"context"
	"time"

	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// Year is one financial year's money with the version's lines, and what stood in for
// what is not held.
type Year struct {
	planning.Funding
	// Rate is rate(f). RateFrom is the earlier year whose rate stands in when none is
	// published for the year ("" when it is); NoRate is true when no rate of the year
	// or an earlier one is held, and the entitlement is 0.
	Rate     float64
	RateFrom string
	NoRate   bool
	// Population is w(p), the weighted population in force on Census, 1 January before
	// the year; ListSize is true when none is entered and the registered list stands in.
	Population float64
	Census     time.Time
	ListSize   bool
	// Costs count the lines claimed at an assumed cost, or with no cap, by kind.
	Costs map[planning.LineKind]planning.CostCounts
	// Official is the year's money with the current plan in place of the version's
	// lines; nil when they give the same planned claims (the version is the current
	// plan, or its draft changes no money). The embedded Funding is then "with your
	// draft" (PLANNING.md, "Drafts stay private").
	Official *planning.Funding
}

// moneyInputs are what the years' money needs besides the plan.
type moneyInputs struct {
	rates []workforce.FundingRate
	pops  []workforce.Population // newest first
	staff []workforce.Staff
	caps  planning.Caps
	// current is the PCN's current plan's lines: the official money.
	current []workforce.PlanLine
}

// money works out each year of the grid: entitlement − committed − planned.
func (f *Figures) money(ctx context.Context, db *store.DB, p workforce.PCN, lines []workforce.PlanLine, window []workforce.Quarter) error {
	in, err := readMoney(ctx, db, p, window)
	if err != nil {
		return err
	}
	for _, q := range window {
		if q.N != 1 {
			continue
		}
		y := Year{Census: workforce.Date(int(q.Year), time.January, 1)}
		y.Rate, y.RateFrom, y.NoRate = rateFor(in.rates, q.Year)
		y.Population, y.ListSize = populationOn(in.pops, y.Census, p.RegisteredPatients)
		y.Funding = planning.YearFunding(planning.FundingInputs{Year: q.Year, RatePounds: y.Rate, Population: y.Population,
			Staff: in.staff, Plan: lines, AsOf: f.AsOf, Caps: in.caps})
		y.Costs = planning.CountCosts(y.Lines)
		official := planning.YearFunding(planning.FundingInputs{Year: q.Year, RatePounds: y.Rate, Population: y.Population,
			Staff: in.staff, Plan: in.current, AsOf: f.AsOf, Caps: in.caps})
		if official.PlannedPence != y.PlannedPence {
			y.Official = &official
		}
		f.Years[q.Year] = y
	}
	return nil
}

func readMoney(ctx context.Context, db *store.DB, p workforce.PCN, window []workforce.Quarter) (moneyInputs, error) {
	var in moneyInputs
	var err error
	if in.rates, err = db.FundingRates(ctx); err != nil {
		return in, err
	}
	if in.pops, err = db.PopulationsByPCN(ctx, p.Code); err != nil {
		return in, err
	}
	caps, err := db.Caps(ctx)
	if err != nil {
		return in, err
	}
	bands, err := db.BandCaps(ctx)
	if err != nil {
		return in, err
	}
	in.caps = planning.NewCaps(caps, bands)
	if in.current, err = db.CurrentPlanLinesOfPCN(ctx, p.Code); err != nil {
		return in, err
	}
	in.staff, err = db.FundedStaffOfPCN(ctx, p.Code, window[0].Start(), window[len(window)-1].Next().Start())
	return in, err
}

// rateFor is rate(f): the year's published rate, else the latest earlier one (from
// names its year), else none.
func rateFor(rates []workforce.FundingRate, year workforce.FinancialYear) (rate float64, from string, none bool) {
	var latest *workforce.FundingRate
	for i, r := range rates {
		if r.FinancialYear == year.String() {
			return r.RateGBP, "", false
		}
		if r.Starts.Before(year.Start()) {
			latest = &rates[i]
		}
	}
	if latest == nil {
		return 0, "", true
	}
	return latest.RateGBP, latest.FinancialYear, false
}

// populationOn is w(p) in force on the census day, the latest entered on or before
// it, else the registered list (listSize true).
func populationOn(pops []workforce.Population, census time.Time, registered int) (w float64, listSize bool) {
	for _, p := range pops {
		if !p.EffectiveDate.After(census) {
			return p.Weighted, false
		}
	}
	return float64(registered), true
}
