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
	// Lag overrides every ICB's payment lag for the cash flow (`--lag`, `?lag=`); nil:
	// each PCN's ICB's (icbs.payment_lag_months, default 2).
	Lag *int
	// Uplift is a backdated pay award for the cash flow (nil: none).
	Uplift *planning.Uplift
	// Move is a what-if: one post or plan line moved to another stream before anything
	// is computed (nil: none). It changes nothing stored.
	Move *Move
	// Plan gives, for the PCNs it names, the lines to count instead of their current
	// plan's: the plan editor's version or typed grid (its "with your draft" figures).
	Plan map[string][]workforce.PlanLine
	// AllPractices also reads the practices in no PCN, and where every practice is on
	// each year's first day: what Areas needs for the practice GP scheme of an ICB, a
	// region or England (the funding report). Pages leave it false.
	AllPractices bool
}

// Move is a what-if's change of stream: a staff record (StaffID) or the plan lines of
// a role and quarter (Role, Quarter) now on From, moved to To; Practice names the member
// practice that would claim a practice-scheme staff record.
type Move struct {
	StaffID  int64
	Role     string
	Quarter  time.Time
	From, To workforce.Stream
	Practice string
}

// Result is the funding of every PCN and year asked for.
type Result struct {
	AsOf time.Time
	// DataStart is the first national census imported (zero before any): committed
	// claims of the months before it are not known (PLANNING.md, "Known and unknown").
	DataStart time.Time
	Years     []Year // in the order asked for
	byPCN     map[string][]PCNYear
	// practices are the practices of each year's practice GP scheme, for Areas (with
	// Request.AllPractices); gpRates the scheme's rates.
	practices map[workforce.FinancialYear][]practiceArea
	gpRates   []rate
}

// PracticeGPRate is the practice GP scheme's rate for year f: its own, else (from an
// earlier year, flagged) the latest earlier one; known is false before the first.
func (r *Result) PracticeGPRate(f workforce.FinancialYear) (pounds float64, from workforce.FinancialYear, known bool) {
	x, known := rateOf(r.gpRates, f)
	return x.pounds, x.year, known
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
	// Practices are the PCN's member practices on the population day, with their lists
	// (the practice split's and the practice GP scheme's), by code.
	Practices []planning.PracticeInput
	// PracticeGP is the practice GP scheme's year: each practice's entitlement (at
	// PracticeGPRate; PracticeGPRateYear stands in for a year with none published,
	// PracticeGPRateKnown false before the first, and then every entitlement is
	// unknown) and the claims against it. PracticeGPInForce is false for a year
	// before the scheme (no scheme cap on its first day,
	// planning.PracticeGPCaps.InForce): its practice-scheme posts are then on the ARRS
	// (planning.FundingInputs.StreamOf) and the scheme has no figure to show.
	PracticeGP          planning.PracticeGPFunding
	PracticeGPRateYear  workforce.FinancialYear
	PracticeGPRateKnown bool
	PracticeGPInForce   bool
	// Split divides the PCN's ARRS and other-money costs and its ARRS claims between
	// its member practices.
	Split planning.Split
	// CashFlow is the year's cash month by month (the ICB's lag, or Request.Lag).
	CashFlow planning.CashFlow
}

// Compute works out the funding of every PCN of the request for every year, reading
// the store once per table (see the package doc for the rules). A request it cannot
// honour (a what-if naming a record or plan line it cannot move, a lag or uplift out
// of bounds) is a *RequestError.
func Compute(ctx context.Context, db *store.DB, req Request) (*Result, error) {
	res := &Result{AsOf: req.AsOf, byPCN: make(map[string][]PCNYear, len(req.PCNs))}
	if len(req.PCNs) == 0 || len(req.Years) == 0 {
		return res, nil
	}
	if err := req.check(); err != nil {
		return nil, err
	}
	in, err := gather(ctx, db, req)
	if err != nil {
		return nil, err
	}
	if err := in.move(req); err != nil {
		return nil, err
	}
	if res.DataStart, err = dataStart(ctx, db); err != nil {
		return nil, err
	}
	for _, y := range req.Years {
		res.Years = append(res.Years, in.year(y))
	}
	for _, p := range req.PCNs {
		res.byPCN[p.Code] = in.pcnYears(p, res.Years, req, res.DataStart)
	}
	res.gpRates = in.gpRates
	if req.AllPractices {
		res.practices = in.areaPractices(res.Years)
	}
	return res, nil
}

// year picks the rate of a year: its own, else the latest earlier one.
func (in *inputs) year(f workforce.FinancialYear) Year {
	y := Year{Year: f, PopulationDay: PopulationDay(f)}
	r, known := rateOf(in.rates, f)
	y.RatePounds, y.RateYear, y.RateKnown = r.pounds, r.year, known
	return y
}

// pcnFunding is a PCN's year as planning works it out, with the staff records its
// lines index.
type pcnFunding struct {
	f                    planning.Funding
	recs                 []store.FundingRecord
	population           float64
	populationIsListSize bool
}

// pcnYears computes PCN p's years. Each year's cash flow takes the previous year's
// claims too (the last ones arrive in this year's first months), so the year before
// each is worked out as well, once, whether it was asked for or not.
func (in *inputs) pcnYears(p workforce.PCN, years []Year, req Request, dataStart time.Time) []PCNYear {
	shares := in.nationalShares
	if a := in.agreements[p.Code]; len(a) > 0 {
		shares = planning.NewShares(in.roleShares, a)
	}
	recs := in.staff[p.Code]
	staff := make([]workforce.Staff, len(recs))
	for i, r := range recs {
		staff[i] = r.Staff
	}
	done := make(map[workforce.FinancialYear]pcnFunding, len(years)+1)
	fund := func(y Year) pcnFunding {
		if f, ok := done[y.Year]; ok {
			return f
		}
		f := in.pcnFunding(p, y, req.AsOf, shares, recs, staff)
		done[y.Year] = f
		return f
	}
	out := make([]PCNYear, 0, len(years))
	for _, y := range years {
		py := in.pcnYear(p, y, fund(y))
		in.addStreams(&py, p, fund(in.year(y.Year-1)).f, req)
		py.DataStart = dataStart
		out = append(out, py)
	}
	return out
}

// pcnFunding works out PCN p's year y with planning.YearFunding, from its staff
// records (recs, and staff their workforce.Staff).
func (in *inputs) pcnFunding(p workforce.PCN, y Year, asOf time.Time, shares planning.Shares, recs []store.FundingRecord, staff []workforce.Staff) pcnFunding {
	w, ok := in.pops[y.PopulationDay][p.Code]
	if !ok {
		w = float64(p.RegisteredPatients)
	}
	recs, staff = inYear(recs, staff, y.Year)
	f := planning.YearFunding(in.fundingInputs(p, y, w, staff, asOf, shares))
	return pcnFunding{f: f, recs: recs, population: w, populationIsListSize: !ok}
}

// inYear keeps the records in post at some time in the year: YearFunding would give
// the others no line, after working out their twelve months. When all are (the usual
// case), the slices are returned as they are.
func inYear(recs []store.FundingRecord, staff []workforce.Staff, y workforce.FinancialYear) ([]store.FundingRecord, []workforce.Staff) {
	start, end := y.Start(), y.End()
	in := func(r store.FundingRecord) bool { return r.Start.Before(end) && (r.End.IsZero() || r.End.After(start)) }
	all := true
	for _, r := range recs {
		all = all && in(r)
	}
	if all {
		return recs, staff
	}
	keptRecs, kept := make([]store.FundingRecord, 0, len(recs)), make([]workforce.Staff, 0, len(recs))
	for i, r := range recs {
		if in(r) {
			keptRecs, kept = append(keptRecs, r), append(kept, staff[i])
		}
	}
	return keptRecs, kept
}

// pcnYear details one PCN's year: its staff records' and plan lines' claims and costs.
func (in *inputs) pcnYear(p workforce.PCN, y Year, c pcnFunding) PCNYear {
	f := c.f
	out := PCNYear{PCN: p.Code, Year: y, Population: c.population, PopulationIsListSize: c.populationIsListSize, Funding: f,
		Staff: make([]StaffFunding, 0, len(f.Lines))}
	for i := range f.Lines {
		l := &f.Lines[i]
		if l.Kind == planning.LineStaff {
			out.addStaff(staffFunding(c.recs[l.Index], l, i))
		} else {
			out.addPlan(PlanFunding{Line: in.plan[p.Code][l.Index], Stream: l.Stream, Index: i, Leavers: l.Leavers,
				MonthPence: l.MonthPence, TotalPence: l.TotalPence, CostMonthPence: l.CostMonthPence, CostTotalPence: l.CostTotalPence,
				CostPence: l.CostPence, Uncapped: l.Uncapped, CostAssumed: l.CostAssumed, Uncosted: l.Uncosted, CapFromBand: l.CapFromBand})
		}
	}
	return out
}

// addStaff lists a record's year; an ARRS record's claims count in CommittedByMonth.
func (p *PCNYear) addStaff(s StaffFunding) {
	p.Staff = append(p.Staff, s)
	if !arrsStream(s.Stream) {
		return
	}
	for m, v := range s.ClaimPence {
		p.CommittedByMonth[m] += v
	}
}

// addPlan lists a plan line's year; an ARRS line's claims count in PlannedByMonth.
func (p *PCNYear) addPlan(l PlanFunding) {
	p.Plan = append(p.Plan, l)
	if !arrsStream(l.Stream) {
		return
	}
	for m, v := range l.MonthPence {
		p.PlannedByMonth[m] += v
	}
}

// staffFunding details a record's line (Funding.Lines[line]): its actual cost by
// month, the cap and share each month was worked from (planning.LineMonth: the claim
// schedule lists what the claim used), and the cap of its last month in post in the
// year (changed if its first month's differs).
func staffFunding(r store.FundingRecord, l *planning.FundingLine, line int) StaffFunding {
	out := StaffFunding{Record: r, Stream: l.Stream, Line: line, CapVariant: r.Staff.CapVariant(), ClaimPence: l.MonthPence, ClaimTotal: l.TotalPence,
		Uncapped: l.Uncapped, CostAssumed: l.CostAssumed, Uncosted: l.Uncosted, CapFromBand: l.CapFromBand, BandAssumed: l.BandAssumed}
	first, last := -1, -1
	for m, t := range l.Months {
		if t.InPost == 0 {
			continue
		}
		out.InPost[m] = true
		out.Caps[m], out.Shares[m] = t.Cap, t.Share
		// Something to claim: in post on days the claim covers (none on other money,
		// with no approval, or outside an approval's days).
		out.Claimable[m] = t.ClaimDays > 0
		if first < 0 {
			first = m
		}
		last = m
		if r.CostKnown {
			// The month's actual cost, worked and rounded as its claim is, uncapped.
			out.CostPence[m] = l.CostMonthPence[m]
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
