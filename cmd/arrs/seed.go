package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/arrs-planner/arrs/internal/ingest"
	"github.com/arrs-planner/arrs/internal/refdata"
	"github.com/arrs-planner/arrs/internal/store"
)

func (a *app) seed(ctx context.Context, args []string) error {
	if len(args) != 1 || (args[0] != "reference" && args[0] != "demo") {
		return fmt.Errorf("%w: seed needs reference or demo", errUsage)
	}
	db, err := a.open(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := a.seedReference(ctx, db); err != nil {
		return err
	}
	if args[0] == "demo" {
		return a.seedDemo(ctx, db)
	}
	return nil
}

func (a *app) seedReference(ctx context.Context, db *store.DB) error {
	ref, err := refdata.Load()
	if err != nil {
		return err
	}
	if err := db.LoadReference(ctx, ref); err != nil {
		return fmt.Errorf("loading reference data: %w", err)
	}
	fmt.Fprintf(a.stdout, "reference data: %d regions, %d ICBs, %d sub-ICBs, %d PCNs, %d roles\n",
		len(ref.Regions), len(ref.ICBs), len(ref.SubICBs), len(ref.PCNs), len(ref.Roles))
	return nil
}

// seedDemo loads the real 30 Nov 2025 workforce; a second run finds it imported and
// changes nothing.
func (a *app) seedDemo(ctx context.Context, db *store.DB) error {
	f, err := refdata.Open(refdata.DemoWorkforceFile)
	if err != nil {
		return err
	}
	defer f.Close()
	log, err := ingest.NWRS(ctx, db, "pcnwf_individual_nov2025.csv.gz", f, "arrs seed demo")
	if errors.Is(err, store.ErrAlreadyImported) || errors.Is(err, store.ErrOlderCensus) {
		fmt.Fprintln(a.stdout, "demo workforce: already loaded")
		return nil
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "demo workforce: census %s, %d rows, %.1f FTE (%.1f ARRS)\n",
		log.Census.Format("2006-01-02"), log.Rows, log.FTE, log.ARRSFTE)
	return nil
}
