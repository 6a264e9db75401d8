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
	out := make([]store.PlanLine, len(lines))
	for i, l := range lines {
		out[i] = store.PlanLine{PCNCode: l.PCNCode, RoleCode: l.RoleCode, QuarterStart: l.Quarter.Start(),
			StartersFTE: l.StartersFTE, LeaversFTE: l.LeaversFTE, AnnualCostPence: l.AnnualCostPence}
	}
	var res store.DraftsReplaced
	err = db.InTx(ctx, func(tx *store.DB) error {
		if res, err = tx.ReplaceDrafts(ctx, by.Name, out); err != nil {
			return err
		}
		return auditPlanImport(ctx, tx, by, name, out)
	})
	return res, err
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

// auditPlanImport writes one audit entry per PCN whose draft the file replaced, so that
// the trail can be read PCN by PCN.
func auditPlanImport(ctx context.Context, tx *store.DB, by store.Actor, file string, lines []store.PlanLine) error {
	perPCN := map[string]int{}
	var order []string
	for _, l := range lines {
		if perPCN[l.PCNCode] == 0 {
			order = append(order, l.PCNCode)
		}
		perPCN[l.PCNCode]++
	}
	for _, pcn := range order {
		e := by.Entry("plans.import", "plan", pcn)
		e.PCN = pcn
		e.After = map[string]any{"file": file, "lines": perPCN[pcn]}
		if err := tx.Audit(ctx, e); err != nil {
			return err
		}
	}
	return nil
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
