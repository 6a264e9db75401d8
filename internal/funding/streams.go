package funding

import (
	"context"
	"slices"
	"time"

	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// streams is what the funding streams add to Compute's inputs (issue 14), one query per
// table: the reimbursement shares and the PCNs' agreements, their approved roles, the
// practice GP scheme's rates and caps, the ICBs' payment lags, the PCNs' agreed
// practice shares and their member practices on each population day.
type streams struct {
	roleShares []workforce.RoleShare
	// nationalShares answers for a PCN with no agreement.
	nationalShares planning.Shares
	agreements     map[string][]workforce.ShareAgreement
	approved       map[string][]workforce.ApprovedRole
	gpRates        []rate
	gpCaps         planning.PracticeGPCaps
	icbs           map[string]store.ICBPayment
	agreed         map[string][]workforce.PracticeShare
	// members holds each PCN's member practices by population day, then PCN code;
	// placed holds every practice read (Request.AllPractices: those in no PCN too) by
	// day, as Areas places them.
	members map[time.Time]map[string][]planning.PracticeInput
	placed  map[time.Time][]store.PracticeList
	// london tells a practice in the London region, by code.
	london map[string]bool
}

// gatherStreams reads the streams' inputs of the PCNs (codes) and years asked for, in
// one round trip (store.FundingStreamsOf): with Request.AllPractices, every practice on
// each population day and on each year's first day, else the PCNs' members on each
// population day.
func (in *inputs) gatherStreams(ctx context.Context, db *store.DB, req Request, codes []string) error {
	var days []time.Time
	practicePCNs := codes
	for _, y := range req.Years {
		days = append(days, PopulationDay(y))
		if req.AllPractices {
			days, practicePCNs = append(days, y.Start()), nil
		}
	}
	got, err := db.FundingStreamsOf(ctx, codes, icbCodes(req.PCNs), practicePCNs, days)
	if err != nil {
		return err
	}
	s := &in.streams
	s.roleShares, s.nationalShares = got.RoleShares, planning.NewShares(got.RoleShares, nil)
	s.agreements = byPCN(got.Agreements, func(a workforce.ShareAgreement) string { return a.PCNCode })
	s.approved = byPCN(got.Approved, func(a workforce.ApprovedRole) string { return a.PCNCode })
	if s.gpRates, err = byYear(got.GPRates, nil); err != nil {
		return err
	}
	s.gpCaps, s.icbs, s.agreed = planning.NewPracticeGPCaps(got.GPCaps), got.ICBs, got.PracticeShares
	s.placePractices(got.Practices)
	return nil
}

// placePractices indexes the practices read by day, and each PCN's members by day.
func (s *streams) placePractices(rows []store.PracticeList) {
	s.members = map[time.Time]map[string][]planning.PracticeInput{}
	s.placed = map[time.Time][]store.PracticeList{}
	s.london = map[string]bool{}
	for _, r := range rows {
		d := workforce.Date(r.Day.Date())
		s.placed[d] = append(s.placed[d], r)
		s.london[r.Code] = r.London
		if r.PCNCode == "" {
			continue
		}
		if s.members[d] == nil {
			s.members[d] = map[string][]planning.PracticeInput{}
		}
		s.members[d][r.PCNCode] = append(s.members[d][r.PCNCode], practiceInput(r))
	}
}

// practiceInput is a practice as the practice GP scheme and the split take it.
func practiceInput(r store.PracticeList) planning.PracticeInput {
	return planning.PracticeInput{Code: r.Code, Name: r.Name, List: r.Patients, ListKnown: r.PatientsKnown, ListDay: r.Extract, London: r.London}
}

// icbCodes is the ICBs of the PCNs, each once.
func icbCodes(pcns []workforce.PCN) []string {
	out := make([]string, 0, 1)
	for _, p := range pcns {
		if !slices.Contains(out, p.ICBCode) {
			out = append(out, p.ICBCode)
		}
	}
	return out
}

// rateOf is the rate of year f among rates (sorted by year): its own, else the latest
// earlier one; known is false before the first.
func rateOf(rates []rate, f workforce.FinancialYear) (r rate, known bool) {
	for _, x := range rates {
		if x.year <= f {
			r, known = x, true
		}
	}
	return r, known
}

// fundingInputs are planning's inputs for PCN p's year y, its staff and plan lines.
func (in *inputs) fundingInputs(p workforce.PCN, y Year, population float64, staff []workforce.Staff, asOf time.Time, shares planning.Shares) planning.FundingInputs {
	return planning.FundingInputs{Year: y.Year, RatePounds: y.RatePounds, Population: population,
		Staff: staff, Plan: in.plan[p.Code], AsOf: asOf, Caps: in.caps,
		Shares: shares, Approved: in.approved[p.Code], PracticeGPCaps: in.gpCaps, London: in.londonOf(p)}
}

// londonOf tells, for PCN p, whether a practice (by code) is in the London region; ""
// (a plan line's, which names no practice) is the PCN's own ICB's region.
func (in *inputs) londonOf(p workforce.PCN) func(string) bool {
	pcn := in.icbs[p.ICBCode].London
	return func(code string) bool {
		if l, ok := in.london[code]; ok && code != "" {
			return l
		}
		return pcn
	}
}

// lag is the cash flow's payment lag for PCN p: the request's, else its ICB's, else
// the default.
func (in *inputs) lag(p workforce.PCN, req Request) int {
	if req.Lag != nil {
		return *req.Lag
	}
	if icb, ok := in.icbs[p.ICBCode]; ok {
		return icb.LagMonths
	}
	return planning.DefaultPaymentLag
}

// addStreams fills a PCN year's practices, its practice GP scheme, its practice split
// and its cash flow; prev is the previous year's funding, whose last claims arrive in
// this year's first months.
func (in *inputs) addStreams(out *PCNYear, p workforce.PCN, prev planning.Funding, req Request) {
	f := out.Funding
	out.Practices = in.members[out.Year.PopulationDay][p.Code]
	gp, known := rateOf(in.gpRates, out.Year.Year)
	out.PracticeGPRateYear, out.PracticeGPRateKnown = gp.year, known
	out.PracticeGPInForce = in.gpCaps.InForce(out.Year.Year)
	// With no rate (known false, gp.pounds 0) every practice's entitlement is unknown
	// (PracticeGP.RateKnown false), never £0.
	out.PracticeGP = planning.PracticeGPYear(gp.pounds, out.Practices, f.Lines, nil)
	costs, reimbursed := out.SplitTotals()
	out.Split = planning.SplitYear(costs, reimbursed, out.Practices, in.agreed[p.Code])
	out.CashFlow = planning.CashFlowYear(planning.CashFlowInputs{Year: out.Year.Year, Lag: in.lag(p, req),
		Lines: f.Lines, Prev: prev.Lines, Uplift: req.Uplift})
}
