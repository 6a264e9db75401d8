package importer

import (
	"fmt"
	"math"
	"strconv"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// deprivationColumns are the columns of a Fingertips indicator file the import needs
// (AreaName and IsAreaCurrent are ignored: names come from the mapping file).
var deprivationColumns = []string{"IndicatorID", "Year", "AreaCode", "Value"}

// imdIndicator is Fingertips indicator 93553, "Deprivation score (IMD)" per GP
// practice: the population-weighted Index of Multiple Deprivation score of the areas
// its patients live in, one value per IMD edition (2010, 2015, 2019).
const imdIndicator = 93553

// Years and scores outside these are a broken file: IMD scores run from about 0.5 to
// about 90 for an area, less widely for a practice.
const (
	firstIMDYear = 1990
	lastIMDYear  = 2100
	maxIMDScore  = 100
)

// deprivationKey is one practice and year of a deprivation file.
type deprivationKey struct {
	practice string
	year     int
}

// readDeprivation reads Fingertips indicator 93553: a practice and year may appear
// once; a row without a Value (Fingertips leaves it empty where it is suppressed) is
// skipped, as no data, never 0.
func readDeprivation(t *table) (*workforce.PracticeFiles, error) {
	files := &workforce.PracticeFiles{}
	keys := rowKeys[deprivationKey]{}
	codes := interned{} // a practice has a row per year
	sources := map[int]string{}
	err := eachRow(t, func() error {
		d, keep, err := deprivationRow(t)
		if err != nil || !keep {
			return err
		}
		d.PracticeCode = codes.of(d.PracticeCode)
		if first, dup := keys.seen(deprivationKey{d.PracticeCode, d.Year}, t.line); dup {
			return t.fail("AreaCode", "practice "+d.PracticeCode+" in "+strconv.Itoa(d.Year)+" is also on line "+strconv.Itoa(first)+"; each appears once")
		}
		if sources[d.Year] == "" {
			sources[d.Year] = fmt.Sprintf("OHID Fingertips indicator %d, Deprivation score (IMD %d)", imdIndicator, d.Year)
		}
		d.Source = sources[d.Year]
		files.Deprivation = append(files.Deprivation, d)
		return nil
	})
	switch {
	case err != nil:
		return nil, err
	case t.rows == 0:
		return nil, &RowError{File: t.file, Line: 2, Reason: "the file has a header but no rows"}
	case len(files.Deprivation) == 0:
		return nil, &RowError{File: t.file, Column: "Value", Reason: "the file has no values (every Value is empty)"}
	}
	return files, nil
}

// deprivationRow reads one row; keep is false when it has no value.
func deprivationRow(t *table) (d workforce.Deprivation, keep bool, err error) {
	if id := t.get("IndicatorID"); id != strconv.Itoa(imdIndicator) {
		return d, false, t.fail("IndicatorID", fmt.Sprintf("expected %d (Deprivation score (IMD) of GP practices), found %s", imdIndicator, Quote(id)))
	}
	raw := t.get("Year")
	if d.Year, err = strconv.Atoi(raw); err != nil || d.Year < firstIMDYear || d.Year > lastIMDYear {
		return d, false, t.fail("Year", fmt.Sprintf("expected a year from %d to %d, found %s", firstIMDYear, lastIMDYear, Quote(raw)))
	}
	if d.PracticeCode, err = practiceCode(t, "AreaCode"); err != nil {
		return d, false, err
	}
	raw = t.get("Value")
	if raw == "" {
		return d, false, nil
	}
	d.Score, err = strconv.ParseFloat(raw, 64)
	if err != nil || math.IsNaN(d.Score) || d.Score < 0 || d.Score > maxIMDScore {
		return d, false, t.fail("Value", fmt.Sprintf("expected a deprivation score from 0 to %d, found %s", maxIMDScore, Quote(raw)))
	}
	return d, true, nil
}
