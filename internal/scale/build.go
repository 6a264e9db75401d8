package scale

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/arrs-planner/arrs/internal/store"
)

// builder builds the template databases of one EnsureTemplates call.
type builder struct {
	admin       *pgx.Conn
	adminURL    string
	logf        func(string, ...any)
	now         time.Time
	rebuild     bool
	fingerprint string
	built       map[string]bool
	national    *national // generated on first need
}

// ensure leaves template name built by this fingerprint: kept when it is, else filled
// afresh in name_building (fill gets its URL) and renamed, so that a failed build never
// leaves a half-built template behind.
func (b *builder) ensure(ctx context.Context, name string, fill func(context.Context, string) error) error {
	if b.built[name] || (!b.rebuild && b.current(ctx, name)) {
		b.logf("%s: up to date", name)
		return nil
	}
	create := `CREATE DATABASE ` + ident(name+"_building")
	if name != baseTemplate {
		if err := b.ensure(ctx, baseTemplate, b.fillBase); err != nil {
			return err
		}
		create += ` TEMPLATE ` + ident(baseTemplate) + ` STRATEGY FILE_COPY`
	}
	t0 := time.Now()
	building := name + "_building"
	if err := b.exec(ctx, `DROP DATABASE IF EXISTS `+ident(building)+` WITH (FORCE)`); err != nil {
		return err
	}
	if err := b.exec(ctx, create); err != nil {
		return err
	}
	if err := fill(ctx, withDatabase(b.adminURL, building)); err != nil {
		return fmt.Errorf("scale: building %s: %w", name, err)
	}
	if err := b.stamp(ctx, withDatabase(b.adminURL, building), time.Since(t0)); err != nil {
		return err
	}
	for _, sql := range []string{`DROP DATABASE IF EXISTS ` + ident(name) + ` WITH (FORCE)`,
		`ALTER DATABASE ` + ident(building) + ` RENAME TO ` + ident(name)} {
		if err := b.exec(ctx, sql); err != nil {
			return err
		}
	}
	if b.built == nil {
		b.built = map[string]bool{}
	}
	b.built[name] = true
	b.logf("%s: built in %.1f s", name, time.Since(t0).Seconds())
	return nil
}

// current reports whether template name exists and was built with this fingerprint.
func (b *builder) current(ctx context.Context, name string) bool {
	var exists bool
	if err := b.admin.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)`, name).Scan(&exists); err != nil || !exists {
		return false
	}
	got, err := readBuild(ctx, withDatabase(b.adminURL, name))
	return err == nil && got.Fingerprint == b.fingerprint
}

func (b *builder) exec(ctx context.Context, sql string) error {
	if _, err := b.admin.Exec(ctx, sql); err != nil {
		return fmt.Errorf("scale: %s: %w", sql, err)
	}
	return nil
}

func ident(name string) string { return pgx.Identifier{name}.Sanitize() }

// actor names the loader's imports in the audit trail.
var actor = store.Actor{Name: "cli:scale"}

// owner connects to a database as the URL's user (its owner), not as the app's role.
func owner(ctx context.Context, url string, fn func(*pgx.Conn) error) error {
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		return fmt.Errorf("scale: connect: %w", err)
	}
	defer conn.Close(context.WithoutCancel(ctx))
	return fn(conn)
}
