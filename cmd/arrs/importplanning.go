package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/arrs-planner/arrs/internal/importer"
	"github.com/arrs-planner/arrs/internal/ingest"
	"github.com/arrs-planner/arrs/internal/store"
)

func (a *app) importPopulations(ctx context.Context, path string) error {
	return a.withFile(ctx, path, func(db *store.DB, f *os.File) error {
		n, err := ingest.Populations(ctx, db, filepath.Base(path), f, cliActor(), nil, time.Now())
		if err != nil {
			return err
		}
		fmt.Fprintf(a.stdout, "imported %s: %d weighted populations written\n", filepath.Base(path), n)
		return nil
	})
}

func (a *app) importPlans(ctx context.Context, path string) error {
	return a.withFile(ctx, path, func(db *store.DB, f *os.File) error {
		res, err := ingest.Plans(ctx, db, filepath.Base(path), f, cliActor(), nil)
		if err != nil {
			return a.wrongRows(err)
		}
		fmt.Fprintf(a.stdout, "imported %s: %d plan lines; the draft plans of %d PCNs replaced (%d drafts started)\n",
			filepath.Base(path), res.Lines, res.PCNs, res.Created)
		return nil
	})
}

// wrongRows writes each wrong row of a refused plan file to stderr, one line each, and
// returns the one line main prints last ("plan.csv: 7 errors (listed above); nothing
// was imported"). A file with one wrong row, or refused otherwise (a limit passed), is
// err itself, one line.
func (a *app) wrongRows(err error) error {
	var rows *importer.RowErrors
	if !errors.As(err, &rows) || rows.Count() == 1 {
		return err
	}
	for _, l := range rows.Lines() {
		fmt.Fprintln(a.stderr, l)
	}
	return fmt.Errorf("%s (listed above); nothing was imported", rows.Summary())
}

// withFile opens the file, then the database, and runs fn with both.
func (a *app) withFile(ctx context.Context, path string, fn func(*store.DB, *os.File) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	db, err := a.open(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	return fn(db, f)
}
