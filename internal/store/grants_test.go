package store_test

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/arrs-planner/arrs/internal/auth"
	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/importer"
	"github.com/arrs-planner/arrs/internal/refdata"
	"github.com/arrs-planner/arrs/internal/store"
)

// april2026 loads the reorganisation of 1 April 2026 (42 ICBs became 36; Frimley, QNQ,
// split three ways), unless the reference data holds it already. Today (December
// 2026) is after it, so QNQ is dissolved.
func april2026(t *testing.T, db *store.DB) {
	t.Helper()
	dir, err := refdata.Dir(refdata.OrgChangeDirs[0])
	if err != nil {
		t.Fatal(err)
	}
	ch, sum, err := importer.ReadOrgChange(dir)
	if err != nil {
		t.Fatal(err)
	}
	_, err = db.ApplyOrgChange(context.Background(), store.OrgChangeImport{FileName: "organisations_2026-04", SHA256: sum, Change: ch, By: testActor})
	if err != nil && !errors.Is(err, store.ErrAlreadyImported) {
		t.Fatal(err)
	}
}

// A lead's grant on a dissolved ICB is read with the user: it opens the ICB's PCNs on
// its last day, exactly icb_pcns_today's, and names the successors.
func TestDissolvedGrantsReadWithTheUser(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), dbtest.New(t)
	april2026(t, db)
	u := addUser(t, db, "frimley@test.nhs.uk", auth.Grant{Role: auth.ICBLead, Org: "QNQ"}, auth.Grant{Role: auth.ICBLead, Org: "QOC"})
	got, err := db.UserByID(ctx, u.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Dissolved) != 1 {
		t.Fatalf("dissolved grants %+v, want QNQ alone (QOC is in force)", got.Dissolved)
	}
	d := got.Dissolved[0]
	var want string
	if err := db.QueryRowForTest(ctx, `SELECT string_agg(p, ',' ORDER BY p) FROM icb_pcns_today('QNQ') AS p`, &want); err != nil {
		t.Fatal(err)
	}
	if d.Code != "QNQ" || d.Closed.Format("2006-01-02") != "2026-04-01" || strings.Join(d.PCNs, ",") != want || len(d.PCNs) != 16 {
		t.Errorf("QNQ grant %+v, want closed 2026-04-01 with its 16 PCNs %s", d, want)
	}
	if succ := codesOf(d.Successors); succ != "QRL,S0E4D,S9B9J" {
		t.Errorf("successors %s, want QRL,S0E4D,S9B9J", succ)
	}
	manager := addUser(t, db, "manager@test.nhs.uk", auth.Grant{Role: auth.PCNManager, Org: "U60057"})
	if m, _ := db.UserByID(ctx, manager.ID); len(m.Dissolved) != 0 {
		t.Errorf("a manager has dissolved grants %+v", m.Dissolved)
	}
}

// Moving a grant replaces it by the successors asked for, in one audited change; a
// successor held already is kept without error; a second move finds nothing; a move
// to anything but a successor, or from an ICB in force, is refused.
func TestMoveDissolvedGrant(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), dbtest.New(t)
	april2026(t, db)
	by := store.Actor{Name: "mover@test.nhs.uk"}
	lead := addUser(t, db, "lead@test.nhs.uk", auth.Grant{Role: auth.ICBLead, Org: "QNQ"}, auth.Grant{Role: auth.ICBLead, Org: "S9B9J"})
	for _, m := range []store.GrantMove{
		{UserID: lead.ID, From: "QNQ", To: []string{"QOC"}, By: by},          // not a successor
		{UserID: lead.ID, From: "QNQ", To: nil, By: by},                      // nowhere
		{UserID: lead.ID, From: "S9B9J", To: []string{"S0E4D"}, By: by},      // in force
		{UserID: lead.ID, From: "QNQ", To: []string{"S0E4D", "QOC"}, By: by}, // one not a successor
	} {
		if _, err := db.MoveDissolvedGrant(ctx, m); !errors.Is(err, store.ErrNotSuccessor) {
			t.Errorf("move %v: %v, want ErrNotSuccessor", m.To, err)
		}
	}
	after, err := db.MoveDissolvedGrant(ctx, store.GrantMove{UserID: lead.ID, From: "QNQ", To: []string{"QRL", "S0E4D", "S9B9J"}, By: by})
	if err != nil {
		t.Fatal(err)
	}
	if got := auth.GrantsText(after.Grants, ", "); got != "icb_lead QRL, icb_lead S0E4D, icb_lead S9B9J" || len(after.Dissolved) != 0 {
		t.Errorf("after the move: %s, dissolved %+v", got, after.Dissolved)
	}
	if after.Version != lead.Version+1 {
		t.Errorf("version %d, want %d: an edit form opened before must be stale", after.Version, lead.Version+1)
	}
	entries, err := db.AuditLog(ctx, store.AuditFilter{Actor: by.Name, Limit: 10})
	if err != nil || len(entries) != 1 {
		t.Fatalf("audit %v %v, want one entry", entries, err)
	}
	e := entries[0]
	for _, w := range []string{`"grants": "icb_lead QNQ, icb_lead S9B9J"`} {
		if !strings.Contains(e.BeforeJSON, w) {
			t.Errorf("before %s lacks %s", e.BeforeJSON, w)
		}
	}
	for _, w := range []string{`"grants": "icb_lead QRL, icb_lead S0E4D, icb_lead S9B9J"`, `"moved_from": "icb_lead QNQ"`} {
		if !strings.Contains(e.AfterJSON, w) {
			t.Errorf("after %s lacks %s", e.AfterJSON, w)
		}
	}
	if e.Action != "user.grant_move" || e.Entity != "user" || e.EntityID != strconv.FormatInt(lead.ID, 10) {
		t.Errorf("audit entry %s of %s %s", e.Action, e.Entity, e.EntityID)
	}
	if _, err := db.MoveDissolvedGrant(ctx, store.GrantMove{UserID: lead.ID, From: "QNQ", To: []string{"S0E4D"}, By: by}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("a second move: %v, want ErrNotFound", err)
	}
}

func codesOf(icbs []auth.ICBName) string {
	var out []string
	for _, c := range icbs {
		out = append(out, c.Code)
	}
	return strings.Join(out, ",")
}
