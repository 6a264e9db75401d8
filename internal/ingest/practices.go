package ingest

import (
	"context"
	"io"
	"io/fs"

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

// Organisations reads an organisations change folder (laid out as NHS England's change
// summary of April 2026: the ICBs from the day, the sub-ICB changes, every PCN's and
// practice's place) and loads it in one transaction (store.ApplyOrgChange). name is the
// folder as given, for the log.
func Organisations(ctx context.Context, db *store.DB, name string, dir fs.FS, by store.Actor) (store.OrgChangeLog, error) {
	ch, sha, err := importer.ReadOrgChange(dir)
	if err != nil {
		return store.OrgChangeLog{}, err
	}
	return db.ApplyOrgChange(ctx, store.OrgChangeImport{FileName: name, SHA256: sha, Change: ch, By: by})
}
