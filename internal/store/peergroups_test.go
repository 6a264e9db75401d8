package store_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/store"
)

// A PCN's peer group is saved, replaced at the version read and removed, each change
// audited in its transaction; a stale version is a conflict, and a group that is
// empty, too big, repeats a member, holds the PCN itself or names no PCN writes
// nothing.
func TestPeerGroupWrites(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), dbtest.New(t)
	lead := store.Actor{Name: "lead@test.nhs.uk"}
	if _, err := db.PeerGroup(ctx, "U60057"); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("before any save: %v", err)
	}
	if removed, err := db.PeerGroupRemoved(ctx, "U60057"); removed || err != nil {
		t.Fatalf("removed before any save: %v %v", removed, err)
	}
	g, err := db.SavePeerGroup(ctx, store.PeerGroup{PCNCode: "U60057", Members: []string{"U47425", "U00070"}}, lead)
	if err != nil {
		t.Fatal(err)
	}
	if g.Version != 1 || g.SavedBy != lead.Name || g.SavedAt.IsZero() || !slices.Equal(g.Members, []string{"U00070", "U47425"}) {
		t.Errorf("saved %+v", g)
	}
	if _, err := db.SavePeerGroup(ctx, store.PeerGroup{PCNCode: "U60057", Members: []string{"U00000"}}, lead); !errors.Is(err, store.ErrConflict) {
		t.Errorf("a second first save: %v", err)
	}
	if _, err := db.SavePeerGroup(ctx, store.PeerGroup{PCNCode: "U60057", Members: []string{"U00000"}, Version: 7}, lead); !errors.Is(err, store.ErrConflict) {
		t.Errorf("a stale save: %v", err)
	}
	admin := store.Actor{Name: "admin@test.nhs.uk"}
	g, err = db.SavePeerGroup(ctx, store.PeerGroup{PCNCode: "U60057", Members: []string{"U00000"}, Version: g.Version}, admin)
	if err != nil || g.Version != 2 || g.SavedBy != admin.Name || !slices.Equal(g.Members, []string{"U00000"}) {
		t.Fatalf("replace: %+v %v", g, err)
	}
	if err := db.DeletePeerGroup(ctx, "U60057", 1, lead); !errors.Is(err, store.ErrConflict) {
		t.Errorf("a stale removal: %v", err)
	}
	if err := db.DeletePeerGroup(ctx, "U60057", g.Version, lead); err != nil {
		t.Fatal(err)
	}
	if _, err := db.PeerGroup(ctx, "U60057"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("after removal: %v", err)
	}
	if err := db.DeletePeerGroup(ctx, "U60057", 0, lead); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("removing none: %v", err)
	}
	if removed, err := db.PeerGroupRemoved(ctx, "U60057"); !removed || err != nil {
		t.Errorf("removed after removal: %v %v", removed, err)
	}
	entries, actions := auditTrail(t, db, "U60057")
	if actions != "peer_group.delete peer_group.save peer_group.save" {
		t.Fatalf("audit: %s", actions)
	}
	if e := entries[1]; e.EntityID != "U60057" || e.Actor != admin.Name || !strings.Contains(e.BeforeJSON, `"members": ["U00070", "U47425"]`) ||
		!strings.Contains(e.AfterJSON, `"members": ["U00000"]`) {
		t.Errorf("replace entry: %+v", e)
	}
	if e := entries[2]; e.BeforeJSON != "" || !strings.Contains(e.AfterJSON, `"saved_by": "lead@test.nhs.uk"`) {
		t.Errorf("first entry: %s → %s", e.BeforeJSON, e.AfterJSON)
	}
	if e := entries[0]; e.AfterJSON != "" || !strings.Contains(e.BeforeJSON, `"version": 2`) {
		t.Errorf("removal entry: %s → %s", e.BeforeJSON, e.AfterJSON)
	}
}

func TestPeerGroupRefusals(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), dbtest.New(t)
	by := store.Actor{Name: "lead@test.nhs.uk"}
	many := make([]string, store.MaxPeerGroup+1)
	for i := range many {
		many[i] = "U0" + string(rune('A'+i))
	}
	for name, c := range map[string]struct {
		members []string
		want    error
	}{
		"none":      {nil, store.ErrBadPeerGroup},
		"too many":  {many, store.ErrBadPeerGroup},
		"itself":    {[]string{"U47425", "U60057"}, store.ErrBadPeerGroup},
		"repeated":  {[]string{"U47425", "U47425"}, store.ErrBadPeerGroup},
		"not a PCN": {[]string{"U47425", "UZZZZZ"}, store.ErrUnknownPeer},
	} {
		if _, err := db.SavePeerGroup(ctx, store.PeerGroup{PCNCode: "U60057", Members: c.members}, by); !errors.Is(err, c.want) {
			t.Errorf("%s: %v, want %v", name, err, c.want)
		}
	}
	if _, err := db.PeerGroup(ctx, "U60057"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("a refused save left a group: %v", err)
	}
	if _, actions := auditTrail(t, db, "U60057"); actions != "" {
		t.Errorf("a refused save left an audit entry: %s", actions)
	}
}
