package store

import (
	"context"
	"errors"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// openRecords are the open NWRS records an import compares with its file, and their
// local details (openNWRS).
type openRecords struct {
	open  []workforce.Staff
	local map[workforce.SnapshotKey]localDetails
}

// ErrScopedReading refuses ImportNWRSReading's read when it returns an ICB lead's
// file: only a national file's open records (every PCN's) can be read before the file.
var ErrScopedReading = errors.New("a scoped NWRS import cannot be read ahead")

// ImportNWRSReading is ImportNWRS for a national file that read is still reading
// (issue 17): it takes the import log's lock and reads every open NWRS record in the
// transaction WHILE read parses the file in another goroutine, then reconciles as
// ImportNWRS does. The lock keeps those records as they were read until the commit.
// read's error comes back as it is (a file's refusal is for the person who sent it);
// so do the store's refusals. read must return a national import (Scope nil).
func (db *DB) ImportNWRSReading(ctx context.Context, read func() (NWRSImport, error)) (log ImportLog, err error) {
	var in NWRSImport
	var readErr error
	defer func() {
		if readErr == nil && !importRefused(err) {
			wrap(&err, "import NWRS file %s (census %s)", in.FileName, in.Census.Format(time.DateOnly))
		}
	}()
	err = db.InTx(ctx, func(tx *DB) error {
		got := make(chan error, 1)
		go func() {
			var err error
			in, err = read()
			got <- err
		}()
		pre, err := tx.openAhead(ctx)
		if readErr = <-got; readErr != nil { // wait for read, whatever happened here
			return readErr
		}
		if err != nil {
			return err
		}
		if in.Scope != nil {
			return ErrScopedReading
		}
		log, err = tx.reconcileNWRS(ctx, in, pre)
		return err
	})
	return log, err
}

// openAhead locks the import log (as checkCensus does) and reads every open NWRS record.
func (db *DB) openAhead(ctx context.Context) (*openRecords, error) {
	if _, err := db.q.Exec(ctx, `LOCK TABLE nwrs_imports IN EXCLUSIVE MODE`); err != nil {
		return nil, err
	}
	open, local, err := db.openNWRS(ctx, nil)
	return &openRecords{open: open, local: local}, err
}

// reconcileNWRS checks and reconciles a snapshot in the transaction db is in: the
// census order, the hierarchy, the open records (pre when read already, else read
// now), the writes and the audit entry.
func (db *DB) reconcileNWRS(ctx context.Context, in NWRSImport, pre *openRecords) (ImportLog, error) {
	if err := db.checkCensus(ctx, in); err != nil {
		return ImportLog{}, err
	}
	created, moved, err := db.placeOrgs(ctx, in)
	if err != nil {
		return ImportLog{}, err
	}
	if pre == nil {
		pre = &openRecords{}
		if pre.open, pre.local, err = db.openNWRS(ctx, in.reconciled()); err != nil {
			return ImportLog{}, err
		}
	}
	var rec workforce.Reconciliation
	if in.Index != nil {
		rec = workforce.ReconcileIndexed(pre.open, in.Records, in.Index)
	} else {
		rec = workforce.Reconcile(pre.open, in.Records)
	}
	log, err := db.applySnapshot(ctx, in, created, rec, pre.local)
	if err != nil {
		return log, err
	}
	log.Moved = moved
	return log, db.audit(ctx, nwrsImportAudit(in, log))
}
