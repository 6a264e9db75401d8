package ingest

import (
	"context"
	"io"

	"github.com/arrs-planner/arrs/internal/importer"
	"github.com/arrs-planner/arrs/internal/store"
)

// Practices reads one of NHS England's GP practice files (the mapping, the list sizes
// or the 5-year ages, plain or gzip) or a Fingertips practice deprivation file, known
// by its header, and loads it in one transaction with its audit entry (store.ImportPractices).
func Practices(ctx context.Context, db *store.DB, name string, r io.Reader, by store.Actor) (store.PracticeImportLog, error) {
	pf, err := importer.ReadPractices(name, r)
	if err != nil {
		return store.PracticeImportLog{}, err
	}
	return db.ImportPractices(ctx, store.PracticeImport{
		FileName: name, Kind: string(pf.Kind), SHA256: pf.SHA256, Rows: pf.Rows, Files: pf.Files, By: by,
	})
}
