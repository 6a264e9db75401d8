package ingest

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"path"

	"github.com/arrs-planner/arrs/internal/refdata"
	"github.com/arrs-planner/arrs/internal/store"
)

// ReferenceLog is what Reference loaded: the reference lists, and the practice files
// and organisations changes loaded by this run (those loaded before are left out).
type ReferenceLog struct {
	Reference *refdata.Reference
	Practices []store.PracticeImportLog
	Changes   []store.OrgChangeLog
}

// Reference loads the embedded reference data in order: the November 2025 structure
// and the rest of the lists (store.LoadReference), the practice files of 1 November
// 2025 (mapping, totals, ages, deprivation), then each organisations change (April
// 2026). Each part loaded before is skipped without a write, so a second run changes
// nothing.
func Reference(ctx context.Context, db *store.DB, by store.Actor) (ReferenceLog, error) {
	ref, err := refdata.Load()
	if err != nil {
		return ReferenceLog{}, err
	}
	if err := db.LoadReference(ctx, ref); err != nil {
		return ReferenceLog{}, err
	}
	out := ReferenceLog{Reference: ref}
	if out.Practices, err = loadNew(ctx, db, refdata.PracticeFiles, by, referencePractices); err != nil {
		return out, err
	}
	out.Changes, err = loadNew(ctx, db, refdata.OrgChangeDirs, by, referenceChange)
	return out, err
}

// loadNew loads each of the embedded names in order, stopping at the first failure,
// and returns the logs of those loaded now: one loaded before (ErrAlreadyImported) is
// left out.
func loadNew[L any](ctx context.Context, db *store.DB, names []string, by store.Actor,
	load func(context.Context, *store.DB, string, store.Actor) (L, error)) ([]L, error) {
	var logs []L
	for _, name := range names {
		l, err := load(ctx, db, name, by)
		switch {
		case errors.Is(err, store.ErrAlreadyImported):
		case err != nil:
			return logs, err
		default:
			logs = append(logs, l)
		}
	}
	return logs, nil
}

// referencePractices loads one embedded practice file, unless a file of its hash was
// loaded before (then ErrAlreadyImported, without reading it: the 5-year file takes
// most of a second to read).
func referencePractices(ctx context.Context, db *store.DB, name string, by store.Actor) (store.PracticeImportLog, error) {
	b, err := refdata.ReadFile(name)
	if err != nil {
		return store.PracticeImportLog{}, err
	}
	sum := sha256.Sum256(b)
	switch loaded, err := db.PracticeFileLoaded(ctx, hex.EncodeToString(sum[:])); {
	case err != nil:
		return store.PracticeImportLog{}, err
	case loaded:
		return store.PracticeImportLog{}, store.ErrAlreadyImported
	}
	return Practices(ctx, db, path.Base(name), bytes.NewReader(b), by)
}

func referenceChange(ctx context.Context, db *store.DB, dir string, by store.Actor) (store.OrgChangeLog, error) {
	fsys, err := refdata.Dir(dir)
	if err != nil {
		return store.OrgChangeLog{}, err
	}
	return Organisations(ctx, db, path.Base(dir), fsys, by)
}
