package gaps

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/arrs-planner/arrs/internal/need"
	"github.com/arrs-planner/arrs/internal/needreport"
	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// gathered is what gather read: planning's inputs, the structure the PCNs are summed
// into, and how many PCNs asked for need as a stand-in got their list (pcns).
type gathered struct {
	in       planning.Inputs
	tree     *workforce.Tree
	needList int
}

// gather reads what planning.GapReport needs with one query per table: the hierarchy
// of at (or at's PCNs on today's footprints, opts.Footprints),
// the populations in force on the as-of date (and, with opts.Denominator need, need on
// it for the PCNs with none), the baseline extras, the PCNs that made
// no return, the ARRS staff in
// post around the days used, the current plans' lines (or, with opts.Drafts, each
// PCN's latest version's) and the roles' attrition. The returns, the staff and the
// current plans come through reads (Reads): the store, or inputs kept per PCN.
func gather(ctx context.Context, db *store.DB, reads Reads, t workforce.Target, asOf, at time.Time, opts Options) (gathered, error) {
	g := gathered{in: planning.Inputs{Target: t, AsOf: asOf, At: at}}
	in := &g.in
	var err error
	if g.tree, err = opts.Footprints.Tree(ctx, db, at, opts.Today); err != nil {
		return g, err
	}
	if in.PCNs, g.needList, err = pcns(ctx, db, g.tree, t.ID, asOf, opts.Denominator); err != nil {
		return g, err
	}
	if err = markNoReturn(ctx, reads, in.PCNs, asOf, at); err != nil {
		return g, err
	}
	if in.Staff, err = staff(ctx, reads, t.Baseline, asOf, at); err != nil {
		return g, err
	}
	if in.Plan, err = plan(ctx, db, reads, opts.Drafts); err != nil {
		return g, err
	}
	in.AttritionRate, err = attritionRates(ctx, db, opts.AttritionOverride)
	return g, err
}

// pcns is every PCN with w(p) on the as-of date, else its stand-in, flagged (its
// registered list size, or with denominator need its need-adjusted population on the
// as-of date), and the baseline FTE entered against the target. needList counts the
// PCNs where need was asked to stand in but their list did (need.PCNNeed with
// denominator list, or no need on the as-of date).
func pcns(ctx context.Context, db *store.DB, tree *workforce.Tree, targetID int64, asOf time.Time, d need.Denominator) (out []planning.PCN, needList int, err error) {
	pops, err := db.PopulationsOn(ctx, asOf)
	if err != nil {
		return nil, 0, err
	}
	extras, err := db.BaselineExtras(ctx, targetID)
	if err != nil {
		return nil, 0, err
	}
	standIn, err := standIns(ctx, db, tree, pops, asOf, d)
	if err != nil {
		return nil, 0, err
	}
	out = make([]planning.PCN, len(tree.PCNs))
	for i, p := range tree.PCNs {
		w, ok := pops[p.Code]
		if !ok {
			var list bool
			if w, list = standIn(p); list && d == need.Need {
				needList++
			}
		}
		out[i] = planning.PCN{Code: p.Code, ICB: p.ICBCode, Region: tree.RegionOf(p),
			Population: w, PopulationIsListSize: !ok, BaselineExtra: extras[p.Code]}
	}
	return out, needList, nil
}

// standIns is what stands in for a PCN's weighted population where none is in force,
// and whether it is the registered list: its list size, or with denominator need its
// need-adjusted population on the as-of date (needreport.On, read only when some PCN
// needs a stand-in). Need is the list of a PCN none of whose practices has age data;
// a PCN of the day that need has no figure for (no PCN on the as-of date) keeps its
// list size.
func standIns(ctx context.Context, db *store.DB, tree *workforce.Tree, pops map[string]float64, asOf time.Time, d need.Denominator) (func(workforce.PCN) (float64, bool), error) {
	list := func(p workforce.PCN) (float64, bool) { return float64(p.RegisteredPatients), true }
	missing := func(p workforce.PCN) bool { _, ok := pops[p.Code]; return !ok }
	if d != need.Need || !slices.ContainsFunc(tree.PCNs, missing) {
		return list, nil
	}
	res, err := needreport.On(ctx, db, asOf)
	if err != nil {
		return nil, fmt.Errorf("gaps: need on %s: %w", asOf.Format(workforce.DateLayout), err)
	}
	return func(p workforce.PCN) (float64, bool) {
		n, ok := res.PCNs[p.Code]
		if !ok {
			return list(p)
		}
		return n.Need, n.Denominator == need.List
	}, nil
}

// staff is the ARRS records in post on some day from the earliest to the latest of the
// days the report counts: the baseline, min(at, as-of) and the as-of date.
func staff(ctx context.Context, db Reads, baseline, asOf, at time.Time) ([]workforce.Staff, error) {
	from, to := baseline, baseline
	for _, d := range []time.Time{asOf, at} {
		if d.Before(from) {
			from = d
		}
	}
	if asOf.After(to) {
		to = asOf
	}
	return db.ARRSStaffBetween(ctx, from, to)
}

// plan is the lines of every PCN's current plan, or with drafts of its latest version
// whatever its status; an unknown cost is 0, as planning reads it.
// Drafts are only ever asked for on the command line, so they are read whole.
func plan(ctx context.Context, db *store.DB, reads Reads, drafts bool) ([]workforce.PlanLine, error) {
	if drafts {
		return db.LatestPlanLines(ctx)
	}
	return reads.CurrentPlanLines(ctx)
}

// attritionRates is rate(r) of every role, or the override for all of them.
func attritionRates(ctx context.Context, db *store.DB, override *float64) (map[string]float64, error) {
	roles, err := db.Roles(ctx)
	if err != nil {
		return nil, err
	}
	rates := make(map[string]float64, len(roles))
	for _, r := range roles {
		rates[r.Code] = r.AttritionRate
		if override != nil {
			rates[r.Code] = *override
		}
	}
	return rates, nil
}

// placed drops the ICB and region rows of PCNs placed in none: on today's footprints,
// a PCN that no longer exists counts in England only.
func placed(r planning.Report) planning.Report {
	unplaced := func(g planning.Gap) bool { return g.Code == "" }
	r.ICBs = slices.DeleteFunc(r.ICBs, unplaced)
	r.Regions = slices.DeleteFunc(r.Regions, unplaced)
	return r
}

// names indexes the areas' names by level and code.
func names(tree *workforce.Tree) map[workforce.Level]map[string]string {
	n := map[workforce.Level]map[string]string{
		workforce.LevelEngland: {workforce.EnglandCode: "England"},
		workforce.LevelRegion:  make(map[string]string, len(tree.Regions)),
		workforce.LevelICB:     make(map[string]string, len(tree.ICBs)),
		workforce.LevelPCN:     make(map[string]string, len(tree.PCNs)),
	}
	for _, r := range tree.Regions {
		n[workforce.LevelRegion][r.Code] = r.Name
	}
	for _, c := range tree.ICBs {
		n[workforce.LevelICB][c.Code] = c.Name
	}
	for _, p := range tree.PCNs {
		n[workforce.LevelPCN][p.Code] = p.Name
	}
	return n
}
