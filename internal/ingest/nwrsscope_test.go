package ingest

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/importer"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// sampleRows is the sample's header and its rows of one ICB.
func sampleRows(t *testing.T, icb string) (string, []string) {
	lines := strings.Split(strings.TrimSpace(sampleText(t)), "\n")
	var rows []string
	for _, l := range lines[1:] {
		if field(l, 7) == icb {
			rows = append(rows, l)
		}
	}
	return lines[0], rows
}

// inMonth moves rows from the sample's census (November 2025) to year-month.
func inMonth(rows []string, year, month string) []string {
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = strings.Replace(r, ",2025,11,", ","+year+","+month+",", 1)
	}
	return out
}

func csvFile(header string, rows ...[]string) string {
	return strings.Join(append([]string{header}, slices.Concat(rows...)...), "\n")
}

func setField(line string, i int, v string) string {
	r, _ := csv.NewReader(strings.NewReader(line)).Read()
	r[i] = v
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write(r)
	w.Flush()
	return strings.TrimSpace(b.String())
}

// orgCount counts every organisation: a lead's upload must create none.
func orgCount(t *testing.T, db *store.DB) int {
	return count(t, db, "regions") + count(t, db, "icbs") + count(t, db, "sub_icbs") + count(t, db, "pcns")
}

// icbStaff fingerprints the staff records of one ICB's PCNs.
func icbStaff(t *testing.T, db *store.DB, icb string) string {
	var fp string
	err := db.QueryRowForTest(context.Background(), `
		SELECT count(*)::text || ':' || coalesce(md5(string_agg(
			concat_ws('|', id, pcn_code, staff_role, unique_identifier, fte, start_date, end_date), ',' ORDER BY id)), '')
		FROM staff WHERE pcn_code IN (SELECT icb_pcns_today('`+icb+`'))`, &fp)
	if err != nil {
		t.Fatal(err)
	}
	return fp
}

func asOf(t *testing.T, db *store.DB) time.Time {
	d, err := db.LatestCensus(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// nationalNovember imports the two-ICB sample (census November 2025) as an admin would.
func nationalNovember(t *testing.T, db *store.DB) {
	if _, err := NWRS(context.Background(), db, "nov.csv", strings.NewReader(sampleText(t)), store.Actor{Name: "admin"}, nil, testNow); err != nil {
		t.Fatal(err)
	}
}

func TestCensusAfterThisMonthIsRefused(t *testing.T) {
	t.Parallel()
	header, qoc := sampleRows(t, "QOC")
	cases := []struct {
		name, year, month string
		now               time.Time
		ok                bool
	}{
		{"next month", "2027", "1", testNow, false},
		{"December 2100", "2100", "12", testNow, false},
		{"this month", "2026", "12", testNow, true},
		// 23:30 on 30 June in London (BST) is still June there: July is the future.
		{"July before midnight in London", "2026", "7", time.Date(2026, 6, 30, 22, 30, 0, 0, time.UTC), false},
		// 00:30 on 1 July in London, though still 30 June in UTC.
		{"July after midnight in London", "2026", "7", time.Date(2026, 6, 30, 23, 30, 0, 0, time.UTC), true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			db := dbtest.New(t)
			file := csvFile(header, inMonth(qoc, c.year, c.month))
			_, err := NWRS(context.Background(), db, "f.csv", strings.NewReader(file), store.Actor{Name: "cli"}, nil, c.now)
			var re *importer.RowError
			switch {
			case c.ok && err != nil:
				t.Fatalf("refused: %v", err)
			case !c.ok && (!errors.As(err, &re) || re.Line != 2 || re.Column != "CENSUS_MONTH" || !strings.Contains(re.Reason, "after the current month")):
				t.Fatalf("want line 2, CENSUS_MONTH refused as after the current month, got %v", err)
			case !c.ok && (count(t, db, "nwrs_imports") != 0 || count(t, db, "staff") != 0):
				t.Error("a refused census wrote something")
			}
		})
	}
}

func TestBadPCNCodeIsRefusedWithItsLine(t *testing.T) {
	t.Parallel()
	db := dbtest.New(t)
	header, qoc := sampleRows(t, "QOC")
	for _, code := range []string{"X12345", "U1234", "U123456", "u60057", "U6005A"} {
		rows := slices.Clone(qoc)
		rows[4] = setField(rows[4], 3, code)
		_, err := NWRS(context.Background(), db, "f.csv", strings.NewReader(csvFile(header, rows)), store.Actor{Name: "cli"}, nil, testNow)
		var re *importer.RowError
		if !errors.As(err, &re) || re.Line != 6 || re.Column != "PCN_CODE" || !strings.Contains(re.Reason, `"`+code+`"`) {
			t.Errorf("%s: want line 6, column PCN_CODE naming it, got %v", code, err)
		}
	}
	if count(t, db, "nwrs_imports") != 0 || count(t, db, "staff") != 0 {
		t.Error("a refused file wrote something")
	}
}

func TestLeadUploadOfAnotherMonthIsRefused(t *testing.T) {
	t.Parallel()
	db := dbtest.New(t)
	header, qoc := sampleRows(t, "QOC")
	lead := func(year, month string) error {
		file := csvFile(header, inMonth(qoc, year, month))
		_, err := NWRS(context.Background(), db, "qoc.csv", strings.NewReader(file), store.Actor{Name: "lead"}, []string{"QOC"}, testNow)
		return err
	}
	var se *ScopeError
	if err := lead("2025", "11"); !errors.As(err, &se) || se.Column != "CENSUS_MONTH" || !strings.Contains(se.Reason, "not the latest national census: none has been imported yet") {
		t.Errorf("before any national import: %v", err)
	}
	nationalNovember(t, db)
	before, imports := staffTable(t, db), count(t, db, "nwrs_imports")
	for _, c := range []struct{ name, year, month, reason string }{
		{"future", "2100", "12", "after the current month"},
		{"earlier", "2025", "10", "not the latest national census (November 2025)"},
		{"later, not future", "2025", "12", "not the latest national census (November 2025)"},
		{"this month", "2026", "12", "not the latest national census (November 2025)"},
	} {
		err := lead(c.year, c.month)
		if !errors.As(err, &se) || se.Line != 2 || se.Column != "CENSUS_MONTH" || !strings.Contains(se.Reason, c.reason) {
			t.Errorf("%s: want a ScopeError on line 2, CENSUS_MONTH, %q; got %v", c.name, c.reason, err)
		}
	}
	if staffTable(t, db) != before || count(t, db, "nwrs_imports") != imports || !asOf(t, db).Equal(nov30) {
		t.Error("a refused lead's upload changed the staff records, the import log or the as-of date")
	}
}

func TestLeadCorrectionChangesOnlyTheirICB(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := dbtest.New(t)
	nationalNovember(t, db)
	header, qoc := sampleRows(t, "QOC")
	_, qsl := sampleRows(t, "QSL")
	orgs, qslBefore, qocBefore := orgCount(t, db), icbStaff(t, db, "QSL"), icbStaff(t, db, "QOC")
	// QOC's lead corrects November: its first row's person left.
	correction := csvFile(header, qoc[1:])
	log, err := NWRS(ctx, db, "qoc.csv", strings.NewReader(correction), store.Actor{Name: "lead"}, []string{"QOC"}, testNow)
	if err != nil {
		t.Fatal(err)
	}
	if log.Ended != 1 || log.Started != 0 || log.PCNsCreated != 0 || !slices.Equal(log.Scope, []string{"QOC"}) {
		t.Errorf("correction: %+v", log)
	}
	if icbStaff(t, db, "QSL") != qslBefore || icbStaff(t, db, "QOC") == qocBefore {
		t.Error("the correction should change QOC's records and only them")
	}
	if orgCount(t, db) != orgs || !asOf(t, db).Equal(nov30) {
		t.Errorf("the correction created organisations (%d → %d) or moved the as-of date (%s)", orgs, orgCount(t, db), asOf(t, db))
	}
	// QSL's lead is not held back by QOC's upload, nor QOC's re-upload confused by QSL's.
	if _, err := NWRS(ctx, db, "qsl.csv", strings.NewReader(csvFile(header, qsl[1:])), store.Actor{Name: "other-lead"}, []string{"QSL"}, testNow); err != nil {
		t.Errorf("QSL's correction after QOC's: %v", err)
	}
	if _, err := NWRS(ctx, db, "qoc.csv", strings.NewReader(correction), store.Actor{Name: "lead"}, []string{"QOC"}, testNow); !errors.Is(err, store.ErrAlreadyImported) {
		t.Errorf("QOC's same correction again: got %v, want ErrAlreadyImported", err)
	}
	// The admin's next month still imports and moves the as-of date.
	dec := csvFile(header, inMonth(qsl, "2025", "12"), inMonth(qoc, "2025", "12"))
	if _, err := NWRS(ctx, db, "dec.csv", strings.NewReader(dec), store.Actor{Name: "admin"}, nil, testNow); err != nil {
		t.Fatalf("the national December after the leads' corrections: %v", err)
	}
	if got := asOf(t, db); !got.Equal(workforce.Date(2025, 12, 31)) {
		t.Errorf("as-of after the national December: %s", got)
	}
}

func TestLeadUploadOutsideTheirICBsWritesNothing(t *testing.T) {
	t.Parallel()
	db := dbtest.New(t)
	nationalNovember(t, db)
	header, qoc := sampleRows(t, "QOC")
	_, qsl := sampleRows(t, "QSL")
	edit := func(i, col int, v string) []string {
		rows := slices.Clone(qoc)
		rows[i] = setField(rows[i], col, v)
		return rows
	}
	cases := []struct {
		name   string
		rows   []string
		line   int
		column string
	}{
		{"another ICB's row", append(slices.Clone(qoc), qsl[0]), len(qoc) + 2, "PCN_CODE"},
		{"unknown PCN", edit(5, 3, "U99998"), 7, "PCN_CODE"},
		{"unknown ICB", edit(0, 7, "QZZ"), 2, "ICB_CODE"},
		{"another ICB's code", edit(0, 7, "QSL"), 2, "ICB_CODE"},
		{"unknown region", edit(0, 9, "Y99"), 2, "COMM_REGION_CODE"},
	}
	before, imports, orgs := staffTable(t, db), count(t, db, "nwrs_imports"), orgCount(t, db)
	for _, c := range cases {
		_, err := NWRS(context.Background(), db, "qoc.csv", strings.NewReader(csvFile(header, c.rows)), store.Actor{Name: "lead"}, []string{"QOC"}, testNow)
		var se *ScopeError
		var re *importer.RowError
		if !errors.As(err, &se) || !errors.As(err, &re) || se.Line != c.line || se.Column != c.column {
			t.Errorf("%s: want a ScopeError on line %d, column %s; got %v", c.name, c.line, c.column, err)
		}
	}
	if staffTable(t, db) != before || count(t, db, "nwrs_imports") != imports || orgCount(t, db) != orgs {
		t.Error("a refused lead's upload wrote something")
	}
}

// pcnStaff fingerprints the staff records of one PCN.
func pcnStaff(t *testing.T, db *store.DB, pcn string) string {
	var fp string
	err := db.QueryRowForTest(context.Background(), `
		SELECT count(*)::text || ':' || coalesce(md5(string_agg(
			concat_ws('|', id, staff_role, unique_identifier, fte, start_date, end_date), ',' ORDER BY id)), '')
		FROM staff WHERE pcn_code = '`+pcn+`'`, &fp)
	if err != nil {
		t.Fatal(err)
	}
	return fp
}

// A lead's one-row correction reconciles only the PCN it carries: that PCN's other
// records end, and every other PCN of the ICB keeps its records (a partial file cannot
// wipe an ICB, docs/planning-choices.md).
func TestLeadPartialCorrectionKeepsAbsentPCNs(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := dbtest.New(t)
	nationalNovember(t, db)
	header, qoc := sampleRows(t, "QOC")
	pcn := field(qoc[0], 3)
	others := map[string]string{}
	for _, r := range qoc {
		if p := field(r, 3); p != pcn {
			others[p] = pcnStaff(t, db, p)
		}
	}
	if len(others) == 0 {
		t.Fatal("the sample's QOC rows are of one PCN; the test needs two")
	}
	var open int
	if err := db.QueryRowForTest(ctx, `SELECT count(*) FROM staff WHERE pcn_code = '`+pcn+`' AND end_date IS NULL`, &open); err != nil {
		t.Fatal(err)
	}
	log, err := NWRS(ctx, db, "one.csv", strings.NewReader(csvFile(header, qoc[:1])), store.Actor{Name: "lead"}, []string{"QOC"}, testNow)
	if err != nil {
		t.Fatal(err)
	}
	if log.Ended != open-1 || log.Unchanged != 1 || log.Started != 0 {
		t.Errorf("one row of %s (%d open records): %+v; want %d ended, 1 unchanged", pcn, open, log, open-1)
	}
	for p, fp := range others {
		if pcnStaff(t, db, p) != fp {
			t.Errorf("%s is not in the file but its records changed", p)
		}
	}
	// A national file still reconciles everything: the same row nationally ends the rest.
	dec := csvFile(header, inMonth(qoc[:1], "2025", "12"))
	if log, err = NWRS(ctx, db, "dec.csv", strings.NewReader(dec), store.Actor{Name: "admin"}, nil, testNow); err != nil {
		t.Fatal(err)
	}
	var left int
	if err := db.QueryRowForTest(ctx, `SELECT count(*) FROM staff WHERE end_date IS NULL AND source <> 'manual'`, &left); err != nil {
		t.Fatal(err)
	}
	if left != 1 {
		t.Errorf("after a national one-row file, %d open NWRS records; want 1", left)
	}
}
