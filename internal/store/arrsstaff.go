package store

import (
	"context"
	"slices"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
)

// ARRSStaffBetween lists every ARRS staff record in post on at least one day of
// [from, to], in one query, for projections and gaps over the whole of England (some
// 30,000 records). Codes repeat thousands of times, so each is held once.
func (db *DB) ARRSStaffBetween(ctx context.Context, from, to time.Time) (_ []workforce.Staff, err error) {
	defer wrap(&err, "ARRS staff between %s and %s", from.Format(time.DateOnly), to.Format(time.DateOnly))
	rows, err := db.q.Query(ctx, `
		SELECT id, pcn_code, role_code, fte::float8, start_date, end_date
		FROM staff
		WHERE role_code IS NOT NULL AND start_date <= $2 AND (end_date IS NULL OR end_date > $1)`, from, to)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	codes := codeSet{}
	staff := make([]workforce.Staff, 0, 4096)
	var s workforce.Staff
	var pcn, role pgtype.DriverBytes // valid until the next row: codes copies them once
	var end *time.Time
	_, err = pgx.ForEachRow(rows, []any{&s.ID, &pcn, &role, &s.FTE, &s.Start, &end}, func() error {
		s.PCNCode, s.RoleCode, s.End = codes.get(pcn), codes.get(role), time.Time{}
		if end != nil {
			s.End = *end
		}
		if len(staff) == cap(staff) {
			staff = slices.Grow(staff, len(staff)) // double: append grows large slices by a quarter
		}
		staff = append(staff, s)
		return nil
	})
	return staff, err
}

// codeSet holds one copy of each code read, so that thousands of rows share it.
type codeSet map[string]string

func (c codeSet) get(b []byte) string {
	if s, ok := c[string(b)]; ok {
		return s
	}
	s := string(b)
	c[s] = s
	return s
}
