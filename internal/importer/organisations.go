package importer

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strings"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// orgKind is one kind of file of an organisations change folder, known by the prefix of
// its name: PREFIX + YYYY-MM-DD.csv, the day the change takes effect.
type orgKind struct {
	prefix   string
	what     string // what the file holds, for the message naming it missing
	required bool   // the folder must hold one
	empty    bool   // the file may have a header and no rows
	columns  []string
	maxRows  int
	row      func(r *orgReader, t *table) error
}

// orgKinds are the files read, in the order read: the ICBs first, as every other file
// is checked against them, and the PCNs before the practices that name them. Other
// files (the README, Frimley's prescribing cost centres) are ignored.
var orgKinds = []*orgKind{
	{prefix: "icbs_", what: "the ICBs in force from the day", required: true,
		columns: []string{"code", "name", "ons_code", "region_code"},
		maxRows: MaxOrgChangeICBs, row: (*orgReader).icbRow},
	{prefix: "icb_changes_", what: "the sub-ICB locations that change", required: true, empty: true,
		columns: []string{"effective_date", "old_icb_code", "old_sub_icb_code", "new_icb_code", "new_sub_icb_code", "new_sub_icb_name"},
		maxRows: MaxOrgChangeSubICBs, row: (*orgReader).subICBRow},
	{prefix: "pcn_icb_", what: "every PCN's sub-ICB location and ICB from the day", required: true,
		columns: []string{"pcn_code", "pcn_name", "old_icb_code", "new_icb_code", "new_sub_icb_code"},
		maxRows: MaxOrgChangePCNs, row: (*orgReader).pcnRow},
	{prefix: "practice_icb_", what: "every practice's PCN, sub-ICB location and ICB",
		columns: []string{"practice_code", "pcn_code", "new_icb_code", "new_sub_icb_code"},
		maxRows: MaxOrgChangePractices, row: (*orgReader).practiceRow},
}

// OrgChangeFolder is an organisations change folder, read and checked.
type OrgChangeFolder struct {
	Change *workforce.OrgChange
	// SHA256 is a hash of exactly the files read, so that an import of the same
	// folder twice can be recognised: over each file in name order, its name, a NUL,
	// and the SHA-256 (hex) of its bytes.
	SHA256 string
	// PCNsFile is the name of the pcn_icb_ file, and PCNLines each PCN's line in it,
	// so that a refusal of a PCN (one the planner does not hold) can say where it is.
	PCNsFile string
	PCNLines map[string]int
}

// ReadOrgChangeFolder reads an organisations change folder, as NHS England's change
// summary is laid out in data/organisations_2026-04: icbs_, icb_changes_ and pcn_icb_
// files, and optionally practice_icb_, each named for the day the change takes effect.
// fsys is the folder (os.DirFS(dir), or fs.Sub of an embedded tree). Every file is
// checked against the others (each new ICB is one of icbs_'s, each sub-ICB location in
// one ICB, each practice's PCN one of pcn_icb_'s, one day throughout) within the
// limits of limits.go; the first fault stops the read with a *RowError or *LimitError
// naming the file, line and column.
func ReadOrgChangeFolder(fsys fs.FS) (*OrgChangeFolder, error) {
	names, day, err := orgFiles(fsys)
	if err != nil {
		return nil, err
	}
	r := newOrgReader(fsys, day)
	for _, k := range orgKinds {
		if name, ok := names[k]; ok {
			if err := r.readFile(k, name); err != nil {
				return nil, err
			}
		}
	}
	return &OrgChangeFolder{Change: r.change, SHA256: r.hash(), PCNsFile: r.pcnsOf, PCNLines: r.keys[r.pcnsOf]}, nil
}

// ReadOrgChange is ReadOrgChangeFolder's change and hash.
func ReadOrgChange(fsys fs.FS) (*workforce.OrgChange, string, error) {
	f, err := ReadOrgChangeFolder(fsys)
	if err != nil {
		return nil, "", err
	}
	return f.Change, f.SHA256, nil
}

// orgFiles finds the file of each kind in the folder, and the day their names agree on.
func orgFiles(fsys fs.FS) (map[*orgKind]string, time.Time, error) {
	entries, err := orgEntries(fsys)
	if err != nil {
		return nil, time.Time{}, err
	}
	names := map[*orgKind]string{}
	var day time.Time
	var first string // the file whose name gave day
	for _, e := range entries {
		k, d, err := orgKindOf(e.Name())
		if err != nil {
			return nil, time.Time{}, err
		}
		if k == nil {
			continue
		}
		if other, ok := names[k]; ok {
			return nil, time.Time{}, &RowError{File: e.Name(), Reason: "a second " + k.prefix + " file besides " + other + ": a folder holds one change"}
		}
		if first == "" {
			day, first = d, e.Name()
		} else if !d.Equal(day) {
			return nil, time.Time{}, &RowError{File: e.Name(), Reason: fmt.Sprintf(
				"its name's day %s differs from %s's: the files of a folder describe one change, on one day",
				d.Format(workforce.DateLayout), first)}
		}
		names[k] = e.Name()
	}
	return names, day, orgMissing(names)
}

// orgMissing names the first required kind of file the folder lacks.
func orgMissing(names map[*orgKind]string) error {
	for _, k := range orgKinds {
		if _, ok := names[k]; k.required && !ok {
			return &RowError{Reason: "the folder has no " + k.prefix + "YYYY-MM-DD.csv file (" + k.what + "); it is required"}
		}
	}
	return nil
}

// orgKindOf is the kind of file a name is (nil: a file not read) and the day in its
// name. A name that starts as a kind's but does not end as one is refused rather than
// skipped, so that a misnamed file is never silently left out.
func orgKindOf(name string) (*orgKind, time.Time, error) {
	for _, k := range orgKinds {
		rest, ok := strings.CutPrefix(name, k.prefix)
		if !ok {
			continue
		}
		date, ok := strings.CutSuffix(rest, ".csv")
		d, err := workforce.ParseDate(date)
		if !ok || err != nil {
			return nil, time.Time{}, &RowError{File: name, Reason: "expected a name " + k.prefix +
				"YYYY-MM-DD.csv, the day the change takes effect"}
		}
		return k, d, nil
	}
	return nil, time.Time{}, nil
}

// orgEntries lists the folder in name order, reading no more than MaxOrgChangeFiles + 1
// entries of it.
func orgEntries(fsys fs.FS) ([]fs.DirEntry, error) {
	dir, err := fsys.Open(".")
	if err != nil {
		return nil, fmt.Errorf("importer: organisations change folder: %w", err)
	}
	defer dir.Close()
	rd, ok := dir.(fs.ReadDirFile)
	if !ok {
		return nil, &RowError{Reason: "the organisations change is not a folder"}
	}
	entries, err := rd.ReadDir(MaxOrgChangeFiles + 1)
	if err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("importer: organisations change folder: %w", err)
	}
	if len(entries) > MaxOrgChangeFiles {
		return nil, &RowError{Reason: fmt.Sprintf("the folder holds more than %d files (the limit): "+
			"an organisations change has at most %d kinds of file, and a few others may sit beside them",
			MaxOrgChangeFiles, len(orgKinds))}
	}
	slices.SortFunc(entries, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return entries, nil
}
