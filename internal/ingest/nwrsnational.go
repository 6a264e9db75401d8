package ingest

import (
	"context"
	"io"
	"time"

	"github.com/arrs-planner/arrs/internal/importer"
	"github.com/arrs-planner/arrs/internal/store"
)

// nationalNWRS is NWRS for a national file: the database reads the open records while
// the file is read and checked (store.ImportNWRSReading), so that the two overlap on
// two cores (issue 17). The checks and their order of precedence are NWRS's: a bad
// row or a future census refuses the file before anything is written.
func nationalNWRS(ctx context.Context, db *store.DB, name string, r io.Reader, by store.Actor, mapping map[string]string, now time.Time) (store.ImportLog, error) {
	return db.ImportNWRSReading(ctx, func() (store.NWRSImport, error) {
		snap, err := importer.ReadNWRS(name, r, mapping)
		if err != nil {
			return store.NWRSImport{}, err
		}
		if future := checkNotFuture(name, snap, now); future != nil {
			return store.NWRSImport{}, future
		}
		return nwrsImport(name, snap, by, nil), nil
	})
}

// nwrsImport is what the store reconciles of a checked snapshot.
func nwrsImport(name string, snap *importer.Snapshot, by store.Actor, scope []string) store.NWRSImport {
	return store.NWRSImport{
		FileName: name, SHA256: snap.SHA256, By: by, Census: snap.Census, Rows: snap.Rows,
		FTE: snap.FTE, ARRSFTE: snap.ARRSFTE, Records: snap.Records, Index: snap.Index, Orgs: snap.Orgs, Scope: scope,
	}
}
