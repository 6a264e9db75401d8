package supervision

import (
	"context"
	"fmt"
	"math"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

var by = store.Actor{Name: "test"}

// scenario is U60057 on 23 November 2026, the supervision page's test scenario:
//
//	staff  p  pharmacist 1.0        needs clinical supervision
//	       m  paramedic 0.8         needs it
//	       n  trainee nursing associate 1.0, a trainee role, needs it
//	       c  care coordinator 0.5  needs none
//	       x  pharmacist who left on 1 June 2026: not in post
//	supervisors  Ahmed 1.0 FTE 6 h, Brown 0.5 FTE 10 h (inactive), Cole 0.2 FTE 4 h
//	links  Ahmed → p clinical 4 h; Ahmed → n educational 3 h   7 of 6 h: overloaded
//	       Brown → m clinic/practice 2 h (not clinical: m is uncovered)
//	       Brown → n clinical 2 h                              4 of 10 h
//	       Brown → m clinical 2 h, ended 1 January 2026
//	       Cole → p educational 1 h, from 1 June 2027          not yet in force
//
// Coverage 2 of 3 (p and n); 4 + 3 + 2 + 2 = 11 hours a month in force.
type scenario struct {
	staff, supervisors, links map[string]int64
}

func seed(t *testing.T, db *store.DB) scenario {
	t.Helper()
	ctx := context.Background()
	sc := scenario{staff: map[string]int64{}, supervisors: map[string]int64{}, links: map[string]int64{}}
	for name, s := range map[string]struct {
		role       string
		fte        float64
		start, end string
	}{
		"p": {"clinical_pharmacist", 1, "2025-01-01", "NULL"}, "m": {"paramedic", 0.8, "2025-01-01", "NULL"},
		"n": {"trainee_nursing_associate", 1, "2025-01-01", "NULL"}, "c": {"care_coordinator", 0.5, "2025-01-01", "NULL"},
		"x": {"clinical_pharmacist", 1, "2024-01-01", "'2026-06-01'"},
	} {
		var id int64
		sql := fmt.Sprintf(`INSERT INTO staff (pcn_code, role_code, staff_role, source, fte, start_date, end_date)
			VALUES ('U60057', '%s', '%s', 'manual', %v, '%s', %s) RETURNING id`, s.role, s.role, s.fte, s.start, s.end)
		if err := db.QueryRowForTest(ctx, sql, &id); err != nil {
			t.Fatal(err)
		}
		sc.staff[name] = id
	}
	for _, s := range []workforce.Supervisor{
		{Name: "Ahmed", FTE: 1, HoursPerMonth: 6, Active: true}, {Name: "Brown", FTE: 0.5, HoursPerMonth: 10},
		{Name: "Cole", FTE: 0.2, HoursPerMonth: 4, Active: true},
	} {
		s.PCNCode, s.Profession = "U60057", "GP"
		saved, err := db.CreateSupervisor(ctx, s, by)
		if err != nil {
			t.Fatal(err)
		}
		sc.supervisors[s.Name] = saved.ID
	}
	for name, l := range map[string]struct {
		sup, staff string
		kind       workforce.SupervisionKind
		hours      float64
		start, end time.Time
	}{
		"ahmed-p":       {"Ahmed", "p", workforce.SupervisionClinical, 4, workforce.Date(2025, 1, 1), time.Time{}},
		"ahmed-n":       {"Ahmed", "n", workforce.SupervisionEducational, 3, workforce.Date(2025, 1, 1), time.Time{}},
		"brown-m":       {"Brown", "m", workforce.SupervisionClinicPractice, 2, workforce.Date(2025, 1, 1), time.Time{}},
		"brown-n":       {"Brown", "n", workforce.SupervisionClinical, 2, workforce.Date(2025, 1, 1), time.Time{}},
		"brown-m-ended": {"Brown", "m", workforce.SupervisionClinical, 2, workforce.Date(2025, 1, 1), workforce.Date(2026, 1, 1)},
		"cole-p-future": {"Cole", "p", workforce.SupervisionEducational, 1, workforce.Date(2027, 6, 1), time.Time{}},
	} {
		saved, err := db.CreateSupervisionLink(ctx, workforce.SupervisionLink{PCNCode: "U60057", SupervisorID: sc.supervisors[l.sup],
			SuperviseeID: sc.staff[l.staff], Kind: l.kind, HoursPerMonth: l.hours, Start: l.start, End: l.end}, by)
		if err != nil {
			t.Fatal(err)
		}
		sc.links[name] = saved.ID
	}
	return sc
}

func TestOfPCN(t *testing.T) {
	t.Parallel()
	db := dbtest.New(t)
	sc := seed(t, db)
	day := workforce.Date(2026, 11, 23)
	f, err := OfPCN(context.Background(), db, "U60057", day, day)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Staff) != 5 || len(f.Supervisors) != 3 || len(f.Links) != 6 {
		t.Fatalf("read %d staff, %d supervisors, %d links", len(f.Staff), len(f.Supervisors), len(f.Links))
	}
	if c := f.Coverage; c.Needing != 3 || c.Covered != 2 || len(c.Uncovered) != 1 || c.Uncovered[0] != sc.staff["m"] {
		t.Errorf("coverage %+v, want 2 of 3 with m uncovered", c)
	}
	if got := f.Totals.LinkedHours; math.Abs(got-11) > 1e-9 {
		t.Errorf("linked hours %v, want 11", got)
	}
	loads := map[string]Supervisor{}
	for _, s := range f.WithLoads() {
		loads[s.Name] = s
	}
	if a := loads["Ahmed"]; !a.Load.Overloaded || math.Abs(a.Load.LinkedHours-7) > 1e-9 {
		t.Errorf("Ahmed's load %+v, want 7 of 6 hours, overloaded", a.Load)
	}
	// Brown is marked inactive but still holds links in force; Cole's only link is yet
	// to start, and Cole is active.
	if b, c := loads["Brown"], loads["Cole"]; !b.Supervising() || !c.Supervising() || c.Load.LinkedHours != 0 {
		t.Errorf("Brown supervising %v, Cole supervising %v with %v hours", b.Supervising(), c.Supervising(), c.Load.LinkedHours)
	}
	if got := (Supervisor{Supervisor: workforce.Supervisor{Active: false}}).Supervising(); got {
		t.Error("an inactive supervisor with no links supervises")
	}
	if names := f.SupervisorNames(); names[sc.supervisors["Cole"]] != "Cole" {
		t.Errorf("names %v", names)
	}
	// On the as-of date 30 November 2025 the pharmacist x, who left on 1 June 2026, was
	// in post and needs supervision: the staff are the census's, the links today's
	// (x has none), so coverage is 2 of 4. Loads are today's, whatever the as-of date.
	asOf := workforce.Date(2025, 11, 30)
	g := Compute(f.Records, roles(t, db), asOf, day)
	if c := g.Coverage; c.Needing != 4 || c.Covered != 2 || len(c.Uncovered) != 2 || c.Uncovered[0] != min(sc.staff["m"], sc.staff["x"]) {
		t.Errorf("coverage on the as-of date %+v, want 2 of 4 with m and x uncovered", c)
	}
	if g.Totals.LinkedHours != f.Totals.LinkedHours {
		t.Errorf("linked hours %v on the as-of date, want today's %v", g.Totals.LinkedHours, f.Totals.LinkedHours)
	}
}

func roles(t *testing.T, db *store.DB) []workforce.Role {
	t.Helper()
	rs, err := db.Roles(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return rs
}
