package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/arrs-planner/arrs/internal/ingest"
	"github.com/arrs-planner/arrs/internal/store"
)

// importPractices loads one GP practice file: the mapping, the list sizes, the 5-year
// ages or the deprivation scores, known by its header.
func (a *app) importPractices(ctx context.Context, path string) error {
	name := filepath.Base(path)
	return a.withFile(ctx, path, func(db *store.DB, f *os.File) error {
		log, err := ingest.Practices(ctx, db, name, f, cliActor())
		if errors.Is(err, store.ErrAlreadyImported) {
			fmt.Fprintf(a.stdout, "%s: already imported; nothing changed\n", name)
			return nil
		}
		if err != nil {
			return err
		}
		printPracticeLog(a.stdout, log)
		return nil
	})
}

// printPracticeLog is the one line saying what a practice file changed.
func printPracticeLog(w io.Writer, log store.PracticeImportLog) {
	extract := ""
	if !log.Extract.IsZero() {
		extract = ", extract " + log.Extract.Format(time.DateOnly)
	}
	var what string
	switch {
	case log.Practices > 0:
		what = fmt.Sprintf("%d practices placed (%d new, %d moved)", log.Practices, log.Created, log.Moved)
	case log.Kind == "deprivation":
		what = fmt.Sprintf("%d deprivation scores written, %d rows of practices not held skipped", log.Scores, log.Skipped)
	default:
		what = fmt.Sprintf("%d list-size rows written", log.Patients)
	}
	fmt.Fprintf(w, "imported %s (%s%s): %s\n", log.FileName, log.Kind, extract, what)
}

// importOrganisations loads an organisations change folder (laid out as
// organisations_2026-04) and says what it changed.
func (a *app) importOrganisations(ctx context.Context, dir string) error {
	info, err := os.Stat(dir)
	if err != nil {
		return err
	}
	if !info.IsDir() {
		return fmt.Errorf("%s is not a folder: an organisations change is a folder of icbs_, icb_changes_ and pcn_icb_ files", dir)
	}
	db, err := a.open(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	name := filepath.Base(filepath.Clean(dir))
	log, err := ingest.Organisations(ctx, db, name, os.DirFS(dir), cliActor())
	if errors.Is(err, store.ErrAlreadyImported) {
		fmt.Fprintf(a.stdout, "%s: already imported; nothing changed\n", name)
		return nil
	}
	if err != nil {
		return err
	}
	printOrgChange(a.stdout, name, log)
	return nil
}

// printOrgChange says what a change did: the ICBs opened and dissolved, each dissolved
// ICB's successors, and how many sub-ICB locations, PCNs and practices moved.
func printOrgChange(w io.Writer, name string, log store.OrgChangeLog) {
	fmt.Fprintf(w, "imported %s: the structure from %s\n", name, log.Effective.Format(time.DateOnly))
	fmt.Fprintf(w, "  ICBs opened (%d): %s\n", len(log.ICBsOpened), listOrNone(log.ICBsOpened))
	fmt.Fprintf(w, "  ICBs dissolved (%d): %s\n", len(log.ICBsDissolved), listOrNone(log.ICBsDissolved))
	succ := map[string][]string{}
	var order []string
	for _, s := range log.Successions {
		if _, ok := succ[s.OldCode]; !ok {
			order = append(order, s.OldCode)
		}
		succ[s.OldCode] = append(succ[s.OldCode], s.NewCode)
	}
	for _, old := range order {
		fmt.Fprintf(w, "  %s succeeded by %s\n", old, strings.Join(succ[old], ", "))
	}
	fmt.Fprintf(w, "  moved: %d sub-ICB locations, %d PCNs, %d practices\n", log.SubICBsMoved, log.PCNsMoved, log.PracticesMove)
}

func listOrNone(codes []string) string {
	if len(codes) == 0 {
		return "none"
	}
	return strings.Join(slices.Sorted(slices.Values(codes)), ", ")
}
