// Package ingest loads files into the database: it reads a file with package importer
// and writes it with package store, all or nothing. The command line and the upload
// pages share it, so a file means the same thing whichever way it arrives.
package ingest

import (
	"context"
	"io"
	"strconv"

	"github.com/arrs-planner/arrs/internal/importer"
	"github.com/arrs-planner/arrs/internal/store"
)

// NWRS reads an NWRS individual-level CSV (plain or gzip) and reconciles it into the
// staff records in one transaction, with its entry in the audit trail.
func NWRS(ctx context.Context, db *store.DB, name string, r io.Reader, by store.Actor) (store.ImportLog, error) {
	mapping, err := db.NWRSRoleMap(ctx)
	if err != nil {
		return store.ImportLog{}, err
	}
	snap, err := importer.ReadNWRS(name, r, mapping)
	if err != nil {
		return store.ImportLog{}, err
	}
	var log store.ImportLog
	err = db.InTx(ctx, func(tx *store.DB) error {
		log, err = tx.ImportNWRS(ctx, store.NWRSImport{
			FileName: name, SHA256: snap.SHA256, ImportedBy: by.Name, Census: snap.Census, Rows: snap.Rows,
			FTE: snap.FTE, ARRSFTE: snap.ARRSFTE, Records: snap.Records, Orgs: snap.Orgs,
		})
		if err != nil {
			return err
		}
		e := by.Entry("nwrs.import", "nwrs_import", strconv.FormatInt(log.ID, 10))
		e.After = map[string]any{"file": name, "census": log.Census.Format("2006-01-02"), "rows": log.Rows,
			"fte": log.FTE, "started": log.Started, "ended": log.Ended, "unchanged": log.Unchanged, "pcns_created": log.PCNsCreated}
		return tx.Audit(ctx, e)
	})
	return log, err
}
