package ingest

import (
	"context"
	"io"
	"time"

	"github.com/arrs-planner/arrs/internal/importer"
	"github.com/arrs-planner/arrs/internal/store"
)

// Populations reads a weighted populations file and upserts it in one statement: a
// (PCN, effective date) already held takes the file's value. It returns the rows written.
func Populations(ctx context.Context, db *store.DB, name string, r io.Reader) (int, error) {
	known, err := knownCodes(ctx, db)
	if err != nil {
		return 0, err
	}
	pops, err := importer.ReadPopulations(name, r, known)
	if err != nil {
		return 0, err
	}
	return db.UpsertPopulations(ctx, pops)
}

// Plans reads a plan lines file and, in one transaction, makes it the draft plan of
// every PCN it names (PLANNING.md: "Importing replaces the draft plan of each PCN
// named"); other PCNs' plans and submitted versions are untouched. by names who
// imported it.
func Plans(ctx context.Context, db *store.DB, name string, r io.Reader, by string) (store.DraftsReplaced, error) {
	known, err := knownCodes(ctx, db)
	if err != nil {
		return store.DraftsReplaced{}, err
	}
	lines, err := importer.ReadPlans(name, r, known)
	if err != nil {
		return store.DraftsReplaced{}, err
	}
	out := make([]store.PlanLine, len(lines))
	for i, l := range lines {
		out[i] = store.PlanLine{PCNCode: l.PCNCode, RoleCode: l.RoleCode, QuarterStart: l.Quarter.Start(),
			StartersFTE: l.StartersFTE, LeaversFTE: l.LeaversFTE, AnnualCostPence: l.AnnualCostPence}
	}
	return db.ReplaceDrafts(ctx, by, out)
}

// knownCodes is the PCNs and ARRS roles a file's codes are checked against.
func knownCodes(ctx context.Context, db *store.DB) (importer.Known, error) {
	pcns, err := db.PCNs(ctx)
	if err != nil {
		return importer.Known{}, err
	}
	roles, err := db.Roles(ctx)
	if err != nil {
		return importer.Known{}, err
	}
	k := importer.Known{PCNs: make(map[string]bool, len(pcns)), RoleAdded: make(map[string]time.Time, len(roles))}
	for _, p := range pcns {
		k.PCNs[p.Code] = true
	}
	for _, r := range roles {
		k.RoleAdded[r.Code] = r.Added
	}
	return k, nil
}
