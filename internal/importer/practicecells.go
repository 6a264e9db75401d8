package importer

import (
	"strconv"
	"strings"
	"time"
)

// maxPracticePatients bounds one row's patients: the largest practice lists about
// 100,000, so a million is a typing error (or a region's total), not a practice.
const maxPracticePatients = 1_000_000

// extractLayouts are the extract dates NHS England writes: 01Nov2025 in the mapping
// file, 2025-11-01 in the others.
var extractLayouts = []string{"2006-01-02", "02Jan2006"}

// Extract dates outside these years are a broken file, not a publication.
const (
	firstExtractYear = 2000
	lastExtractYear  = 2100
)

// extractDate is the one extract date of a file, as first written, and the line that
// first gave it.
type extractDate struct {
	date time.Time
	raw  string
	line int
}

// read checks a row's extract date against the file's: a file is one publication. A
// row that writes it as the first did is not parsed again (there are 329,000).
func (e *extractDate) read(t *table, col string) error {
	raw := t.get(col)
	if e.line != 0 && raw == e.raw {
		return nil
	}
	d, err := parseExtract(raw)
	if err != nil {
		return t.fail(col, "expected a date such as 2025-11-01 or 01Nov2025, found "+Quote(raw))
	}
	switch {
	case e.line == 0:
		e.date, e.raw, e.line = d, strings.Clone(raw), t.line
	case !d.Equal(e.date):
		return t.fail(col, d.Format(time.DateOnly)+" differs from line "+strconv.Itoa(e.line)+"'s "+
			e.date.Format(time.DateOnly)+"; a file holds one publication's extract")
	}
	return nil
}

func parseExtract(raw string) (time.Time, error) {
	var err error
	for _, layout := range extractLayouts {
		var d time.Time
		if d, err = time.ParseInLocation(layout, raw, time.UTC); err == nil {
			if d.Year() < firstExtractYear || d.Year() > lastExtractYear {
				return d, strconv.ErrRange
			}
			return d, nil
		}
	}
	return time.Time{}, err
}

// practiceCode reads an ODS practice code: a letter and five letters or digits
// (A81001, Y07767).
func practiceCode(t *table, col string) (string, error) {
	code := t.get(col)
	if !isPracticeCode(code) {
		return "", t.fail(col, "expected a practice code such as A81001 (a capital letter and 5 capitals or digits), found "+Quote(code))
	}
	return code, nil
}

func isPracticeCode(s string) bool {
	return len(s) == 6 && s[0] >= 'A' && s[0] <= 'Z' && isUpperAlnum(s[1:])
}

// isUpperAlnum says whether s is capitals and digits only.
func isUpperAlnum(s string) bool {
	for _, c := range []byte(s) {
		if (c < 'A' || c > 'Z') && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// patientsOf reads a count of patients: digits only, at most maxPracticePatients.
func patientsOf(t *table, col string) (int, error) {
	raw := t.get(col)
	switch {
	case raw == "":
		return 0, t.fail(col, "is empty")
	case raw[0] == '-' && digitsOnly(raw[1:]):
		return 0, t.fail(col, "is negative ("+clip(raw)+")")
	case !digitsOnly(raw):
		return 0, t.fail(col, "expected a whole number of patients such as 3779 (no thousands separators), found "+Quote(raw))
	}
	n, err := strconv.Atoi(raw)
	if err != nil || n > maxPracticePatients {
		return 0, t.fail(col, "is "+clip(raw)+", more than "+thousands(maxPracticePatients)+" patients, more than any one practice holds")
	}
	return n, nil
}

func digitsOnly(s string) bool {
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}

// interned returns one shared copy of each code, so that the many rows of a practice
// hold one string rather than each a slice of its own line.
type interned map[string]string

func (in interned) of(s string) string {
	if c, ok := in[s]; ok {
		return c
	}
	c := strings.Clone(s)
	in[c] = c
	return c
}
