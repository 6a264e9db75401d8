package importer

import (
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"io"
	"strings"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// PracticeFileKind names which of the GP practice files a file is, as its header shows
// (never its name: NHS England renames its files between publications).
type PracticeFileKind string

// The practice files ReadPractices knows.
const (
	// PracticeMapFile is NHS England's mapping file (gp-reg-pat-prac-map.csv): each
	// practice with its PCN, sub-ICB location, ICB and region.
	PracticeMapFile PracticeFileKind = "mapping"
	// PracticeTotalsFile is the list size of each practice (gp-reg-pat-prac-all.csv).
	PracticeTotalsFile PracticeFileKind = "totals"
	// PracticeAgesFile is the list by sex and 5-year age band of each practice, PCN,
	// sub-ICB, ICB and region (gp-reg-pat-prac-quin-age.csv); only practices are kept.
	PracticeAgesFile PracticeFileKind = "ages"
	// PracticeDeprivationFile is OHID Fingertips indicator 93553, the IMD deprivation
	// score of each practice's patients.
	PracticeDeprivationFile PracticeFileKind = "deprivation"
)

// PracticeFile is one practice file, read and checked.
type PracticeFile struct {
	Kind   PracticeFileKind
	SHA256 string // of the file as given (compressed or not), to spot a repeat import
	Rows   int    // rows past the header, those skipped included
	Files  *workforce.PracticeFiles
}

// practiceKind is how one kind of file is read: the columns it needs (others are
// ignored), its row and size limits and its reader.
type practiceKind struct {
	kind     PracticeFileKind
	columns  []string
	maxRows  int
	maxBytes int64
	read     func(t *table) (*workforce.PracticeFiles, error)
}

var practiceKinds = []practiceKind{
	{PracticeMapFile, practiceMapColumns, MaxPracticeRows, MaxPracticeMapBytes, readPracticeMap},
	{PracticeTotalsFile, totalsColumns.names(), MaxPracticeRows, MaxPracticeTotalsBytes, totalsColumns.read},
	{PracticeAgesFile, ageColumns.names(), MaxPracticeAgeRows, MaxPracticeAgeBytes, ageColumns.read},
	{PracticeDeprivationFile, deprivationColumns, MaxDeprivationRows, MaxDeprivationBytes, readDeprivation},
}

// maxPracticeBytes is the largest kind's size limit: the most text read before the
// header says which kind the file is.
const maxPracticeBytes = max(MaxPracticeMapBytes, MaxPracticeTotalsBytes, MaxPracticeAgeBytes, MaxDeprivationBytes)

// ReadPractices reads one of NHS England's "Patients Registered at a GP Practice" files
// (mapping, totals or 5-year ages) or the Fingertips deprivation file, plain or gzip,
// recognising which by its header. Each fills the parts of workforce.PracticeFiles it
// holds. The first bad row stops the read.
func ReadPractices(file string, r io.Reader) (*PracticeFile, error) {
	if err := checkSize(file, r); err != nil { // the hash hides r's size from plainText
		return nil, err
	}
	hash := sha256.New()
	t, kind, err := openPracticeTable(file, io.TeeReader(r, hash))
	if err != nil {
		return nil, err
	}
	files, err := kind.read(t)
	if err != nil {
		return nil, err
	}
	return &PracticeFile{Kind: kind.kind, SHA256: hex.EncodeToString(hash.Sum(nil)), Rows: t.rows, Files: files}, nil
}

// openPracticeTable reads the header, chooses the kind of file it fits, then opens the
// table as openTable does with that kind's columns and limits.
func openPracticeTable(file string, r io.Reader) (*table, *practiceKind, error) {
	g := &guard{}
	text, size, err := plainText(file, r, g, maxPracticeBytes)
	if err != nil {
		return nil, nil, err
	}
	cr := csv.NewReader(text)
	cr.ReuseRecord = true
	src := &csvSource{file: file, cr: cr, g: g}
	header, _, err := src.read()
	if errors.Is(err, io.EOF) {
		return nil, nil, &RowError{File: file, Line: 1, Reason: "the file is empty; expected the header row of " + knownPracticeFiles}
	}
	if err != nil {
		return nil, nil, err
	}
	kind := practiceKindOf(header)
	if kind == nil {
		// A header past the limits is refused for them, as any other file's is.
		if _, err := openSource(file, &headerFirst{header: header}, "line", nil, 0); err != nil {
			return nil, nil, err
		}
		return nil, nil, &RowError{File: file, Line: 1, Reason: "the header is not that of " + knownPracticeFiles}
	}
	size.within(kind.maxBytes)
	t, err := openSource(file, &headerFirst{header: header, src: src}, "line", kind.columns, kind.maxRows)
	if err != nil {
		return nil, nil, err
	}
	cr.FieldsPerRecord = t.width
	return t, kind, nil
}

const knownPracticeFiles = "an NHS England GP practice file (the mapping file, with PRACTICE_CODE and PCN_CODE; " +
	"the totals file, with CODE, SEX, AGE and NUMBER_OF_PATIENTS; the 5-year age file, with ORG_CODE, SEX, " +
	"AGE_GROUP_5 and NUMBER_OF_PATIENTS) or a Fingertips deprivation file (IndicatorID, Year, AreaCode, Value)"

// practiceKindOf is the kind whose columns the header holds most of (more than half of
// them, so that a file missing a column or two is refused naming them), or nil when
// no kind, or two, fit.
func practiceKindOf(header []string) *practiceKind {
	if len(header) > MaxColumns {
		return nil
	}
	names := make(map[string]bool, len(header))
	for i, h := range header {
		if i == 0 {
			h = strings.TrimPrefix(h, "\ufeff")
		}
		names[strings.ToUpper(strings.TrimSpace(h))] = true
	}
	var best *practiceKind
	most, tie := 0, false
	for i := range practiceKinds {
		n := 0
		for _, c := range practiceKinds[i].columns {
			if names[strings.ToUpper(c)] {
				n++
			}
		}
		switch {
		case n > most:
			best, most, tie = &practiceKinds[i], n, false
		case n == most:
			tie = true
		}
	}
	if best == nil || tie || 2*most <= len(best.columns) {
		return nil
	}
	return best
}

// eachRow calls row for each row of t after the header (t.next has read it), stopping
// at the first error.
func eachRow(t *table, row func() error) error {
	for {
		more, err := t.next()
		if err != nil || !more {
			return err
		}
		if err := row(); err != nil {
			return err
		}
	}
}

// headerFirst gives back the header already read, then the rest of src.
type headerFirst struct {
	header []string
	given  bool
	src    rowSource
}

func (h *headerFirst) read() ([]string, int, error) {
	if !h.given {
		h.given = true
		return h.header, 1, nil
	}
	return h.src.read()
}
