package store

import (
	"context"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
)

// AuditEntry is one row of the append-only audit trail.
type AuditEntry struct {
	ID       int64
	At       time.Time
	UserID   int64 // 0 for the command line
	Actor    string
	Action   string
	Entity   string
	EntityID string
	PCN      string
	ICB      string
	Before   any // marshalled to JSON; nil for a creation
	After    any // nil for a deletion
	// BeforeJSON and AfterJSON are what reading the trail returns.
	BeforeJSON, AfterJSON string
}

// Audit appends an entry. The store's write methods call it on the transaction of the
// change they record, so that a failed change leaves no entry and a change never lacks
// one; the server calls it itself only for events that change no data (a sign-in, a
// sign-out). An entry must name who acted.
func (db *DB) Audit(ctx context.Context, e AuditEntry) (err error) {
	defer wrap(&err, "audit %s of %s %s", e.Action, e.Entity, e.EntityID)
	return db.audit(ctx, e)
}

// audit appends an entry for the write methods, whose own operation names the failure.
func (db *DB) audit(ctx context.Context, e AuditEntry) error {
	if e.Actor == "" {
		return errNoActor
	}
	before, err := jsonOrNil(e.Before)
	if err != nil {
		return err
	}
	after, err := jsonOrNil(e.After)
	if err != nil {
		return err
	}
	var uid *int64
	if e.UserID != 0 {
		uid = &e.UserID
	}
	_, err = db.q.Exec(ctx, `
		INSERT INTO audit_log (user_id, actor, action, entity, entity_id, pcn_code, icb_code, before, after)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
		uid, e.Actor, e.Action, e.Entity, e.EntityID, e.PCN, e.ICB, before, after)
	return err
}

// errNoActor refuses an audit entry that names no one: every change has an author, a
// person or the command line.
var errNoActor = errors.New("the audit entry names no actor")

func jsonOrNil(v any) ([]byte, error) {
	if v == nil {
		return nil, nil
	}
	return json.Marshal(v)
}

// AuditFilter narrows the trail. ICBs, when not nil, limits it to entries about those
// ICBs or their PCNs (an ICB lead's view); nil means everything (an admin's).
type AuditFilter struct {
	PCN   string
	Actor string
	ICBs  []string
	Limit int
}

// AuditLog reads the trail, newest first.
func (db *DB) AuditLog(ctx context.Context, f AuditFilter) (_ []AuditEntry, err error) {
	defer wrap(&err, "audit log (PCN %q, actor %q)", f.PCN, f.Actor)
	if f.Limit <= 0 {
		f.Limit = 200
	}
	where, args := auditWhere(f)
	rows, err := db.q.Query(ctx, `
		SELECT a.id, a.at, coalesce(a.user_id, 0), a.actor, a.action, a.entity, a.entity_id, a.pcn_code, a.icb_code,
		       coalesce(a.before::text, ''), coalesce(a.after::text, '')
		FROM audit_log a
		WHERE `+where+`
		ORDER BY a.at DESC, a.id DESC LIMIT $1`, args...)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (AuditEntry, error) {
		var e AuditEntry
		err := r.Scan(&e.ID, &e.At, &e.UserID, &e.Actor, &e.Action, &e.Entity, &e.EntityID, &e.PCN, &e.ICB, &e.BeforeJSON, &e.AfterJSON)
		return e, err
	})
}

// Actor is who makes a change: a signed-in user, or the command line (UserID 0).
type Actor struct {
	UserID int64
	Name   string // the user's email, or "cli:<os user>"
}

// auditWhere is the filter's conditions and arguments ($1 the limit). Only the filters
// set are written into the statement, so that a cached plan of an actor's or a PCN's
// trail still reads its index ((actor, at), (pcn_code, at)) from the newest entry down
// rather than the whole trail in time order.
func auditWhere(f AuditFilter) (string, []any) {
	where, args := []string{"true"}, []any{f.Limit}
	arg := func(v any) string {
		args = append(args, v)
		return "$" + strconv.Itoa(len(args))
	}
	if f.PCN != "" {
		where = append(where, "a.pcn_code = "+arg(f.PCN))
	}
	if f.Actor != "" {
		where = append(where, "a.actor = "+arg(f.Actor))
	}
	if f.ICBs != nil {
		n := arg(f.ICBs)
		where = append(where, "(a.icb_code = ANY("+n+") OR a.pcn_code IN (SELECT icb_pcns_today(c) FROM unnest("+n+"::text[]) AS u(c)))")
	}
	return strings.Join(where, " AND "), args
}

// Entry starts an audit entry of a change by this actor.
func (a Actor) Entry(action, entity, entityID string) AuditEntry {
	return AuditEntry{UserID: a.UserID, Actor: a.Name, Action: action, Entity: entity, EntityID: entityID}
}
