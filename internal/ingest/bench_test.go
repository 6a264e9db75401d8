package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/refdata"
	"github.com/arrs-planner/arrs/internal/store"
)

// demoBytes is the full Nov 2025 file (gzip), read once.
func demoBytes(b testing.TB) []byte {
	f := demoFile(b)
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		b.Fatal(err)
	}
	return data
}

// BenchmarkImportNWRS imports the full Nov 2025 file (38,696 rows) into a database
// with the reference data and no staff: parse, check, bulk load, reconcile, log.
func BenchmarkImportNWRS(b *testing.B) {
	data := demoBytes(b)
	ctx := context.Background()
	for b.Loop() {
		b.StopTimer()
		db := dbtest.New(b)
		b.StartTimer()
		if _, err := NWRS(ctx, db, refdata.DemoWorkforceFile, bytes.NewReader(data), store.Actor{Name: "test"}, nil, testNow); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkImportFloorCopy is the floor to compare with: the same file, unzipped,
// streamed by COPY FROM STDIN (what psql's \copy sends) into a bare table of text
// columns, with no parsing, checking or reconciling.
func BenchmarkImportFloorCopy(b *testing.B) {
	data := demoBytes(b)
	ctx := context.Background()
	_, url := dbtest.NewWithURL(b)
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		b.Fatal(err)
	}
	defer conn.Close(ctx)
	for b.Loop() {
		b.StopTimer()
		if _, err := conn.Exec(ctx, `DROP TABLE IF EXISTS bare; CREATE TABLE bare (
			data_source text, census_year text, census_month text, pcn_code text, pcn_name text, sub_icb_code text,
			sub_icb_name text, icb_code text, icb_name text, comm_region_code text, comm_region_name text,
			staff_group text, staff_role text, detailed_staff_role text, fte text, unique_identifier text)`); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		tag, err := conn.PgConn().CopyFrom(ctx, zr, "COPY bare FROM STDIN WITH (FORMAT csv, HEADER true)")
		if err != nil || tag.RowsAffected() != 38696 {
			b.Fatalf("copy: %v (%d rows)", err, tag.RowsAffected())
		}
	}
}
