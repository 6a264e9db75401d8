package store

import (
	"errors"
	"fmt"
	"strings"

	"github.com/golang-migrate/migrate/v4"
	_ "github.com/golang-migrate/migrate/v4/database/pgx/v5" // registers pgx5://
	"github.com/golang-migrate/migrate/v4/source/iofs"

	"github.com/arrs-planner/arrs/migrations"
)

// Migrator applies the embedded migrations to the database at url.
type Migrator struct{ m *migrate.Migrate }

// NewMigrator opens the embedded migrations against a postgres:// URL.
func NewMigrator(url string) (_ *Migrator, err error) {
	defer wrap(&err, "open the migrations")
	src, err := iofs.New(migrations.FS, ".")
	if err != nil {
		return nil, err
	}
	m, err := migrate.NewWithSourceInstance("iofs", src, pgx5URL(url))
	if err != nil {
		return nil, fmt.Errorf("migrate: %w", err)
	}
	return &Migrator{m: m}, nil
}

// pgx5URL rewrites postgres:// to the scheme the pgx v5 driver registers.
func pgx5URL(url string) string {
	for _, p := range []string{"postgres://", "postgresql://"} {
		if strings.HasPrefix(url, p) {
			return "pgx5://" + strings.TrimPrefix(url, p)
		}
	}
	return url
}

// Up applies every pending migration; none pending is not an error.
func (mg *Migrator) Up() (err error) {
	defer wrap(&err, "migrate up")
	return ignoreNoChange(mg.m.Up())
}

// Down rolls back n migrations.
func (mg *Migrator) Down(n int) (err error) {
	defer wrap(&err, "migrate down %d", n)
	return ignoreNoChange(mg.m.Steps(-n))
}

// Version reports the applied version and whether a migration failed half-way.
func (mg *Migrator) Version() (_ uint, _ bool, err error) {
	defer wrap(&err, "migration version")
	v, dirty, err := mg.m.Version()
	if errors.Is(err, migrate.ErrNilVersion) {
		return 0, false, nil
	}
	return v, dirty, err
}

// Close releases the migrator's connections.
func (mg *Migrator) Close() (err error) {
	defer wrap(&err, "close the migrations")
	srcErr, dbErr := mg.m.Close()
	return errors.Join(srcErr, dbErr)
}

func ignoreNoChange(err error) error {
	if errors.Is(err, migrate.ErrNoChange) {
		return nil
	}
	return err
}

// Migrate applies every pending migration to the database at url.
func Migrate(url string) error {
	mg, err := NewMigrator(url)
	if err != nil {
		return err
	}
	defer mg.Close()
	return mg.Up()
}
