package store_test

import (
	"context"
	"math"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// Each national census keeps the ARRS FTE in post on its date by PCN and role, and
// which PCNs made a return: a PCN with only staff outside ARRS made one (with no ARRS
// FTE); a record entered by hand counts in post but is no return; a record absent from
// the later census ends on it; an ICB lead's correction is no census of its own.
func TestCensusRoles(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, dbURL := dbtest.NewWithURL(t)
	nov, dec := workforce.Date(2025, 11, 30), workforce.Date(2025, 12, 31)
	if got, err := db.CensusRoles(ctx); err != nil || len(got) != 0 {
		t.Fatalf("before any import: %v, %v", got, err)
	}
	rec := func(pcn, id, role, staffRole string, fte float64) workforce.Staff {
		return workforce.Staff{PCNCode: pcn, RoleCode: role, StaffRole: staffRole, Source: workforce.SourceNWRSStaff, UniqueIdentifier: id, SourceRows: 1, FTE: fte}
	}
	load := func(name string, census time.Time, scope []string, recs ...workforce.Staff) {
		t.Helper()
		var orgs []workforce.OrgPath
		for _, r := range recs {
			if scope != nil {
				orgs = append(orgs, workforce.OrgPath{PCN: workforce.PCN{Code: r.PCNCode}})
			}
		}
		if _, err := db.ImportNWRS(ctx, store.NWRSImport{FileName: name, SHA256: name, Census: census, Rows: len(recs), Records: recs, Orgs: orgs, Scope: scope, By: testActor}); err != nil {
			t.Fatal(err)
		}
	}
	// November: U60057 two pharmacists (1 + 0.5) and a paramedic 0.4; U47425 only a
	// director outside ARRS. December: U60057 keeps one pharmacist (the 0.5 ends), and
	// U79722 returns a paramedic 0.6; U47425 makes no return. A pharmacist entered by
	// hand at U47425 from 1 December counts in post in December, but is no return.
	load("nov", nov, nil,
		rec("U60057", "1", "clinical_pharmacist", "Pharmacists", 1), rec("U60057", "2", "clinical_pharmacist", "Pharmacists", 0.5),
		rec("U60057", "3", "paramedic", "Paramedics", 0.4), rec("U47425", "4", "", "Clinical Director", 0.2))
	if _, err := db.CreateStaff(ctx, workforce.StaffRecord{Staff: workforce.Staff{PCNCode: "U47425", RoleCode: "clinical_pharmacist",
		StaffRole: "Pharmacists", FTE: 0.8, Start: workforce.Date(2025, 12, 1), Stream: workforce.StreamARRS}}, testActor); err != nil {
		t.Fatal(err)
	}
	load("dec", dec, nil, rec("U60057", "1", "clinical_pharmacist", "Pharmacists", 1), rec("U60057", "3", "paramedic", "Paramedics", 0.4),
		rec("U79722", "5", "paramedic", "Paramedics", 0.6))
	load("dec-qoc", dec, []string{"QOC"}, rec("U79722", "5", "paramedic", "Paramedics", 0.6))

	got, err := db.CensusRoles(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		census   time.Time
		fte      map[string]map[string]float64
		returned []string
	}{
		{nov, map[string]map[string]float64{"U60057": {"clinical_pharmacist": 1.5, "paramedic": 0.4}}, []string{"U47425", "U60057"}},
		{dec, map[string]map[string]float64{"U60057": {"clinical_pharmacist": 1, "paramedic": 0.4}, "U79722": {"paramedic": 0.6},
			"U47425": {"clinical_pharmacist": 0.8}}, []string{"U60057", "U79722"}},
	}
	if len(got) != len(want) {
		t.Fatalf("%d censuses, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		g := got[i]
		if !g.Census.Equal(w.census) {
			t.Errorf("census %d: %s, want %s", i, g.Census.Format(time.DateOnly), w.census.Format(time.DateOnly))
		}
		if len(g.FTE) != len(w.fte) {
			t.Errorf("%s: FTE of %d PCNs %v, want %v", w.census.Format(time.DateOnly), len(g.FTE), g.FTE, w.fte)
		}
		for pcn, roles := range w.fte {
			if len(g.FTE[pcn]) != len(roles) {
				t.Errorf("%s %s: roles %v, want %v", w.census.Format(time.DateOnly), pcn, g.FTE[pcn], roles)
			}
			for role, fte := range roles {
				if math.Abs(g.FTE[pcn][role]-fte) > 1e-9 {
					t.Errorf("%s %s %s: %v FTE, want %v", w.census.Format(time.DateOnly), pcn, role, g.FTE[pcn][role], fte)
				}
			}
		}
		if len(g.Returned) != len(w.returned) {
			t.Errorf("%s: returned %v, want %v", w.census.Format(time.DateOnly), g.Returned, w.returned)
		}
		for _, pcn := range w.returned {
			if !g.Returned[pcn] {
				t.Errorf("%s: %s made a return, not found in %v", w.census.Format(time.DateOnly), pcn, g.Returned)
			}
		}
	}
	// Nothing need reads changed between the two: the same extract, the same structure.
	inputs, err := db.CensusNeedInputs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(inputs) != 2 || !inputs[0].Census.Equal(nov) || !inputs[1].Census.Equal(dec) ||
		!inputs[0].Extract.Equal(inputs[1].Extract) || !inputs[0].Structure.Equal(inputs[1].Structure) {
		t.Errorf("need inputs %+v, want November's and December's the same", inputs)
	}
	// A PCN moves on 15 December: December's need reads another structure.
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, `
		UPDATE pcn_spans SET valid_to = date '2025-12-15' WHERE pcn_code = 'U60057' AND valid_to IS NULL;
		INSERT INTO pcn_spans (pcn_code, sub_icb_code, icb_code, valid_from, source)
		SELECT pcn_code, sub_icb_code, icb_code, date '2025-12-15', 'change' FROM pcn_spans
		WHERE pcn_code = 'U60057' AND valid_to = date '2025-12-15'`); err != nil {
		t.Fatal(err)
	}
	if inputs, err = db.CensusNeedInputs(ctx); err != nil || len(inputs) != 2 ||
		inputs[0].Structure.Equal(inputs[1].Structure) || !inputs[1].Structure.Equal(workforce.Date(2025, 12, 15)) {
		t.Errorf("need inputs after the move %+v (%v), want December's structure of 15 December", inputs, err)
	}
	// Returned is the complement of NoReturn among the PCNs of the reference data.
	for _, c := range got {
		none, err := db.NoReturn(ctx, c.Census)
		if err != nil {
			t.Fatal(err)
		}
		for pcn := range c.Returned {
			if none[pcn] {
				t.Errorf("%s: %s both returned and not", c.Census.Format(time.DateOnly), pcn)
			}
		}
	}
}
