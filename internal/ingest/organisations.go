package ingest

import (
	"context"
	"io/fs"

	"github.com/arrs-planner/arrs/internal/importer"
	"github.com/arrs-planner/arrs/internal/store"
)

// Organisations reads an organisations change folder (laid out as NHS England's change
// summary of April 2026: the ICBs from the day, the sub-ICB changes, every PCN's and
// practice's place) and loads it in one transaction (store.ApplyOrgChange), which
// refuses a PCN the planner does not hold, naming its line in the pcn_icb_ file. name
// is the folder as given, for the log.
func Organisations(ctx context.Context, db *store.DB, name string, dir fs.FS, by store.Actor) (store.OrgChangeLog, error) {
	f, err := importer.ReadOrgChangeFolder(dir)
	if err != nil {
		return store.OrgChangeLog{}, err
	}
	return db.ApplyOrgChange(ctx, store.OrgChangeImport{
		FileName: name, SHA256: f.SHA256, Change: f.Change, PCNsFile: f.PCNsFile, PCNLines: f.PCNLines, By: by,
	})
}
