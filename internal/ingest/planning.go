package ingest

import (
	"context"
	"io"

	"github.com/arrs-planner/arrs/internal/importer"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// Plans reads a plan lines file and, in one transaction, makes it the draft plan of
// every PCN it names (PLANNING.md: "Importing replaces the draft plan of each PCN
// named"); other PCNs' plans and submitted versions are untouched. by names who
// imported it.
//
// mayChange, when not nil, says which PCNs the person may change; a line naming any
// other refuses the whole file (the command line passes nil: an analyst's file).
func Plans(ctx context.Context, db *store.DB, name string, r io.Reader, by store.Actor, mayChange func(pcn string) bool) (store.DraftsReplaced, error) {
	known, _, err := knownCodes(ctx, db, mayChange)
	if err != nil {
		return store.DraftsReplaced{}, err
	}
	lines, err := importer.ReadPlans(name, r, known)
	if err != nil {
		return store.DraftsReplaced{}, err
	}
	return db.ReplaceDrafts(ctx, name, lines, by)
}

// knownCodes is the PCNs and ARRS roles a file's codes are checked against, each PCN
// changeable when mayChange says so (nil: all), and the PCNs themselves.
func knownCodes(ctx context.Context, db *store.DB, mayChange func(pcn string) bool) (importer.Known, []workforce.PCN, error) {
	pcns, err := db.PCNs(ctx)
	if err != nil {
		return importer.Known{}, nil, err
	}
	roles, err := db.Roles(ctx)
	if err != nil {
		return importer.Known{}, nil, err
	}
	return importer.NewKnown(pcns, roles, mayChange), pcns, nil
}
