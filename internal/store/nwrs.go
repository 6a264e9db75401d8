package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// NWRSImport is a checked NWRS snapshot with what the import log records of it.
type NWRSImport struct {
	FileName   string
	SHA256     string
	ImportedBy string
	Census     time.Time
	Rows       int
	FTE        float64
	ARRSFTE    float64
	Records    []workforce.Staff // keyed and summed by the reader; Start = Census
	Orgs       []workforce.OrgPath
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
}

// ErrOlderCensus refuses a snapshot older than one already imported: reconciling it
// would end the records of people who are in post today.
var ErrOlderCensus = errors.New("older census")

// ErrAlreadyImported reports that this very file was imported before; nothing changed.
var ErrAlreadyImported = errors.New("already imported")

// nwrsSources are the data sources an NWRS snapshot reconciles; manual records are
// never ended by an import.
var nwrsSources = []string{workforce.SourceNWRSStaff, workforce.SourceNWRSContracted}

// ImportNWRS reconciles a snapshot in one transaction (PLANNING.md, "Staff in post"):
// a record present in the file is in post on the census date (new ones start on it, and
// one whose FTE changed is ended and restarted with the new FTE, keeping its history);
// an open NWRS record absent from the file ends on the census date.
func (db *DB) ImportNWRS(ctx context.Context, in NWRSImport) (ImportLog, error) {
	var log ImportLog
	err := db.InTx(ctx, func(tx *DB) error {
		if err := tx.checkCensus(ctx, in); err != nil {
			return err
		}
		created, err := tx.ensureOrgs(ctx, in.Orgs)
		if err != nil {
			return err
		}
		if err := tx.copySnapshot(ctx, in.Records); err != nil {
			return err
		}
		log, err = tx.reconcile(ctx, in, created)
		return err
	})
	return log, err
}

// checkCensus serialises imports and refuses an older census or the same file twice.
func (db *DB) checkCensus(ctx context.Context, in NWRSImport) error {
	if _, err := db.q.Exec(ctx, `LOCK TABLE nwrs_imports IN EXCLUSIVE MODE`); err != nil {
		return err
	}
	var latest *time.Time
	var same bool
	err := db.q.QueryRow(ctx, `
		SELECT max(census_date), coalesce(bool_or(sha256 = $1 AND census_date = $2), false)
		FROM nwrs_imports`, in.SHA256, in.Census).Scan(&latest, &same)
	if err != nil {
		return err
	}
	if same {
		return fmt.Errorf("%w: this file (census %s) was imported before; nothing changed", ErrAlreadyImported, in.Census.Format("2006-01"))
	}
	if latest != nil && in.Census.Before(*latest) {
		return fmt.Errorf("%w: census %s is before the latest imported census %s", ErrOlderCensus,
			in.Census.Format("2006-01"), latest.Format("2006-01"))
	}
	return nil
}

// ensureOrgs creates the regions, ICBs, sub-ICBs and PCNs a file names that the
// reference data does not know, from the file's own columns. Known ones are left alone.
func (db *DB) ensureOrgs(ctx context.Context, orgs []workforce.OrgPath) (int, error) {
	created := 0
	for _, o := range orgs {
		tag, err := db.q.Exec(ctx, `
			WITH r AS (INSERT INTO regions (code, name) VALUES ($1, $2) ON CONFLICT DO NOTHING),
			     i AS (INSERT INTO icbs (code, name, region_code) VALUES ($3, $4, $1) ON CONFLICT DO NOTHING),
			     s AS (INSERT INTO sub_icbs (code, name, icb_code) SELECT $5, $6, $3 WHERE $5 <> '' ON CONFLICT DO NOTHING)
			INSERT INTO pcns (code, name, sub_icb_code, icb_code, origin)
			VALUES ($7, $8, nullif($5, ''), $3, 'nwrs') ON CONFLICT DO NOTHING`,
			o.Region.Code, o.Region.Name, o.ICB.Code, o.ICB.Name, o.SubICB.Code, o.SubICB.Name, o.PCN.Code, o.PCN.Name)
		if err != nil {
			return 0, fmt.Errorf("creating PCN %s from the file: %w", o.PCN.Code, err)
		}
		created += int(tag.RowsAffected())
	}
	return created, nil
}

// copySnapshot bulk-loads the snapshot into a temporary table dropped at commit.
func (db *DB) copySnapshot(ctx context.Context, recs []workforce.Staff) error {
	_, err := db.q.Exec(ctx, `
		CREATE TEMP TABLE nwrs_snapshot (
			pcn_code text, role_code text, staff_group text, staff_role text, detailed_role text,
			source text, unique_identifier text, source_rows int, fte numeric(12, 6)
		) ON COMMIT DROP`)
	if err != nil {
		return err
	}
	cols := []string{"pcn_code", "role_code", "staff_group", "staff_role", "detailed_role", "source", "unique_identifier", "source_rows", "fte"}
	_, err = db.q.CopyFrom(ctx, pgx.Identifier{"nwrs_snapshot"}, cols, pgx.CopyFromSlice(len(recs), func(i int) ([]any, error) {
		r := recs[i]
		var role *string
		if r.RoleCode != "" {
			role = &r.RoleCode
		}
		return []any{r.PCNCode, role, r.StaffGroup, r.StaffRole, r.DetailedRole, r.Source, r.UniqueIdentifier, int32(r.SourceRows), r.FTE}, nil
	}))
	if err != nil {
		return fmt.Errorf("bulk load: %w", err)
	}
	_, err = db.q.Exec(ctx, `CREATE INDEX ON nwrs_snapshot (pcn_code, source, unique_identifier, staff_role, detailed_role); ANALYZE nwrs_snapshot`)
	return err
}

// reconcile ends, keeps and starts records against the loaded snapshot, then logs.
func (db *DB) reconcile(ctx context.Context, in NWRSImport, pcnsCreated int) (ImportLog, error) {
	log := ImportLog{FileName: in.FileName, SHA256: in.SHA256, ImportedBy: in.ImportedBy, Census: in.Census,
		Rows: in.Rows, FTE: in.FTE, ARRSFTE: in.ARRSFTE, PCNsCreated: pcnsCreated}
	err := db.q.QueryRow(ctx, `
		INSERT INTO nwrs_imports (file_name, sha256, imported_by, census_date, rows, fte, arrs_fte, started, ended, unchanged, pcns_created)
		VALUES ($1, $2, $3, $4, $5, $6, $7, 0, 0, 0, $8) RETURNING id, imported_at`,
		in.FileName, in.SHA256, in.ImportedBy, in.Census, in.Rows, in.FTE, in.ARRSFTE, pcnsCreated).Scan(&log.ID, &log.ImportedAt)
	if err != nil {
		return log, err
	}
	// Open NWRS records matching a snapshot row with the same FTE stay as they are.
	// Every other open NWRS record (absent, or present with another FTE) ends today.
	err = db.q.QueryRow(ctx, `
		WITH ended AS (
			UPDATE staff s SET end_date = $1
			WHERE s.end_date IS NULL AND s.source = ANY($2) AND s.start_date <= $1
			  AND NOT EXISTS (
				SELECT 1 FROM nwrs_snapshot n
				WHERE n.pcn_code = s.pcn_code AND n.source = s.source AND n.unique_identifier = s.unique_identifier
				  AND n.staff_role = s.staff_role AND n.detailed_role = s.detailed_role AND n.fte = s.fte)
			RETURNING 1)
		SELECT count(*) FROM ended`, in.Census, nwrsSources).Scan(&log.Ended)
	if err != nil {
		return log, fmt.Errorf("ending leavers: %w", err)
	}
	tag, err := db.q.Exec(ctx, `
		INSERT INTO staff (pcn_code, role_code, staff_group, staff_role, detailed_role, source, unique_identifier, source_rows, fte, start_date, import_id)
		SELECT n.pcn_code, n.role_code, n.staff_group, n.staff_role, n.detailed_role, n.source, n.unique_identifier, n.source_rows, n.fte, $1, $2
		FROM nwrs_snapshot n
		WHERE NOT EXISTS (
			SELECT 1 FROM staff s
			WHERE s.end_date IS NULL AND s.pcn_code = n.pcn_code AND s.source = n.source
			  AND s.unique_identifier = n.unique_identifier AND s.staff_role = n.staff_role
			  AND s.detailed_role = n.detailed_role)`, in.Census, log.ID)
	if err != nil {
		return log, fmt.Errorf("adding starters: %w", err)
	}
	log.Started = int(tag.RowsAffected())
	log.Unchanged = len(in.Records) - log.Started
	_, err = db.q.Exec(ctx, `UPDATE nwrs_imports SET started = $2, ended = $3, unchanged = $4 WHERE id = $1`,
		log.ID, log.Started, log.Ended, log.Unchanged)
	return log, err
}

// Imports lists the import log, newest first.
func (db *DB) Imports(ctx context.Context) ([]ImportLog, error) {
	rows, err := db.q.Query(ctx, `
		SELECT id, imported_at, file_name, sha256, imported_by, census_date, rows, fte::float8, arrs_fte::float8,
		       started, ended, unchanged, pcns_created
		FROM nwrs_imports ORDER BY imported_at DESC, id DESC`)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (ImportLog, error) {
		var l ImportLog
		err := r.Scan(&l.ID, &l.ImportedAt, &l.FileName, &l.SHA256, &l.ImportedBy, &l.Census, &l.Rows, &l.FTE, &l.ARRSFTE,
			&l.Started, &l.Ended, &l.Unchanged, &l.PCNsCreated)
		return l, err
	})
}

// LatestCensus is the census date of the newest import, or ErrNotFound before any.
func (db *DB) LatestCensus(ctx context.Context) (time.Time, error) {
	var d *time.Time
	if err := db.q.QueryRow(ctx, `SELECT max(census_date) FROM nwrs_imports`).Scan(&d); err != nil {
		return time.Time{}, err
	}
	if d == nil {
		return time.Time{}, ErrNotFound
	}
	return *d, nil
}

// NWRSRoleMap returns the STAFF_ROLE → ARRS role code mapping of the catalogue.
func (db *DB) NWRSRoleMap(ctx context.Context) (map[string]string, error) {
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
