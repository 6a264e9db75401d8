package ingest

import (
	"context"
	"io"
	"time"

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
	known, _, err := knownCodes(ctx, db)
	if err != nil {
		return store.DraftsReplaced{}, err
	}
	restrict(known, mayChange)
	lines, err := importer.ReadPlans(name, r, known)
	if err != nil {
		return store.DraftsReplaced{}, err
	}
	return db.ReplaceDrafts(ctx, name, lines, by)
}

// knownCodes is the PCNs and ARRS roles a file's codes are checked against, and the
// PCNs themselves.
func knownCodes(ctx context.Context, db *store.DB) (importer.Known, []workforce.PCN, error) {
	pcns, err := db.PCNs(ctx)
	if err != nil {
		return importer.Known{}, nil, err
	}
	roles, err := db.Roles(ctx)
	if err != nil {
		return importer.Known{}, nil, err
	}
	k := importer.Known{PCNs: make(map[string]bool, len(pcns)), RoleAdded: make(map[string]time.Time, len(roles))}
	for _, p := range pcns {
		k.PCNs[p.Code] = true
	}
	for _, r := range roles {
		k.RoleAdded[r.Code] = r.Added
	}
	return k, pcns, nil
}

// restrict marks the PCNs the person may not change (nil: all may be changed).
func restrict(known importer.Known, mayChange func(pcn string) bool) {
	if mayChange == nil {
		return
	}
	for pcn := range known.PCNs {
		known.PCNs[pcn] = mayChange(pcn)
	}
}
