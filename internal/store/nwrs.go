package store

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// NWRSImport is a checked NWRS snapshot with what the import log records of it.
type NWRSImport struct {
	FileName string
	SHA256   string
	By       Actor // who imported: the log's imported_by, and the audit entry's actor
	Census   time.Time
	Rows     int
	FTE      float64
	ARRSFTE  float64
	Records  []workforce.Staff // keyed and summed by the reader; Start = Census
	// Index, when not nil, gives each record's position in Records by its key (the
	// reader's), so that reconciling does not build it again.
	Index map[workforce.SnapshotKey]int
	Orgs  []workforce.OrgPath
	// Scope, when not nil, limits the import to the PCNs of these ICBs (an ICB lead's
	// upload, PLANNING.md "Importing a census"): its census must be the latest national
	// one, every record must be of a known PCN of these ICBs, no organisation is created
	// and only the open records of the PCNs the file carries can end (a PCN absent from
	// a lead's correction keeps its records: docs/planning-choices.md). Nil is a
	// national file, the only kind that moves England's as-of date, and it reconciles
	// every PCN.
	Scope []string
}

// ImportLog is one row of the import log.
type ImportLog struct {
	ID          int64
	ImportedAt  time.Time
	FileName    string
	SHA256      string
	ImportedBy  string
	Census      time.Time
	Rows        int
	FTE         float64
	ARRSFTE     float64
	Started     int
	Ended       int
	Unchanged   int
	PCNsCreated int
	Scope       []string // the ICBs an ICB lead's upload was limited to; nil when national
	// Moved are the PCNs the census placed in another sub-ICB location or ICB than the
	// structure in force on its day: each has a new membership from the census day.
	Moved []workforce.PCNMove
}

// ErrOlderCensus refuses a snapshot older than one already imported: reconciling it
// would end the records of people who are in post today.
var ErrOlderCensus = errors.New("older census")

// ErrNotLatestCensus refuses an ICB lead's upload of any census but the latest national
// one: a lead corrects their ICBs' records of that month and cannot move England's
// as-of date, nor hold back another ICB's or the next national import.
var ErrNotLatestCensus = errors.New("not the latest national census")

// ErrOutOfScope refuses a scoped import with a record of a PCN that is not a known PCN
// of its ICBs. Package ingest names the row first; this is the store's own guard.
var ErrOutOfScope = errors.New("outside the import's ICBs")

// ErrAlreadyImported reports that this very file was imported before; nothing changed.
var ErrAlreadyImported = errors.New("already imported")

// nwrsSources are the data sources an NWRS snapshot reconciles; manual records are
// never ended by an import.
var nwrsSources = []string{workforce.SourceNWRSStaff, workforce.SourceNWRSContracted}

// ImportNWRS reconciles a snapshot in one transaction (PLANNING.md, "Staff in post"):
// a record present in the file is in post on the census date (new ones start on it, and
// one whose FTE changed is ended and restarted with the new FTE, keeping its history);
// an open NWRS record absent from the file ends on the census date. The comparison is
// workforce.Reconcile; the writes are one UPDATE and one COPY. The import is audited
// (nwrsImportAudit) in the same transaction.
//
// A refusal (ErrAlreadyImported, ErrOlderCensus, ErrNotLatestCensus, ErrOutOfScope)
// comes back as it is, unprefixed: its message is for the person who uploaded the file,
// and the pages show it as written.
func (db *DB) ImportNWRS(ctx context.Context, in NWRSImport) (log ImportLog, err error) {
	defer func() {
		if !importRefused(err) {
			wrap(&err, "import NWRS file %s (census %s)", in.FileName, in.Census.Format(time.DateOnly))
		}
	}()
	err = db.InTx(ctx, func(tx *DB) error {
		var err error
		log, err = tx.reconcileNWRS(ctx, in, nil)
		return err
	})
	return log, err
}

// importRefused reports whether err is the store refusing a file for what it holds.
func importRefused(err error) bool {
	for _, r := range []error{ErrAlreadyImported, ErrOlderCensus, ErrNotLatestCensus, ErrOutOfScope, ErrBrokenHierarchy} {
		if errors.Is(err, r) {
			return true
		}
	}
	return false
}

// nwrsImportAudit is the audit entry of an import: the file, its census and rows, and
// what reconciling it did; an ICB lead's upload names its ICB.
func nwrsImportAudit(in NWRSImport, log ImportLog) AuditEntry {
	e := in.By.Entry("nwrs.import", "nwrs_import", strconv.FormatInt(log.ID, 10))
	if len(in.Scope) == 1 {
		e.ICB = in.Scope[0]
	}
	e.After = map[string]any{"file": in.FileName, "census": log.Census.Format(time.DateOnly), "rows": log.Rows, "fte": log.FTE,
		"started": log.Started, "ended": log.Ended, "unchanged": log.Unchanged, "pcns_created": log.PCNsCreated, "scope": in.Scope}
	return e
}

// checkCensus serialises imports and refuses a census out of date order
// (PLANNING.md, "Importing a census"): a national file older than the latest national
// census, a scoped one of any month but that census, or the file the latest import
// touching the same records already loaded (an earlier file may be loaded again: that
// is how a mistaken import is put right). Only national imports and scoped ones sharing
// an ICB count as touching the same records, so no ICB's upload holds back another's.
func (db *DB) checkCensus(ctx context.Context, in NWRSImport) error {
	if _, err := db.q.Exec(ctx, `LOCK TABLE nwrs_imports IN EXCLUSIVE MODE`); err != nil {
		return fmt.Errorf("locking the import log: %w", err)
	}
	var latest *time.Time
	var same bool
	err := db.q.QueryRow(ctx, `
		SELECT (SELECT max(census_date) FROM nwrs_imports WHERE scope IS NULL),
		       coalesce((SELECT sha256 = $1 AND census_date = $2 FROM nwrs_imports
		                 WHERE scope IS NULL OR $3::text[] IS NULL OR scope && $3
		                 ORDER BY id DESC LIMIT 1), false)`,
		in.SHA256, in.Census, in.Scope).Scan(&latest, &same)
	if err != nil {
		return fmt.Errorf("latest census: %w", err)
	}
	if same {
		return fmt.Errorf("%w: this file (census %s) was imported before; nothing changed", ErrAlreadyImported, in.Census.Format("2006-01"))
	}
	if in.Scope != nil {
		return correctsLatest(in.Census, latest)
	}
	if latest != nil && in.Census.Before(*latest) {
		return fmt.Errorf("%w: census %s is before the latest imported census %s", ErrOlderCensus,
			in.Census.Format("2006-01"), latest.Format("2006-01"))
	}
	return nil
}

// correctsLatest accepts a scoped import's census only when it is the latest national one.
func correctsLatest(census time.Time, latest *time.Time) error {
	if latest == nil {
		return fmt.Errorf("%w: none has been imported yet, and an ICB lead's upload only corrects it", ErrNotLatestCensus)
	}
	if !census.Equal(*latest) {
		return fmt.Errorf("%w (%s): an ICB lead's upload corrects only that month, and this file's census is %s", ErrNotLatestCensus,
			latest.Format("January 2006"), census.Format("January 2006"))
	}
	return nil
}

// placeOrgs makes sure every PCN the file names has its place in the hierarchy on the
// census day. A national file is the authority for its day (PLANNING.md,
// "Organisations over time"): it creates the areas the planner does not know, from the
// file's own columns, and a PCN (or sub-ICB location) it places differently from the
// structure in force gets a new membership from the census day. A scoped file creates
// and moves nothing, and its records must all be of known PCNs of its ICBs.
func (db *DB) placeOrgs(ctx context.Context, in NWRSImport) (int, []workforce.PCNMove, error) {
	if in.Scope == nil {
		return db.ensureOrgs(ctx, in.Census, in.Orgs)
	}
	codes := make([]string, len(in.Records))
	for i, r := range in.Records {
		codes[i] = r.PCNCode
	}
	var stray string
	err := db.q.QueryRow(ctx, `
		SELECT c FROM unnest($1::text[]) AS u(c)
		WHERE NOT EXISTS (SELECT 1 FROM pcn_spans s WHERE s.pcn_code = u.c AND s.icb_code = ANY($2)
		                  AND s.valid_from <= $3 AND (s.valid_to IS NULL OR $3 < s.valid_to))
		ORDER BY c LIMIT 1`, codes, in.Scope, in.Census).Scan(&stray)
	switch {
	case errors.Is(err, pgx.ErrNoRows):
		return 0, nil, nil
	case err != nil:
		return 0, nil, fmt.Errorf("PCNs of a scoped import: %w", err)
	}
	return 0, nil, fmt.Errorf("%w: PCN %s is not a known PCN of ICB %s", ErrOutOfScope, stray, strings.Join(in.Scope, ", "))
}

// ensureOrgs creates the regions, ICBs, sub-ICBs and PCNs a national file names that
// the planner does not know, from the file's own columns (an ICB or sub-ICB location
// first named by a census exists from its day), then moves those the file places
// differently, and checks the hierarchy.
func (db *DB) ensureOrgs(ctx context.Context, census time.Time, orgs []workforce.OrgPath) (int, []workforce.PCNMove, error) {
	var c orgColumns
	for _, o := range orgs {
		c.add(o)
	}
	_, err := db.q.Exec(ctx, `
		WITH r AS (
			INSERT INTO regions (code, name) SELECT DISTINCT ON (code) code, name
			FROM unnest($1::text[], $2::text[]) AS u(code, name) ORDER BY code ON CONFLICT DO NOTHING)
		INSERT INTO icbs (code, name, region_code, opened) SELECT DISTINCT ON (code) code, name, region, $5::date
		FROM unnest($3::text[], $4::text[], $1::text[]) AS u(code, name, region) ORDER BY code ON CONFLICT DO NOTHING`,
		c.region, c.regionName, c.icb, c.icbName, census)
	if err != nil {
		return 0, nil, fmt.Errorf("creating areas named by the file: %w", err)
	}
	_, err = db.q.Exec(ctx, `
		INSERT INTO sub_icbs (code, name) SELECT DISTINCT ON (code) code, name
		FROM unnest($1::text[], $2::text[]) AS u(code, name) WHERE code <> '' ORDER BY code
		ON CONFLICT DO NOTHING`, c.sub, c.subName)
	if err != nil {
		return 0, nil, fmt.Errorf("creating sub-ICB locations named by the file: %w", err)
	}
	tag, err := db.q.Exec(ctx, `
		INSERT INTO pcns (code, name, origin)
		SELECT code, name, 'nwrs' FROM unnest($1::text[], $2::text[]) AS u(code, name)
		ON CONFLICT DO NOTHING`, c.pcn, c.pcnName)
	if err != nil {
		return 0, nil, fmt.Errorf("creating PCNs named by the file: %w", err)
	}
	moved, err := db.moveToCensus(ctx, census, orgs)
	if err != nil {
		return 0, nil, err
	}
	return int(tag.RowsAffected()), moved, db.checkOrgs(ctx)
}

// moveToCensus gives the sub-ICB locations and PCNs the census places differently from
// the structure in force on its day (or not at all) their place from that day.
func (db *DB) moveToCensus(ctx context.Context, census time.Time, orgs []workforce.OrgPath) ([]workforce.PCNMove, error) {
	tree, err := db.TreeOn(ctx, census)
	if err != nil {
		return nil, err
	}
	subICB, err := db.subICBsOn(ctx, census)
	if err != nil {
		return nil, err
	}
	moves, subs := workforce.CensusMoves(tree, subICB, orgs)
	var subPlaces, pcnPlaces []place
	for _, s := range subs {
		subPlaces = append(subPlaces, place{key: s.Code, values: []string{s.ICBCode}})
	}
	for _, m := range moves {
		pcnPlaces = append(pcnPlaces, place{key: m.PCNCode, values: []string{m.ToSubICB, m.ToICB}})
	}
	if _, err := db.placeSubICBs(ctx, census, "nwrs", subPlaces); err != nil {
		return nil, err
	}
	if _, err := db.placeFrom(ctx, pcnSpans, census, "nwrs", pcnPlaces); err != nil {
		return nil, err
	}
	return moves, nil
}

// subICBsOn maps each sub-ICB location with an ICB on day d to that ICB.
func (db *DB) subICBsOn(ctx context.Context, d time.Time) (map[string]string, error) {
	rows, err := db.q.Query(ctx, `
		SELECT sub_icb_code, icb_code FROM sub_icb_spans WHERE valid_from <= $1 AND (valid_to IS NULL OR $1 < valid_to)`, d)
	if err != nil {
		return nil, fmt.Errorf("sub-ICB locations on %s: %w", d.Format(time.DateOnly), err)
	}
	out := map[string]string{}
	var sub, icb string
	_, err = pgx.ForEachRow(rows, []any{&sub, &icb}, func() error {
		out[sub] = icb
		return nil
	})
	return out, err
}

// orgColumns holds OrgPaths column by column, for unnest.
type orgColumns struct {
	region, regionName, icb, icbName, sub, subName, pcn, pcnName []string
}

func (c *orgColumns) add(o workforce.OrgPath) {
	c.region, c.regionName = append(c.region, o.Region.Code), append(c.regionName, o.Region.Name)
	c.icb, c.icbName = append(c.icb, o.ICB.Code), append(c.icbName, o.ICB.Name)
	c.sub, c.subName = append(c.sub, o.SubICB.Code), append(c.subName, o.SubICB.Name)
	c.pcn, c.pcnName = append(c.pcn, o.PCN.Code), append(c.pcnName, o.PCN.Name)
}

// reconciled is the PCNs whose open records the import compares with the file, and
// may end: nil (every PCN) for a national file; for an ICB lead's correction, only the
// PCNs it carries, so that a partial file cannot wipe the rest of an ICB.
func (in NWRSImport) reconciled() []string {
	if in.Scope == nil {
		return nil
	}
	pcns := make([]string, 0, len(in.Orgs))
	for _, o := range in.Orgs {
		pcns = append(pcns, o.PCN.Code)
	}
	return pcns
}

// localDetails are what a PCN records of an NWRS record that NWRS does not carry.
// When an import restarts a record (its FTE changed), the new one keeps them: its
// funding too (stream, claiming practice, approved role; NULL stays NULL, "as the role
// says"), as far as the new record's role allows it (funding).
type localDetails struct {
	band, employer  string
	costPence       *int64
	employmentModel *string
	stream          *string
	practice        *string
	approvedRole    *int64
}

// funding is the stream, practice and approved role a restarted record in role keeps
// ("" outside ARRS): all three, unless the role changed so that the database would
// refuse them (a practice-scheme GP no longer a GP, an approval on an ARRS role), when
// the record goes back to "as the role says".
func (d localDetails) funding(role string) (stream, practice *string, approved *int64) {
	s := workforce.Staff{RoleCode: role}
	if d.stream != nil {
		s.Stream = workforce.Stream(*d.stream)
	}
	if d.approvedRole != nil {
		s.ApprovedRole = *d.approvedRole
	}
	if (s.ApprovedRole != 0 && role != "") || (s.Stream != "" && !workforce.StreamAllowed(s.Stream, role, s.ApprovedRole)) {
		return nil, nil, nil
	}
	return d.stream, d.practice, d.approvedRole
}

// openNWRS lists the open NWRS records of pcns (nil: every PCN) with what
// reconciliation compares, and the local details of each, by snapshot key.
func (db *DB) openNWRS(ctx context.Context, pcns []string) ([]workforce.Staff, map[workforce.SnapshotKey]localDetails, error) {
	rows, err := db.q.Query(ctx, `
		SELECT id, pcn_code, source, unique_identifier, staff_role, detailed_role, fte::float8,
		       band, employer, annual_cost_pence, employment_model, funding_stream, practice_code, approved_role_id
		FROM staff WHERE end_date IS NULL AND source = ANY($1)
		  AND ($2::text[] IS NULL OR pcn_code = ANY($2))`, nwrsSources, pcns)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	var open []workforce.Staff
	local := map[workforce.SnapshotKey]localDetails{}
	for rows.Next() {
		var s workforce.Staff
		var d localDetails
		if err := rows.Scan(&s.ID, &s.PCNCode, &s.Source, &s.UniqueIdentifier, &s.StaffRole, &s.DetailedRole, &s.FTE,
			&d.band, &d.employer, &d.costPence, &d.employmentModel, &d.stream, &d.practice, &d.approvedRole); err != nil {
			return nil, nil, err
		}
		open = append(open, s)
		if d != (localDetails{}) {
			local[workforce.KeyOf(s)] = d
		}
	}
	return open, local, rows.Err()
}

// applySnapshot logs the import, ends the leavers and bulk-loads the starters.
func (db *DB) applySnapshot(ctx context.Context, in NWRSImport, pcnsCreated int, rec workforce.Reconciliation, local map[workforce.SnapshotKey]localDetails) (ImportLog, error) {
	log := ImportLog{FileName: in.FileName, SHA256: in.SHA256, ImportedBy: in.By.Name, Census: in.Census,
		Rows: in.Rows, FTE: in.FTE, ARRSFTE: in.ARRSFTE, PCNsCreated: pcnsCreated,
		Started: len(rec.Starters), Ended: len(rec.Ended), Unchanged: rec.Unchanged, Scope: in.Scope}
	err := db.q.QueryRow(ctx, `
		INSERT INTO nwrs_imports (file_name, sha256, imported_by, census_date, rows, fte, arrs_fte, started, ended, unchanged, pcns_created, scope)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id, imported_at`,
		in.FileName, in.SHA256, in.By.Name, in.Census, in.Rows, in.FTE, in.ARRSFTE,
		log.Started, log.Ended, log.Unchanged, pcnsCreated, in.Scope).Scan(&log.ID, &log.ImportedAt)
	if err != nil {
		return log, err
	}
	if len(rec.Ended) > 0 {
		if _, err := db.q.Exec(ctx, `UPDATE staff SET end_date = $1 WHERE id = ANY($2)`, in.Census, rec.Ended); err != nil {
			return log, fmt.Errorf("ending leavers: %w", err)
		}
	}
	err = db.copyStarters(ctx, in.Census, log.ID, rec.Starters, local)
	if err != nil {
		return log, fmt.Errorf("adding starters: %w", err)
	}
	return log, nil
}

// Imports lists the whole import log, newest first (an admin's view).
func (db *DB) Imports(ctx context.Context) (_ []ImportLog, err error) {
	defer wrap(&err, "import log")
	return db.importLog(ctx, `TRUE`)
}

// ImportsFor lists, newest first, the national imports and the ICB leads' uploads that
// touched any of icbs: the part of the log someone leading icbs (or none) may read.
func (db *DB) ImportsFor(ctx context.Context, icbs []string) (_ []ImportLog, err error) {
	defer wrap(&err, "import log of ICBs %v", icbs)
	return db.importLog(ctx, `scope IS NULL OR scope && $1::text[]`, icbs)
}

// importLog lists the import log rows matching where, newest first.
func (db *DB) importLog(ctx context.Context, where string, args ...any) ([]ImportLog, error) {
	rows, err := db.q.Query(ctx, `
		SELECT id, imported_at, file_name, sha256, imported_by, census_date, rows, fte::float8, arrs_fte::float8,
		       started, ended, unchanged, pcns_created, scope
		FROM nwrs_imports WHERE `+where+` ORDER BY imported_at DESC, id DESC`, args...)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (ImportLog, error) {
		var l ImportLog
		err := r.Scan(&l.ID, &l.ImportedAt, &l.FileName, &l.SHA256, &l.ImportedBy, &l.Census, &l.Rows, &l.FTE, &l.ARRSFTE,
			&l.Started, &l.Ended, &l.Unchanged, &l.PCNsCreated, &l.Scope)
		return l, err
	})
}

// LatestCensus is the census date of the newest national import, England's as-of date
// (PLANNING.md, "Projection"): an ICB lead's correction never moves it. ErrNotFound
// before any national import.
func (db *DB) LatestCensus(ctx context.Context) (_ time.Time, err error) {
	defer wrap(&err, "latest national census")
	var d *time.Time
	if err := db.q.QueryRow(ctx, `SELECT max(census_date) FROM nwrs_imports WHERE scope IS NULL`).Scan(&d); err != nil {
		return time.Time{}, err
	}
	if d == nil {
		return time.Time{}, ErrNotFound
	}
	return *d, nil
}

// FirstCensus is the census date of the oldest national import, the data start: staff
// records do not describe the days before it (PLANNING.md, "Known and unknown").
// ErrNotFound before any national import.
func (db *DB) FirstCensus(ctx context.Context) (_ time.Time, err error) {
	defer wrap(&err, "first national census")
	var d *time.Time
	if err := db.q.QueryRow(ctx, `SELECT min(census_date) FROM nwrs_imports WHERE scope IS NULL`).Scan(&d); err != nil {
		return time.Time{}, err
	}
	if d == nil {
		return time.Time{}, ErrNotFound
	}
	return *d, nil
}

// NoReturn is the PCNs that made no return for the national census of date census
// (PLANNING.md, "No return"): PCNs with no NWRS record in post on that day, which an
// import leaves exactly when the file had no row of the PCN (a record absent from the
// file ends on the census date). Records a PCN entered itself are not a return. With no
// national import of that census there is nothing to say, and the set is empty.
func (db *DB) NoReturn(ctx context.Context, census time.Time) (map[string]bool, error) {
	return db.NoReturnOf(ctx, nil, census)
}

// NoReturnOf is NoReturn among the PCNs named (nil: all). In post is open or ended
// after the census, asked as two questions so that each is a range of the index on
// (pcn_code, end_date) and a PCN's ended history is never read (one question with an
// OR read every record of every PCN: 86,000 buffers at 60 censuses against 5,000).
func (db *DB) NoReturnOf(ctx context.Context, pcns []string, census time.Time) (_ map[string]bool, err error) {
	defer wrap(&err, "PCNs of %d (0: all) with no return for census %s", len(pcns), census.Format(time.DateOnly))
	in := "true"
	if pcns != nil {
		in = "p.code = ANY($3)"
	}
	rows, err := db.q.Query(ctx, `
		SELECT p.code FROM pcns p
		WHERE `+in+` AND EXISTS (SELECT 1 FROM nwrs_imports WHERE scope IS NULL AND census_date = $1)
		  AND NOT EXISTS (SELECT 1 FROM staff s WHERE s.pcn_code = p.code AND s.end_date IS NULL
		                  AND s.source = ANY($2) AND s.start_date <= $1)
		  AND NOT EXISTS (SELECT 1 FROM staff s WHERE s.pcn_code = p.code AND s.end_date > $1
		                  AND s.source = ANY($2) AND s.start_date <= $1)`, pcnsArgs(pcns, census, nwrsSources)...)
	if err != nil {
		return nil, err
	}
	codes, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, err
	}
	set := make(map[string]bool, len(codes))
	for _, c := range codes {
		set[c] = true
	}
	return set, nil
}

// NWRSRoleMap returns the STAFF_ROLE → ARRS role code mapping of the catalogue.
func (db *DB) NWRSRoleMap(ctx context.Context) (_ map[string]string, err error) {
	defer wrap(&err, "NWRS role map")
	rows, err := db.q.Query(ctx, `SELECT staff_role, role_code FROM nwrs_role_map`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	m := map[string]string{}
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return nil, err
		}
		m[k] = v
	}
	return m, rows.Err()
}
