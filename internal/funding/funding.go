package funding

import (
	"context"
	"time"

	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// Request names the PCNs and years to compute.
type Request struct {
	// PCNs are the networks, with their registered list sizes (the stand-in for a
	// missing weighted population): one, an ICB's, or all of England's.
	PCNs  []workforce.PCN
	Years []workforce.FinancialYear
	// AsOf is the day the staff data describes (normally the latest NWRS census):
	// plan lines of quarters starting after it are planned spend.
	AsOf time.Time
	// Drafts counts each PCN's latest plan version, whatever its status, instead of its
	// current plan: `arrs report funding --drafts`, never a page's official figure
	// (PLANNING.md, "Drafts stay private").
	Drafts bool
}

// Result is the funding of every PCN and year asked for.
type Result struct {
	AsOf time.Time
	// DataStart is the first national census imported (zero before any): committed
	// claims of the months before it are not known (PLANNING.md, "Known and unknown").
	DataStart time.Time
	Years     []Year // in the order asked for
	byPCN     map[string][]PCNYear
}

// For returns a PCN's funding for a year; ok is false if either was not asked for.
func (r *Result) For(pcn string, year workforce.FinancialYear) (PCNYear, bool) {
	for _, y := range r.byPCN[pcn] {
		if y.Year.Year == year {
			return y, true
		}
	}
	return PCNYear{}, false
}

// PCN returns a PCN's funding for every year asked for, in that order.
func (r *Result) PCN(pcn string) []PCNYear { return r.byPCN[pcn] }

// Year is what a financial year's entitlement is worked from, the same for every PCN.
type Year struct {
	Year workforce.FinancialYear
	// RatePounds is rate(f), from the year RateYear; RateKnown is false when no rate
	// of the year or an earlier one is held (the entitlement is then 0).
	RatePounds float64
	RateYear   workforce.FinancialYear
	RateKnown  bool
	// PopulationDay is 1 January before the year: w(p) is the one in force on it.
	PopulationDay time.Time
}

// RateAssumed reports whether the year has no published rate yet and an earlier
// year's stands in.
func (y Year) RateAssumed() bool { return y.RateKnown && y.RateYear != y.Year }

// PCNYear is one PCN's money for one financial year, in pence.
type PCNYear struct {
	PCN  string
	Year Year
	// Population is w(p); PopulationIsListSize is true when no weighted population
	// was in force on the population day and the registered list stands in.
	Population           float64
	PopulationIsListSize bool
	// Funding holds the entitlement, committed, planned and headroom totals.
	Funding planning.Funding
	// CommittedByMonth and PlannedByMonth are the year's claims by month, April first.
	CommittedByMonth, PlannedByMonth [12]workforce.Pence
	Staff                            []StaffFunding
	Plan                             []PlanFunding
	// DataStart is Result.DataStart: see Partial.
	DataStart time.Time
}

// Compute works out the funding of every PCN of the request for every year, reading
// the store once per table (see the package doc for the rules).
func Compute(ctx context.Context, db *store.DB, req Request) (*Result, error) {
	res := &Result{AsOf: req.AsOf, byPCN: make(map[string][]PCNYear, len(req.PCNs))}
	if len(req.PCNs) == 0 || len(req.Years) == 0 {
		return res, nil
	}
	in, err := gather(ctx, db, req)
	if err != nil {
		return nil, err
	}
	if res.DataStart, err = dataStart(ctx, db); err != nil {
		return nil, err
	}
	for _, y := range req.Years {
		res.Years = append(res.Years, in.year(y))
	}
	for _, p := range req.PCNs {
		for _, y := range res.Years {
			py := in.pcnYear(p, y, req.AsOf)
			py.DataStart = res.DataStart
			res.byPCN[p.Code] = append(res.byPCN[p.Code], py)
		}
	}
	return res, nil
}

// year picks the rate of a year: its own, else the latest earlier one.
func (in inputs) year(f workforce.FinancialYear) Year {
	y := Year{Year: f, PopulationDay: PopulationDay(f)}
	for _, r := range in.rates {
		if r.year <= f {
			y.RatePounds, y.RateYear, y.RateKnown = r.pounds, r.year, true
		}
	}
	return y
}

// pcnYear computes one PCN's year with planning.YearFunding and details its lines.
func (in inputs) pcnYear(p workforce.PCN, y Year, asOf time.Time) PCNYear {
	w, ok := in.pops[y.PopulationDay][p.Code]
	if !ok {
		w = float64(p.RegisteredPatients)
	}
	// Only the records in post at some time in the year: YearFunding would give the
	// others no line, after working out their twelve months.
	var recs []store.FundingRecord
	var staff []workforce.Staff
	start, end := y.Year.Start(), y.Year.End()
	for _, r := range in.staff[p.Code] {
		if r.Start.Before(end) && (r.End.IsZero() || r.End.After(start)) {
			recs, staff = append(recs, r), append(staff, r.Staff)
		}
	}
	f := planning.YearFunding(planning.FundingInputs{Year: y.Year, RatePounds: y.RatePounds, Population: w,
		Staff: staff, Plan: in.plan[p.Code], AsOf: asOf, Caps: in.caps})
	out := PCNYear{PCN: p.Code, Year: y, Population: w, PopulationIsListSize: !ok, Funding: f,
		Staff: make([]StaffFunding, 0, len(f.Lines))}
	starts := y.Year.MonthStarts()
	for _, l := range f.Lines {
		if l.Kind == planning.LineStaff {
			out.addStaff(in.staffFunding(recs[l.Index], staff[l.Index], l, y.Year, starts))
		} else {
			out.addPlan(PlanFunding{Line: in.plan[p.Code][l.Index], Leavers: l.Leavers, MonthPence: l.MonthPence, TotalPence: l.TotalPence,
				CostPence: l.CostPence, Uncapped: l.Uncapped, CostAssumed: l.CostAssumed, Uncosted: l.Uncosted, CapFromBand: l.CapFromBand})
		}
	}
	return out
}

func (p *PCNYear) addStaff(s StaffFunding) {
	p.Staff = append(p.Staff, s)
	for m, v := range s.ClaimPence {
		p.CommittedByMonth[m] += v
	}
}

func (p *PCNYear) addPlan(l PlanFunding) {
	p.Plan = append(p.Plan, l)
	for m, v := range l.MonthPence {
		p.PlannedByMonth[m] += v
	}
}

// staffFunding details a record's claim line: its actual cost by month, and the cap
// of its last month in post in the year (changed if its first month's differs).
func (in inputs) staffFunding(r store.FundingRecord, s workforce.Staff, l planning.FundingLine, year workforce.FinancialYear, starts [12]time.Time) StaffFunding {
	out := StaffFunding{Record: r, CapVariant: s.CapVariant(), ClaimPence: l.MonthPence, ClaimTotal: l.TotalPence,
		Uncapped: l.Uncapped, CostAssumed: l.CostAssumed, Uncosted: l.Uncosted, CapFromBand: l.CapFromBand, BandAssumed: l.BandAssumed}
	inPost, inMonth := planning.MonthDays(s, year)
	first, last := -1, -1
	for m := range inPost {
		if inPost[m] == 0 {
			continue
		}
		out.InPost[m] = true
		out.Caps[m], out.Shares[m] = in.caps.On(s, starts[m]), workforce.ReimbursementShare(s.RoleCode, starts[m])
		if first < 0 {
			first = m
		}
		last = m
		if r.CostKnown {
			// The month's actual cost, worked and rounded as its claim is, uncapped.
			out.CostPence[m] = planning.MonthlyClaim(s.AnnualCostPence, 1, s.FTE, inPost[m], inMonth[m])
			out.CostTotal += out.CostPence[m]
		}
	}
	if first >= 0 {
		c0, c := out.Caps[first], out.Caps[last]
		out.CapPence, out.CapKnown = c.Pence, c.Known
		out.CapChanged = c0.Pence != c.Pence || c0.Known != c.Known
	}
	return out
}
