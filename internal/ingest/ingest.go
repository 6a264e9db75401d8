// Package ingest loads files into the database: it reads a file with package importer
// and writes it with package store, all or nothing. The command line and the upload
// pages share it, so a file means the same thing whichever way it arrives.
package ingest

import (
	"context"
	"io"
	"time"

	"github.com/arrs-planner/arrs/internal/importer"
	"github.com/arrs-planner/arrs/internal/store"
)

// NWRS reads an NWRS individual-level CSV (plain or gzip) and reconciles it into the
// staff records in one transaction, with its entry in the audit trail (PLANNING.md,
// "Importing a census"). now is the clock's reading: a census month after the current
// one in England is refused. A national file (scope nil: an admin's upload or the
// command line) reconciles every PCN and may create those the reference data lacks. An
// ICB lead's upload names their ICBs as scope: it may carry only the latest national
// census and only rows of known PCNs of those ICBs, creates nothing, ends only records
// of the PCNs it carries (one absent from the file keeps its records: a partial file
// cannot wipe an ICB), and leaves England's as-of date alone; its refusals are
// *ScopeError.
func NWRS(ctx context.Context, db *store.DB, name string, r io.Reader, by store.Actor, scope []string, now time.Time) (store.ImportLog, error) {
	mapping, err := db.NWRSRoleMap(ctx)
	if err != nil {
		return store.ImportLog{}, err
	}
	if scope == nil {
		return nationalNWRS(ctx, db, name, r, by, mapping, now)
	}
	snap, err := importer.ReadNWRS(name, r, mapping)
	if err != nil {
		return store.ImportLog{}, err
	}
	if future := checkNotFuture(name, snap, now); future != nil {
		if scope != nil {
			return store.ImportLog{}, &ScopeError{RowError: future}
		}
		return store.ImportLog{}, future
	}
	if scope != nil {
		if scope, err = checkScope(ctx, db, name, snap, scope); err != nil {
			return store.ImportLog{}, err
		}
	}
	log, err := writeNWRS(ctx, db, name, snap, by, scope)
	if err != nil && scope != nil {
		err = scopeRefusal(name, snap, err)
	}
	return log, err
}

// writeNWRS reconciles a checked snapshot (the store audits it in the same
// transaction).
func writeNWRS(ctx context.Context, db *store.DB, name string, snap *importer.Snapshot, by store.Actor, scope []string) (store.ImportLog, error) {
	return db.ImportNWRS(ctx, nwrsImport(name, snap, by, scope))
}
