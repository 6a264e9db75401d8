package store

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
)

// ARRSStaffBetween lists every ARRS staff record in post on at least one day of
// [from, to], in one query, for projections and gaps over the whole of England (some
// 30,000 records), by PCN then id: a PCN's records come in the same order whether read
// alone or with England's, so its sums are the same to the last bit. Codes repeat
// thousands of times, so each is held once.
func (db *DB) ARRSStaffBetween(ctx context.Context, from, to time.Time) ([]workforce.Staff, error) {
	return db.ARRSStaffOf(ctx, nil, from, to)
}

// ARRSStaffOf is ARRSStaffBetween for the PCNs named (nil: all), read by the index on
// (pcn_code, end_date).
func (db *DB) ARRSStaffOf(ctx context.Context, pcns []string, from, to time.Time) (_ []workforce.Staff, err error) {
	defer wrap(&err, "ARRS staff of %d PCNs (0: all) between %s and %s", len(pcns), from.Format(time.DateOnly), to.Format(time.DateOnly))
	rows, err := db.q.Query(ctx, `
		SELECT id, pcn_code, role_code, fte::float8, start_date, end_date
		FROM staff
		WHERE role_code IS NOT NULL AND start_date <= $2 AND (end_date IS NULL OR end_date > $1)
		  AND `+pcnsWhere(pcns, 3), pcnsArgs(pcns, from, to)...)
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
	// Sorted in Go: ORDER BY walked the primary key, a heap page per row (46,000
	// buffers at 60 censuses against 3,500 for the scan).
	slices.SortFunc(staff, func(a, b workforce.Staff) int {
		return cmp.Or(strings.Compare(a.PCNCode, b.PCNCode), cmp.Compare(a.ID, b.ID))
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
