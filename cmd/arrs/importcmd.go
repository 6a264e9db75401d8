package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/arrs-planner/arrs/internal/ingest"
	"github.com/arrs-planner/arrs/internal/store"
)

// importMissing says what each kind of import reads, for when it is not given: a
// file, or a folder for an organisations change.
var importMissing = map[string]string{"nwrs": "FILE: needs a file", "populations": "FILE: needs a file", "plans": "FILE: needs a file",
	"practices": "FILE: needs a file", "organisations": "DIR: needs a folder"}

func (a *app) importFile(ctx context.Context, args []string) error {
	if len(args) == 1 && importMissing[args[0]] != "" {
		return fmt.Errorf("%w: arrs import %s %s", errUsage, args[0], importMissing[args[0]])
	}
	if len(args) != 2 {
		return fmt.Errorf("%w: import needs a kind and a FILE", errUsage)
	}
	switch args[0] {
	case "nwrs":
		return a.importNWRS(ctx, args[1])
	case "populations":
		return a.importPopulations(ctx, args[1])
	case "plans":
		return a.importPlans(ctx, args[1])
	case "practices":
		return a.importPractices(ctx, args[1])
	case "organisations":
		return a.importOrganisations(ctx, args[1])
	}
	return fmt.Errorf("%w: unknown import %q", errUsage, args[0])
}

func (a *app) importNWRS(ctx context.Context, path string) error {
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
	log, err := ingest.NWRS(ctx, db, filepath.Base(path), f, cliActor(), nil, time.Now())
	if errors.Is(err, store.ErrAlreadyImported) {
		// Loading the same file twice is a no-op, not a failure: a script that
		// re-runs an import must not stop here (issue 11).
		fmt.Fprintf(a.stdout, "%s: already imported; nothing changed\n", filepath.Base(path))
		return nil
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "imported %s: census %s, %d rows, %.1f FTE (%.1f ARRS); %d records started, %d ended, %d unchanged, %d PCNs created\n",
		log.FileName, log.Census.Format("2006-01-02"), log.Rows, log.FTE, log.ARRSFTE, log.Started, log.Ended, log.Unchanged, log.PCNsCreated)
	return nil
}
