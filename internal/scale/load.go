package scale

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"path"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/arrs-planner/arrs/internal/importer"
	"github.com/arrs-planner/arrs/internal/ingest"
	"github.com/arrs-planner/arrs/internal/refdata"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// national is the generated history with its source, made once per build.
type national struct {
	ref  *refdata.Reference
	src  *importer.Snapshot
	hist *History
}

func (b *builder) data() (*national, error) {
	if b.national != nil {
		return b.national, nil
	}
	t0 := time.Now()
	ref, err := refdata.Load()
	if err != nil {
		return nil, err
	}
	hist, src, err := National(ref)
	if err != nil {
		return nil, err
	}
	b.national = &national{ref: ref, src: src, hist: hist}
	b.logf("generated %d censuses in %.1f s", hist.Len(), time.Since(t0).Seconds())
	return b.national, nil
}

// fillBase migrates, loads the reference data as `arrs seed reference` does, then
// bulk-loads the users, plans and audit trail as the owner with triggers off
// (session_replication_role = replica: no per-row plan_lines check, foreign-key or
// version triggers), and bumps the national data version once for all of it.
func (b *builder) fillBase(ctx context.Context, url string) error {
	if err := store.Migrate(url); err != nil {
		return err
	}
	db, err := store.Open(ctx, url)
	if err != nil {
		return err
	}
	t0 := time.Now()
	_, err = ingest.Reference(ctx, db, actor)
	db.Close()
	if err != nil {
		return err
	}
	b.logf("reference data loaded in %.1f s", time.Since(t0).Seconds())
	n, err := b.data()
	if err != nil {
		return err
	}
	return owner(ctx, url, func(c *pgx.Conn) error { return b.bulk(ctx, c, n) })
}

func (b *builder) bulk(ctx context.Context, c *pgx.Conn, n *national) error {
	pcns, err := codes(ctx, c, `SELECT code FROM pcns ORDER BY code`)
	if err != nil {
		return err
	}
	icbs, err := codes(ctx, c, `SELECT code FROM icbs ORDER BY code`)
	if err != nil {
		return err
	}
	roles, err := codes(ctx, c, `SELECT code FROM roles ORDER BY code`)
	if err != nil {
		return err
	}
	if _, err := c.Exec(ctx, `SET session_replication_role = replica`); err != nil {
		return err
	}
	us := users(icbs, pcns)
	steps := []struct {
		what string
		run  func() error
	}{
		{"users", func() error { return copyUsers(ctx, c, us) }},
		{"plans", func() error {
			return copyPlans(ctx, c, plans(pcns, us, planStart(b.now)), roles, workforce.PlanWindowAt(b.now))
		}},
		{"audit trail", func() error { return copyAudit(ctx, c, us, icbOf(n.src)) }},
	}
	for _, s := range steps {
		t0 := time.Now()
		if err := s.run(); err != nil {
			return err
		}
		b.logf("%s loaded in %.1f s", s.what, time.Since(t0).Seconds())
	}
	_, err = c.Exec(ctx, `RESET session_replication_role; UPDATE data_version SET version = version + 1`)
	return err
}

// planStart is when the accepted versions were made: the start of the financial year
// before the plan window's first, so the newer versions follow within a year.
func planStart(now time.Time) time.Time {
	fy := workforce.FinancialYearOf(now)
	return workforce.Date(int(fy)-1, time.April, 1).Add(9 * time.Hour)
}

func icbOf(src *importer.Snapshot) map[string]string {
	out := map[string]string{}
	for _, o := range src.Orgs {
		out[o.PCN.Code] = o.ICB.Code
	}
	return out
}

func codes(ctx context.Context, c *pgx.Conn, sql string) ([]string, error) {
	rows, _ := c.Query(ctx, sql)
	return pgx.CollectRows(rows, pgx.RowTo[string])
}

// fillCensuses imports the last n-1 generated censuses, oldest first, then the real
// file, each through the real import path (ingest.NWRS, as `arrs import nwrs`), and
// records the first and last imports' times.
func (b *builder) fillCensuses(ctx context.Context, url string, n int) error {
	nat, err := b.data()
	if err != nil {
		return err
	}
	db, err := store.Open(ctx, url)
	if err != nil {
		return err
	}
	defer db.Close()
	var times []time.Duration
	var rows []int
	t0 := time.Now()
	for i := nat.hist.Len() - (n - 1); i < nat.hist.Len(); i++ {
		var buf bytes.Buffer
		if err := nat.hist.WriteCSV(&buf, i); err != nil {
			return err
		}
		d, r, err := b.importFile(ctx, db, FileName(nat.hist.Censuses[i]), &buf)
		if err != nil {
			return err
		}
		times, rows = append(times, d), append(rows, r)
	}
	f, err := refdata.Open(refdata.DemoWorkforceFile)
	if err != nil {
		return err
	}
	defer f.Close()
	d, r, err := b.importFile(ctx, db, path.Base(refdata.DemoWorkforceFile), f)
	if err != nil {
		return err
	}
	times, rows = append(times, d), append(rows, r)
	db.Close()
	b.logf("%d imports in %.1f s: the first %d rows in %.0f ms, the last %d rows in %.0f ms", n, time.Since(t0).Seconds(),
		rows[0], toMS(times[0]), r, toMS(d))
	return owner(ctx, url, func(c *pgx.Conn) error { return recordImports(ctx, c, n, times, rows) })
}

func (b *builder) importFile(ctx context.Context, db *store.DB, name string, r io.Reader) (time.Duration, int, error) {
	t0 := time.Now()
	log, err := ingest.NWRS(ctx, db, name, r, actor, nil, b.now)
	if err != nil {
		return 0, 0, fmt.Errorf("import %s: %w", name, err)
	}
	return time.Since(t0), log.Rows, nil
}

// recordImports writes the census fill's figures and analyses the tables, so that a
// clone plans its queries on real statistics from its first request.
func recordImports(ctx context.Context, c *pgx.Conn, n int, times []time.Duration, rows []int) error {
	last := len(times) - 1
	if _, err := c.Exec(ctx, buildTable); err != nil {
		return err
	}
	if _, err := c.Exec(ctx, `DELETE FROM scale_build`); err != nil { // the base's row, cloned with it
		return err
	}
	_, err := c.Exec(ctx, `
		INSERT INTO scale_build (fingerprint, censuses, staff_rows, first_import_ms, last_import_ms, first_rows, last_rows)
		SELECT '', $1, (SELECT count(*) FROM staff), $2, $3, $4, $5`,
		n, toMS(times[0]), toMS(times[last]), rows[0], rows[last])
	if err != nil {
		return err
	}
	_, err = c.Exec(ctx, `VACUUM ANALYZE`)
	return err
}
