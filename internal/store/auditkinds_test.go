package store_test

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/arrs-planner/arrs/internal/auth"
	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// Every write method audits its own change, in its payload shape, so that no caller
// can forget: users, plans and imports as much as staff, caps and sites.
func TestEveryWriteAuditsItself(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), dbtest.New(t)
	by := store.Actor{Name: "writer@test.nhs.uk"}
	manager := auth.Grant{Role: auth.PCNManager, Org: "U60057"}
	var user auth.User
	var plan workforce.Plan
	var target workforce.Target
	var integration workforce.IntegrationRecord
	var round workforce.PulseRound
	today := workforce.Date(2026, 2, 1)
	line := []workforce.PlanLine{{PCNCode: "U60057", RoleCode: "paramedic", QuarterStart: workforce.Date(2026, 7, 1), StartersFTE: 1}}
	steps := []struct {
		action, entity string
		write          func() (entityID string, err error)
		want           []string // in the entry's PCN, ICB, before or after
	}{
		{"user.create", "user", func() (string, error) {
			var err error
			user, err = db.CreateUser(ctx, auth.User{Email: "new@test.nhs.uk", Name: "New", Active: true, Grants: []auth.Grant{manager}}, by)
			return strconv.FormatInt(user.ID, 10), err
		}, []string{`"email": "new@test.nhs.uk"`, `"grants": "pcn_manager U60057"`}},
		{"user.update", "user", func() (string, error) {
			u := user
			u.Name = "Renamed"
			var err error
			user, err = db.UpdateUser(ctx, u, by)
			return strconv.FormatInt(user.ID, 10), err
		}, []string{`"name": "New"`, `"name": "Renamed"`}},
		{"user.password_change", "user", func() (string, error) {
			return strconv.FormatInt(user.ID, 10), db.SetPassword(ctx, user.ID, "hash", by)
		}, nil},
		{"user.link_oidc", "user", func() (string, error) {
			return strconv.FormatInt(user.ID, 10), db.LinkOIDCSubject(ctx, user.ID, "sub-1", by)
		}, []string{`"oidc_subject": "sub-1"`}},
		{"plans.import", "plan", func() (string, error) {
			_, err := db.ReplaceDrafts(ctx, "plan.csv", line, by)
			return "U60057", err
		}, []string{"U60057", `"file": "plan.csv"`, `"lines": 1`}},
		{"plan.save", "plan", func() (string, error) {
			p, err := db.EditablePlan(ctx, "U60057")
			if err != nil {
				return "", err
			}
			plan, err = db.SaveDraft(ctx, store.DraftSave{PCN: "U60057", PlanID: p.ID, Version: p.Version, Lines: line, Action: workforce.ActionSave, By: by})
			return strconv.FormatInt(plan.ID, 10), err
		}, []string{"U60057", `"lines": ["paramedic 2026/27 Q2 1 0 -"]`}},
		{"plan.submit", "plan", func() (string, error) {
			_, err := db.MovePlan(ctx, store.PlanMove{PCN: "U60057", PlanID: plan.ID, Version: plan.Version, Action: workforce.ActionSubmit, By: by})
			return strconv.FormatInt(plan.ID, 10), err
		}, []string{"U60057", `"status": "submitted"`}},
		{"nwrs.import", "nwrs_import", func() (string, error) {
			log, err := db.ImportNWRS(ctx, store.NWRSImport{FileName: "nov.csv", SHA256: "nov", Census: workforce.Date(2025, 11, 30), Rows: 1, By: by,
				Records: []workforce.Staff{{PCNCode: "U60057", StaffRole: "Pharmacists", Source: workforce.SourceNWRSStaff, UniqueIdentifier: "1", SourceRows: 1, FTE: 1}}})
			return strconv.FormatInt(log.ID, 10), err
		}, []string{`"file": "nov.csv"`, `"census": "2025-11-30"`, `"rows": 1`}},
		{"populations.import", "pcn_populations", func() (string, error) {
			_, err := db.UpsertPopulations(ctx, "pops.csv", []workforce.Population{{PCNCode: "U60057", EffectiveDate: workforce.Date(2025, 1, 1), Weighted: 10000}}, by)
			return "U60057", err
		}, []string{"U60057", "QOC", `"file": "pops.csv"`, `"weighted_population": 10000`}},
		{"target.save", "target", func() (string, error) {
			var err error
			target, _, err = db.SaveTarget(ctx, workforce.Target{Name: "Audited", FTE: 100, Baseline: workforce.Date(2025, 3, 31), Deadline: workforce.Date(2027, 3, 31)}, by)
			return strconv.FormatInt(target.ID, 10), err
		}, []string{`"Name": "Audited"`}},
		{"baseline.set", "pcn_baseline", func() (string, error) {
			return "U60057 " + strconv.FormatInt(target.ID, 10), db.SetBaselineExtra(ctx, "U60057", target.ID, 2.5, by)
		}, []string{"U60057", `"baseline_fte": 2.5`}},
		{"integration.create", "integration", func() (string, error) {
			staff, err := db.CreateStaff(ctx, workforce.StaffRecord{Staff: workforce.Staff{PCNCode: "U60057", RoleCode: "paramedic",
				StaffRole: "Paramedic", FTE: 1, Start: workforce.Date(2025, 4, 1), Stream: workforce.StreamARRS}}, by)
			if err != nil {
				return "", err
			}
			integration, err = db.SaveIntegrationRecord(ctx, workforce.IntegrationRecord{StaffID: staff.ID, PCNCode: "U60057",
				InductionOn: workforce.Date(2025, 4, 7), ServiceCode: "msk_first_contact"}, today, by)
			return strconv.FormatInt(staff.ID, 10), err
		}, []string{"U60057", `"induction_on": "2025-04-07"`, `"service_code": "msk_first_contact"`}},
		{"integration.update", "integration", func() (string, error) {
			rec := integration
			rec.AdminSupport = "Practice office"
			_, err := db.SaveIntegrationRecord(ctx, rec, today, by)
			return strconv.FormatInt(rec.StaffID, 10), err
		}, []string{"U60057", `"admin_support": ""`, `"admin_support": "Practice office"`}},
		{"integration_service.create", "integration_service", func() (string, error) {
			return "frailty", db.SaveIntegrationServices(ctx, []workforce.IntegrationService{{Code: "frailty", Name: "Frailty", Position: 9, Active: true}}, by)
		}, []string{`"name": "Frailty"`}},
		{"integration_service.update", "integration_service", func() (string, error) {
			return "frailty", db.SaveIntegrationServices(ctx, []workforce.IntegrationService{{Code: "frailty", Name: "Frailty", Position: 9, Version: 1}}, by)
		}, []string{`"active": true`, `"active": false`}},
		{"pulse_round.open", "pulse_round", func() (string, error) {
			var err error
			round, _, err = db.OpenPulseRound(ctx, "U60057", today, today.AddDate(0, 0, 28), []workforce.RoleGroup{workforce.GroupFirstContact}, by)
			return strconv.FormatInt(round.ID, 10), err
		}, []string{"U60057", `"links_issued": 1`}},
		{"pulse_round.close", "pulse_round", func() (string, error) {
			_, err := db.ClosePulseRound(ctx, "U60057", round.ID, round.Version, today.AddDate(0, 0, 7), by)
			return strconv.FormatInt(round.ID, 10), err
		}, []string{"U60057", `"closed_on": "2026-02-08"`, `"answers": 0`}},
	}
	for _, s := range steps {
		id, err := s.write()
		if err != nil {
			t.Fatalf("%s: %v", s.action, err)
		}
		entries, err := db.AuditLog(ctx, store.AuditFilter{Actor: by.Name, Limit: 1})
		if err != nil || len(entries) != 1 {
			t.Fatalf("%s: %v %v", s.action, entries, err)
		}
		e := entries[0]
		if e.Action != s.action || e.Entity != s.entity || e.EntityID != id {
			t.Errorf("%s: the newest entry is %s of %s %s, want %s %s", s.action, e.Action, e.Entity, e.EntityID, s.entity, id)
		}
		got := strings.Join([]string{e.PCN, e.ICB, e.BeforeJSON, e.AfterJSON}, " ")
		for _, w := range s.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: %q missing from %s", s.action, w, got)
			}
		}
	}
}

// An entry must name who acted: a write by no one is refused and leaves nothing.
func TestAWriteByNoOneIsRefused(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), dbtest.New(t)
	_, err := db.CreateUser(ctx, auth.User{Email: "anon@test.nhs.uk", Name: "Anon", Active: true}, store.Actor{})
	if err == nil {
		t.Fatal("a user created by no one was accepted")
	}
	if _, err := db.UserByEmail(ctx, "anon@test.nhs.uk"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("the refused creation left the user: %v", err)
	}
	if auditCount(t, db) != 0 {
		t.Error("the refused creation left an audit entry")
	}
}
