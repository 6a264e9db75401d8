package funding

import (
	"context"
	"slices"
	"time"

	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// inputs is what Compute reads, indexed for the PCNs and years asked for.
type inputs struct {
	rates []rate
	caps  planning.Caps
	// pops holds w(p) by population day, then PCN code; a PCN absent has none.
	pops  map[time.Time]map[string]float64
	staff map[string][]store.FundingRecord
	plan  map[string][]workforce.PlanLine
	streams
}

// rate is a published rate per weighted patient.
type rate struct {
	year   workforce.FinancialYear
	pounds float64
}

// gather reads the inputs with one query per table.
func gather(ctx context.Context, db *store.DB, req Request) (inputs, error) {
	in := inputs{}
	codes := pcnCodes(req.PCNs)
	var err error
	if in.rates, err = rates(ctx, db); err != nil {
		return in, err
	}
	if in.caps, err = caps(ctx, db); err != nil {
		return in, err
	}
	if in.pops, err = populations(ctx, db, codes, req.Years); err != nil {
		return in, err
	}
	from, to := span(req.Years)
	recs, err := db.FundingRecords(ctx, codes, from, to)
	if err != nil {
		return in, err
	}
	in.staff = byPCN(recs, func(r store.FundingRecord) string { return r.PCNCode })
	lines, err := planLines(ctx, db, withoutPlans(codes, req.Plan), req.Drafts)
	if err != nil {
		return in, err
	}
	in.plan = byPCN(lines, func(l workforce.PlanLine) string { return l.PCNCode })
	for code, lines := range req.Plan {
		in.plan[code] = lines
	}
	err = in.gatherStreams(ctx, db, req, codes)
	return in, err
}

// rates reads every published rate, by year.
func rates(ctx context.Context, db *store.DB) ([]rate, error) {
	return byYear(db.FundingRates(ctx))
}

// byYear indexes the rates read (the ARRS's or the practice GP scheme's) by year.
func byYear(all []workforce.FundingRate, err error) ([]rate, error) {
	if err != nil {
		return nil, err
	}
	out := make([]rate, 0, len(all))
	for _, r := range all {
		y, err := workforce.ParseFinancialYear(r.FinancialYear)
		if err != nil {
			return nil, err
		}
		out = append(out, rate{year: y, pounds: r.RateGBP})
	}
	slices.SortFunc(out, func(a, b rate) int { return int(a.year) - int(b.year) })
	return out, nil
}

// caps indexes every role and band cap for cap(role, day).
func caps(ctx context.Context, db *store.DB) (planning.Caps, error) {
	all, err := db.Caps(ctx)
	if err != nil {
		return planning.Caps{}, err
	}
	bands, err := db.BandCaps(ctx)
	if err != nil {
		return planning.Caps{}, err
	}
	return planning.NewCaps(all, bands), nil
}

// populations reads w(p) on the population day of every year.
func populations(ctx context.Context, db *store.DB, codes []string, years []workforce.FinancialYear) (map[time.Time]map[string]float64, error) {
	days := make([]time.Time, len(years))
	for i, y := range years {
		days[i] = PopulationDay(y)
	}
	rows, err := db.PopulationsOnDays(ctx, codes, days)
	if err != nil {
		return nil, err
	}
	out := make(map[time.Time]map[string]float64, len(days))
	for _, d := range days {
		out[d] = map[string]float64{}
	}
	for _, r := range rows {
		d := workforce.Date(r.Day.Date())
		out[d][r.PCNCode] = r.Weighted
	}
	return out, nil
}

// PopulationDay is the day whose weighted population sets a year's entitlement:
// 1 January before the year starts (DOMAIN.md, "Money").
func PopulationDay(y workforce.FinancialYear) time.Time {
	return workforce.Date(int(y), time.January, 1)
}

// span is the days the years cover: from the first one's start to the last one's end.
func span(years []workforce.FinancialYear) (from, to time.Time) {
	lo, hi := slices.Min(years), slices.Max(years)
	return lo.Start(), hi.End()
}

// byPCN groups rows by their PCN code, keeping their order.
func byPCN[T any](rows []T, code func(T) string) map[string][]T {
	out := map[string][]T{}
	for _, r := range rows {
		out[code(r)] = append(out[code(r)], r)
	}
	return out
}

// pcnCodes is the codes of the PCNs asked for.
func pcnCodes(pcns []workforce.PCN) []string {
	out := make([]string, len(pcns))
	for i, p := range pcns {
		out[i] = p.Code
	}
	return out
}

// withoutPlans is the codes whose plan lines Request.Plan does not give.
func withoutPlans(codes []string, given map[string][]workforce.PlanLine) []string {
	if len(given) == 0 {
		return codes
	}
	return slices.DeleteFunc(slices.Clone(codes), func(c string) bool {
		_, ok := given[c]
		return ok
	})
}

// planLines is the current plan's lines of the PCNs, or with drafts their latest
// version's, whatever its status.
func planLines(ctx context.Context, db *store.DB, codes []string, drafts bool) ([]workforce.PlanLine, error) {
	if len(codes) == 0 {
		return nil, nil
	}
	if !drafts {
		return db.CurrentPlanLinesOf(ctx, codes)
	}
	all, err := db.LatestPlanLines(ctx)
	if err != nil {
		return nil, err
	}
	return slices.DeleteFunc(all, func(l workforce.PlanLine) bool { return !slices.Contains(codes, l.PCNCode) }), nil
}
