package integrationreport

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/arrs-planner/arrs/internal/integration"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// Row is one area of the integration report: PLANNING.md's columns.
type Row struct {
	Level  workforce.Level
	Code   string
	Name   string
	Counts integration.Counts
	// PulseResponses is the answers of each PCN's latest closed round, summed; known
	// when at least one PCN of the area has a closed round.
	PulseResponses int
	PulseKnown     bool
}

// Rows is the integration report at a level on the as-of date, one row per area, by
// code: the areas of the structure of the as-of date (store.TreeOn), the day the staff
// data describes.
func Rows(ctx context.Context, db *store.DB, level workforce.Level, asOf, today time.Time) ([]Row, error) {
	tree, err := db.TreeOn(ctx, asOf)
	if err != nil {
		return nil, err
	}
	return RowsIn(ctx, db, tree, level, asOf, today)
}

// RowsIn is Rows over the areas of tree (another day's structure, or today's
// footprints): every PCN of the tree counts; one a tree places in no ICB counts in
// England only. It writes nothing: a round past its closing day counts once it is
// sealed (LatestPulseCounts), which its caller does first (`arrs report integration`).
func RowsIn(ctx context.Context, db *store.DB, tree *workforce.Tree, level workforce.Level, asOf, today time.Time) ([]Row, error) {
	codes := make([]string, len(tree.PCNs))
	for i, p := range tree.PCNs {
		codes[i] = p.Code
	}
	staff, err := db.ARRSStaffBetween(ctx, asOf, asOf)
	if err != nil {
		return nil, err
	}
	counts, err := countsOf(ctx, db, codes, staff, asOf, today)
	if err != nil {
		return nil, err
	}
	pulse, err := pulseResponses(ctx, db, codes)
	if err != nil {
		return nil, err
	}
	return rowsOf(tree, level, counts, pulse), nil
}

// pulseResponses is the answers of each PCN's latest closed round
// (LatestPulseCounts), by PCN, for the PCNs that have one (a round nobody answered
// counts 0, known).
func pulseResponses(ctx context.Context, db *store.DB, pcns []string) (map[string]int, error) {
	counts, err := LatestPulseCounts(ctx, db, pcns)
	if err != nil {
		return nil, err
	}
	out := make(map[string]int, len(counts))
	for pcn, c := range counts {
		out[pcn] = c.Responses
	}
	return out, nil
}

// rowsOf is the rows of a level: a PCN's own, or each area's sum over its PCNs.
func rowsOf(tree *workforce.Tree, level workforce.Level, counts map[string]integration.Counts, pulse map[string]int) []Row {
	areas := map[string]*Row{}
	switch level {
	case workforce.LevelEngland:
		areas[workforce.EnglandCode] = &Row{Level: level, Code: workforce.EnglandCode, Name: "England"}
	case workforce.LevelRegion:
		for _, r := range tree.Regions {
			areas[r.Code] = &Row{Level: level, Code: r.Code, Name: r.Name}
		}
	case workforce.LevelICB:
		for _, c := range tree.ICBs {
			areas[c.Code] = &Row{Level: level, Code: c.Code, Name: c.Name}
		}
	case workforce.LevelPCN:
		for _, p := range tree.PCNs {
			areas[p.Code] = &Row{Level: level, Code: p.Code, Name: p.Name}
		}
	}
	for _, p := range tree.PCNs {
		if a := areas[areaOf(tree, level, p)]; a != nil {
			a.add(counts[p.Code], pulse, p.Code)
		}
	}
	out := make([]Row, 0, len(areas))
	for _, a := range areas {
		out = append(out, *a)
	}
	slices.SortFunc(out, func(a, b Row) int { return strings.Compare(a.Code, b.Code) })
	return out
}

// areaOf is the code of the area of a level a PCN counts in ("" for none).
func areaOf(tree *workforce.Tree, level workforce.Level, p workforce.PCN) string {
	switch level {
	case workforce.LevelEngland:
		return workforce.EnglandCode
	case workforce.LevelRegion:
		return tree.RegionOf(p)
	case workforce.LevelICB:
		return p.ICBCode
	}
	return p.Code
}

// add sums a PCN's counts and pulse responses into the area's row.
func (a *Row) add(c integration.Counts, pulse map[string]int, pcn string) {
	a.Counts.Add(c)
	if n, ok := pulse[pcn]; ok {
		a.PulseResponses += n
		a.PulseKnown = true
	}
}
