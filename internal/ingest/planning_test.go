package ingest

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/importer"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

const (
	popHeader  = "pcn_code,weighted_population,effective_date\n"
	planHeader = "pcn_code,role_code,quarter,starters_fte,leavers_fte,annual_cost_gbp\n"
)

func TestPopulationsUpsert(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := dbtest.New(t)
	n, err := Populations(ctx, db, "a.csv", strings.NewReader(popHeader+"U60057,100000,2025-01-01\nU79722,40000.5,2025-01-01\n"), store.Actor{Name: "test"}, nil, testNow)
	if err != nil || n != 2 {
		t.Fatalf("first file: %d, %v", n, err)
	}
	// The same (PCN, date) takes the new value; a new date adds a row.
	n, err = Populations(ctx, db, "b.csv", strings.NewReader(popHeader+"U60057,101000,2025-01-01\nU60057,102000.125,2026-01-01\n"), store.Actor{Name: "test"}, nil, testNow)
	if err != nil || n != 2 {
		t.Fatalf("second file: %d, %v", n, err)
	}
	if got := count(t, db, "pcn_populations"); got != 3 {
		t.Errorf("%d rows, want 3", got)
	}
	for _, c := range []struct {
		day  string
		pcn  string
		want float64
		ok   bool
	}{
		{"2024-12-31", "U60057", 0, false}, // nothing in force yet
		{"2025-01-01", "U60057", 101000, true},
		{"2025-12-31", "U60057", 101000, true},
		{"2026-01-01", "U60057", 102000.125, true},
		{"2030-01-01", "U79722", 40000.5, true},
	} {
		d, _ := workforce.ParseDate(c.day)
		pops, err := db.PopulationsOn(ctx, d)
		if err != nil {
			t.Fatal(err)
		}
		if got, ok := pops[c.pcn]; ok != c.ok || got != c.want {
			t.Errorf("%s on %s: %v (%v), want %v (%v)", c.pcn, c.day, got, ok, c.want, c.ok)
		}
	}
}

func TestRejectedPopulationsWriteNothing(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := dbtest.New(t)
	if _, err := Populations(ctx, db, "a.csv", strings.NewReader(popHeader+"U60057,100000,2025-01-01\n"), store.Actor{Name: "test"}, nil, testNow); err != nil {
		t.Fatal(err)
	}
	before := populationsTable(t, db)
	bad := map[string]string{
		"unknown PCN":  popHeader + "U60057,100000,2026-01-01\nU99999,1,2026-01-01\n",
		"negative":     popHeader + "U60057,100000,2026-01-01\nU79722,-1,2026-01-01\n",
		"bad date":     popHeader + "U60057,100000,2026-01-01\nU79722,30000,2026-13-01\n",
		"duplicate":    popHeader + "U60057,100000,2026-01-01\nU60057,100001,2026-01-01\n",
		"non-numeric":  popHeader + "U60057,100000,2026-01-01\nU79722,many,2026-01-01\n",
		"empty":        "",
		"header only":  popHeader,
		"short header": "pcn_code,weighted_population\nU60057,1\n",
	}
	for name, text := range bad {
		_, err := Populations(ctx, db, name+".csv", strings.NewReader(text), store.Actor{Name: "test"}, nil, testNow)
		var re *importer.RowError
		if !errors.As(err, &re) || re.Line < 1 {
			t.Errorf("%s: want an error naming the line, got %v", name, err)
		}
	}
	if populationsTable(t, db) != before {
		t.Error("a rejected file changed pcn_populations")
	}
}

func TestPlansImportReplacesOnlyTheDraftsOfPCNsNamed(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := dbtest.New(t)
	res, err := Plans(ctx, db, "a.csv", strings.NewReader(planHeader+
		"U60057,clinical_pharmacist,2026/27 Q1,2,0,55000\n"+
		"U60057,paramedic,2026/27 Q2,1,0.5,\n"+
		"U79722,care_coordinator,2026/27 Q1,1,0,30000\n"), store.Actor{Name: "test"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res != (store.DraftsReplaced{PCNs: 2, Created: 2, Lines: 3}) {
		t.Errorf("first import: %+v", res)
	}
	other := planOf(t, db, "U79722")
	res, err = Plans(ctx, db, "b.csv", strings.NewReader(planHeader+"U60057,gp,2027/28 Q1,1,0,90000.50\n"), store.Actor{Name: "test"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res != (store.DraftsReplaced{PCNs: 1, Created: 0, Lines: 1}) {
		t.Errorf("second import: %+v", res)
	}
	if got := planOf(t, db, "U79722"); got != other {
		t.Errorf("a PCN not named changed:\n%s\nwas\n%s", got, other)
	}
	plans, _ := db.PlansByPCN(ctx, "U60057")
	if len(plans) != 1 || plans[0].Status != workforce.PlanDraft || plans[0].Version != 2 || plans[0].CreatedBy != "test" {
		t.Fatalf("U60057 plans: %+v", plans)
	}
	lines, _ := db.PlanLines(ctx, plans[0].ID)
	if len(lines) != 1 || lines[0].RoleCode != "gp" || !lines[0].QuarterStart.Equal(workforce.Date(2027, 4, 1)) ||
		lines[0].AnnualCostPence == nil || *lines[0].AnnualCostPence != 9000050 {
		t.Errorf("U60057 lines after the second import: %+v", lines)
	}
}

func TestRejectedPlansWriteNothing(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := dbtest.New(t)
	if _, err := Plans(ctx, db, "a.csv", strings.NewReader(planHeader+"U60057,clinical_pharmacist,2026/27 Q1,2,0,55000\n"), store.Actor{Name: "test"}, nil); err != nil {
		t.Fatal(err)
	}
	before := plansTable(t, db)
	good := "U60057,paramedic,2026/27 Q1,1,0,\nU79722,paramedic,2026/27 Q1,1,0,\n"
	bad := map[string]string{
		"unknown PCN":      good + "U99999,paramedic,2026/27 Q1,1,0,\n",
		"unknown role":     good + "U60057,astronaut,2026/27 Q1,1,0,\n",
		"before the role":  good + "U60057,gp,2024/25 Q2,1,0,\n",
		"negative FTE":     good + "U60057,gp,2026/27 Q1,-1,0,\n",
		"FTE above 50":     good + "U60057,gp,2026/27 Q1,51,0,\n",
		"non-numeric FTE":  good + "U60057,gp,2026/27 Q1,1,x,\n",
		"negative cost":    good + "U60057,gp,2026/27 Q1,1,0,-1\n",
		"non-numeric cost": good + "U60057,gp,2026/27 Q1,1,0,dear\n",
		"duplicate":        good + "U60057,paramedic,2026/27 Q1,2,0,\n",
		"bad quarter":      good + "U60057,gp,2026/27 Q0,1,0,\n",
	}
	for name, text := range bad {
		_, err := Plans(ctx, db, name+".csv", strings.NewReader(planHeader+text), store.Actor{Name: "test"}, nil)
		var re *importer.RowError
		if !errors.As(err, &re) || re.Line != 4 || re.Column == "" {
			t.Errorf("%s: want an error naming line 4 and a column, got %v", name, err)
		}
	}
	if plansTable(t, db) != before {
		t.Error("a rejected file changed the plans")
	}
}

// The current plan is the latest accepted version, else the latest submitted (or
// signed-off); a draft never counts (PLANNING.md, "Projection").
func TestCurrentPlanRule(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := dbtest.New(t)
	importPlan := func(starters string) {
		t.Helper()
		if _, err := Plans(ctx, db, "p.csv", strings.NewReader(planHeader+"U60057,clinical_pharmacist,2026/27 Q1,"+starters+",0,\n"), store.Actor{Name: "test"}, nil); err != nil {
			t.Fatal(err)
		}
	}
	current := func() string {
		t.Helper()
		lines, err := db.CurrentPlanLines(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(lines) != 1 {
			t.Fatalf("current lines: %+v", lines)
		}
		return fmt.Sprint(lines[0].StartersFTE)
	}
	importPlan("1") // version 1: a draft
	if lines, err := db.CurrentPlanLines(ctx); err != nil || len(lines) != 0 {
		t.Errorf("only a draft: current lines %+v (%v), want none: a draft never counts", lines, err)
	}
	v1 := latestPlan(t, db)
	setStatus(t, db, v1, workforce.PlanSubmitted)
	importPlan("2") // a new draft, version 2
	if got := current(); got != "1" {
		t.Errorf("submitted and a draft: current is %s, want the submitted (1)", got)
	}
	v2 := latestPlan(t, db)
	setStatus(t, db, v1, workforce.PlanSignedOff)
	if got := current(); got != "1" {
		t.Errorf("signed off counts as submitted: current is %s, want 1", got)
	}
	setStatus(t, db, v2, workforce.PlanSubmitted)
	importPlan("3") // version 3: a draft
	if got := current(); got != "2" {
		t.Errorf("two submitted: current is %s, want the latest (2)", got)
	}
	setStatus(t, db, v1, workforce.PlanAccepted)
	if got := current(); got != "1" {
		t.Errorf("an accepted and a later submitted: current is %s, want the accepted (1)", got)
	}
	setStatus(t, db, v2, workforce.PlanAccepted)
	if got := current(); got != "2" {
		t.Errorf("two accepted: current is %s, want the latest (2)", got)
	}
	if plans, err := db.CurrentPlans(ctx); err != nil || len(plans) != 1 || plans[0].ID != v2 || plans[0].Status != workforce.PlanAccepted {
		t.Errorf("CurrentPlans: %+v %v", plans, err)
	}
	if p, err := db.Plan(ctx, v1); err != nil || p.Status != workforce.PlanAccepted || p.PCNCode != "U60057" || p.Status.Editable() {
		t.Errorf("Plan(v1): %+v %v", p, err)
	}
	if _, err := db.Plan(ctx, -1); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Plan(-1): %v", err)
	}
	// A returned plan is editable: the import replaces its lines, no draft is started.
	v3 := latestPlan(t, db)
	setStatus(t, db, v3, workforce.PlanReturned)
	res, err := Plans(ctx, db, "p.csv", strings.NewReader(planHeader+"U60057,clinical_pharmacist,2026/27 Q1,4,0,\n"), store.Actor{Name: "test"}, nil)
	if err != nil || res.Created != 0 {
		t.Errorf("import over a returned plan: %+v, %v", res, err)
	}
	if plans, _ := db.PlansByPCN(ctx, "U60057"); len(plans) != 3 || plans[0].Status != workforce.PlanReturned {
		t.Errorf("plans: %+v", plans)
	}
	// A submitted version's lines are read-only, whoever writes.
	var n int
	err = db.QueryRowForTest(ctx, fmt.Sprintf(`WITH u AS (UPDATE plan_lines SET starters_fte = 9 WHERE plan_id = %d RETURNING 1) SELECT count(*) FROM u`, v1), &n)
	if err == nil || !strings.Contains(err.Error(), "read-only") {
		t.Errorf("changing an accepted plan's lines: %v", err)
	}
}

func latestPlan(t *testing.T, db *store.DB) int64 {
	t.Helper()
	plans, err := db.PlansByPCN(context.Background(), "U60057")
	if err != nil || len(plans) == 0 {
		t.Fatalf("plans: %v %v", plans, err)
	}
	return plans[0].ID
}

// setStatus stands in for the sign-off workflow, which a later issue builds.
func setStatus(t *testing.T, db *store.DB, id int64, s workforce.PlanStatus) {
	t.Helper()
	var got int64
	if err := db.QueryRowForTest(context.Background(), fmt.Sprintf(`UPDATE plans SET status = '%s' WHERE id = %d RETURNING id`, s, id), &got); err != nil {
		t.Fatal(err)
	}
}

// planOf fingerprints one PCN's plans and lines.
func planOf(t *testing.T, db *store.DB, pcn string) string {
	t.Helper()
	return fingerprint(t, db, `
		SELECT count(*)::text || ':' || coalesce(md5(string_agg(concat_ws('|', p.id, p.status, p.version, p.updated_at,
			l.role_code, l.quarter_start, l.starters_fte, l.leavers_fte, l.annual_cost_pence), ',' ORDER BY p.id, l.role_code, l.quarter_start)), '')
		FROM plans p LEFT JOIN plan_lines l ON l.plan_id = p.id WHERE p.pcn_code = '`+pcn+`'`)
}

// plansTable fingerprints every plan and line.
func plansTable(t *testing.T, db *store.DB) string {
	t.Helper()
	return fingerprint(t, db, `
		SELECT count(*)::text || ':' || coalesce(md5(string_agg(concat_ws('|', p.id, p.pcn_code, p.status, p.version, p.updated_at,
			l.role_code, l.quarter_start, l.starters_fte, l.leavers_fte, l.annual_cost_pence), ',' ORDER BY p.id, l.role_code, l.quarter_start)), '')
		FROM plans p LEFT JOIN plan_lines l ON l.plan_id = p.id`)
}

// populationsTable fingerprints every weighted population.
func populationsTable(t *testing.T, db *store.DB) string {
	t.Helper()
	return fingerprint(t, db, `
		SELECT count(*)::text || ':' || coalesce(md5(string_agg(concat_ws('|', pcn_code, effective_date, weighted_population), ',' ORDER BY pcn_code, effective_date)), '')
		FROM pcn_populations`)
}

func fingerprint(t *testing.T, db *store.DB, sql string) string {
	t.Helper()
	var fp string
	if err := db.QueryRowForTest(context.Background(), sql, &fp); err != nil {
		t.Fatal(err)
	}
	return fp
}
