package scale

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"os"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/arrs-planner/arrs/internal/refdata"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/migrations"
)

// baseTemplate holds the schema, the reference data, the users, plans and audit trail:
// what every census count shares. Each census count's template is cloned from it.
const baseTemplate = "arrs_scale_base_tmpl"

// lockID serialises builds of the templates across processes.
const lockID = 17_2025

// TemplateName is the template database of a census count (e.g. arrs_scale_60_tmpl).
func TemplateName(censuses int) string { return fmt.Sprintf("arrs_scale_%d_tmpl", censuses) }

// EnsureTemplates makes sure a template database exists for each census count (1 to
// DefaultParams.Months+1), built by this generator on this schema; it builds those
// missing or stale (or all with SCALE_REBUILD=1) and returns their names by count.
// adminURL connects as a user who may create databases and owns them (the local
// cluster's superuser): the loader writes with session_replication_role = replica.
func EnsureTemplates(ctx context.Context, adminURL string, censuses []int, logf func(string, ...any)) (map[int]string, error) {
	admin, err := pgx.Connect(ctx, adminURL)
	if err != nil {
		return nil, fmt.Errorf("scale: connect: %w", err)
	}
	defer admin.Close(ctx)
	if _, err := admin.Exec(ctx, `SELECT pg_advisory_lock($1)`, lockID); err != nil {
		return nil, err
	}
	defer admin.Exec(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1)`, lockID) //nolint:errcheck
	b := &builder{admin: admin, adminURL: adminURL, logf: logf, now: time.Now(), rebuild: os.Getenv("SCALE_REBUILD") == "1"}
	b.fingerprint = fingerprint(b.now)
	out := map[int]string{}
	for _, n := range censuses {
		if n < 1 || n > DefaultParams.Months+1 {
			return nil, fmt.Errorf("scale: %d censuses: between 1 and %d", n, DefaultParams.Months+1)
		}
		if err := b.ensure(ctx, TemplateName(n), func(ctx context.Context, url string) error { return b.fillCensuses(ctx, url, n) }); err != nil {
			return nil, err
		}
		out[n] = TemplateName(n)
	}
	return out, nil
}

// Clone creates database name from template (dropping name first if it exists) and
// returns its URL: every run works on a copy, because runs write.
func Clone(ctx context.Context, adminURL, template, name string) (string, error) {
	admin, err := pgx.Connect(ctx, adminURL)
	if err != nil {
		return "", fmt.Errorf("scale: connect: %w", err)
	}
	defer admin.Close(ctx)
	id := pgx.Identifier{name}.Sanitize()
	if _, err := admin.Exec(ctx, `DROP DATABASE IF EXISTS `+id+` WITH (FORCE)`); err != nil {
		return "", fmt.Errorf("scale: drop %s: %w", name, err)
	}
	// FILE_COPY: a checkpoint and a copy of the files, done before the run starts,
	// rather than hundreds of megabytes of WAL to flush while it measures.
	if _, err := admin.Exec(ctx, `CREATE DATABASE `+id+` TEMPLATE `+ident(template)+` STRATEGY FILE_COPY`); err != nil {
		return "", fmt.Errorf("scale: clone %s as %s: %w", template, name, err)
	}
	return withDatabase(adminURL, name), nil
}

// fingerprint names what a template was built from: the generator, every migration
// and the reference data, and the plan window (plans cover the years of the day built).
func fingerprint(now time.Time) string {
	h := sha256.New()
	migrations.Digest(h)
	if ref, err := refdata.Load(); err == nil {
		h.Write([]byte(ref.SHA256))
	}
	fmt.Fprintf(h, "%s|%s|%v", GeneratorVersion, workforce.FinancialYearOf(now), DefaultParams)
	return GeneratorVersion + "-" + hex.EncodeToString(h.Sum(nil))[:16]
}

func withDatabase(raw, name string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	u.Path = "/" + name
	return u.String()
}

// errNoBuild reports a template without a readable fingerprint.
var errNoBuild = errors.New("no scale_build row")
