package scale

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
)

// Build is what a template database records of its own build (table scale_build).
type Build struct {
	Fingerprint string
	Censuses    int
	StaffRows   int64
	// FirstImport is the first census imported, into an empty staff table; LastImport
	// the last (the real November 2025 file) on top of the others. With one census they
	// are the same import.
	FirstImport, LastImport time.Duration
	FirstRows, LastRows     int
	Took                    time.Duration // the whole build of this template, base aside
}

// ImportTimings are the import figures the benchmark prints beside the COPY floor.
type ImportTimings struct {
	// Empty is the real November 2025 file imported into an empty staff table (the
	// 1-census template's only import).
	Empty time.Duration
	// Monthly is the same file imported as the 60th census, on 59 generated ones.
	Monthly time.Duration
	Rows    int // rows of the file
}

// Timings reads the import figures from the 1- and 60-census templates.
func Timings(ctx context.Context, adminURL string) (ImportTimings, error) {
	one, err := readBuild(ctx, withDatabase(adminURL, TemplateName(1)))
	if err != nil {
		return ImportTimings{}, err
	}
	all, err := readBuild(ctx, withDatabase(adminURL, TemplateName(DefaultParams.Months+1)))
	if err != nil {
		return ImportTimings{}, err
	}
	return ImportTimings{Empty: one.FirstImport, Monthly: all.LastImport, Rows: all.LastRows}, nil
}

// ReadBuild reads what template recorded of its build.
func ReadBuild(ctx context.Context, adminURL, template string) (Build, error) {
	return readBuild(ctx, withDatabase(adminURL, template))
}

const buildTable = `
	CREATE TABLE IF NOT EXISTS scale_build (
		fingerprint text NOT NULL, censuses int NOT NULL DEFAULT 0, staff_rows bigint NOT NULL DEFAULT 0,
		first_import_ms double precision NOT NULL DEFAULT 0, last_import_ms double precision NOT NULL DEFAULT 0,
		first_rows int NOT NULL DEFAULT 0, last_rows int NOT NULL DEFAULT 0,
		took_ms double precision NOT NULL DEFAULT 0, built_at timestamptz NOT NULL DEFAULT now())`

func readBuild(ctx context.Context, url string) (Build, error) {
	var b Build
	err := owner(ctx, url, func(c *pgx.Conn) error {
		var first, last, took float64
		err := c.QueryRow(ctx, `SELECT fingerprint, censuses, staff_rows, first_import_ms, last_import_ms, first_rows, last_rows, took_ms
			FROM scale_build`).Scan(&b.Fingerprint, &b.Censuses, &b.StaffRows, &first, &last, &b.FirstRows, &b.LastRows, &took)
		b.FirstImport, b.LastImport, b.Took = ms(first), ms(last), ms(took)
		return err
	})
	if err != nil {
		return b, fmt.Errorf("%w: %v", errNoBuild, err)
	}
	return b, nil
}

func ms(v float64) time.Duration { return time.Duration(v * float64(time.Millisecond)) }

func toMS(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// stamp writes the fingerprint and the build's time (the census fill has written its
// own figures already).
func (b *builder) stamp(ctx context.Context, url string, took time.Duration) error {
	return owner(ctx, url, func(c *pgx.Conn) error {
		if _, err := c.Exec(ctx, buildTable); err != nil {
			return err
		}
		if _, err := c.Exec(ctx, `INSERT INTO scale_build (fingerprint) SELECT '' WHERE NOT EXISTS (SELECT 1 FROM scale_build)`); err != nil {
			return err
		}
		_, err := c.Exec(ctx, `UPDATE scale_build SET fingerprint = $1, took_ms = $2, built_at = now()`, b.fingerprint, toMS(took))
		return err
	})
}
