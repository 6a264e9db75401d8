package planning

import (
	"cmp"
	"slices"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// Inputs is everything a gap report needs. Dates are days at midnight UTC.
type Inputs struct {
	// PCNs is every PCN in England: fair shares divide the target over all of them.
	PCNs []PCN
	// Staff is the PCNs' staff records; those outside ARRS (Role "") are ignored.
	Staff []workforce.Staff
	// Plan is the lines of each PCN's current plan (chosen by the caller).
	Plan []workforce.PlanLine
	// AttritionRate is the annual unplanned attrition by role code; a role missing from
	// it uses DefaultAttritionRate.
	AttritionRate map[string]float64
	Target        workforce.Target
	// AsOf is A, the day the staff data describes (normally the latest census date).
	AsOf time.Time
	// At is the day d the gap is measured on; zero means the default (DefaultAt).
	At time.Time
	// DataStart is the first census date imported: in_post before it is unknown
	// (PLANNING.md, "Known and unknown"), except before the scheme began. Zero means
	// every day is described.
	DataStart time.Time
	// Today starts the months left for the required pace, from max(AsOf, Today).
	Today time.Time
}

// at is the day the gap is measured on.
func (in Inputs) at() time.Time {
	if in.At.IsZero() {
		return DefaultAt(in.Target.Deadline, in.AsOf)
	}
	return in.At
}

// DefaultAt is the day a gap is measured on when none is asked for (PLANNING.md,
// "Where the gap is measured"): the deadline while it is after the as-of date, else the
// as-of date itself, since a passed deadline can only be measured on the latest data.
func DefaultAt(deadline, asOf time.Time) time.Time {
	if deadline.After(asOf) {
		return deadline
	}
	return asOf
}

// Gap is one row of the gap report (PLANNING.md, "Gap"): a PCN, or an area summing its
// PCNs. FTE are unrounded.
type Gap struct {
	Level workforce.Level
	Code  string
	// ICB and Region are the parents' codes: both for a PCN, Region for an ICB.
	ICB    string
	Region string
	// PCNs counts the PCNs summed (1 for a PCN); ListSizePCNs those whose weighted
	// population is their registered list standing in.
	PCNs         int
	ListSizePCNs int

	WeightedPopulation float64
	TargetFTE          float64 // target(p), the fair share of the target
	BaselineFTE        float64 // baseline(p): in post on the baseline date + entered extra
	InPostFTE          float64 // in_post(p, min(at, as-of))
	ProjectedFTE       float64 // projected(p, at)
	AdditionalFTE      float64 // projected − baseline
	GapFTE             float64 // target − additional; positive is short of the share
	ShortfallFTE       float64 // max(gap, 0) for a PCN; the sum of PCN shortfalls for an area
	PCNsShort          int     // PCNs with gap > 0
	// NoReturnPCNs counts the PCNs that made no return for the census of the in-post
	// day (PLANNING.md, "No return"; 1 for such a PCN's own row), NoReturnShort those of
	// them with gap > 0. Both are 0 when that day is unknown.
	NoReturnPCNs  int
	NoReturnShort int

	// MonthsLeft is Months(max(as-of, today), deadline); RequiredPace is the shortfall
	// over it, in FTE per month (see RequiredPace).
	MonthsLeft     float64
	RequiredPace   float64
	DeadlinePassed bool

	// Unknown figures (PLANNING.md, "Known and unknown"): a day before the data start
	// is not described by the staff records, so its figure is unknown, never 0. An
	// unknown figure's field holds 0 and must not be shown or summed as a number.
	Unknown
}

// RequiredPace is shortfall / months between max(A, today) and D, in FTE per month
// (PLANNING.md, "Gap"). With no shortfall the pace is 0. When no time is left the
// deadline has passed and there is no pace (PLANNING.md: "when the deadline has passed
// there is no pace, and pages say so"): the pace is 0 and deadlinePassed is true.
func RequiredPace(shortfall, monthsLeft float64) (pace float64, deadlinePassed bool) {
	if monthsLeft <= 0 {
		return 0, true
	}
	return shortfall / monthsLeft, false
}

// MonthsLeft is the pace's divisor: Months from the later of the as-of date and today
// to the deadline.
func MonthsLeft(asOf, today, deadline time.Time) float64 {
	return workforce.Months(later(asOf, today), deadline)
}

// later is max(a, b) of two days.
func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// earlier is min(a, b) of two days.
func earlier(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

// Gaps returns one row per PCN of in.PCNs, sorted by code. It reads each staff record
// and plan line once, so the whole of England takes milliseconds.
func Gaps(in Inputs) []Gap {
	sums := sumByPCN(in)
	total := totalPopulation(in.PCNs)
	months := MonthsLeft(in.AsOf, in.Today, in.Target.Deadline)
	known := in.unknown()
	gaps := make([]Gap, len(in.PCNs))
	for i, p := range in.PCNs {
		gaps[i] = sums[i].gap(p, FairShare(in.Target.FTE, p.Population, total), months, known)
	}
	slices.SortStableFunc(gaps, func(a, b Gap) int { return cmp.Compare(a.Code, b.Code) })
	return gaps
}

// pcnSums gathers what a PCN's row needs from its staff records and plan lines.
type pcnSums struct {
	baseline         float64 // in_post(p, B)
	inPost           float64 // in_post(p, min(at, A))
	inPostAsOf       float64 // in_post(p, A)
	attritionPerYear float64 // Σ_roles in_post(p, r, A) × rate(r)
	planNet          float64 // Σ (starters − leavers) over (A, at]
	projected        float64
}

// sumByPCN makes one pass over the staff and one over the plan, indexed like in.PCNs.
func sumByPCN(in Inputs) []pcnSums {
	index := make(map[string]int, len(in.PCNs))
	for i, p := range in.PCNs {
		index[p.Code] = i
	}
	sums := make([]pcnSums, len(in.PCNs))
	at := in.at()
	on := staffDays{baseline: in.Target.Baseline, inPost: earlier(at, in.AsOf), asOf: in.AsOf}
	for _, s := range in.Staff {
		if i, ok := index[s.PCNCode]; ok && s.IsARRS() {
			sums[i].addStaff(s, on, in.AttritionRate)
		}
	}
	future := at.After(in.AsOf)
	if future {
		addPlan(sums, index, in.Plan, in.AsOf, at)
	}
	days := workforce.Days(in.AsOf, at)
	for i, ps := range sums {
		sums[i].projected = ps.inPost // d ≤ A: in post on d
		if future {
			sums[i].projected = project(ps.inPostAsOf, ps.planNet, ps.attritionPerYear, days)
		}
	}
	return sums
}

// staffDays are the days a gap row counts staff in post on.
type staffDays struct {
	baseline time.Time // B
	inPost   time.Time // min(at, A), the report's in_post_fte
	asOf     time.Time // A, the projection's starting point
}

// addStaff counts one ARRS record on the baseline, in-post and as-of days.
func (ps *pcnSums) addStaff(s workforce.Staff, on staffDays, rates map[string]float64) {
	if s.InPost(on.baseline) {
		ps.baseline += s.FTE
	}
	if s.InPost(on.inPost) {
		ps.inPost += s.FTE
	}
	if s.InPost(on.asOf) {
		ps.inPostAsOf += s.FTE
		ps.attritionPerYear += s.FTE * AttritionRate(rates, s.RoleCode)
	}
}

// addPlan adds the net starters of the lines in (asOf, at] to their PCNs. Plans come
// grouped by PCN, so the last PCN found is tried before the map.
func addPlan(sums []pcnSums, index map[string]int, plan []workforce.PlanLine, asOf, at time.Time) {
	lastCode, last := "", -1
	for _, l := range plan {
		if l.RoleCode == "" || !inWindow(l.QuarterStart, asOf, at) {
			continue
		}
		if l.PCNCode != lastCode || last < 0 {
			i, ok := index[l.PCNCode]
			if !ok {
				continue
			}
			lastCode, last = l.PCNCode, i
		}
		sums[last].planNet += l.StartersFTE - l.LeaversFTE
	}
}

// gap turns a PCN's sums into its row.
func (ps pcnSums) gap(p PCN, target, months float64, known Unknown) Gap {
	g := Gap{
		Level: workforce.LevelPCN, Code: p.Code, ICB: p.ICB, Region: p.Region, PCNs: 1,
		WeightedPopulation: p.Population,
		TargetFTE:          target,
		BaselineFTE:        ps.baseline + p.BaselineExtra,
		InPostFTE:          ps.inPost,
		MonthsLeft:         months,
		Unknown:            known,
	}
	if p.PopulationIsListSize {
		g.ListSizePCNs = 1
	}
	if p.NoReturn && !known.InPostUnknown {
		g.NoReturnPCNs = 1
	}
	// Never a partial sum of hand-entered records on a day the census does not describe.
	if known.BaselineUnknown {
		g.BaselineFTE = 0
	}
	if known.InPostUnknown {
		g.InPostFTE = 0
	}
	if known.ProjectedUnknown {
		ps.projected = 0
	}
	return g.WithProjected(ps.projected)
}

// WithProjected is a PCN's row with p as its projection and the figures that follow
// from it worked out again (PLANNING.md, "Gap"): additional = p − baseline, gap =
// target − additional, the shortfall and PCNs short when the gap is positive, and the
// required pace over the row's months left. The target, baseline, in-post figure and
// months left are kept. It is the one place the gap formula is written; an area's row
// sums its PCNs' shortfalls instead, so call it on PCN rows only.
func (g Gap) WithProjected(p float64) Gap {
	g.clearUnknown()
	g.ProjectedFTE = p
	g.AdditionalFTE = p - g.BaselineFTE
	g.GapFTE = g.TargetFTE - g.AdditionalFTE
	g.ShortfallFTE, g.PCNsShort, g.NoReturnShort = 0, 0, 0
	if g.GapFTE > 0 {
		g.ShortfallFTE, g.PCNsShort, g.NoReturnShort = g.GapFTE, 1, g.NoReturnPCNs
	}
	g.ShortfallUnknown = g.GapUnknown()
	if g.ShortfallUnknown {
		g.AdditionalFTE, g.GapFTE, g.ShortfallFTE, g.PCNsShort, g.NoReturnShort = 0, 0, 0, 0, 0
	}
	g.RequiredPace, g.DeadlinePassed = RequiredPace(g.ShortfallFTE, g.MonthsLeft)
	return g
}
