// Package dbtest gives each test its own real PostgreSQL database, cloned from a
// template that holds the migrated schema and the reference data. Tests never mock the
// database. TEST_DATABASE_URL names a database on a server where the user may create
// databases (`make test` starts one and sets it).
package dbtest

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/arrs-planner/arrs/internal/refdata"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/migrations"
)

// New returns a store on a fresh database with the schema and reference data loaded,
// dropped when the test ends. Its connections work as the app's role (store.AppRole),
// as the server's do, so the tests run with the grants the app has and no more.
func New(tb testing.TB) *store.DB {
	tb.Helper()
	db, _ := NewWithURL(tb)
	return db
}

// NewWithURL is New that also returns the database's URL, for tests that start
// servers or commands of their own on it. The URL connects as the owner: open it with
// store.Open to work as the app does.
func NewWithURL(tb testing.TB) (*store.DB, string) {
	tb.Helper()
	admin := adminURL(tb)
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, admin)
	if err != nil {
		tb.Fatalf("dbtest: connecting to TEST_DATABASE_URL: %v", err)
	}
	defer conn.Close(ctx)
	tmpl, err := ensureTemplate(ctx, conn, admin)
	if err != nil {
		tb.Fatalf("dbtest: template: %v", err)
	}
	name := "arrs_test_" + randomHex(6)
	if _, err := conn.Exec(ctx, fmt.Sprintf("CREATE DATABASE %s TEMPLATE %s", name, tmpl)); err != nil {
		tb.Fatalf("dbtest: create database: %v", err)
	}
	dbURL := withDatabase(admin, name)
	db, err := store.Open(ctx, dbURL)
	if err != nil {
		tb.Fatalf("dbtest: %v", err)
	}
	tb.Cleanup(func() {
		db.Close()
		c, err := pgx.Connect(context.Background(), admin)
		if err == nil {
			_, _ = c.Exec(context.Background(), fmt.Sprintf("DROP DATABASE IF EXISTS %s WITH (FORCE)", name))
			c.Close(context.Background())
		}
	})
	return db, dbURL
}

func adminURL(tb testing.TB) string {
	u := os.Getenv("TEST_DATABASE_URL")
	if u == "" {
		tb.Fatal("TEST_DATABASE_URL is not set: run the tests with `make test`, which starts a local PostgreSQL")
	}
	return u
}

// ensureTemplate creates, once per schema and reference data version, a database
// migrated and seeded with the reference data. An advisory lock keeps test binaries of
// several packages from building it at the same time.
func ensureTemplate(ctx context.Context, conn *pgx.Conn, admin string) (string, error) {
	name := "arrs_tmpl_" + contentHash()
	if _, err := conn.Exec(ctx, "SELECT pg_advisory_lock(7240191)"); err != nil {
		return "", err
	}
	defer conn.Exec(ctx, "SELECT pg_advisory_unlock(7240191)") //nolint:errcheck
	var exists bool
	if err := conn.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)", name).Scan(&exists); err != nil || exists {
		return name, err
	}
	building := name + "_building"
	if _, err := conn.Exec(ctx, "DROP DATABASE IF EXISTS "+building+" WITH (FORCE)"); err != nil {
		return "", err
	}
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+building); err != nil {
		return "", err
	}
	if err := fill(ctx, withDatabase(admin, building)); err != nil {
		return "", err
	}
	_, err := conn.Exec(ctx, fmt.Sprintf("ALTER DATABASE %s RENAME TO %s", building, name))
	return name, err
}

func fill(ctx context.Context, dbURL string) error {
	if err := store.Migrate(dbURL); err != nil {
		return err
	}
	db, err := store.Open(ctx, dbURL)
	if err != nil {
		return err
	}
	defer db.Close()
	ref, err := refdata.Load()
	if err != nil {
		return err
	}
	return db.LoadReference(ctx, ref)
}

// contentHash fingerprints the migrations and the reference loader's inputs.
func contentHash() string {
	h := sha256.New()
	migrations.Digest(h)
	ref, _ := refdata.Load()
	fmt.Fprintf(h, "%v", ref)
	return hex.EncodeToString(h.Sum(nil))[:12]
}

func withDatabase(raw, name string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	u.Path = "/" + name
	return u.String()
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
