package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/csv"
	"strconv"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/refdata"
	"github.com/arrs-planner/arrs/internal/store"
)

// The real November 2025 file, imported alone and on top of an October made from it,
// gives exactly the staff rows (FTE to the last of its 6 decimals), history and import
// log that the import gave before it was made faster (issue 17): the checksums were
// taken with the old code, and any change to parsing, summing, rounding or
// reconciling shows here.
const (
	goldenFirst   = "c5950803a868889f862aa7daeae2fb93"
	goldenMonthly = "b7865272887639f9e974cb7ef90b8e58"
)

func TestImportRealFileGolden(t *testing.T) {
	ctx := context.Background()
	data := demoBytes(t)
	db, url := dbtest.NewWithURL(t)
	if _, err := NWRS(ctx, db, refdata.DemoWorkforceFile, bytes.NewReader(data), store.Actor{Name: "test"}, nil, testNow); err != nil {
		t.Fatal(err)
	}
	if got := staffChecksum(t, url); got != goldenFirst {
		t.Errorf("first import: staff checksum %s, want %s", got, goldenFirst)
	}
	db, url = dbtest.NewWithURL(t)
	if _, err := NWRS(ctx, db, "oct.csv", bytes.NewReader(priorCensus(t, data)), store.Actor{Name: "test"}, nil, testNow); err != nil {
		t.Fatal(err)
	}
	if _, err := NWRS(ctx, db, refdata.DemoWorkforceFile, bytes.NewReader(data), store.Actor{Name: "test"}, nil, testNow); err != nil {
		t.Fatal(err)
	}
	if got := staffChecksum(t, url); got != goldenMonthly {
		t.Errorf("monthly import: staff checksum %s, want %s", got, goldenMonthly)
	}
}

// staffChecksum is an MD5 over the sorted staff rows (all but ids and clocks), their
// history, and the import log's figures.
func staffChecksum(t testing.TB, url string) string {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var sum string
	err = conn.QueryRow(ctx, `
		SELECT md5(concat_ws(E'\n',
		  (SELECT string_agg(r, E'\n' ORDER BY r) FROM (SELECT concat_ws('|', pcn_code, coalesce(role_code, '-'), staff_group,
		     staff_role, detailed_role, source, unique_identifier, source_rows, fte, start_date, coalesce(end_date::text, '-'),
		     band, employer, coalesce(funding_stream, '-'), version, updated_by) AS r FROM staff) s),
		  (SELECT string_agg(r, E'\n' ORDER BY r) FROM (SELECT concat_ws('|', s.pcn_code, s.unique_identifier, s.staff_role,
		     s.detailed_role, h.version, h.before->>'fte', h.before->>'end_date') AS r
		     FROM staff_history h JOIN staff s ON s.id = h.staff_id) h),
		  (SELECT string_agg(concat_ws('|', census_date, rows, fte, arrs_fte, started, ended, unchanged, pcns_created), E'\n' ORDER BY id)
		     FROM nwrs_imports)))`).Scan(&sum)
	if err != nil {
		t.Fatal(err)
	}
	return sum
}

// priorCensus makes an October 2025 file from the real November one, so that importing
// November on top of it is a month's import: every 33rd row is a November starter
// (absent here), every 50th had another FTE (a restart), and every 40th person had a
// second post that November no longer has (a leaver).
func priorCensus(t testing.TB, gz []byte) []byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(zr).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	var out bytes.Buffer
	w := csv.NewWriter(&out)
	_ = w.Write(rows[0])
	for i, r := range rows[1:] {
		r[col["CENSUS_MONTH"]] = "10"
		switch {
		case i%33 == 0:
			continue
		case i%50 == 1:
			fte, err := strconv.ParseFloat(r[col["FTE"]], 64)
			if err != nil {
				t.Fatal(err)
			}
			r[col["FTE"]] = strconv.FormatFloat(fte+0.1, 'f', -1, 64)
		case i%40 == 2 && r[col["UNIQUE_IDENTIFIER"]] != "":
			extra := append([]string(nil), r...)
			extra[col["UNIQUE_IDENTIFIER"]] = "X" + extra[col["UNIQUE_IDENTIFIER"]]
			_ = w.Write(extra)
		}
		_ = w.Write(r)
	}
	w.Flush()
	if err := w.Error(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}
