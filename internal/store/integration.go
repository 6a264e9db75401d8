package store

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// IntegrationServices lists the services of the reference list, active or not, by
// position.
func (db *DB) IntegrationServices(ctx context.Context) (_ []workforce.IntegrationService, err error) {
	defer wrap(&err, "integration services")
	return db.integrationServices(ctx, `true ORDER BY position, code`)
}

// integrationServices reads the services where the condition holds (with any ORDER
// BY or locking clause after it).
func (db *DB) integrationServices(ctx context.Context, where string, args ...any) ([]workforce.IntegrationService, error) {
	rows, err := db.q.Query(ctx, `SELECT code, name, position, active, version FROM integration_services
		WHERE `+where, args...)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowToStructByPos[workforce.IntegrationService])
}

// SaveIntegrationServices saves the admins' edit of the list: each service's name,
// position and active flag if nobody has saved it since its Version (else
// ErrConflict); a service with Version 0 is added. Audited
// "integration_service.create|update", old → new. Services are never deleted (records
// name them): an admin makes one inactive.
//
// A service given unchanged is left as it is (no new version, no audit entry), so
// that saving the whole list records only what changed. A service the admins' form
// would refuse (workforce.IntegrationService.Validate) or a code given twice is
// refused with workforce.Problems before anything is written.
func (db *DB) SaveIntegrationServices(ctx context.Context, services []workforce.IntegrationService, by Actor) (err error) {
	defer wrap(&err, "save %d integration services", len(services))
	if ps := serviceProblems(services); len(ps) > 0 {
		return ps
	}
	return db.InTx(ctx, func(tx *DB) error {
		for _, s := range services {
			if err := tx.saveIntegrationService(ctx, s, by); err != nil {
				return err
			}
		}
		return nil
	})
}

func (db *DB) saveIntegrationService(ctx context.Context, s workforce.IntegrationService, by Actor) error {
	if s.Version == 0 {
		_, err := db.q.Exec(ctx, `INSERT INTO integration_services (code, name, position, active) VALUES ($1, $2, $3, $4)`,
			s.Code, s.Name, s.Position, s.Active)
		if err != nil {
			return mapErr(err)
		}
		s.Version = 1
		return db.audit(ctx, serviceAuditEntry(by, "integration_service.create", nil, &s))
	}
	found, err := db.integrationServices(ctx, `code = $1 FOR UPDATE`, s.Code)
	if err != nil {
		return err
	}
	if len(found) == 0 {
		return ErrNotFound
	}
	before := found[0]
	if before.Version != s.Version {
		return ErrConflict
	}
	if before.Name == s.Name && before.Position == s.Position && before.Active == s.Active {
		return nil
	}
	err = db.q.QueryRow(ctx, `UPDATE integration_services SET name = $2, position = $3, active = $4, version = version + 1
		WHERE code = $1 AND version = $5 RETURNING version`, s.Code, s.Name, s.Position, s.Active, s.Version).Scan(&s.Version)
	if err != nil {
		return staleIfMissing(err)
	}
	return db.audit(ctx, serviceAuditEntry(by, "integration_service.update", &before, &s))
}

// serviceProblems checks each service as the admins' form does
// (workforce.IntegrationService.Validate), its fields named "services[i].field", and
// that no code is given twice.
func serviceProblems(services []workforce.IntegrationService) workforce.Problems {
	var ps workforce.Problems
	seen := map[string]bool{}
	for i, s := range services {
		field := "services[" + strconv.Itoa(i) + "]."
		for _, p := range s.Validate() {
			ps = append(ps, workforce.Problem{Field: field + p.Field, Message: p.Message})
		}
		if seen[s.Code] {
			ps = append(ps, workforce.Problem{Field: field + "code", Message: "The code " + s.Code + " is given twice"})
		}
		seen[s.Code] = true
	}
	return ps
}

func serviceAuditEntry(by Actor, action string, before, after *workforce.IntegrationService) AuditEntry {
	s := after
	if s == nil {
		s = before
	}
	e := by.Entry(action, "integration_service", s.Code)
	if before != nil {
		e.Before = serviceAudit(*before)
	}
	if after != nil {
		e.After = serviceAudit(*after)
	}
	return e
}

func serviceAudit(s workforce.IntegrationService) map[string]any {
	return map[string]any{"name": s.Name, "position": s.Position, "active": s.Active, "version": s.Version}
}

const integrationColumns = `r.staff_id, r.pcn_code, r.practice_codes, r.induction_on, r.records_access_on, r.admin_support,
	r.last_appraisal_on, r.next_appraisal_due, r.development_step, r.roadmap_stage, coalesce(r.service_code, ''),
	r.version, r.updated_by, r.updated_at`

func scanIntegration(row pgx.CollectableRow) (workforce.IntegrationRecord, error) {
	var x workforce.IntegrationRecord
	var induction, access, last, next *time.Time
	err := row.Scan(&x.StaffID, &x.PCNCode, &x.Practices, &induction, &access, &x.AdminSupport,
		&last, &next, &x.DevelopmentStep, &x.RoadmapStage, &x.ServiceCode, &x.Version, &x.UpdatedBy, &x.UpdatedAt)
	x.InductionOn, x.RecordsAccessOn = dateOrZero(induction), dateOrZero(access)
	x.LastAppraisalOn, x.NextAppraisalDue = dateOrZero(last), dateOrZero(next)
	return x, err
}

func dateOrZero(d *time.Time) time.Time {
	if d == nil {
		return time.Time{}
	}
	return *d
}

// integrationRecords reads the records (aliased r) where the condition holds (with any
// ORDER BY or locking clause after it).
func (db *DB) integrationRecords(ctx context.Context, where string, args ...any) ([]workforce.IntegrationRecord, error) {
	rows, err := db.q.Query(ctx, `SELECT `+integrationColumns+` FROM integration_records r WHERE `+where, args...)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, scanIntegration)
}

// IntegrationRecordsOfPCNs returns the integration records of the PCNs' staff, by
// staff id.
func (db *DB) IntegrationRecordsOfPCNs(ctx context.Context, pcns []string) (_ map[int64]workforce.IntegrationRecord, err error) {
	defer wrap(&err, "integration records of %d PCNs", len(pcns))
	recs, err := db.integrationRecords(ctx, `r.pcn_code = ANY($1) ORDER BY r.staff_id`, pcns)
	if err != nil {
		return nil, err
	}
	out := make(map[int64]workforce.IntegrationRecord, len(recs))
	for _, r := range recs {
		out[r.StaffID] = r
	}
	return out, nil
}

// IntegrationRecord returns a staff record's integration record, or ErrNotFound when
// none is saved (or the staff record is another PCN's).
func (db *DB) IntegrationRecord(ctx context.Context, pcn string, staffID int64) (_ workforce.IntegrationRecord, err error) {
	defer wrap(&err, "integration record of staff %d of %s", staffID, pcn)
	return db.integrationRecord(ctx, pcn, staffID, "")
}

func (db *DB) integrationRecord(ctx context.Context, pcn string, staffID int64, lock string) (workforce.IntegrationRecord, error) {
	recs, err := db.integrationRecords(ctx, `r.staff_id = $1 AND r.pcn_code = $2`+lock, staffID, pcn)
	if err != nil {
		return workforce.IntegrationRecord{}, err
	}
	if len(recs) == 0 {
		return workforce.IntegrationRecord{}, ErrNotFound
	}
	return recs[0], nil
}

// SaveIntegrationRecord creates (Version 0; ErrConflict if one exists) or updates
// (ErrConflict unless Version matches) a staff record's integration record, checking
// it as the form does (workforce.IntegrationRecord.Validate: the practices against the
// PCN's members on day today, PracticesOfPCN; the stage against the staff record's
// role; the days done against its start when it was entered by hand; the service against the list, an inactive one only when unchanged), and audits
// it "integration.create|update" (entity "integration", the staff id, the PCN), old →
// new, in one transaction.
//
// What workforce.IntegrationRecord.Bounds refuses is refused before anything is read;
// any problem is workforce.Problems (the form's fields: "practices", "service",
// "admin_support", …), and nothing is written. A staff record that is not the PCN's,
// or not in an ARRS role, is ErrNotFound: only the ARRS staff have integration
// records, so no other can make a PCN's records "kept". Practices are stored once
// each, sorted.
func (db *DB) SaveIntegrationRecord(ctx context.Context, rec workforce.IntegrationRecord, today time.Time, by Actor) (saved workforce.IntegrationRecord, err error) {
	defer wrap(&err, "save integration record of staff %d of %s", rec.StaffID, rec.PCNCode)
	rec.Practices = append([]string{}, slices.Compact(slices.Sorted(slices.Values(rec.Practices)))...)
	if ps := rec.Bounds(); len(ps) > 0 {
		return saved, ps
	}
	err = db.InTx(ctx, func(tx *DB) error {
		staff := workforce.Staff{ID: rec.StaffID, PCNCode: rec.PCNCode}
		err := tx.q.QueryRow(ctx, `SELECT role_code, source, start_date FROM staff WHERE id = $1 AND pcn_code = $2 AND role_code IS NOT NULL`,
			rec.StaffID, rec.PCNCode).Scan(&staff.RoleCode, &staff.Source, &staff.Start)
		if err != nil {
			return mapErr(err)
		}
		var before *workforce.IntegrationRecord
		if rec.Version != 0 {
			b, err := tx.integrationRecord(ctx, rec.PCNCode, rec.StaffID, ` FOR UPDATE`)
			if errors.Is(err, ErrNotFound) {
				return ErrConflict // a version was given, so it was read: it has gone since
			}
			if err != nil {
				return err
			}
			before = &b
		}
		if err := tx.checkIntegration(ctx, rec, staff, before, today); err != nil {
			return err
		}
		if err := tx.writeIntegration(ctx, rec, by); err != nil {
			return err
		}
		if saved, err = tx.integrationRecord(ctx, rec.PCNCode, rec.StaffID, ""); err != nil {
			return err
		}
		action := "integration.create"
		if before != nil {
			action = "integration.update"
		}
		e := by.Entry(action, "integration", strconv.FormatInt(rec.StaffID, 10))
		e.PCN, e.After = rec.PCNCode, integrationAudit(saved)
		if before != nil {
			e.Before = integrationAudit(*before)
		}
		return tx.audit(ctx, e)
	})
	return saved, err
}

func (db *DB) writeIntegration(ctx context.Context, r workforce.IntegrationRecord, by Actor) error {
	args := []any{r.StaffID, r.PCNCode, r.Practices, dateOrNil(r.InductionOn), dateOrNil(r.RecordsAccessOn), r.AdminSupport,
		dateOrNil(r.LastAppraisalOn), dateOrNil(r.NextAppraisalDue), r.DevelopmentStep, r.RoadmapStage,
		nullIfEmpty(r.ServiceCode), by.Name}
	if r.Version == 0 {
		_, err := db.q.Exec(ctx, `
			INSERT INTO integration_records (staff_id, pcn_code, practice_codes, induction_on, records_access_on, admin_support,
				last_appraisal_on, next_appraisal_due, development_step, roadmap_stage, service_code, updated_by)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`, args...)
		return mapErr(err)
	}
	tag, err := db.q.Exec(ctx, `
		UPDATE integration_records SET practice_codes = $3, induction_on = $4, records_access_on = $5, admin_support = $6,
			last_appraisal_on = $7, next_appraisal_due = $8, development_step = $9, roadmap_stage = $10, service_code = $11,
			updated_by = $12, updated_at = now(), version = version + 1
		WHERE staff_id = $1 AND pcn_code = $2 AND version = $13`, append(args, r.Version)...)
	if err != nil {
		return mapErr(err)
	}
	if tag.RowsAffected() == 0 {
		return ErrConflict
	}
	return nil
}

// checkIntegration checks a record of a staff record (its role, source and start) as
// the form does (workforce.IntegrationRecord.Validate) against the PCN's member
// practices on day today and the list of services as they are in the transaction.
func (db *DB) checkIntegration(ctx context.Context, r workforce.IntegrationRecord, staff workforce.Staff, before *workforce.IntegrationRecord, today time.Time) error {
	practices, err := db.PracticesOfPCN(ctx, r.PCNCode, today)
	if err != nil {
		return err
	}
	members := make([]string, len(practices))
	for i, p := range practices {
		members[i] = p.Code
	}
	services, err := db.integrationServices(ctx, `true`)
	if err != nil {
		return err
	}
	current := ""
	if before != nil {
		current = before.ServiceCode
	}
	if ps := r.Validate(today, members, services, staff, current); len(ps) > 0 {
		return ps
	}
	return nil
}

// integrationAudit is what the audit trail records of an integration record.
func integrationAudit(r workforce.IntegrationRecord) map[string]any {
	day := func(d time.Time) any {
		if d.IsZero() {
			return nil
		}
		return d.Format(workforce.DateLayout)
	}
	practices := r.Practices
	if practices == nil {
		practices = []string{}
	}
	return map[string]any{
		"practices": practices, "induction_on": day(r.InductionOn), "records_access_on": day(r.RecordsAccessOn),
		"admin_support": r.AdminSupport, "last_appraisal_on": day(r.LastAppraisalOn),
		"next_appraisal_due": day(r.NextAppraisalDue), "development_step": r.DevelopmentStep,
		"roadmap_stage": r.RoadmapStage, "service_code": nullIfEmpty(r.ServiceCode), "version": r.Version,
	}
}
