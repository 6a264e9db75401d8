package store_test

import (
	"context"
	"errors"
	"testing"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// capStaff adds a staff record entered by hand and returns its id.
func capStaff(t *testing.T, db *store.DB, pcn string) int64 {
	t.Helper()
	var id int64
	err := db.QueryRowForTest(context.Background(), `INSERT INTO staff (pcn_code, role_code, staff_role, source, fte, start_date)
		VALUES ('`+pcn+`', 'paramedic', 'Paramedic', 'manual', 1, '2025-01-01') RETURNING id`, &id)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// capAudits counts the audit entries of one action about one PCN or ICB.
func capAudits(t *testing.T, db *store.DB, action, pcn, icb string) int {
	t.Helper()
	entries, err := db.AuditLog(context.Background(), store.AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		if e.Action == action && e.PCN == pcn && e.ICB == icb {
			n++
		}
	}
	return n
}

func TestSupervisorsAndLinks(t *testing.T) {
	t.Parallel()
	ctx, db, by := context.Background(), dbtest.New(t), store.Actor{Name: "test"}
	sup, err := db.CreateSupervisor(ctx, workforce.Supervisor{PCNCode: "U60057", Name: "Dr A", Profession: "GP", FTE: 1, HoursPerMonth: 8}, by)
	if err != nil || sup.ID == 0 || sup.Version != 1 || !sup.Active {
		t.Fatalf("create: %+v %v", sup, err)
	}
	if _, err := db.Supervisor(ctx, "U47425", sup.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("another PCN's supervisor: %v, want not found", err)
	}
	sup.HoursPerMonth = 10
	saved, err := db.UpdateSupervisor(ctx, sup, by)
	if err != nil || saved.Version != 2 {
		t.Fatalf("update: %+v %v", saved, err)
	}
	if _, err := db.UpdateSupervisor(ctx, sup, by); !errors.Is(err, store.ErrConflict) {
		t.Errorf("stale update: %v, want conflict", err)
	}
	if n := capAudits(t, db, "supervisor.update", "U60057", ""); n != 1 {
		t.Errorf("%d audited updates, want 1", n)
	}

	own, other := capStaff(t, db, "U60057"), capStaff(t, db, "U47425")
	l := workforce.SupervisionLink{PCNCode: "U60057", SuperviseeID: own, SupervisorID: sup.ID, Kind: workforce.SupervisionClinical,
		HoursPerMonth: 2, Start: workforce.Date(2026, 1, 1)}
	link, err := db.CreateSupervisionLink(ctx, l, by)
	if err != nil || link.ID == 0 {
		t.Fatalf("link: %+v %v", link, err)
	}
	// The database holds the supervisee and the supervisor to the link's PCN.
	l.SuperviseeID = other
	if _, err := db.CreateSupervisionLink(ctx, l, by); err == nil {
		t.Error("a link to another PCN's staff record was saved")
	}
	l.SuperviseeID, l.PCNCode = other, "U47425"
	if _, err := db.CreateSupervisionLink(ctx, l, by); err == nil {
		t.Error("a link to another PCN's supervisor was saved")
	}
	if n, err := db.ActiveLinksOfSupervisor(ctx, "U60057", sup.ID, workforce.Date(2026, 11, 23)); err != nil || n != 1 {
		t.Errorf("active links: %d %v", n, err)
	}
	link.End = workforce.Date(2026, 6, 1)
	if link, err = db.UpdateSupervisionLink(ctx, link, "supervision_link.end", by); err != nil || link.Version != 2 {
		t.Fatalf("end: %+v %v", link, err)
	}
	if n, _ := db.ActiveLinksOfSupervisor(ctx, "U60057", sup.ID, workforce.Date(2026, 11, 23)); n != 0 {
		t.Errorf("active links after the end: %d", n)
	}
	link.Version = 1
	if _, err := db.UpdateSupervisionLink(ctx, link, "supervision_link.end", by); !errors.Is(err, store.ErrConflict) {
		t.Errorf("stale end: %v", err)
	}
	links, err := db.SupervisionLinksOfICB(ctx, "QOC")
	if err != nil || len(links) != 1 || !links[0].End.Equal(workforce.Date(2026, 6, 1)) {
		t.Errorf("links of QOC: %+v %v", links, err)
	}
	if n := capAudits(t, db, "supervision_link.end", "U60057", ""); n != 1 {
		t.Errorf("%d audited ends, want 1", n)
	}
}

func TestSites(t *testing.T) {
	t.Parallel()
	ctx, db, by := context.Background(), dbtest.New(t), store.Actor{Name: "test"}
	site, err := db.CreateSite(ctx, workforce.Site{PCNCode: "U60057", Name: "Main", SessionsPerWeek: 10}, by)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.CreateSite(ctx, workforce.Site{PCNCode: "U60057", Name: "Main", SessionsPerWeek: 2}, by); !errors.Is(err, store.ErrConflict) {
		t.Errorf("a second Main: %v, want conflict", err)
	}
	if _, err := db.CreateSite(ctx, workforce.Site{PCNCode: "U47425", Name: "Main", SessionsPerWeek: 2}, by); err != nil {
		t.Errorf("another PCN's Main: %v", err)
	}
	site.SessionsPerWeek = 12.5
	if site, err = db.UpdateSite(ctx, site, by); err != nil || site.Version != 2 {
		t.Fatalf("update: %+v %v", site, err)
	}
	if err := db.RemoveSite(ctx, "U60057", site.ID, 1, by); !errors.Is(err, store.ErrConflict) {
		t.Errorf("stale removal: %v", err)
	}
	if err := db.RemoveSite(ctx, "U47425", site.ID, 2, by); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("removal under another PCN: %v", err)
	}
	if err := db.RemoveSite(ctx, "U60057", site.ID, 2, by); err != nil {
		t.Fatal(err)
	}
	sites, err := db.SitesOfICB(ctx, "QOC")
	if err != nil || len(sites) != 0 {
		t.Errorf("sites of QOC: %+v %v", sites, err)
	}
	for action, want := range map[string]int{"site.create": 1, "site.update": 1, "site.remove": 1} {
		if n := capAudits(t, db, action, "U60057", ""); n != want {
			t.Errorf("%s audited %d times, want %d", action, n, want)
		}
	}
}

func TestSaveExpectedSupply(t *testing.T) {
	t.Parallel()
	ctx, db, by := context.Background(), dbtest.New(t), store.Actor{Name: "test"}
	row := func(role string, nq, tc, mv float64, version int) workforce.ExpectedSupply {
		return workforce.ExpectedSupply{RoleCode: role, NewlyQualified: nq, TraineesCompleting: tc, Movers: mv, Version: version}
	}
	ch, err := db.SaveExpectedSupply(ctx, "QOC", "2026/27", []workforce.ExpectedSupply{
		row("paramedic", 1, 0, 0.2, 0), row("clinical_pharmacist", 0, 0, 0, 0)}, by)
	if err != nil || len(ch.After) != 1 || len(ch.Before) != 0 {
		t.Fatalf("first save: %+v %v", ch, err)
	}
	// Unchanged rows write nothing; a row emptied is removed.
	if ch, err = db.SaveExpectedSupply(ctx, "QOC", "2026/27", []workforce.ExpectedSupply{row("paramedic", 1, 0, 0.2, 1)}, by); err != nil || len(ch.After)+len(ch.Before) != 0 {
		t.Errorf("unchanged save: %+v %v", ch, err)
	}
	if _, err = db.SaveExpectedSupply(ctx, "QOC", "2026/27", []workforce.ExpectedSupply{row("paramedic", 2, 0, 0, 0)}, by); !errors.Is(err, store.ErrConflict) {
		t.Errorf("stale save: %v", err)
	}
	if ch, err = db.SaveExpectedSupply(ctx, "QOC", "2026/27", []workforce.ExpectedSupply{row("paramedic", 0, 0, 0, 1)}, by); err != nil || len(ch.Before) != 1 || len(ch.After) != 0 {
		t.Errorf("emptied row: %+v %v", ch, err)
	}
	all, err := db.ExpectedSupplyOfICB(ctx, "QOC")
	if err != nil || len(all) != 0 {
		t.Errorf("after emptying: %+v %v", all, err)
	}
	if n := capAudits(t, db, "supply.save", "", "QOC"); n != 2 {
		t.Errorf("%d audited saves, want 2", n)
	}
}
