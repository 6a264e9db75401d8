package ingest

import (
	"context"
	"encoding/csv"
	"errors"
	"io"
	"path"
	"strings"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/refdata"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

var nov1 = workforce.Date(2025, 11, 1)

// loadPractices loads the four practice files of November 2025 and returns their logs.
func loadPractices(t *testing.T, db *store.DB) []store.PracticeImportLog {
	t.Helper()
	var logs []store.PracticeImportLog
	for _, name := range refdata.PracticeFiles {
		f, err := refdata.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		l, err := Practices(context.Background(), db, path.Base(name), f, seeder)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		logs = append(logs, l)
	}
	return logs
}

// queryInt is one whole number of a query on the test database.
func queryInt(t *testing.T, db *store.DB, sql string, args ...any) int {
	t.Helper()
	var n int
	if err := db.Pool().QueryRow(context.Background(), sql, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
	return n
}

// November 2025 as NHS England published it: 63,947,100 patients, 63,706,897 of them
// in the 1,297 PCNs and 240,203 in the 74 practices in none; each PCN's list is its
// practices' sum, and the published PCN list; a practice's ICB is its sub-ICB
// location's, not its PCN's.
func TestPracticesNovember2025(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), dbtest.New(t)
	logs := loadPractices(t, db)
	got := map[string]int{"practices": logs[0].Created, "totals": logs[1].Patients, "ages": logs[2].Patients,
		"scores": logs[3].Scores, "skipped": logs[3].Skipped}
	want := map[string]int{"practices": 6200, "totals": 6200, "ages": 6200 * 43, "scores": 18330, "skipped": 4750}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s: %d, want %d", k, got[k], w)
		}
	}
	const totals = `SELECT coalesce(sum(pp.patients), 0) FROM practice_patients pp
		JOIN practice_spans s ON s.practice_code = pp.practice_code AND s.valid_from <= $1 AND (s.valid_to IS NULL OR $1 < s.valid_to)
		WHERE pp.extract = $1 AND pp.sex = 'ALL' AND pp.age_band = 'ALL'`
	if n := queryInt(t, db, totals, nov1); n != 63_947_100 {
		t.Errorf("patients: %d, want 63,947,100", n)
	}
	if n := queryInt(t, db, totals+` AND s.pcn_code IS NOT NULL`, nov1); n != 63_706_897 {
		t.Errorf("patients in PCNs: %d, want 63,706,897", n)
	}
	if n := queryInt(t, db, totals+` AND s.pcn_code IS NULL`, nov1); n != 240_203 {
		t.Errorf("patients in no PCN: %d, want 240,203", n)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM practice_spans WHERE pcn_code IS NULL`); n != 74 {
		t.Errorf("practices in no PCN: %d, want 74", n)
	}
	checkPCNLists(t, db)
	// U41591's practices sit in two ICBs; each practice has its sub-ICB location's ICB.
	if n := queryInt(t, db, `SELECT count(DISTINCT icb_code) FROM practice_spans WHERE pcn_code = 'U41591'`); n != 2 {
		t.Errorf("U41591's practices are in %d ICBs, want 2", n)
	}
	if p := orgProblems(t, db); len(p) > 0 {
		t.Errorf("org_problems(): %v", p)
	}
	log, err := db.AuditLog(ctx, store.AuditFilter{Actor: seeder.Name, Limit: 10})
	if err != nil || len(log) != 4 || log[0].Action != "practices.import" {
		t.Errorf("audit: %d entries (%v)", len(log), err)
	}
}

// checkPCNLists compares each PCN's list on 30 November 2025 with the sum of its
// practices' and the list the reference data publishes.
func checkPCNLists(t *testing.T, db *store.DB) {
	t.Helper()
	pcns, err := db.PCNsOn(context.Background(), workforce.Date(2025, 11, 30))
	if err != nil {
		t.Fatal(err)
	}
	ref, err := refdata.Load()
	if err != nil {
		t.Fatal(err)
	}
	published := map[string]int{}
	for _, p := range ref.PCNs {
		published[p.Code] = p.RegisteredPatients
	}
	sums := practiceSums(t, db)
	total := 0
	for _, p := range pcns {
		total += p.RegisteredPatients
		if sum := sums[p.Code]; p.RegisteredPatients != sum || p.RegisteredPatients != published[p.Code] {
			t.Errorf("%s: list %d, practices' sum %d, published %d", p.Code, p.RegisteredPatients, sum, published[p.Code])
		}
	}
	if len(pcns) != 1297 || total != 63_706_897 {
		t.Errorf("%d PCNs, %d patients; want 1,297 and 63,706,897", len(pcns), total)
	}
}

// practiceSums is each PCN's practices' patients on 1 November 2025.
func practiceSums(t *testing.T, db *store.DB) map[string]int {
	t.Helper()
	rows, err := db.Pool().Query(context.Background(), `
		SELECT s.pcn_code, sum(pp.patients) FROM practice_spans s JOIN practice_patients pp
		ON pp.practice_code = s.practice_code AND pp.extract = $1 AND pp.sex = 'ALL' AND pp.age_band = 'ALL'
		WHERE s.pcn_code IS NOT NULL GROUP BY 1`, nov1)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var code string
		var n int
		if err := rows.Scan(&code, &n); err != nil {
			t.Fatal(err)
		}
		out[code] = n
	}
	return out
}

// mappingFile is the November mapping file with its rows changed by edit (a row's
// cells by column name; false drops the row), and extra rows added.
func mappingFile(t *testing.T, edit func(row map[string]string) bool, extra ...map[string]string) string {
	t.Helper()
	f, err := refdata.Open(refdata.PracticeFiles[0])
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	w := csv.NewWriter(&b)
	_ = w.Write(rows[0])
	toRow := func(m map[string]string) []string {
		out := make([]string, len(rows[0]))
		for i, h := range rows[0] {
			out[i] = m[h]
		}
		return out
	}
	var last map[string]string
	for _, r := range rows[1:] {
		m := map[string]string{}
		for i, h := range rows[0] {
			m[h] = r[i]
		}
		last = m
		if edit(m) {
			_ = w.Write(toRow(m))
		}
	}
	for _, x := range extra {
		m := map[string]string{}
		for k, v := range last {
			m[k] = v
		}
		for k, v := range x {
			m[k] = v
		}
		_ = w.Write(toRow(m))
	}
	w.Flush()
	return b.String()
}

// A practice that changes PCN between two months: the December file places it in its
// new PCN from 1 December, its November membership kept; PCNsOn sees each month's. A
// practice first seen in December is placed from the start of the known structure.
func TestPracticeMovesPCN(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), dbtest.New(t)
	loadPractices(t, db)
	// B87015 (Stuart Road) leaves U10439 for U08248, another PCN of sub-ICB 03R.
	const moving, from, to = "B87015", "U10439", "U08248"
	toName := ""
	mappingFile(t, func(r map[string]string) bool {
		if r["PCN_CODE"] == to {
			toName = r["PCN_NAME"]
		}
		return true
	})
	dec := mappingFile(t, func(r map[string]string) bool {
		r["EXTRACT_DATE"] = "01Dec2025"
		if r["PRACTICE_CODE"] == moving {
			r["PCN_CODE"], r["PCN_NAME"] = to, toName
		}
		return true
	}, map[string]string{"PRACTICE_CODE": "Z99999", "PRACTICE_NAME": "NEW SURGERY"})
	log, err := Practices(ctx, db, "dec.csv", strings.NewReader(dec), seeder)
	if err != nil {
		t.Fatal(err)
	}
	if log.Moved != 1 || log.Created != 1 || log.Practices != 6201 {
		t.Errorf("log: %+v", log)
	}
	patients := queryInt(t, db, `SELECT patients FROM practice_patients WHERE practice_code = $1 AND extract = $2 AND sex = 'ALL' AND age_band = 'ALL'`, moving, nov1)
	before, after := listsOn(t, db, workforce.Date(2025, 11, 30)), listsOn(t, db, workforce.Date(2025, 12, 1))
	if after[from] != before[from]-patients || after[to] != before[to]+patients {
		t.Errorf("%s: %d then %d; %s: %d then %d; the practice has %d patients", from, before[from], after[from], to, before[to], after[to], patients)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM practice_spans WHERE practice_code = $1`, moving); n != 2 {
		t.Errorf("%s has %d spans, want its November one kept and December's", moving, n)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM practice_spans WHERE practice_code = 'Z99999' AND valid_from = $1`, workforce.HierarchyStart); n != 1 {
		t.Errorf("the new practice is not placed from %s", workforce.HierarchyStart.Format("2006-01-02"))
	}
}

// listsOn is each PCN's list on day d.
func listsOn(t *testing.T, db *store.DB, d time.Time) map[string]int {
	t.Helper()
	pcns, err := db.PCNsOn(context.Background(), d)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int{}
	for _, p := range pcns {
		out[p.Code] = p.RegisteredPatients
	}
	return out
}

// A file loaded twice is "already imported; nothing changed"; a file naming a PCN or a
// practice the planner does not hold is refused naming it, and writes nothing.
func TestPracticeRefusals(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), dbtest.New(t)
	loadPractices(t, db)
	f, err := refdata.Open(refdata.PracticeFiles[0])
	if err != nil {
		t.Fatal(err)
	}
	_, err = Practices(ctx, db, "again.csv", f.(io.Reader), seeder)
	f.Close()
	if !errors.Is(err, store.ErrAlreadyImported) || !strings.Contains(err.Error(), "nothing changed") {
		t.Errorf("the same file again: %v", err)
	}
	version, err := db.DataVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	unknownPCN := mappingFile(t, func(r map[string]string) bool {
		r["EXTRACT_DATE"] = "01Dec2025"
		r["PRACTICE_NAME"] = "RENAMED " + r["PRACTICE_NAME"]
		return true
	}, map[string]string{"PRACTICE_CODE": "Z99999", "PCN_CODE": "U99999", "PCN_NAME": "NO SUCH PCN"})
	unknownPractice := "PUBLICATION,EXTRACT_DATE,TYPE,SUB_ICB_LOCATION_CODE,ONS_SUB_ICB_LOCATION_CODE,CODE,POSTCODE,SEX,AGE,NUMBER_OF_PATIENTS\n" +
		"GP_PRAC_PAT_LIST,2025-12-01,GP,03R,E38000190,B87015,WF8 4PQ,ALL,ALL,7400\n" +
		"GP_PRAC_PAT_LIST,2025-12-01,GP,03R,E38000190,Z99998,WF8 4PQ,ALL,ALL,100\n"
	for name, c := range map[string]struct{ file, want string }{
		"unknown PCN":      {unknownPCN, "names PCNs the planner does not hold: U99999;"},
		"unknown practice": {unknownPractice, "names practices the planner does not hold: Z99998;"},
	} {
		_, err := Practices(ctx, db, "bad.csv", strings.NewReader(c.file), seeder)
		if !errors.Is(err, store.ErrUnknownCodes) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", name, err, c.want)
		}
	}
	if after, err := db.DataVersion(ctx); err != nil || after != version {
		t.Errorf("the refused files changed the data: version %d, then %d (%v)", version, after, err)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM practices WHERE name LIKE 'RENAMED %'`); n != 0 {
		t.Errorf("%d practices renamed by a refused file", n)
	}
}
