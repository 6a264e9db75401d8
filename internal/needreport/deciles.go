package needreport

import (
	"context"
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/arrs-planner/arrs/internal/need"
	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// DecileSeries is England's decile chart of ARRS FTE per 10,000 need-adjusted patients
// in each role at every national census, in OpenPrescribing's style (docs/need.md,
// "Deciles over time"). It is worked out once for every PCN; Of picks one PCN's lines.
type DecileSeries struct {
	// Censuses are the national census dates imported, oldest first.
	Censuses []time.Time
	// Roles are the ARRS roles with FTE in post in England at any census, in the
	// catalogue's order.
	Roles []workforce.Role
	// England[r][c] are England's 10th to 90th percentiles (need.Deciles) of Roles[r]
	// at Censuses[c], NaN when no PCN is counted.
	England [][][9]float64
	// Counted[c] is how many PCNs the deciles at Censuses[c] are over: those that made a
	// return for it and have need above 0 on its day.
	Counted []int
	// Weights are the need weights of the latest census's need, for the source note.
	Weights  workforce.NeedWeights
	censuses []censusRates
}

// censusRates is what one census gives each counted PCN's rates: its need (the
// denominator of "per 10,000"; need.PCNNeed.Need, its list where it has no age data)
// and its ARRS FTE by role.
type censusRates struct {
	need map[string]float64
	fte  map[string]map[string]float64
}

// PCNDeciles is one PCN's decile charts: a line per role against England's deciles.
type PCNDeciles struct {
	Censuses []time.Time
	// Counted[c] says whether the PCN is among England's PCNs at census c (it made a
	// return and has need): otherwise its values there are unknown, a gap in its line.
	Counted []bool
	Lines   []RoleLine
	Weights workforce.NeedWeights
}

// RoleLine is one role's chart for one PCN.
type RoleLine struct {
	Role    workforce.Role
	England [][9]float64
	Counted []int
	// FTE and Rate are the PCN's ARRS FTE in the role and its FTE per 10,000 need at
	// each census; NaN where the PCN is not counted (never 0).
	FTE, Rate []float64
}

// Charted reports whether there is a chart to draw: more than one census is loaded.
func (s *DecileSeries) Charted() bool { return len(s.Censuses) > 1 }

// Deciles works out England's deciles of every role at every national census from the
// staff in post on each census date (store.CensusRoles) and need on that day (On).
// With fewer than two censuses it gives only the census dates: there is no chart.
func Deciles(ctx context.Context, db *store.DB) (*DecileSeries, error) {
	staff, err := db.CensusRoles(ctx)
	if err != nil {
		return nil, err
	}
	return DecilesWith(ctx, db, staff, func(ctx context.Context, censuses []time.Time) ([]*need.Result, error) {
		return CensusNeeds(ctx, db, censuses)
	})
}

// DecilesWith is Deciles from the staff in post on each census as given (the store's
// CensusRoles, or package england's kept per PCN) and need on each census day as
// needs gives it (CensusNeeds, or a copy kept while national data stands).
func DecilesWith(ctx context.Context, db *store.DB, staff []store.CensusRoles, needs func(context.Context, []time.Time) ([]*need.Result, error)) (*DecileSeries, error) {
	var censuses []time.Time
	for _, c := range staff {
		censuses = append(censuses, c.Census)
	}
	if len(staff) < 2 {
		return &DecileSeries{Censuses: censuses}, nil
	}
	roles, err := db.Roles(ctx)
	if err != nil {
		return nil, err
	}
	ns, err := needs(ctx, censuses)
	if err != nil {
		return nil, err
	}
	if len(ns) != len(staff) {
		return nil, fmt.Errorf("needreport: deciles: need on %d censuses for %d", len(ns), len(staff))
	}
	return decilesOf(staff, ns, roles), nil
}

// CensusNeeds is need on each census day (On), worked out once for censuses that read
// the same inputs (store.CensusNeedInputs): monthly censuses mostly share a list extract
// and a structure, and need on one day takes a fifth of a second.
func CensusNeeds(ctx context.Context, db *store.DB, censuses []time.Time) ([]*need.Result, error) {
	inputs, err := db.CensusNeedInputs(ctx)
	if err != nil {
		return nil, err
	}
	keys := map[time.Time]string{}
	for _, in := range inputs {
		keys[in.Census] = in.Extract.Format(time.DateOnly) + "|" + in.Structure.Format(time.DateOnly)
	}
	done := map[string]*need.Result{}
	needs := make([]*need.Result, len(censuses))
	for i, c := range censuses {
		key, ok := keys[c]
		if needs[i] = done[key]; ok && needs[i] != nil {
			continue
		}
		if needs[i], err = On(ctx, db, c); err != nil {
			return nil, fmt.Errorf("needreport: deciles: need on %s: %w", c.Format(time.DateOnly), err)
		}
		if ok {
			done[key] = needs[i]
		}
	}
	return needs, nil
}

// decilesOf is the series from each census's staff and need (needs[c] of staff[c]'s
// day) over the roles of the catalogue.
func decilesOf(staff []store.CensusRoles, needs []*need.Result, catalogue []workforce.Role) *DecileSeries {
	s := &DecileSeries{Counted: make([]int, len(staff))}
	for i, c := range staff {
		s.Censuses = append(s.Censuses, c.Census)
		s.censuses = append(s.censuses, ratesOf(c, needs[i]))
		s.Counted[i] = len(s.censuses[i].need)
	}
	if n := len(needs); n > 0 && needs[n-1] != nil {
		s.Weights = needs[n-1].Weights
	}
	for _, r := range catalogue {
		if !anyFTE(staff, r.Code) {
			continue
		}
		s.Roles = append(s.Roles, r)
		line := make([][9]float64, len(staff))
		for i, c := range s.censuses {
			line[i] = need.Deciles(c.rates(r.Code))
		}
		s.England = append(s.England, line)
	}
	return s
}

// ratesOf keeps the PCNs of one census that count towards England's deciles: those
// that made a return and have need above 0.
func ratesOf(c store.CensusRoles, n *need.Result) censusRates {
	out := censusRates{need: map[string]float64{}, fte: c.FTE}
	if n == nil {
		return out
	}
	for code := range c.Returned {
		if p, ok := n.PCNs[code]; ok && p.Need > 0 {
			out.need[code] = p.Need
		}
	}
	return out
}

// rates is every counted PCN's FTE in role per 10,000 need, by PCN code.
func (c censusRates) rates(role string) []float64 {
	codes := make([]string, 0, len(c.need))
	for code := range c.need {
		codes = append(codes, code)
	}
	slices.Sort(codes)
	out := make([]float64, len(codes))
	for i, code := range codes {
		out[i] = per10k(c.fte[code][role], c.need[code])
	}
	return out
}

// per10k is FTE per 10,000 of a denominator (planning.PerTenThousand; PLANNING.md, "Per
// 10,000"): every counted PCN's need is above 0.
func per10k(fte, denominator float64) float64 {
	v, _ := planning.PerTenThousand(fte, denominator)
	return v
}

// anyFTE reports whether England had FTE in post in the role at any census.
func anyFTE(staff []store.CensusRoles, role string) bool {
	for _, c := range staff {
		for _, byRole := range c.FTE {
			if byRole[role] > 0 {
				return true
			}
		}
	}
	return false
}

// Of is the PCN's lines against England's deciles, a line per role of the series.
func (s *DecileSeries) Of(pcn string) PCNDeciles {
	out := PCNDeciles{Censuses: s.Censuses, Counted: make([]bool, len(s.censuses)), Weights: s.Weights}
	for i, c := range s.censuses {
		_, out.Counted[i] = c.need[pcn]
	}
	for r, role := range s.Roles {
		l := RoleLine{Role: role, England: s.England[r], Counted: s.Counted,
			FTE: make([]float64, len(s.censuses)), Rate: make([]float64, len(s.censuses))}
		for i, c := range s.censuses {
			l.FTE[i], l.Rate[i] = math.NaN(), math.NaN()
			if out.Counted[i] {
				l.FTE[i] = c.fte[pcn][role.Code]
				l.Rate[i] = per10k(l.FTE[i], c.need[pcn])
			}
		}
		out.Lines = append(out.Lines, l)
	}
	return out
}

// RoleCodes are the codes of the roles charted, in the catalogue's order.
func (s *DecileSeries) RoleCodes() []string {
	codes := make([]string, len(s.Roles))
	for i, r := range s.Roles {
		codes[i] = r.Code
	}
	return codes
}

// HasRole reports whether the series charts the role with this code.
func (s *DecileSeries) HasRole(code string) bool {
	return slices.ContainsFunc(s.Roles, func(r workforce.Role) bool { return r.Code == code })
}
