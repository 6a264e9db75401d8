package store

import (
	"context"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// staffStreamSQL is the stream of a staff row aliased s, resolved as the role says when
// none is recorded (workforce.DefaultStream): every read of a record returns it
// resolved, so the pages, the audit and the funding see one stream.
const staffStreamSQL = `coalesce(s.funding_stream,
	CASE WHEN s.role_code IS NOT NULL OR s.approved_role_id IS NOT NULL THEN 'arrs' ELSE 'other' END)`

// staffRecordColumns reads a workforce.StaffRecord from a staff row aliased s and the
// nwrs_imports row that started it, aliased i, its stream resolved (staffStreamSQL).
const staffRecordColumns = `
	s.id, s.pcn_code, coalesce(s.role_code, ''), s.staff_group, s.staff_role, s.detailed_role, s.source,
	s.unique_identifier, s.source_rows, s.fte::float8, s.start_date, s.end_date,
	s.band, coalesce(s.annual_cost_pence, 0), coalesce(s.employment_model, ''), s.employer,
	` + staffStreamSQL + `, coalesce(s.practice_code, ''), coalesce(s.approved_role_id, 0),
	s.version, coalesce(s.updated_at, s.created_at), s.updated_by, i.census_date`

func scanStaffRecord(r pgx.CollectableRow) (workforce.StaffRecord, error) {
	var x workforce.StaffRecord
	var end, census *time.Time
	err := r.Scan(&x.ID, &x.PCNCode, &x.RoleCode, &x.StaffGroup, &x.StaffRole, &x.DetailedRole, &x.Source,
		&x.UniqueIdentifier, &x.SourceRows, &x.FTE, &x.Start, &end,
		&x.Band, &x.AnnualCostPence, &x.EmploymentModel, &x.Employer,
		&x.Stream, &x.PracticeCode, &x.ApprovedRole, &x.Version, &x.UpdatedAt, &x.UpdatedBy, &census)
	if end != nil {
		x.End = *end
	}
	if census != nil {
		x.Census = *census
	}
	return x, err
}

func (db *DB) staffRecords(ctx context.Context, where string, args ...any) ([]workforce.StaffRecord, error) {
	rows, err := db.q.Query(ctx, `SELECT `+staffRecordColumns+`
		FROM staff s LEFT JOIN nwrs_imports i ON i.id = s.import_id
		WHERE `+where+`
		ORDER BY s.staff_role, s.detailed_role, s.source, s.unique_identifier, s.start_date, s.id`, args...)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, scanStaffRecord)
}

// StaffRecord returns one record of a PCN, or ErrNotFound (also when the record is
// another PCN's: every read is scoped by the PCN the user may see).
func (db *DB) StaffRecord(ctx context.Context, pcn string, id int64) (_ workforce.StaffRecord, err error) {
	defer wrap(&err, "staff record %d of %s", id, pcn)
	return db.staffRecord(ctx, pcn, id)
}

func (db *DB) staffRecord(ctx context.Context, pcn string, id int64) (workforce.StaffRecord, error) {
	recs, err := db.staffRecords(ctx, `s.id = $1 AND s.pcn_code = $2`, id, pcn)
	if err != nil {
		return workforce.StaffRecord{}, err
	}
	if len(recs) == 0 {
		return workforce.StaffRecord{}, ErrNotFound
	}
	return recs[0], nil
}

// StaffRecordsInPost lists a PCN's records in post on day d (start ≤ d and (no end or
// d < end)), by role then source.
func (db *DB) StaffRecordsInPost(ctx context.Context, pcn string, d time.Time) (_ []workforce.StaffRecord, err error) {
	defer wrap(&err, "staff records of %s in post on %s", pcn, d.Format(time.DateOnly))
	return db.staffRecords(ctx, `s.pcn_code = $1 AND s.start_date <= $2 AND (s.end_date IS NULL OR $2 < s.end_date)`, pcn, d)
}

// StaffStartingAfter lists a PCN's records that start after day d: people recruited
// since the data's date, who are not yet in post on it.
func (db *DB) StaffStartingAfter(ctx context.Context, pcn string, d time.Time) (_ []workforce.StaffRecord, err error) {
	defer wrap(&err, "staff of %s starting after %s", pcn, d.Format(time.DateOnly))
	return db.staffRecords(ctx, `s.pcn_code = $1 AND s.start_date > $2`, pcn, d)
}

// ARRSFundedFTEOn sums the FTE of a PCN's records in an ARRS role claimed from the
// ARRS (stream arrs, recorded or as the role says) in post on day d, leaving out
// exceptID (the record being saved), for the caps on numbers some roles had (one
// digital and transformation lead per PCN).
func (db *DB) ARRSFundedFTEOn(ctx context.Context, pcn, role string, d time.Time, exceptID int64) (fte float64, err error) {
	defer wrap(&err, "ARRS-funded FTE of %s in %s on %s", pcn, role, d.Format(time.DateOnly))
	err = db.q.QueryRow(ctx, `
		SELECT coalesce(sum(fte), 0)::float8 FROM staff
		WHERE pcn_code = $1 AND role_code = $2 AND id <> $3 AND coalesce(funding_stream, 'arrs') = 'arrs'
		  AND start_date <= $4 AND (end_date IS NULL OR $4 < end_date)`, pcn, role, exceptID, d).Scan(&fte)
	return fte, err
}

// CreateStaff adds a record entered by hand (source "manual") and its audit entry, in
// one transaction, and returns it as stored.
func (db *DB) CreateStaff(ctx context.Context, rec workforce.StaffRecord, by Actor) (saved workforce.StaffRecord, err error) {
	defer wrap(&err, "create staff record of %s", rec.PCNCode)
	err = db.InTx(ctx, func(tx *DB) error {
		if err := tx.checkApproval(ctx, rec.Staff); err != nil {
			return err
		}
		var id int64
		err := tx.q.QueryRow(ctx, `
			INSERT INTO staff (pcn_code, role_code, staff_role, source, fte, start_date, end_date, band,
				annual_cost_pence, employment_model, employer, funding_stream, practice_code, approved_role_id,
				updated_at, updated_by)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, now(), $15) RETURNING id`,
			rec.PCNCode, nullIfEmpty(rec.RoleCode), rec.StaffRole, workforce.SourceManual, rec.FTE, rec.Start, dateOrNil(rec.End),
			rec.Band, costOrNil(rec.AnnualCostPence), nullIfEmpty(string(rec.EmploymentModel)), rec.Employer,
			storedStream(rec.Staff), nullIfEmpty(rec.PracticeCode), idOrNil(rec.ApprovedRole), by.Name).Scan(&id)
		if err != nil {
			return mapErr(err)
		}
		if saved, err = tx.staffRecord(ctx, rec.PCNCode, id); err != nil {
			return err
		}
		return tx.auditStaff(ctx, by, "staff.create", nil, &saved)
	})
	return saved, err
}

// UpdateStaff saves a record's details if nobody has saved it since version
// rec.Version (else ErrConflict), keeping the version it replaces in staff_history
// (migration 000006's trigger) and writing its audit entry, in one transaction. The
// role of an NWRS record is NWRS's: it stays as imported, whatever rec says, because
// the next import matches records on it.
func (db *DB) UpdateStaff(ctx context.Context, rec workforce.StaffRecord, by Actor) (saved workforce.StaffRecord, err error) {
	defer wrap(&err, "update staff record %d of %s", rec.ID, rec.PCNCode)
	err = db.InTx(ctx, func(tx *DB) error {
		before, err := tx.staffRecord(ctx, rec.PCNCode, rec.ID)
		if err != nil {
			return err
		}
		if err := tx.checkApproval(ctx, rec.Staff); err != nil {
			return err
		}
		tag, err := tx.q.Exec(ctx, `
			UPDATE staff SET
				role_code = CASE WHEN source = $3 THEN $4 ELSE role_code END,
				staff_role = CASE WHEN source = $3 THEN $5 ELSE staff_role END,
				fte = $6, start_date = $7, end_date = $8, band = $9, annual_cost_pence = $10,
				employment_model = $11, employer = $12,
				funding_stream = $13, practice_code = $14, approved_role_id = $15,
				version = version + 1, updated_at = now(), updated_by = $16
			WHERE id = $1 AND pcn_code = $2 AND version = $17`,
			rec.ID, rec.PCNCode, workforce.SourceManual, nullIfEmpty(rec.RoleCode), rec.StaffRole,
			rec.FTE, rec.Start, dateOrNil(rec.End), rec.Band, costOrNil(rec.AnnualCostPence),
			nullIfEmpty(string(rec.EmploymentModel)), rec.Employer,
			storedStream(rec.Staff), nullIfEmpty(rec.PracticeCode), idOrNil(rec.ApprovedRole), by.Name, rec.Version)
		if err != nil {
			return mapErr(err)
		}
		if tag.RowsAffected() == 0 {
			return ErrConflict
		}
		if saved, err = tx.staffRecord(ctx, rec.PCNCode, rec.ID); err != nil {
			return err
		}
		return tx.auditStaff(ctx, by, "staff.update", &before, &saved)
	})
	return saved, err
}

// EndStaff sets a record's end date (its first day out of post) if nobody has saved
// it since version, else ErrConflict; history and audit as UpdateStaff.
func (db *DB) EndStaff(ctx context.Context, pcn string, id int64, version int, end time.Time, by Actor) (saved workforce.StaffRecord, err error) {
	defer wrap(&err, "end staff record %d of %s", id, pcn)
	err = db.InTx(ctx, func(tx *DB) error {
		before, err := tx.staffRecord(ctx, pcn, id)
		if err != nil {
			return err
		}
		tag, err := tx.q.Exec(ctx, `
			UPDATE staff SET end_date = $4, version = version + 1, updated_at = now(), updated_by = $5
			WHERE id = $1 AND pcn_code = $2 AND version = $3`, id, pcn, version, end, by.Name)
		if err != nil {
			return mapErr(err)
		}
		if tag.RowsAffected() == 0 {
			return ErrConflict
		}
		if saved, err = tx.staffRecord(ctx, pcn, id); err != nil {
			return err
		}
		return tx.auditStaff(ctx, by, "staff.end", &before, &saved)
	})
	return saved, err
}

// StaffHistory returns the earlier versions of a PCN's record, newest first, each as
// it was (its UpdatedBy and UpdatedAt say who saved that version). The current version
// is StaffRecord. A version kept before migration 000018 holds arrs_funded, not a
// stream: false reads as other money, as the migration moved the live rows.
func (db *DB) StaffHistory(ctx context.Context, pcn string, id int64) (_ []workforce.StaffRecord, err error) {
	defer wrap(&err, "history of staff record %d of %s", id, pcn)
	rows, err := db.q.Query(ctx, `SELECT `+staffRecordColumns+`
		FROM staff_history h
		CROSS JOIN LATERAL jsonb_populate_record(NULL::staff, h.before || CASE
			WHEN NOT h.before ? 'arrs_funded' OR h.before ? 'funding_stream' THEN '{}'::jsonb
			ELSE jsonb_build_object('funding_stream',
				CASE (h.before->>'arrs_funded')::boolean WHEN true THEN 'arrs' WHEN false THEN 'other' END)
			END) s
		LEFT JOIN nwrs_imports i ON i.id = s.import_id
		WHERE h.staff_id = $1 AND s.pcn_code = $2
		ORDER BY h.version DESC`, id, pcn)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, scanStaffRecord)
}

// auditStaff writes the audit entry of a change to a record, with its PCN for
// filtering the trail.
func (db *DB) auditStaff(ctx context.Context, by Actor, action string, before, after *workforce.StaffRecord) error {
	rec := after
	if rec == nil {
		rec = before
	}
	e := by.Entry(action, "staff", strconv.FormatInt(rec.ID, 10))
	e.PCN = rec.PCNCode
	if before != nil {
		e.Before = staffAudit(*before)
	}
	if after != nil {
		e.After = staffAudit(*after)
	}
	return db.audit(ctx, e)
}

// staffAudit is what the audit trail records of a staff record.
func staffAudit(r workforce.StaffRecord) map[string]any {
	m := map[string]any{
		"source": r.Source, "role_code": r.RoleCode, "staff_role": r.StaffRole, "detailed_role": r.DetailedRole,
		"fte": r.FTE, "start_date": r.Start.Format(workforce.DateLayout), "end_date": nil,
		"band": r.Band, "annual_cost_pence": nil, "employment_model": string(r.EmploymentModel),
		"employer": r.Employer, "funding_stream": string(r.Stream), "practice_code": nil, "approved_role_id": nil,
		"version": r.Version,
	}
	if r.PracticeCode != "" {
		m["practice_code"] = r.PracticeCode
	}
	if r.ApprovedRole != 0 {
		m["approved_role_id"] = r.ApprovedRole
	}
	if !r.End.IsZero() {
		m["end_date"] = r.End.Format(workforce.DateLayout)
	}
	if r.AnnualCostPence != 0 {
		m["annual_cost_pence"] = r.AnnualCostPence
	}
	return m
}

func nullIfEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func dateOrNil(d time.Time) *time.Time {
	if d.IsZero() {
		return nil
	}
	return &d
}

func idOrNil(id int64) *int64 {
	if id == 0 {
		return nil
	}
	return &id
}

func costOrNil(pence workforce.Pence) *workforce.Pence {
	if pence == 0 {
		return nil
	}
	return &pence
}

// checkApproval refuses a record that names another PCN's approved role: a save
// scoped to one PCN never claims under another's approval. The form checks it first;
// this is the store's own guard, read in the transaction that writes.
func (db *DB) checkApproval(ctx context.Context, s workforce.Staff) error {
	if s.ApprovedRole == 0 {
		return nil
	}
	var ours bool
	err := db.q.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM approved_roles WHERE id = $1 AND pcn_code = $2)`,
		s.ApprovedRole, s.PCNCode).Scan(&ours)
	if err != nil {
		return err
	}
	if !ours {
		return workforce.Problems{{Field: "approved_role_id", Message: "Select one of the PCN's approved additional roles"}}
	}
	return nil
}

// StaffFundingOf is what a PCN's staff records may name for their funding: its member
// practices on day d, by name (a practice-scheme GP's claiming practice), and every
// role the ICB approved for it (ApprovedRolesOf).
func (db *DB) StaffFundingOf(ctx context.Context, pcn string, d time.Time) (practices []workforce.Practice, approved []workforce.ApprovedRole, err error) {
	defer wrap(&err, "staff funding choices of %s on %s", pcn, d.Format(time.DateOnly))
	rows, err := db.q.Query(ctx, `
		SELECT pr.code, pr.name, pr.postcode
		FROM practice_spans m JOIN practices pr ON pr.code = m.practice_code
		WHERE m.pcn_code = $1 AND m.valid_from <= $2 AND (m.valid_to IS NULL OR $2 < m.valid_to)
		ORDER BY pr.name, pr.code`, pcn, d)
	if err != nil {
		return nil, nil, err
	}
	if practices, err = pgx.CollectRows(rows, pgx.RowToStructByPos[workforce.Practice]); err != nil {
		return nil, nil, err
	}
	approved, err = db.ApprovedRolesOf(ctx, []string{pcn})
	return practices, approved, err
}

// storedStream is the stream a record keeps: NULL ("as the role says") when it is the
// role's default, so that a record saved unchanged stays as the role says and follows
// a later change of role, as an imported one does (migration 000018).
func storedStream(s workforce.Staff) *string {
	if s.Stream == "" || s.Stream == workforce.DefaultStream(s.RoleCode, s.ApprovedRole) {
		return nil
	}
	v := string(s.Stream)
	return &v
}
