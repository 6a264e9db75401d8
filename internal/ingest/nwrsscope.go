package ingest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/arrs-planner/arrs/internal/importer"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// ScopeError refuses an upload that reaches beyond what its person may change
// (PLANNING.md, "Importing a census"): for an ICB lead's census, another ICB's rows, an
// organisation the planner does not know, or a census other than the latest
// national one; for plans and populations, a PCN not theirs. The importer's type, so
// that one errors.As finds every kind.
type ScopeError = importer.ScopeError

// checkNotFuture refuses a census month after the current calendar month in England:
// NHS England publishes a month after it ends, so a later one is a mistake or an attack
// on the as-of date.
func checkNotFuture(file string, snap *importer.Snapshot, now time.Time) *importer.RowError {
	today := workforce.Today(now)
	if !snap.Census.After(workforce.CensusDate(today.Year(), today.Month())) {
		return nil
	}
	return &importer.RowError{File: file, Line: firstLine(snap), Column: "CENSUS_MONTH",
		Reason: fmt.Sprintf("census %s is after the current month (%s); a census is imported once its month has begun",
			snap.Census.Format("January 2006"), today.Format("January 2006"))}
}

// checkScope refuses an ICB lead's upload at the first row of a PCN that the planner
// does not know or that is not in the lead's ICBs, or whose ICB or region is not the
// PCN's own, all as the structure stood on the census day (a June 2026 census is
// judged by the ICBs of April 2026, a November 2025 one by the 42 before them): a lead
// corrects their own ICBs' known PCNs and never creates or moves an organisation. It
// returns the lead's ICBs the file covers, which the import log records as its scope
// (the store then ends records only of the PCNs the file carries).
func checkScope(ctx context.Context, db *store.DB, file string, snap *importer.Snapshot, scope []string) ([]string, error) {
	tree, err := db.TreeOn(ctx, snap.Census)
	if err != nil {
		return nil, err
	}
	orgs := slices.Clone(snap.Orgs)
	slices.SortFunc(orgs, func(a, b workforce.OrgPath) int { return snap.FirstLine[a.PCN.Code] - snap.FirstLine[b.PCN.Code] })
	var covered []string
	for _, o := range orgs {
		if column, reason := outOfScope(tree, o, scope); reason != "" {
			return nil, &ScopeError{RowError: &importer.RowError{File: file, Line: snap.FirstLine[o.PCN.Code], Column: column, Reason: reason}}
		}
		if p, _ := tree.PCN(o.PCN.Code); !slices.Contains(covered, p.ICBCode) {
			covered = append(covered, p.ICBCode)
		}
	}
	slices.Sort(covered)
	return covered, nil
}

// outOfScope says which column puts a row's organisation out of a lead's reach, and why;
// "" when it is within it. A known PCN is judged by the tree of the census day (a
// lead's file cannot move it), and the row's ICB and region must be the PCN's own.
func outOfScope(tree *workforce.Tree, o workforce.OrgPath, scope []string) (column, reason string) {
	p, ok := tree.PCN(o.PCN.Code)
	switch {
	case !ok:
		return "PCN_CODE", fmt.Sprintf("PCN %s is not known; an ICB lead's upload corrects known PCNs of their ICBs and never creates one", o.PCN.Code)
	case !slices.Contains(scope, p.ICBCode):
		return "PCN_CODE", fmt.Sprintf("PCN %s is in ICB %s, not one of yours (%s): an ICB lead imports only their own ICBs' rows", o.PCN.Code, p.ICBCode, strings.Join(scope, ", "))
	case o.ICB.Code != p.ICBCode:
		return "ICB_CODE", fmt.Sprintf("%s is not PCN %s's ICB (%s); an ICB lead's upload cannot move a PCN or create an ICB", importer.Quote(o.ICB.Code), p.Code, p.ICBCode)
	}
	if icb, _ := tree.ICB(p.ICBCode); o.Region.Code != icb.RegionCode {
		return "COMM_REGION_CODE", fmt.Sprintf("%s is not ICB %s's region (%s); an ICB lead's upload cannot move an ICB or create a region", importer.Quote(o.Region.Code), icb.Code, icb.RegionCode)
	}
	return "", ""
}

// scopeRefusal turns the store's refusal of a scoped import into a ScopeError naming
// the file's census (a lead's month other than the latest national one) or its first
// row; other errors pass unchanged.
func scopeRefusal(file string, snap *importer.Snapshot, err error) error {
	column := "CENSUS_MONTH"
	switch {
	case errors.Is(err, store.ErrOutOfScope):
		column = "PCN_CODE"
	case !errors.Is(err, store.ErrNotLatestCensus):
		return err
	}
	return &ScopeError{RowError: &importer.RowError{File: file, Line: firstLine(snap), Column: column, Reason: err.Error()}}
}

// firstLine is the file's first data line, where its census month is first read.
func firstLine(snap *importer.Snapshot) int {
	first := 0
	for _, l := range snap.FirstLine {
		if first == 0 || l < first {
			first = l
		}
	}
	return first
}
