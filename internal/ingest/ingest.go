// Package ingest loads files into the database: it reads a file with package importer
// and writes it with package store, all or nothing. The command line and the upload
// pages share it, so a file means the same thing whichever way it arrives.
package ingest

import (
	"context"
	"io"

	"github.com/arrs-planner/arrs/internal/importer"
	"github.com/arrs-planner/arrs/internal/store"
)

// NWRS reads an NWRS individual-level CSV (plain or gzip) and reconciles it into the
// staff records in one transaction. by names who imported it, for the log.
func NWRS(ctx context.Context, db *store.DB, name string, r io.Reader, by string) (store.ImportLog, error) {
	mapping, err := db.NWRSRoleMap(ctx)
	if err != nil {
		return store.ImportLog{}, err
	}
	snap, err := importer.ReadNWRS(name, r, mapping)
	if err != nil {
		return store.ImportLog{}, err
	}
	return db.ImportNWRS(ctx, store.NWRSImport{
		FileName: name, SHA256: snap.SHA256, ImportedBy: by, Census: snap.Census, Rows: snap.Rows,
		FTE: snap.FTE, ARRSFTE: snap.ARRSFTE, Records: snap.Records, Orgs: snap.Orgs,
	})
}
