package store_test

import (
	"context"
	"maps"
	"slices"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// versionsNow is every counter at once.
type versionsNow struct {
	sums     store.VersionSums
	pcn, icb map[string]int64
}

func readVersions(t *testing.T, db *store.DB) versionsNow {
	t.Helper()
	ctx := context.Background()
	sums, err := db.VersionSums(ctx)
	if err != nil {
		t.Fatal(err)
	}
	pcn, icb, err := db.OrgVersions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return versionsNow{sums, pcn, icb}
}

// moved lists the codes whose version differs between two readings.
func moved(before, after map[string]int64) []string {
	var out []string
	for c, v := range after {
		if before[c] != v {
			out = append(out, c)
		}
	}
	for c := range before {
		if _, ok := after[c]; !ok {
			out = append(out, c)
		}
	}
	slices.Sort(out)
	return out
}

// wantMoved fails unless exactly the PCNs, the ICBs and (national) data_version given
// moved between before and the versions now, each sum agreeing with its rows.
func wantMoved(t *testing.T, db *store.DB, before versionsNow, national bool, pcns, icbs []string) versionsNow {
	t.Helper()
	after := readVersions(t, db)
	if got := after.sums.National != before.sums.National; got != national {
		t.Errorf("national moved %v, want %v (%d → %d)", got, national, before.sums.National, after.sums.National)
	}
	if got := moved(before.pcn, after.pcn); !slices.Equal(got, pcns) {
		t.Errorf("PCNs moved %v, want %v", got, pcns)
	}
	if got := moved(before.icb, after.icb); !slices.Equal(got, icbs) {
		t.Errorf("ICBs moved %v, want %v", got, icbs)
	}
	if sum := sumOf(after.pcn); sum != after.sums.PCNSum {
		t.Errorf("PCN sum %d, rows add to %d", after.sums.PCNSum, sum)
	}
	if sum := sumOf(after.icb); sum != after.sums.ICBSum {
		t.Errorf("ICB sum %d, rows add to %d", after.sums.ICBSum, sum)
	}
	return after
}

func sumOf(m map[string]int64) (s int64) {
	for v := range maps.Values(m) {
		s += v
	}
	return s
}

// ownerExec runs, as the schema's owner (ownerConn), a statement the app never makes
// (TRUNCATE, a record moved between PCNs, a bulk load).
func ownerExec(t *testing.T, conn *pgx.Conn, sql string, args ...any) {
	t.Helper()
	if _, err := conn.Exec(context.Background(), sql, args...); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
}

func paramedic(pcn string) workforce.StaffRecord {
	return workforce.StaffRecord{
		Staff: workforce.Staff{PCNCode: pcn, RoleCode: "paramedic", StaffRole: "Paramedic", FTE: 1, Start: workforce.Date(2025, 4, 1),
			Band: "7", AnnualCostPence: 55_000_00, Stream: workforce.StreamARRS},
		EmploymentModel: workforce.HostPractice, Employer: "Riverside Surgery",
	}
}

// A save in one PCN moves that PCN's version only: no other PCN's, no ICB's, not the
// national one; DataVersion still moves.
func TestSaveInOnePCNMovesItOnly(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), dbtest.New(t)
	by := store.Actor{Name: "alice@test.nhs.uk"}
	rec, err := db.CreateStaff(ctx, paramedic("U60057"), by)
	if err != nil {
		t.Fatal(err)
	}
	before := readVersions(t, db)
	dv, err := db.DataVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	rec.FTE = 0.8
	if _, err := db.UpdateStaff(ctx, rec, by); err != nil {
		t.Fatal(err)
	}
	after := wantMoved(t, db, before, false, []string{"U60057"}, nil)
	if after.pcn["U60057"] <= before.pcn["U60057"] {
		t.Errorf("U60057 went from %d to %d", before.pcn["U60057"], after.pcn["U60057"])
	}
	if now, err := db.DataVersion(ctx); err != nil || now <= dv {
		t.Errorf("DataVersion %d → %d (%v): it must move on any change", dv, now, err)
	}
}

// A plan's lines belong to the plan's PCN.
func TestPlanLinesMoveTheirPlansPCN(t *testing.T) {
	t.Parallel()
	db, url := dbtest.NewWithURL(t)
	conn := ownerConn(t, url)
	var id int64
	if err := conn.QueryRow(context.Background(), `INSERT INTO plans (pcn_code) VALUES ('U47425') RETURNING id`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	before := readVersions(t, db)
	ownerExec(t, conn, `INSERT INTO plan_lines (plan_id, role_code, quarter_start, starters_fte) VALUES ($1, 'paramedic', '2026-04-01', 1)`, id)
	before = wantMoved(t, db, before, false, []string{"U47425"}, nil)
	ownerExec(t, conn, `DELETE FROM plan_lines WHERE plan_id = $1`, id)
	wantMoved(t, db, before, false, []string{"U47425"}, nil)
}

// An import or bulk load over many PCNs is a national change: it bumps data_version and
// locks no PCN's row. TRUNCATE, which has no rows to read, is national too.
func TestBulkWritesAreNational(t *testing.T) {
	t.Parallel()
	db, url := dbtest.NewWithURL(t)
	conn := ownerConn(t, url)
	var n int
	if err := conn.QueryRow(context.Background(), `SELECT count(*) FROM pcns`).Scan(&n); err != nil || n <= 64 {
		t.Fatalf("%d PCNs in the reference data (%v): the test needs more than 64", n, err)
	}
	before := readVersions(t, db)
	ownerExec(t, conn, `INSERT INTO pcn_populations (pcn_code, effective_date, weighted_population)
		SELECT code, '2030-01-01', 1000 FROM pcns`)
	before = wantMoved(t, db, before, true, nil, nil)
	ownerExec(t, conn, `TRUNCATE pcn_populations`)
	before = wantMoved(t, db, before, true, nil, nil)
	ownerExec(t, conn, `TRUNCATE expected_supply`)
	wantMoved(t, db, before, true, nil, nil)
}

// Sealing the rounds past their day, which pages do on every visit and which usually
// touches no row, moves nothing (000020's reason for a row trigger).
func TestSealingNothingMovesNothing(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, url := dbtest.NewWithURL(t)
	before := readVersions(t, db)
	if n, err := db.SealPulseRounds(ctx, time.Now()); err != nil || n != 0 {
		t.Fatalf("sealed %d: %v", n, err)
	}
	ownerExec(t, ownerConn(t, url), `UPDATE pulse_rounds SET sealed = true WHERE closes_on < '1900-01-01'`)
	wantMoved(t, db, before, false, nil, nil)
}

// A record moved from one PCN to another moves both.
func TestMovedRecordMovesBothPCNs(t *testing.T) {
	t.Parallel()
	db, url := dbtest.NewWithURL(t)
	rec, err := db.CreateStaff(context.Background(), paramedic("U60057"), store.Actor{Name: "alice@test.nhs.uk"})
	if err != nil {
		t.Fatal(err)
	}
	before := readVersions(t, db)
	ownerExec(t, ownerConn(t, url), `UPDATE staff SET pcn_code = 'U47425' WHERE id = $1`, rec.ID)
	wantMoved(t, db, before, false, []string{"U47425", "U60057"}, nil)
}

// An ICB's payment lag moves that ICB only; any other change to an ICB is structure
// (national).
func TestPaymentLagMovesItsICB(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), dbtest.New(t)
	before := readVersions(t, db)
	if err := db.SetPaymentLag(ctx, "QOC", 2, 3, store.Actor{Name: "lead@test.nhs.uk"}); err != nil {
		t.Fatal(err)
	}
	wantMoved(t, db, before, false, nil, []string{"QOC"})
}

func TestICBStructureIsNational(t *testing.T) {
	t.Parallel()
	db, url := dbtest.NewWithURL(t)
	before := readVersions(t, db)
	ownerExec(t, ownerConn(t, url), `UPDATE icbs SET name = name || ' (renamed)' WHERE code = 'QOC'`)
	wantMoved(t, db, before, true, nil, nil)
}

// 000021 down restores one data_version for every write, and up again brings the
// organisations' versions back.
func TestOrgVersionsDownThenUp(t *testing.T) {
	t.Parallel()
	db, url := dbtest.NewWithURL(t)
	conn := ownerConn(t, url)
	mg, err := store.NewMigrator(url)
	if err != nil {
		t.Fatal(err)
	}
	defer mg.Close()
	v, _, err := mg.Version()
	if err != nil {
		t.Fatal(err)
	}
	if err := mg.Down(int(v) - 20); err != nil {
		t.Fatal(err)
	}
	national := func() (n int64) {
		t.Helper()
		if err := conn.QueryRow(context.Background(), `SELECT version FROM data_version`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	n := national()
	ownerExec(t, conn, `UPDATE icbs SET payment_lag_months = 3 WHERE code = 'QOC'`)
	if national() == n {
		t.Error("after down, an ICB's payment lag must move data_version")
	}
	if err := mg.Up(); err != nil {
		t.Fatal(err)
	}
	before := readVersions(t, db)
	ownerExec(t, conn, `UPDATE icbs SET payment_lag_months = 2 WHERE code = 'QOC'`)
	wantMoved(t, db, before, false, nil, []string{"QOC"})
}

// noVersion lists the tables of the public schema that need no version trigger, and
// why. Every other table must have triggers that move a version on INSERT, UPDATE,
// DELETE and TRUNCATE: a table missed is a cached figure that goes stale.
var noVersion = map[string]string{
	"schema_migrations": "the migrations' bookkeeping",
	"data_version":      "a version itself",
	"pcn_versions":      "a version itself",
	"icb_versions":      "a version itself",
	"sessions":          "signed-in sessions: nothing cached reads them",
	"login_failures":    "sign-in throttling: nothing cached reads it",
	"users":             "accounts: read per request for who may see what, never cached",
	"user_grants":       "grants: read per request for who may see what, never cached",
	"audit_log":         "read live by the audit pages; entries come with the writes they record, which move a version",
	"plan_events":       "a plan's history, read live; every event comes with an UPDATE of plans, which moves its PCN",
	"staff_history":     "written only by staff's own UPDATE (staff_keep_history), which moves the same PCNs (000021)",
	"pulse_links":       "links are never cached; issuing or using one changes no figure (000020)",
	"pulse_answers":     "results are shown only once a round closes and is sealed, which updates pulse_rounds (000020)",
}

func TestEveryTableMovesAVersion(t *testing.T) {
	t.Parallel()
	_, url := dbtest.NewWithURL(t)
	rows, err := ownerConn(t, url).Query(context.Background(), `
		SELECT c.relname, coalesce(bit_or(t.tgtype::int), 0)
		FROM pg_class c
		LEFT JOIN pg_trigger t ON t.tgrelid = c.oid AND NOT t.tgisinternal
		     AND t.tgfoid IN ('bump_data_version'::regproc, 'bump_org_versions'::regproc, 'bump_icbs_version'::regproc)
		WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
		GROUP BY c.relname ORDER BY 1`)
	if err != nil {
		t.Fatal(err)
	}
	events, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (struct {
		table string
		bits  int
	}, error) {
		var x struct {
			table string
			bits  int
		}
		return x, r.Scan(&x.table, &x.bits)
	})
	if err != nil {
		t.Fatal(err)
	}
	const insert, del, update, truncate = 1 << 2, 1 << 3, 1 << 4, 1 << 5 // pg_trigger.tgtype
	var covered []string
	for _, e := range events {
		_, exempt := noVersion[e.table]
		switch all := e.bits&(insert|del|update|truncate) == insert|del|update|truncate; {
		case exempt && e.bits != 0:
			t.Errorf("%s moves a version but is listed as needing none", e.table)
		case !exempt && !all:
			t.Errorf("%s: a write to it moves no version on some event (tgtype bits %b); give it a trigger (000021) or list it in noVersion with why", e.table, e.bits)
		case !exempt:
			covered = append(covered, e.table)
		}
	}
	if len(covered) < 40 {
		t.Errorf("only %d tables move a version: %v", len(covered), covered)
	}
}
