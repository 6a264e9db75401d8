package importer

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// populationColumns are the columns of a weighted populations file (PLANNING.md,
// "File formats"); others are ignored.
var populationColumns = []string{"pcn_code", "weighted_population", "effective_date"}

// A weighted population moves every PCN's fair share in England (fair share = T ×
// w(p)/Σw over all PCNs), so one implausible value is everyone's problem: these bounds
// refuse the typing errors and the deliberate ones while passing any real figure.
const (
	// maxPopulation is the absolute cap: the largest PCN lists about 270,000 patients,
	// so a million is a typing error (or an ICB's total), not a network.
	maxPopulation = 1_000_000
	// minListRatio and maxListRatio bound a weighted population against the PCN's
	// registered list where the reference data knows it. Carr-Hill weighting moves a
	// list by about ±30%; the wider band leaves room for practices joining or leaving
	// the network between the list's date and the population's, and still refuses a
	// value off by a digit.
	minListRatio = 0.5
	maxListRatio = 2.5
	// maxAheadMonths is how far ahead of today a population may take effect: NHS
	// England publishes them for the coming financial year, never further.
	maxAheadMonths = 15
)

// schemeStart is the first day of the ARRS (1 July 2019): no population is in force
// before it.
var schemeStart = workforce.Date(2019, 7, 1)

// PopulationBounds is what a weighted population is checked against besides its PCN:
// today's date in England (for the effective date's window) and each PCN's registered
// list size, where the reference data holds one (absent or 0: unknown).
type PopulationBounds struct {
	Today     time.Time
	ListSizes map[string]int
}

// ReadPopulations reads a weighted populations file: pcn_code, weighted_population (a
// Carr-Hill weighted count, fractions allowed) and effective_date (YYYY-MM-DD, the
// first day the value is in force). Every PCN must be known; a (PCN, date) may appear
// once; a value must be plausible for its PCN and its date within the scheme's life
// (see PopulationBounds). The first bad row stops the read.
func ReadPopulations(file string, r io.Reader, known Known, bounds PopulationBounds) ([]workforce.Population, error) {
	t, err := openTable(file, r, populationColumns, MaxPopulationRows)
	if err != nil {
		return nil, err
	}
	type key struct {
		pcn  string
		date time.Time
	}
	lines := rowKeys[key]{}
	var pops []workforce.Population
	for {
		more, err := t.next()
		if err != nil {
			return nil, err
		}
		if !more {
			break
		}
		p, err := populationRow(t, known, bounds)
		if err != nil {
			return nil, err
		}
		if first, dup := lines.seen(key{p.PCNCode, p.EffectiveDate}, t.line); dup {
			return nil, t.fail("effective_date", "duplicate of line "+strconv.Itoa(first)+" (same PCN and effective date)")
		}
		pops = append(pops, p)
	}
	if len(pops) == 0 {
		return nil, &RowError{File: file, Line: 2, Reason: "the file has a header but no rows"}
	}
	return pops, nil
}

func populationRow(t *table, known Known, bounds PopulationBounds) (workforce.Population, error) {
	var p workforce.Population
	var err error
	if p.PCNCode, err = known.pcn(t, "pcn_code"); err != nil {
		return p, err
	}
	if p.Weighted, err = populationOf(t, "weighted_population"); err != nil {
		return p, err
	}
	if err = plausible(t, "weighted_population", p, bounds.ListSizes[p.PCNCode]); err != nil {
		return p, err
	}
	if p.EffectiveDate, err = dateOf(t, "effective_date"); err != nil {
		return p, err
	}
	return p, inWindow(t, "effective_date", p.EffectiveDate, bounds.Today)
}

// plausible refuses a weighted population far from its PCN's registered list (list 0:
// unknown, and only the absolute cap holds).
func plausible(t *table, col string, p workforce.Population, list int) error {
	if list <= 0 {
		return nil
	}
	lo, hi := minListRatio*float64(list), maxListRatio*float64(list)
	if p.Weighted >= lo && p.Weighted <= hi {
		return nil
	}
	return t.fail(col, fmt.Sprintf("%s is not plausible for PCN %s, whose registered list is %s patients: "+
		"a weighted population is normally within 30%% of the list, and one outside %g× to %g× of it (%s to %s) is refused",
		strconv.FormatFloat(p.Weighted, 'f', -1, 64), p.PCNCode, thousands(int64(list)),
		minListRatio, maxListRatio, thousands(int64(math.Ceil(lo))), thousands(int64(hi))))
}

// inWindow refuses an effective date before the scheme began or more than
// maxAheadMonths after today.
func inWindow(t *table, col string, d, today time.Time) error {
	last := today.AddDate(0, maxAheadMonths, 0)
	switch {
	case d.Before(schemeStart):
		return t.fail(col, d.Format(time.DateOnly)+" is before the ARRS began ("+schemeStart.Format(time.DateOnly)+")")
	case d.After(last):
		return t.fail(col, fmt.Sprintf("%s is more than %d months after today (%s): the latest allowed is %s",
			d.Format(time.DateOnly), maxAheadMonths, today.Format(time.DateOnly), last.Format(time.DateOnly)))
	}
	return nil
}

// populationOf reads a weighted population, kept to the 3 decimals the database holds.
func populationOf(t *table, col string) (float64, error) {
	raw := t.get(col)
	v, err := strconv.ParseFloat(raw, 64)
	switch {
	case err != nil || math.IsNaN(v) || math.IsInf(v, 0):
		return 0, t.fail(col, "expected a number such as 45415.62 (no thousands separators), found "+Quote(raw))
	case v < 0:
		return 0, t.fail(col, "is negative ("+clip(raw)+")")
	case v > maxPopulation:
		return 0, t.fail(col, "is "+clip(raw)+", more than "+thousands(maxPopulation)+" patients, the most any one PCN could weigh")
	}
	return math.Round(v*1000) / 1000, nil
}

// dateOf reads an ISO date.
func dateOf(t *table, col string) (time.Time, error) {
	raw := t.get(col)
	d, err := workforce.ParseDate(raw)
	if err != nil {
		return d, t.fail(col, "expected a date YYYY-MM-DD, found "+Quote(raw))
	}
	return d, nil
}
