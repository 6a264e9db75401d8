package importer

import (
	"io"
	"math"
	"strconv"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// populationColumns are the columns of a weighted populations file (PLANNING.md,
// "File formats"); others are ignored.
var populationColumns = []string{"pcn_code", "weighted_population", "effective_date"}

// maxPopulation bounds a weighted population: the largest PCN lists about 270,000
// patients, so ten million is a typing error (or a region's total), not a network.
const maxPopulation = 10_000_000

// ReadPopulations reads a weighted populations file: pcn_code, weighted_population (a
// Carr-Hill weighted count, fractions allowed) and effective_date (YYYY-MM-DD, the
// first day the value is in force). Every PCN must be known; a (PCN, date) may appear
// once. The first bad row stops the read.
func ReadPopulations(file string, r io.Reader, known Known) ([]workforce.Population, error) {
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
		p, err := populationRow(t, known)
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

func populationRow(t *table, known Known) (workforce.Population, error) {
	var p workforce.Population
	var err error
	if p.PCNCode, err = known.pcn(t, "pcn_code"); err != nil {
		return p, err
	}
	if p.Weighted, err = populationOf(t, "weighted_population"); err != nil {
		return p, err
	}
	p.EffectiveDate, err = dateOf(t, "effective_date")
	return p, err
}

// populationOf reads a weighted population, kept to the 3 decimals the database holds.
func populationOf(t *table, col string) (float64, error) {
	raw := t.get(col)
	v, err := strconv.ParseFloat(raw, 64)
	switch {
	case err != nil || math.IsNaN(v) || math.IsInf(v, 0):
		return 0, t.fail(col, "expected a number such as 45415.62 (no thousands separators), found "+quote(raw))
	case v < 0:
		return 0, t.fail(col, "is negative ("+clip(raw)+")")
	case v > maxPopulation:
		return 0, t.fail(col, "is "+clip(raw)+", more than "+strconv.Itoa(maxPopulation)+" patients for one PCN")
	}
	return math.Round(v*1000) / 1000, nil
}

// dateOf reads an ISO date.
func dateOf(t *table, col string) (time.Time, error) {
	raw := t.get(col)
	d, err := workforce.ParseDate(raw)
	if err != nil {
		return d, t.fail(col, "expected a date YYYY-MM-DD, found "+quote(raw))
	}
	return d, nil
}
