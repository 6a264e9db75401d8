package importer

import (
	"slices"
	"strconv"
	"strings"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// practiceOrgType is the TYPE (ORG_TYPE) of a practice's rows; the age file also has
// rows for each PCN, sub-ICB location, ICB and region, which are sums of these.
const practiceOrgType = "GP"

// fiveYearBands are the AGE_GROUP_5 values of NHS England's 5-year practice list file,
// in order.
var fiveYearBands = []string{
	"0_4", "5_9", "10_14", "15_19", "20_24", "25_29", "30_34", "35_39", "40_44", "45_49",
	"50_54", "55_59", "60_64", "65_69", "70_74", "75_79", "80_84", "85_89", "90_94", "95+",
}

// patientColumns are the columns of one of the two list-size files, which name the
// same things differently, and the sexes and ages a row of it may hold.
type patientColumns struct {
	typ, code, age string
	sexes, ages    []string
}

var (
	// totalsColumns: gp-reg-pat-prac-all.csv, one row per practice, both sexes, all ages.
	totalsColumns = patientColumns{"TYPE", "CODE", "AGE",
		[]string{workforce.AllSexes}, []string{workforce.AllAges}}
	// ageColumns: gp-reg-pat-prac-quin-age.csv, each sex and band with their totals.
	ageColumns = patientColumns{"ORG_TYPE", "ORG_CODE", "AGE_GROUP_5",
		[]string{workforce.SexMale, workforce.SexFemale, workforce.AllSexes},
		slices.Concat(fiveYearBands, []string{workforce.AllAges})}
)

// names are the columns a file of these columns needs; others are ignored.
func (c patientColumns) names() []string {
	return []string{"EXTRACT_DATE", c.typ, c.code, "SEX", c.age, "NUMBER_OF_PATIENTS"}
}

type patientKey struct{ practice, sex, age string }

// patientReader reads a list-size file row by row.
type patientReader struct {
	c       patientColumns
	t       *table
	extract extractDate
	keys    rowKeys[patientKey]
	codes   interned
}

// read reads the practices' rows of a list-size file: a practice, sex and age band
// may appear once, and every row (of any organisation) has the file's extract date.
func (c patientColumns) read(t *table) (*workforce.PracticeFiles, error) {
	r := &patientReader{c: c, t: t, keys: rowKeys[patientKey]{}, codes: interned{}}
	files := &workforce.PracticeFiles{}
	err := eachRow(t, func() error {
		p, keep, err := r.row()
		if keep {
			files.Patients = append(files.Patients, p)
		}
		return err
	})
	switch {
	case err != nil:
		return nil, err
	case t.rows == 0:
		return nil, &RowError{File: t.file, Line: 2, Reason: "the file has a header but no rows"}
	case len(files.Patients) == 0:
		return nil, &RowError{File: t.file, Column: c.typ, Reason: "the file has no practice rows (" + c.typ + " " + practiceOrgType + ")"}
	}
	files.Extract = r.extract.date
	return files, nil
}

// row reads one row; keep is false for another organisation's.
func (r *patientReader) row() (p workforce.PracticePatients, keep bool, err error) {
	t := r.t
	if err := r.extract.read(t, "EXTRACT_DATE"); err != nil {
		return p, false, err
	}
	switch typ := t.get(r.c.typ); {
	case typ == "":
		return p, false, t.fail(r.c.typ, "is empty")
	case !strings.EqualFold(typ, practiceOrgType):
		return p, false, nil
	}
	p.Extract = r.extract.date
	if p.PracticeCode, err = practiceCode(t, r.c.code); err != nil {
		return p, false, err
	}
	if p.Sex, err = oneOf(t, "SEX", r.c.sexes); err != nil {
		return p, false, err
	}
	if p.AgeBand, err = oneOf(t, r.c.age, r.c.ages); err != nil {
		return p, false, err
	}
	if p.Patients, err = patientsOf(t, "NUMBER_OF_PATIENTS"); err != nil {
		return p, false, err
	}
	p.PracticeCode = r.codes.of(p.PracticeCode)
	if first, dup := r.keys.seen(patientKey{p.PracticeCode, p.Sex, p.AgeBand}, t.line); dup {
		return p, false, t.fail(r.c.code, "practice "+p.PracticeCode+" (SEX "+p.Sex+", "+r.c.age+" "+p.AgeBand+
			") is also on line "+strconv.Itoa(first)+"; each appears once")
	}
	return p, true, nil
}

// oneOf reads a value that must be one of values (in any case), and returns it as
// values spells it.
func oneOf(t *table, col string, values []string) (string, error) {
	raw := t.get(col)
	for _, v := range values {
		if strings.EqualFold(raw, v) {
			return v, nil
		}
	}
	return "", t.fail(col, "expected "+strings.Join(values, ", ")+", found "+Quote(raw))
}
