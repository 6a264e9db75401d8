package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// ErrUnknownCodes refuses a file that names organisations the planner does not hold
// (a practice list of practices not in any mapping file loaded, a mapping file of PCNs
// no reference list or change has created): they are loaded first, not guessed.
var ErrUnknownCodes = errors.New("unknown codes")

// PracticeImport is one GP practice file to load, read by importer.ReadPractices: the
// mapping (practices and their PCNs), the list sizes (totals or 5-year ages by sex) or
// the deprivation scores.
type PracticeImport struct {
	FileName string
	Kind     string // the kind of file, as the importer names it; recorded with its hash
	SHA256   string
	Rows     int
	Files    *workforce.PracticeFiles
	By       Actor
}

// PracticeImportLog is what loading a practice file did.
type PracticeImportLog struct {
	FileName  string
	Kind      string
	Extract   time.Time // the publication's extract date; zero for deprivation scores
	Practices int       // practices the mapping file placed
	Created   int       // of those, practices the planner did not hold
	Moved     int       // known practices placed in another PCN or sub-ICB location from the extract
	Patients  int       // list-size rows written
	Scores    int       // deprivation scores written
	Skipped   int       // deprivation rows of practices the planner does not hold (closed ones)
}

// ImportPractices loads a practice file in one transaction, all or nothing, with its
// audit entry. A mapping file upserts its practices and places each in its PCN and
// sub-ICB location from the extract date (a practice new to the planner from the first
// day its sub-ICB location is known, as the reference PCNs are: the planner knows no
// older structure); a practice's ICB is its sub-ICB location's on each day, not the
// file's ICB_CODE, which is its PCN's. A list-size file replaces the rows of the same
// practices and extract; a deprivation file upserts each practice's score by year.
// Codes the planner does not hold are refused (ErrUnknownCodes), except in a
// deprivation file, which also lists closed practices: those rows are skipped. The
// hierarchy is checked before commit (ErrBrokenHierarchy); a file loaded before (by
// its hash) is ErrAlreadyImported.
func (db *DB) ImportPractices(ctx context.Context, in PracticeImport) (log PracticeImportLog, err error) {
	defer func() {
		if !orgRefusal(err) {
			wrap(&err, "import practice file %s", in.FileName)
		}
	}()
	f := in.Files
	log = PracticeImportLog{FileName: in.FileName, Kind: in.Kind, Extract: f.Extract}
	err = db.InTx(ctx, func(tx *DB) error {
		if err := tx.recordOrgImport(ctx, in.Kind, in.FileName, in.SHA256, f.Extract, in.Rows, in.By); err != nil {
			return err
		}
		var err error
		switch {
		case len(f.Memberships) > 0:
			err = tx.importMemberships(ctx, in, &log)
		case len(f.Patients) > 0:
			err = tx.importPatients(ctx, in, &log)
		case len(f.Deprivation) > 0:
			err = tx.importDeprivation(ctx, in, &log)
		default:
			err = errors.New("the file holds no practices, list sizes or deprivation scores")
		}
		if err != nil {
			return err
		}
		return tx.audit(ctx, practiceAudit(in, log))
	})
	return log, err
}

// orgRefusal reports whether err refuses an organisations or practice file for what
// it holds: its message is for the person loading it, unprefixed.
func orgRefusal(err error) bool {
	return errors.Is(err, ErrAlreadyImported) || errors.Is(err, ErrBrokenHierarchy) || errors.Is(err, ErrUnknownCodes)
}

func practiceAudit(in PracticeImport, log PracticeImportLog) AuditEntry {
	e := in.By.Entry("practices.import", "practice_file", in.Kind)
	after := map[string]any{"file": in.FileName, "sha256": in.SHA256, "rows": in.Rows}
	if !log.Extract.IsZero() {
		after["extract"] = log.Extract.Format(time.DateOnly)
	}
	for k, v := range map[string]int{"practices": log.Practices, "created": log.Created, "moved": log.Moved,
		"patients": log.Patients, "scores": log.Scores, "skipped": log.Skipped} {
		if v != 0 {
			after[k] = v
		}
	}
	e.After = after
	return e
}

// knownCodes is which of codes the query (taking them as $1, returning one code a
// row) finds.
func (db *DB) knownCodes(ctx context.Context, query string, codes []string) (map[string]bool, error) {
	found, err := db.queryStrings(ctx, query, codes)
	if err != nil {
		return nil, err
	}
	known := make(map[string]bool, len(codes))
	for _, c := range found {
		known[c] = true
	}
	return known, nil
}

// queryStrings is the one text column of each row the query returns, in its order.
func (db *DB) queryStrings(ctx context.Context, query string, args ...any) ([]string, error) {
	rows, err := db.q.Query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowTo[string])
}

// refuseUnknown refuses a file naming codes the query does not find, naming the first
// five in the file's order.
func (db *DB) refuseUnknown(ctx context.Context, file, what, query string, codes []string, hint string) error {
	known, err := db.knownCodes(ctx, query, codes)
	if err != nil {
		return err
	}
	var missing []string
	for _, c := range codes {
		if !known[c] {
			missing = append(missing, c)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	more := ""
	if len(missing) > 5 {
		more = fmt.Sprintf(" and %d more", len(missing)-5)
		missing = missing[:5]
	}
	return fmt.Errorf("%w: %s names %s the planner does not hold: %s%s; %s",
		ErrUnknownCodes, file, what, strings.Join(missing, ", "), more, hint)
}

// distinct is each value once, in first-seen order.
func distinct(n int, at func(int) string) []string {
	seen := make(map[string]bool, n)
	out := make([]string, 0, n)
	for i := range n {
		if v := at(i); v != "" && !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
}

// PracticeFileLoaded reports whether a practice file of this SHA-256 (hex, of its
// bytes as given) has been loaded, of whichever kind: a seed asks before reading a
// large file it may have loaded already.
func (db *DB) PracticeFileLoaded(ctx context.Context, sha string) (loaded bool, err error) {
	defer wrap(&err, "practice file %s loaded", sha)
	err = db.q.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM org_imports WHERE sha256 = $1 AND kind NOT IN ('organisations', 'reference'))`, sha).Scan(&loaded)
	return loaded, err
}
