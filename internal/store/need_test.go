package store_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/ingest"
	"github.com/arrs-planner/arrs/internal/refdata"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// TestNeedWeightsAreTheReference reads back the weights migration 000019 loaded (a
// seed then finds nothing missing): the figures of need_*.csv, each source at version 1
// with no one named as having changed it.
func TestNeedWeightsAreTheReference(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), dbtest.New(t)
	ref, err := refdata.Load()
	if err != nil {
		t.Fatal(err)
	}
	w, err := db.NeedWeights(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(w.Age, ref.Need.Age) || w.Deprivation != ref.Need.Deprivation {
		t.Errorf("weights %+v %v, want %+v %v", w.Age, w.Deprivation, ref.Need.Age, ref.Need.Deprivation)
	}
	for _, c := range []struct{ got, want workforce.NeedSource }{{w.AgeSource, ref.Need.AgeSource}, {w.DepSource, ref.Need.DepSource}} {
		if c.got.Title != c.want.Title || c.got.Citation != c.want.Citation || c.got.URL != c.want.URL || c.got.Note != c.want.Note ||
			c.got.Version != 1 || c.got.UpdatedBy != "" || c.got.UpdatedAt.IsZero() {
			t.Errorf("source %+v, want %+v", c.got, c.want)
		}
	}
}

// TestNeedReferenceKeepsAdminEdits: seeding again writes the need weights only where
// none are set, as for caps and rates: an admin's bands, factor and source survive,
// and a quintile deleted comes back.
func TestNeedReferenceKeepsAdminEdits(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, dbURL := dbtest.NewWithURL(t)
	execAsOwner(t, dbURL, `
		DELETE FROM need_age_weights;
		INSERT INTO need_age_weights (label, age_from, age_to, male, female) VALUES ('young', 0, 49, 1, 1.1), ('old', 50, NULL, 2, 2.2);
		UPDATE need_deprivation_factors SET factor = 1.5 WHERE quintile = 5;
		DELETE FROM need_deprivation_factors WHERE quintile = 2;
		UPDATE need_sources SET title = 'Our own', version = 2 WHERE kind = 'age_sex'`)
	ref, err := refdata.Load()
	if err != nil {
		t.Fatal(err)
	}
	ref.SHA256 = "" // not loaded before: every step runs
	if err := db.LoadReference(ctx, ref); err != nil {
		t.Fatal(err)
	}
	w, err := db.NeedWeights(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := []workforce.NeedAgeWeight{{Label: "young", From: 0, To: 49, Male: 1, Female: 1.1}, {Label: "old", From: 50, To: -1, Male: 2, Female: 2.2}}
	if !slices.Equal(w.Age, want) || w.Deprivation != [5]float64{1, 1.03, 1.06, 1.11, 1.5} ||
		w.AgeSource.Title != "Our own" || w.AgeSource.Version != 2 || w.DepSource.Title != ref.Need.DepSource.Title {
		t.Errorf("after a re-seed: %+v %v %+v", w.Age, w.Deprivation, w.AgeSource)
	}
}

// TestNeedPractices checks a practice's need inputs on a day: its PCN of the day, its
// list and 5-year bands at the extract the day reads, summed onto the weights' bands
// by first age ("95+" in the open band), and only the latest national year's score.
func TestNeedPractices(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, dbURL := dbtest.NewWithURL(t)
	execAsOwner(t, dbURL, `
		INSERT INTO practices (code, name) VALUES ('ZZ0001', 'ONE'), ('ZZ0002', 'TWO'), ('ZZ0003', 'THREE');
		WITH home AS (SELECT sub_icb_code, icb_code FROM pcn_spans WHERE pcn_code = 'U60057' AND valid_to IS NULL)
		INSERT INTO practice_spans (practice_code, pcn_code, sub_icb_code, icb_code, valid_from, valid_to)
		SELECT 'ZZ0001', 'U60057', sub_icb_code, icb_code, date '2019-07-01', NULL::date FROM home
		UNION ALL SELECT 'ZZ0002', NULL, sub_icb_code, icb_code, date '2019-07-01', NULL FROM home
		UNION ALL SELECT 'ZZ0003', 'U60057', sub_icb_code, icb_code, date '2019-07-01', date '2026-01-01' FROM home;
		INSERT INTO practice_patients (practice_code, extract, sex, age_band, patients) VALUES
			('ZZ0001', '2025-11-01', 'ALL', 'ALL', 1000), ('ZZ0001', '2025-11-01', 'MALE', 'ALL', 999),
			('ZZ0001', '2025-11-01', 'MALE', '0_4', 10), ('ZZ0001', '2025-11-01', 'MALE', '5_9', 20),
			('ZZ0001', '2025-11-01', 'FEMALE', '10_14', 30), ('ZZ0001', '2025-11-01', 'MALE', '95+', 5),
			('ZZ0001', '2025-11-01', 'FEMALE', '75_79', 7), ('ZZ0001', '2025-11-01', 'FEMALE', '40_44', 4),
			('ZZ0001', '2026-02-01', 'ALL', 'ALL', 1100), ('ZZ0001', '2026-02-01', 'MALE', '0_4', 11),
			('ZZ0002', '2025-11-01', 'ALL', 'ALL', 500), ('ZZ0003', '2025-11-01', 'FEMALE', '20_24', 8);
		INSERT INTO practice_deprivation (practice_code, year, score, source) VALUES
			('ZZ0001', 2015, 10, 't'), ('ZZ0001', 2019, 20.5, 't'), ('ZZ0002', 2015, 30, 't')`)
	w, err := db.NeedWeights(ctx)
	if err != nil {
		t.Fatal(err)
	}
	zz := func(d time.Time) map[string]workforce.NeedPractice {
		ps, err := db.NeedPractices(ctx, d, w)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.IsSortedFunc(ps, func(a, b workforce.NeedPractice) int { return strings.Compare(a.Code, b.Code) }) {
			t.Error("practices not by code")
		}
		out := map[string]workforce.NeedPractice{}
		for _, p := range ps {
			if p.Code >= "ZZ" {
				out[p.Code] = p
			}
		}
		return out
	}
	nov := zz(workforce.Date(2025, 11, 30))
	want := map[string]workforce.NeedPractice{
		"ZZ0001": {Code: "ZZ0001", PCN: "U60057", List: 1000, ListKnown: true, Male: []int{10, 20, 0, 0, 0, 0, 5}, Female: []int{0, 30, 0, 4, 0, 0, 7}, IMD: 20.5, IMDKnown: true},
		"ZZ0002": {Code: "ZZ0002", List: 500, ListKnown: true},
		"ZZ0003": {Code: "ZZ0003", PCN: "U60057", Male: []int{0, 0, 0, 0, 0, 0, 0}, Female: []int{0, 0, 8, 0, 0, 0, 0}},
	}
	checkNeedPractices(t, "30 Nov 2025", nov, want)
	if early := zz(workforce.Date(2020, 1, 1)); !needPracticeEqual(early["ZZ0001"], want["ZZ0001"]) {
		t.Errorf("before every extract: %+v, want the first extract's", early["ZZ0001"])
	}
	mar := zz(workforce.Date(2026, 3, 1))
	checkNeedPractices(t, "1 Mar 2026", mar, map[string]workforce.NeedPractice{
		"ZZ0001": {Code: "ZZ0001", PCN: "U60057", List: 1100, ListKnown: true, Male: []int{11, 0, 0, 0, 0, 0, 0}, Female: make([]int, 7), IMD: 20.5, IMDKnown: true},
		"ZZ0002": {Code: "ZZ0002"},
	})
}

func checkNeedPractices(t *testing.T, day string, got, want map[string]workforce.NeedPractice) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: %d practices %v, want %d", day, len(got), got, len(want))
	}
	for code, w := range want {
		if g := got[code]; !needPracticeEqual(g, w) {
			t.Errorf("%s: %s = %+v, want %+v", day, code, g, w)
		}
	}
}

func needPracticeEqual(a, b workforce.NeedPractice) bool {
	return a.Code == b.Code && a.PCN == b.PCN && a.List == b.List && a.ListKnown == b.ListKnown && slices.Equal(a.Male, b.Male) &&
		slices.Equal(a.Female, b.Female) && (a.Male == nil) == (b.Male == nil) && a.IMD == b.IMD && a.IMDKnown == b.IMDKnown
}

// BenchmarkNeedGather reads what need for England takes of the store on a day, from
// the full embedded reference data (6,200 practices, 248,000 age-band rows): the
// weights, then every practice with its list, its 5-year bands (one practice_bands row
// each) and its score. Two round trips. The tables are analysed first, as autovacuum
// does after a load.
func BenchmarkNeedGather(b *testing.B) {
	ctx := context.Background()
	db, dbURL := dbtest.NewWithURL(b)
	if _, err := ingest.Reference(ctx, db, store.Actor{Name: "cli:bench seed"}); err != nil {
		b.Fatal(err)
	}
	analyzeAsOwner(b, dbURL)
	d := workforce.Date(2025, 11, 30)
	for b.Loop() {
		w, err := db.NeedWeights(ctx)
		if err != nil {
			b.Fatal(err)
		}
		ps, err := db.NeedPractices(ctx, d, w)
		if err != nil || len(ps) < 6000 {
			b.Fatal(len(ps), err)
		}
	}
}

// analyzeAsOwner analyses the database as its owner (the app's role may not).
func analyzeAsOwner(tb testing.TB, dbURL string) {
	tb.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		tb.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, `ANALYZE`); err != nil {
		tb.Fatal(err)
	}
}

// TestPracticeBandsFollowPatients checks that practice_bands, which need reads, always
// holds each practice's 5-year rows of practice_patients: after the import of an
// extract, of a second extract, of a first extract again with some bands dropped and
// others changed (a totals file leaves the bands alone), and after rows are updated,
// deleted and truncated by hand, as tests and operators do.
func TestPracticeBandsFollowPatients(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, dbURL := dbtest.NewWithURL(t)
	execAsOwner(t, dbURL, `INSERT INTO practices (code, name) VALUES ('ZZ0001', 'ONE'), ('ZZ0002', 'TWO')`)
	nov, feb := workforce.Date(2025, 11, 1), workforce.Date(2026, 2, 1)
	row := func(code string, extract time.Time, sex, band string, n int) workforce.PracticePatients {
		return workforce.PracticePatients{PracticeCode: code, Extract: extract, Sex: sex, AgeBand: band, Patients: n}
	}
	load := func(name, kind string, rows ...workforce.PracticePatients) {
		t.Helper()
		_, err := db.ImportPractices(ctx, store.PracticeImport{FileName: name, Kind: kind, SHA256: name, Rows: len(rows),
			Files: &workforce.PracticeFiles{Extract: rows[0].Extract, Patients: rows}, By: store.Actor{Name: "test"}})
		if err != nil {
			t.Fatal(err)
		}
	}
	var first []workforce.PracticePatients
	for i, band := range workforce.FiveYearBands {
		first = append(first, row("ZZ0001", nov, "MALE", band, 100+i), row("ZZ0001", nov, "FEMALE", band, 200+i))
	}
	first = append(first, row("ZZ0002", nov, "FEMALE", "95+", 7), row("ZZ0002", nov, "MALE", "ALL", 9))
	load("nov-ages", "ages", first...)
	checkPracticeBands(t, dbURL, "after one extract", 2)
	load("feb-ages", "ages", row("ZZ0001", feb, "MALE", "0_4", 11), row("ZZ0002", feb, "FEMALE", "40_44", 12))
	checkPracticeBands(t, dbURL, "after a second extract", 4)
	load("nov-ages-again", "ages", row("ZZ0001", nov, "FEMALE", "25_29", 300), row("ZZ0001", nov, "MALE", "95+", 5))
	checkPracticeBands(t, dbURL, "after the first extract again with fewer bands", 4)
	load("nov-totals", "totals", row("ZZ0001", nov, "ALL", "ALL", 1000), row("ZZ0002", nov, "ALL", "ALL", 500))
	checkPracticeBands(t, dbURL, "after a totals file", 4)
	execAsOwner(t, dbURL, `UPDATE practice_patients SET patients = patients + 1 WHERE practice_code = 'ZZ0001'`)
	checkPracticeBands(t, dbURL, "after an update", 4)
	execAsOwner(t, dbURL, `DELETE FROM practice_patients WHERE practice_code = 'ZZ0002' AND extract = '2026-02-01'`)
	checkPracticeBands(t, dbURL, "after a practice's extract is deleted", 3)
	execAsOwner(t, dbURL, `DELETE FROM practice_patients WHERE practice_code = 'ZZ0001' AND age_band <> 'ALL' AND sex = 'MALE'`)
	checkPracticeBands(t, dbURL, "after one sex is deleted", 2)
	execAsOwner(t, dbURL, `TRUNCATE practice_patients`)
	checkPracticeBands(t, dbURL, "after a truncate", 0)
}

// checkPracticeBands compares practice_bands, read back by practice_band_counts, with
// the 5-year rows of practice_patients: the same practices and extracts (rows of
// practice_bands, want of them), and each count, 0 where a band has no row.
func checkPracticeBands(t *testing.T, dbURL, when string, want int) {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	type key struct{ code, extract, sex, band string }
	patients := map[key]int{}
	rows, _ := conn.Query(ctx, `SELECT practice_code, extract::text, sex, age_band, patients FROM practice_patients WHERE sex <> 'ALL' AND age_band <> 'ALL'`)
	var k key
	var n int
	if _, err := pgx.ForEachRow(rows, []any{&k.code, &k.extract, &k.sex, &k.band, &n}, func() error { patients[k] = n; return nil }); err != nil {
		t.Fatal(err)
	}
	bands, pairs := map[key]int{}, map[key]bool{}
	rows, _ = conn.Query(ctx, `SELECT practice_code, extract::text, practice_band_counts(male), practice_band_counts(female) FROM practice_bands`)
	var male, female []int
	if _, err := pgx.ForEachRow(rows, []any{&k.code, &k.extract, &male, &female}, func() error {
		pairs[key{code: k.code, extract: k.extract}] = true
		for sex, counts := range map[string][]int{"MALE": male, "FEMALE": female} {
			if len(counts) != len(workforce.FiveYearBands) {
				t.Errorf("%s: %s %s %s has %d counts", when, k.code, k.extract, sex, len(counts))
			}
			for i, c := range counts {
				if c != 0 || patients[key{k.code, k.extract, sex, workforce.FiveYearBands[i]}] != 0 {
					bands[key{k.code, k.extract, sex, workforce.FiveYearBands[i]}] = c
				}
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	for p, n := range patients {
		if !pairs[key{code: p.code, extract: p.extract}] {
			t.Errorf("%s: %s %s has 5-year rows but no practice_bands row", when, p.code, p.extract)
		} else if n != 0 && bands[p] != n {
			t.Errorf("%s: %+v is %d in practice_bands, want %d", when, p, bands[p], n)
		}
	}
	for b, n := range bands {
		if patients[b] != n {
			t.Errorf("%s: %+v is %d in practice_bands, want %d", when, b, n, patients[b])
		}
	}
	if len(pairs) != want {
		t.Errorf("%s: %d practice_bands rows, want %d", when, len(pairs), want)
	}
}
