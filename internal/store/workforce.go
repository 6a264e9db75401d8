package store

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// FTEByPCNRole sums the FTE in post on day d by PCN and NWRS staff role (in post:
// start ≤ d and (no end or d < end)).
func (db *DB) FTEByPCNRole(ctx context.Context, d time.Time) ([]workforce.RoleFTE, error) {
	return db.FTEByPCNRoleOf(ctx, nil, d)
}

// FTEByPCNRoleOf is FTEByPCNRole for the PCNs named (nil: all), read by the index on
// (pcn_code, end_date), so a PCN's cost does not grow with its history.
func (db *DB) FTEByPCNRoleOf(ctx context.Context, pcns []string, d time.Time) (_ []workforce.RoleFTE, err error) {
	defer wrap(&err, "FTE by PCN and role of %d PCNs (0: all) on %s", len(pcns), d.Format(time.DateOnly))
	rows, err := db.q.Query(ctx, `
		SELECT pcn_code, coalesce(role_code, ''), staff_role, sum(fte)::float8
		FROM staff
		WHERE start_date <= $1 AND (end_date IS NULL OR $1 < end_date) AND `+pcnsWhere(pcns, 2)+`
		GROUP BY 1, 2, 3`, pcnsArgs(pcns, d)...)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (workforce.RoleFTE, error) {
		var x workforce.RoleFTE
		return x, r.Scan(&x.PCNCode, &x.RoleCode, &x.StaffRole, &x.FTE)
	})
}

// StaffInPost lists the records of one PCN in post on day d, by role then source.
func (db *DB) StaffInPost(ctx context.Context, pcn string, d time.Time) (_ []workforce.Staff, err error) {
	defer wrap(&err, "staff of %s in post on %s", pcn, d.Format(time.DateOnly))
	rows, err := db.q.Query(ctx, `
		SELECT id, pcn_code, coalesce(role_code, ''), staff_group, staff_role, detailed_role, source,
		       unique_identifier, source_rows, fte::float8, start_date, coalesce(end_date, '0001-01-01')
		FROM staff
		WHERE pcn_code = $1 AND start_date <= $2 AND (end_date IS NULL OR $2 < end_date)
		ORDER BY staff_role, detailed_role, source, unique_identifier, id`, pcn, d)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (workforce.Staff, error) {
		var s workforce.Staff
		err := r.Scan(&s.ID, &s.PCNCode, &s.RoleCode, &s.StaffGroup, &s.StaffRole, &s.DetailedRole, &s.Source,
			&s.UniqueIdentifier, &s.SourceRows, &s.FTE, &s.Start, &s.End)
		if s.End.Year() == 1 {
			s.End = time.Time{}
		}
		return s, err
	})
}

// SeriesPoint is England's FTE in one NWRS staff role in one census month.
type SeriesPoint struct {
	Month     time.Time
	StaffRole string
	FTE       float64
}

// NationalSeries returns NHS England's published national FTE by role and month.
func (db *DB) NationalSeries(ctx context.Context) (_ []SeriesPoint, err error) {
	defer wrap(&err, "national series")
	rows, err := db.q.Query(ctx, `SELECT month, staff_role, sum(fte)::float8 FROM national_series GROUP BY 1, 2 ORDER BY 1, 2`)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (SeriesPoint, error) {
		var x SeriesPoint
		return x, r.Scan(&x.Month, &x.StaffRole, &x.FTE)
	})
}

// CensusFTE is England's ARRS FTE in post on the date of one national census, from the
// staff records.
type CensusFTE struct {
	Census time.Time
	FTE    float64
}

// CensusARRSFTE is, for every national census imported so far (oldest first), the FTE
// in post that day in ARRS roles: the sum England's page shows as "ARRS FTE in post"
// with that census as its day, records a PCN entered itself included. A later import
// ends records on its census date, never before, so an earlier census's figure stays
// what it was when imported. ICB leads' corrections are not censuses of their own.
func (db *DB) CensusARRSFTE(ctx context.Context) (_ []CensusFTE, err error) {
	defer wrap(&err, "ARRS FTE on each national census")
	// In post on c is started on or before c and not ended on or before it, so the sum
	// on c is the starts up to c less the ends up to c: one pass over the records, not
	// one per census (60 censuses joined every record 60 times). The sums are exact
	// numerics, so the figures are the ones the join gave. The changes by day are summed
	// once (MATERIALIZED), not again for every census.
	rows, err := db.q.Query(ctx, `
		WITH d AS MATERIALIZED (
			SELECT day, sum(fte) AS fte FROM (
				SELECT start_date AS day, fte FROM staff WHERE role_code IS NOT NULL
				UNION ALL
				SELECT end_date, -fte FROM staff WHERE role_code IS NOT NULL AND end_date IS NOT NULL) e
			GROUP BY day)
		SELECT c.census_date, coalesce((SELECT sum(d.fte) FROM d WHERE d.day <= c.census_date), 0)::float8
		FROM (SELECT DISTINCT census_date FROM nwrs_imports WHERE scope IS NULL) c
		ORDER BY 1`)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (CensusFTE, error) {
		var x CensusFTE
		return x, r.Scan(&x.Census, &x.FTE)
	})
}

// NationalCensus reports whether census is the date of a national import: only then
// does store.NoReturn say anything about it.
func (db *DB) NationalCensus(ctx context.Context, census time.Time) (_ bool, err error) {
	defer wrap(&err, "national census %s", census.Format(time.DateOnly))
	var ok bool
	err = db.q.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM nwrs_imports WHERE scope IS NULL AND census_date = $1)`, census).Scan(&ok)
	return ok, err
}

// Tree loads England's organisational hierarchy as it stands today (in England): the
// structure access and day-to-day work follow.
func (db *DB) Tree(ctx context.Context) (*workforce.Tree, error) {
	return db.TreeOn(ctx, workforce.Today(time.Now()))
}

// TreeOn loads England's organisational hierarchy in force on day d: the ICBs that
// exist that day and every PCN in its place that day, with what is known of the rest.
func (db *DB) TreeOn(ctx context.Context, d time.Time) (_ *workforce.Tree, err error) {
	defer wrap(&err, "organisation tree on %s", d.Format(time.DateOnly))
	regions, err := db.Regions(ctx)
	if err != nil {
		return nil, err
	}
	all, err := db.ICBs(ctx)
	if err != nil {
		return nil, err
	}
	succ, err := db.Successions(ctx)
	if err != nil {
		return nil, err
	}
	pcns, err := db.PCNsOn(ctx, d)
	if err != nil {
		return nil, err
	}
	var icbs []workforce.ICB
	for _, c := range all {
		if c.InForce(d) {
			icbs = append(icbs, c)
		}
	}
	h := workforce.History{ICBs: all, Successions: succ}
	return workforce.NewTree(regions, icbs, pcns).WithHistory(d, h), nil
}

// WorkforceAreas rolls the FTE in post on day d up to every level.
func (db *DB) WorkforceAreas(ctx context.Context, d time.Time) (_ *workforce.Areas, err error) {
	defer wrap(&err, "workforce areas on %s", d.Format(time.DateOnly))
	tree, err := db.TreeOn(ctx, d)
	if err != nil {
		return nil, err
	}
	return db.rollup(ctx, tree, d)
}

// rollup rolls the FTE in post on day d up the levels of tree.
func (db *DB) rollup(ctx context.Context, tree *workforce.Tree, d time.Time) (*workforce.Areas, error) {
	rows, err := db.FTEByPCNRole(ctx, d)
	if err != nil {
		return nil, err
	}
	return workforce.Rollup(tree, rows), nil
}

// TreeOnTodays is the hierarchy of day d on today's footprints: the PCNs that have a
// place on d, with their lists of d, each placed in the sub-ICB location and ICB it
// belongs to today, under today's ICBs and regions (PLANNING.md, "Organisations over
// time": comparisons across a reorganisation re-aggregate earlier days to the current
// ICBs from PCNs). A PCN with no place today counts in England only. A zero today is
// the store's clock (Tree).
func (db *DB) TreeOnTodays(ctx context.Context, d, today time.Time) (_ *workforce.Tree, err error) {
	defer wrap(&err, "organisation tree of %s on today's footprints", d.Format(time.DateOnly))
	then, err := db.TreeOn(ctx, d)
	if err != nil {
		return nil, err
	}
	now, err := db.todaysTree(ctx, today)
	if err != nil {
		return nil, err
	}
	return regroup(then, now), nil
}

// WorkforceAreasOnTodays rolls the FTE in post on day d up to today's footprints
// (TreeOnTodays).
func (db *DB) WorkforceAreasOnTodays(ctx context.Context, d, today time.Time) (_ *workforce.Areas, err error) {
	defer wrap(&err, "workforce areas on %s on today's footprints", d.Format(time.DateOnly))
	tree, err := db.TreeOnTodays(ctx, d, today)
	if err != nil {
		return nil, err
	}
	return db.rollup(ctx, tree, d)
}

// todaysTree is the tree of today, or of the store's clock when today is zero.
func (db *DB) todaysTree(ctx context.Context, today time.Time) (*workforce.Tree, error) {
	if today.IsZero() {
		return db.Tree(ctx)
	}
	return db.TreeOn(ctx, today)
}

// regroup places the PCNs of then where now has them, under now's ICBs: their names
// and lists stay then's, the day's own figures.
func regroup(then, now *workforce.Tree) *workforce.Tree {
	pcns := make([]workforce.PCN, len(then.PCNs))
	for i, p := range then.PCNs {
		place, _ := now.PCN(p.Code)
		p.SubICBCode, p.ICBCode = place.SubICBCode, place.ICBCode
		pcns[i] = p
	}
	return workforce.NewTree(now.Regions, now.ICBs, pcns).WithHistory(now.Day, now.History)
}
