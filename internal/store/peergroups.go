package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
)

// A PCN's custom peer group (migration 000019; docs/need.md, "Peers"): 1 to
// MaxPeerGroup other PCNs chosen by a lead of its ICB or an admin, shown in place of
// its most similar networks. Saving replaces the members at the version read
// (optimistic locking); removing it reverts to the computed peers. Both are audited.

// MaxPeerGroup is the most networks a custom peer group holds.
const MaxPeerGroup = 20

// PeerGroup is a PCN's custom peer group.
type PeerGroup struct {
	PCNCode string
	// Members are the peers' codes, in code order.
	Members []string
	// SavedBy is who saved it last (an email, or "cli:…"); SavedByName their name when
	// they are a user of the app, else "".
	SavedBy, SavedByName string
	SavedAt              time.Time
	Version              int
}

// ErrBadPeerGroup refuses a group with no member, more than MaxPeerGroup, a repeated
// member or the PCN itself; the forms check the same before saving.
var ErrBadPeerGroup = errors.New("a peer group holds 1 to 20 other PCNs, each once")

// ErrUnknownPeer refuses a member that is no PCN (the members' foreign key).
var ErrUnknownPeer = errors.New("a peer is not a PCN")

// PeerGroup reads a PCN's custom peer group, or ErrNotFound when it has none.
func (db *DB) PeerGroup(ctx context.Context, pcn string) (_ PeerGroup, err error) {
	defer wrap(&err, "peer group of %s", pcn)
	return db.peerGroup(ctx, pcn)
}

func (db *DB) peerGroup(ctx context.Context, pcn string) (PeerGroup, error) {
	g := PeerGroup{PCNCode: pcn}
	err := db.q.QueryRow(ctx, `
		SELECT g.saved_by, coalesce(u.name, ''), g.saved_at, g.version,
		       coalesce((SELECT array_agg(m.peer_code ORDER BY m.peer_code) FROM peer_group_members m WHERE m.pcn_code = g.pcn_code), '{}')
		FROM peer_groups g LEFT JOIN users u ON u.email = g.saved_by
		WHERE g.pcn_code = $1`, pcn).Scan(&g.SavedBy, &g.SavedByName, &g.SavedAt, &g.Version, &g.Members)
	if err != nil {
		return PeerGroup{}, mapErr(err)
	}
	return g, nil
}

// SavePeerGroup saves g.Members as g.PCNCode's peer group if nobody has saved or
// removed it since g.Version (0: it had none), else ErrConflict; the actor is its new
// author. The change and its audit entry are one transaction.
func (db *DB) SavePeerGroup(ctx context.Context, g PeerGroup, by Actor) (saved PeerGroup, err error) {
	defer wrap(&err, "save peer group of %s", g.PCNCode)
	if err := checkPeerGroup(g); err != nil {
		return PeerGroup{}, err
	}
	err = db.InTx(ctx, func(tx *DB) error {
		before, err := tx.peerGroup(ctx, g.PCNCode)
		if err != nil && !errors.Is(err, ErrNotFound) {
			return err
		}
		if err := tx.writePeerGroup(ctx, g, by); err != nil {
			return err
		}
		if saved, err = tx.peerGroup(ctx, g.PCNCode); err != nil {
			return err
		}
		return tx.auditPeerGroup(ctx, by, "peer_group.save", g.PCNCode, peerGroupAudit(before), peerGroupAudit(saved))
	})
	return saved, err
}

// writePeerGroup inserts the group (version 0) or moves it on from g.Version, then
// replaces its members.
func (db *DB) writePeerGroup(ctx context.Context, g PeerGroup, by Actor) error {
	var tag pgconn.CommandTag
	var err error
	if g.Version == 0 {
		tag, err = db.q.Exec(ctx, `INSERT INTO peer_groups (pcn_code, saved_by) VALUES ($1, $2) ON CONFLICT (pcn_code) DO NOTHING`,
			g.PCNCode, by.Name)
	} else {
		tag, err = db.q.Exec(ctx, `UPDATE peer_groups SET saved_by = $3, saved_at = now(), version = version + 1
			WHERE pcn_code = $1 AND version = $2`, g.PCNCode, g.Version, by.Name)
	}
	if err != nil {
		return peerErr(err)
	}
	if tag.RowsAffected() == 0 {
		return ErrConflict
	}
	if _, err := db.q.Exec(ctx, `DELETE FROM peer_group_members WHERE pcn_code = $1`, g.PCNCode); err != nil {
		return err
	}
	_, err = db.q.Exec(ctx, `INSERT INTO peer_group_members (pcn_code, peer_code) SELECT $1, unnest($2::text[])`, g.PCNCode, g.Members)
	return peerErr(err)
}

// DeletePeerGroup removes a PCN's peer group, read at version (else ErrConflict;
// ErrNotFound when it has none), so that its computed peers show again; audited in the
// same transaction.
func (db *DB) DeletePeerGroup(ctx context.Context, pcn string, version int, by Actor) (err error) {
	defer wrap(&err, "delete peer group of %s", pcn)
	return db.InTx(ctx, func(tx *DB) error {
		before, err := tx.peerGroup(ctx, pcn)
		if err != nil {
			return err
		}
		tag, err := tx.q.Exec(ctx, `DELETE FROM peer_groups WHERE pcn_code = $1 AND version = $2`, pcn, version)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			return ErrConflict
		}
		return tx.auditPeerGroup(ctx, by, "peer_group.delete", pcn, peerGroupAudit(before), nil)
	})
}

// PeerGroupRemoved reports whether a PCN's saved peer group was ever removed (the audit
// trail holds its removal), so that a stale form can tell "removed since" from "never
// saved".
func (db *DB) PeerGroupRemoved(ctx context.Context, pcn string) (removed bool, err error) {
	defer wrap(&err, "removals of the peer group of %s", pcn)
	err = db.q.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM audit_log
		WHERE pcn_code = $1 AND entity = 'peer_group' AND action = 'peer_group.delete')`, pcn).Scan(&removed)
	return removed, err
}

// checkPeerGroup refuses a group the table would hold but no page should show.
func checkPeerGroup(g PeerGroup) error {
	if len(g.Members) == 0 || len(g.Members) > MaxPeerGroup || slices.Contains(g.Members, g.PCNCode) {
		return ErrBadPeerGroup
	}
	seen := make(map[string]bool, len(g.Members))
	for _, m := range g.Members {
		if seen[m] {
			return ErrBadPeerGroup
		}
		seen[m] = true
	}
	return nil
}

// peerErr maps a foreign key violation (a member, or the PCN, that is no PCN) to
// ErrUnknownPeer.
func peerErr(err error) error {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) && pgErr.Code == "23503" {
		return fmt.Errorf("%w: %s", ErrUnknownPeer, pgErr.Detail)
	}
	return mapErr(err)
}

// auditPeerGroup records a change of a PCN's peer group, under the PCN's code.
func (db *DB) auditPeerGroup(ctx context.Context, by Actor, action, pcn string, before, after any) error {
	e := by.Entry(action, "peer_group", pcn)
	e.PCN, e.Before, e.After = pcn, before, after
	return db.audit(ctx, e)
}

// peerGroupAudit is what the audit trail records of a group; nil for none.
func peerGroupAudit(g PeerGroup) any {
	if g.Version == 0 {
		return nil
	}
	return map[string]any{"members": g.Members, "saved_by": g.SavedBy, "version": g.Version}
}
