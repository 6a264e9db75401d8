package store

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// Regions lists the regions by code.
func (db *DB) Regions(ctx context.Context) (_ []workforce.Region, err error) {
	defer wrap(&err, "regions")
	rows, err := db.q.Query(ctx, `SELECT code, ons_code, name FROM regions ORDER BY code`)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (workforce.Region, error) {
		var x workforce.Region
		return x, r.Scan(&x.Code, &x.ONSCode, &x.Name)
	})
}

// ICBs lists every ICB there has been, dissolved ones included, by code.
func (db *DB) ICBs(ctx context.Context) (_ []workforce.ICB, err error) {
	defer wrap(&err, "ICBs")
	rows, err := db.q.Query(ctx, `
		SELECT code, ons_code, name, region_code, coalesce(opened, '0001-01-01'), coalesce(closed, '0001-01-01')
		FROM icbs ORDER BY code`)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (workforce.ICB, error) {
		var x workforce.ICB
		err := r.Scan(&x.Code, &x.ONSCode, &x.Name, &x.RegionCode, &x.Opened, &x.Closed)
		return x, err
	})
}

// Successions lists every ICB succession, by dissolved ICB then successor.
func (db *DB) Successions(ctx context.Context) (_ []workforce.Succession, err error) {
	defer wrap(&err, "ICB successions")
	rows, err := db.q.Query(ctx, `SELECT old_code, new_code, effective FROM icb_successions ORDER BY old_code, new_code`)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (workforce.Succession, error) {
		var x workforce.Succession
		return x, r.Scan(&x.OldCode, &x.NewCode, &x.Effective)
	})
}

// PCNsOn lists the PCNs that have a place on day d, by code, each with its sub-ICB
// location and ICB that day and its list (workforce.PCN): the practices that are its
// members on d, with their patients at the latest extract on or before d (the first
// extract when d is before them all).
func (db *DB) PCNsOn(ctx context.Context, d time.Time) (_ []workforce.PCN, err error) {
	defer wrap(&err, "PCNs on %s", d.Format(time.DateOnly))
	rows, err := db.q.Query(ctx, `
		WITH ext AS (`+listExtractSQL+`),
		lists AS (
			SELECT m.pcn_code, count(*) AS practices, sum(pp.patients) AS patients, max(ext.day) AS day
			FROM practice_spans m CROSS JOIN ext
			LEFT JOIN practice_patients pp ON pp.practice_code = m.practice_code AND pp.extract = ext.day
			     AND pp.sex = 'ALL' AND pp.age_band = 'ALL'
			WHERE m.pcn_code IS NOT NULL AND m.valid_from <= $1 AND (m.valid_to IS NULL OR $1 < m.valid_to)
			GROUP BY m.pcn_code)
		SELECT p.code, p.name, coalesce(s.sub_icb_code, ''), s.icb_code,
		       coalesce(l.practices, p.member_practices), coalesce(l.patients, p.registered_patients),
		       coalesce(l.day, p.list_size_date, '0001-01-01')
		FROM pcns p
		JOIN pcn_spans s ON s.pcn_code = p.code AND s.valid_from <= $1 AND (s.valid_to IS NULL OR $1 < s.valid_to)
		LEFT JOIN lists l ON l.pcn_code = p.code
		ORDER BY p.code`, d)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (workforce.PCN, error) {
		var x workforce.PCN
		return x, r.Scan(&x.Code, &x.Name, &x.SubICBCode, &x.ICBCode, &x.MemberPractices, &x.RegisteredPatients, &x.ListSizeDate)
	})
}

// Roles lists the ARRS role catalogue in its display order.
func (db *DB) Roles(ctx context.Context) (_ []workforce.Role, err error) {
	defer wrap(&err, "roles")
	rows, err := db.q.Query(ctx, `
		SELECT code, name, added, band, needs_supervision, trainee, room_sessions_per_wte::float8,
		       attrition_rate::float8, number_limit, summary, entry_requirements, supervision, sort_order
		FROM roles ORDER BY sort_order, code`)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, scanRole)
}

// Role returns one role by its code.
func (db *DB) Role(ctx context.Context, code string) (_ workforce.Role, err error) {
	defer wrap(&err, "role %s", code)
	rows, err := db.q.Query(ctx, `
		SELECT code, name, added, band, needs_supervision, trainee, room_sessions_per_wte::float8,
		       attrition_rate::float8, number_limit, summary, entry_requirements, supervision, sort_order
		FROM roles WHERE code = $1`, code)
	if err != nil {
		return workforce.Role{}, err
	}
	r, err := pgx.CollectExactlyOneRow(rows, scanRole)
	return r, mapErr(err)
}

func scanRole(r pgx.CollectableRow) (workforce.Role, error) {
	var x workforce.Role
	err := r.Scan(&x.Code, &x.Name, &x.Added, &x.Band, &x.NeedsSupervision, &x.Trainee, &x.RoomSessionsPerWTE,
		&x.AttritionRate, &x.NumberLimit, &x.Summary, &x.EntryRequirements, &x.Supervision, &x.SortOrder)
	return x, err
}

// Caps lists every cap, by role, variant and date.
func (db *DB) Caps(ctx context.Context) (_ []workforce.Cap, err error) {
	defer wrap(&err, "caps")
	rows, err := db.q.Query(ctx, `
		SELECT role_code, variant, effective_from, cap_pence, provisional
		FROM role_caps ORDER BY role_code, variant, effective_from`)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (workforce.Cap, error) {
		var x workforce.Cap
		return x, r.Scan(&x.RoleCode, &x.Variant, &x.EffectiveFrom, &x.Pence, &x.Provisional)
	})
}

// DefaultTarget returns the target marked default, with its milestones.
func (db *DB) DefaultTarget(ctx context.Context) (_ workforce.Target, err error) {
	defer wrap(&err, "default target")
	var t workforce.Target
	err = db.q.QueryRow(ctx, `
		SELECT id, name, fte::float8, baseline, deadline, is_default FROM targets
		ORDER BY is_default DESC, id LIMIT 1`).Scan(&t.ID, &t.Name, &t.FTE, &t.Baseline, &t.Deadline, &t.IsDefault)
	if err != nil {
		return t, mapErr(err)
	}
	rows, err := db.q.Query(ctx, `SELECT due, fte::float8, label FROM target_milestones WHERE target_id = $1 ORDER BY due`, t.ID)
	if err != nil {
		return t, err
	}
	t.Milestones, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (workforce.Milestone, error) {
		var m workforce.Milestone
		return m, r.Scan(&m.Due, &m.FTE, &m.Label)
	})
	return t, err
}

// PCNs lists the PCNs in place today in England, by code.
func (db *DB) PCNs(ctx context.Context) ([]workforce.PCN, error) {
	return db.PCNsOn(ctx, workforce.Today(time.Now()))
}
