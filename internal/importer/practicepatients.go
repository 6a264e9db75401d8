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
var fiveYearBands = [...]string{
	"0_4", "5_9", "10_14", "15_19", "20_24", "25_29", "30_34", "35_39", "40_44", "45_49",
	"50_54", "55_59", "60_64", "65_69", "70_74", "75_79", "80_84", "85_89", "90_94", "95+",
}

// The most sexes and age bands a list-size file has: male, female and both; each
// 5-year band and all ages.
const (
	maxSexes = 3
	maxBands = len(fiveYearBands) + 1
)

// patientColumns are the columns of one of the two list-size files, which name the
// same things differently, and the sexes and ages a row of it may hold (the package
// constants, so that a kept row holds no text of its own).
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
		slices.Concat(fiveYearBands[:], []string{workforce.AllAges})}
)

// names are the columns a file of these columns needs; others are ignored.
func (c patientColumns) names() []string {
	return []string{"EXTRACT_DATE", c.typ, c.code, "SEX", c.age, "NUMBER_OF_PATIENTS"}
}

// patientReader reads a list-size file row by row. It keeps each practice's code once
// and each row in 12 bytes (bandRow), and makes the rows of workforce.PracticePatients
// only once the whole file has been read: a file refused half-way costs no more than
// that, and the 5-year file's 266,000 practice rows about 3 MB while it is read.
type patientReader struct {
	c         patientColumns
	t         *table
	extract   extractDate
	index     map[string]int32 // practice code → its place in practices
	practices *chunked[practiceRows]
	rows      *chunked[bandRow]
}

// practiceRows is a practice's code, and the line of each of its sex and band rows
// (0 for none yet), to name both lines of a repeat.
type practiceRows struct {
	code  string
	lines [maxSexes][maxBands]int32
}

// bandRow is one kept row: the practice's place in practices, the sex's and band's in
// the columns' lists, and the patients (at most maxPracticePatients).
type bandRow struct {
	practice  int32
	sex, band uint8
	patients  int32
}

// read reads the practices' rows of a list-size file: a practice, sex and age band
// may appear once, and every row (of any organisation) has the file's extract date.
func (c patientColumns) read(t *table) (*workforce.PracticeFiles, error) {
	r := &patientReader{c: c, t: t, index: map[string]int32{},
		practices: newChunked[practiceRows](1 << 10), rows: newChunked[bandRow](1 << 16)}
	err := eachRow(t, r.row)
	switch {
	case err != nil:
		return nil, err
	case t.rows == 0:
		return nil, &RowError{File: t.file, Line: 2, Reason: "the file has a header but no rows"}
	case r.rows.len() == 0:
		return nil, &RowError{File: t.file, Column: c.typ, Reason: "the file has no practice rows (" + c.typ + " " + practiceOrgType + ")"}
	}
	return &workforce.PracticeFiles{Extract: r.extract.date, Patients: r.patients()}, nil
}

// row reads one row, keeping it if it is a practice's.
func (r *patientReader) row() error {
	t := r.t
	if err := r.extract.read(t, "EXTRACT_DATE"); err != nil {
		return err
	}
	switch typ := t.get(r.c.typ); {
	case typ == "":
		return t.fail(r.c.typ, "is empty")
	case !strings.EqualFold(typ, practiceOrgType):
		return nil
	}
	code, err := practiceCode(t, r.c.code)
	if err != nil {
		return err
	}
	sex, err := indexOf(t, "SEX", r.c.sexes)
	if err != nil {
		return err
	}
	band, err := indexOf(t, r.c.age, r.c.ages)
	if err != nil {
		return err
	}
	n, err := patientsOf(t, "NUMBER_OF_PATIENTS")
	if err != nil {
		return err
	}
	p, err := r.practice(code)
	if err != nil {
		return err
	}
	first := &r.practices.at(int(p)).lines[sex][band]
	if *first != 0 {
		return t.fail(r.c.code, "practice "+code+" (SEX "+r.c.sexes[sex]+", "+r.c.age+" "+r.c.ages[band]+
			") is also on line "+strconv.Itoa(int(*first))+"; each appears once")
	}
	*first = int32(t.line)
	r.rows.add(bandRow{practice: p, sex: uint8(sex), band: uint8(band), patients: int32(n)})
	return nil
}

// practice is the place of code in practices, adding it when new: a file may name at
// most MaxPracticeRows practices, as the mapping file may hold.
func (r *patientReader) practice(code string) (int32, error) {
	if p, ok := r.index[code]; ok {
		return p, nil
	}
	if r.practices.len() == MaxPracticeRows {
		return 0, &LimitError{File: r.t.file, Limit: LimitPractices, Max: MaxPracticeRows}
	}
	code = strings.Clone(code)
	p := int32(r.practices.add(practiceRows{code: code}))
	r.index[code] = p
	return p, nil
}

// patients are the rows kept, as workforce.PracticePatients.
func (r *patientReader) patients() []workforce.PracticePatients {
	out := make([]workforce.PracticePatients, r.rows.len())
	for i := range out {
		b := r.rows.at(i)
		out[i] = workforce.PracticePatients{
			PracticeCode: r.practices.at(int(b.practice)).code, Extract: r.extract.date,
			Sex: r.c.sexes[b.sex], AgeBand: r.c.ages[b.band], Patients: int(b.patients),
		}
	}
	return out
}

// indexOf reads a value that must be one of values (in any case), and returns its place.
func indexOf(t *table, col string, values []string) (int, error) {
	raw := t.get(col)
	for i, v := range values {
		if raw == v {
			return i, nil
		}
	}
	for i, v := range values {
		if strings.EqualFold(raw, v) {
			return i, nil
		}
	}
	return 0, t.fail(col, "expected "+strings.Join(values, ", ")+", found "+Quote(raw))
}
