package scale

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// withoutIndexes runs load with table's secondary indexes dropped, then creates them
// again from their own definitions: building an index once over a million rows is
// several times faster than keeping it up to date row by row. Constraint indexes (the
// primary key) stay. Whatever indexes later migrations add are kept the same way.
func withoutIndexes(ctx context.Context, c *pgx.Conn, table string, load func() error) error {
	rows, _ := c.Query(ctx, `
		SELECT i.indexname, i.indexdef FROM pg_indexes i
		WHERE i.schemaname = 'public' AND i.tablename = $1
		  AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conname = i.indexname AND k.conrelid = $1::regclass)
		ORDER BY i.indexname`, table)
	defs, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) ([2]string, error) {
		var d [2]string
		err := r.Scan(&d[0], &d[1])
		return d, err
	})
	if err != nil {
		return fmt.Errorf("indexes of %s: %w", table, err)
	}
	for _, d := range defs {
		if _, err := c.Exec(ctx, `DROP INDEX `+ident(d[0])); err != nil {
			return err
		}
	}
	if err := load(); err != nil {
		return err
	}
	if _, err := c.Exec(ctx, `SET maintenance_work_mem = '256MB'`); err != nil {
		return err
	}
	for _, d := range defs {
		if _, err := c.Exec(ctx, d[1]); err != nil {
			return fmt.Errorf("recreating %s: %w", d[0], err)
		}
	}
	return nil
}
