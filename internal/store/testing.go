package store

import "context"

// QueryRowForTest runs a one-row query and scans it: for tests that check the
// database directly (fingerprints, counts). Not for application code.
func (db *DB) QueryRowForTest(ctx context.Context, sql string, dest ...any) (err error) {
	defer wrap(&err, "test query")
	return db.q.QueryRow(ctx, sql).Scan(dest...)
}
