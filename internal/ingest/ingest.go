// Package ingest loads files into the database: it reads a file with package importer
// and writes it with package store, all or nothing. The command line and the upload
// pages share it, so a file means the same thing whichever way it arrives.
package ingest

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/arrs-planner/arrs/internal/importer"
	"github.com/arrs-planner/arrs/internal/store"
)

// NWRS reads an NWRS individual-level CSV (plain or gzip) and reconciles it into the
// staff records in one transaction, with its entry in the audit trail. A national file
// (scope nil) reconciles every PCN; an ICB lead's upload names its ICBs as scope: every
// row must belong to them, and only their PCNs' records can end.
func NWRS(ctx context.Context, db *store.DB, name string, r io.Reader, by store.Actor, scope []string) (store.ImportLog, error) {
	mapping, err := db.NWRSRoleMap(ctx)
	if err != nil {
		return store.ImportLog{}, err
	}
	snap, err := importer.ReadNWRS(name, r, mapping)
	if err != nil {
		return store.ImportLog{}, err
	}
	if err := checkScope(ctx, db, name, snap, scope); err != nil {
		return store.ImportLog{}, err
	}
	var log store.ImportLog
	err = db.InTx(ctx, func(tx *store.DB) error {
		log, err = tx.ImportNWRS(ctx, store.NWRSImport{
			FileName: name, SHA256: snap.SHA256, ImportedBy: by.Name, Census: snap.Census, Rows: snap.Rows,
			FTE: snap.FTE, ARRSFTE: snap.ARRSFTE, Records: snap.Records, Orgs: snap.Orgs, Scope: scope,
		})
		if err != nil {
			return err
		}
		e := by.Entry("nwrs.import", "nwrs_import", strconv.FormatInt(log.ID, 10))
		if len(scope) == 1 {
			e.ICB = scope[0]
		}
		e.After = map[string]any{"file": name, "census": log.Census.Format("2006-01-02"), "rows": log.Rows,
			"fte": log.FTE, "started": log.Started, "ended": log.Ended, "unchanged": log.Unchanged, "pcns_created": log.PCNsCreated}
		return tx.Audit(ctx, e)
	})
	return log, err
}

// checkScope refuses a scoped upload with a row of a PCN outside its ICBs: a known PCN
// is judged by the reference data's ICB (the file cannot move it), a new one by the
// file's ICB_CODE.
func checkScope(ctx context.Context, db *store.DB, file string, snap *importer.Snapshot, scope []string) error {
	if scope == nil {
		return nil
	}
	tree, err := db.Tree(ctx)
	if err != nil {
		return err
	}
	for _, o := range snap.Orgs {
		icb := o.ICB.Code
		if p, ok := tree.PCN(o.PCN.Code); ok {
			icb = p.ICBCode
		}
		if !slices.Contains(scope, icb) {
			return &importer.RowError{File: file, Line: snap.FirstLine[o.PCN.Code], Column: "PCN_CODE",
				Reason: fmt.Sprintf("PCN %s is in ICB %s, not one of yours (%s): an ICB lead imports only their own ICBs' rows", o.PCN.Code, icb, strings.Join(scope, ", "))}
		}
	}
	return nil
}
