package gaps

import (
	"context"
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/arrs-planner/arrs/internal/need"
	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// ErrNoCensus is returned when no as-of date was given and no workforce has been
// imported to take it from.
var ErrNoCensus = errors.New("no workforce imported yet: import an NWRS file or give the as-of date")

// ErrInvalid marks options that cannot be computed (a what-if out of range): a page
// shows the message next to the field rather than failing.
var ErrInvalid = errors.New("invalid")

// Options choose the target, the days and any what-ifs of a gap report. Zero values
// take the defaults named on each field.
type Options struct {
	// Target is the target's name; "" is the default target.
	Target string
	// At is the day the gap is measured on; zero is the target's deadline (after
	// DeadlineOverride) while it is after the as-of date, else the as-of date
	// (planning.DefaultAt).
	At time.Time
	// AsOf is A, the day the staff data describes; zero is the latest census date.
	AsOf time.Time
	// Today starts the months of the required pace, from max(AsOf, Today). It is the
	// caller's clock (time.Now() on the command line); zero counts from AsOf.
	Today time.Time

	// What-ifs: each replaces a stored value for this computation only.
	AttritionOverride *float64   // every role's annual unplanned attrition, 0 to 1
	TargetFTEOverride *float64   // T, the target's additional FTE, 0 or more
	DeadlineOverride  *time.Time // D, after the target's baseline date

	// Footprints chooses the ICBs the PCNs are summed into: as they were on At (the
	// default; PLANNING.md: "a gap report: on at") or today's, Today's (or the store's
	// clock when Today is zero).
	Footprints Footprints

	// Denominator is what stands in for w(p) where no weighted population is in force
	// (PLANNING.md, "Targets and fair shares"): "" or need.List the registered list size,
	// need.Need the need-adjusted population on the as-of date (needreport.On). A view
	// of the same target, kept by every link like the footprints (need.Param).
	Denominator need.Denominator

	// Drafts counts each PCN's latest version, whatever its status, instead of its
	// current plan (arrs report gaps --drafts). Pages never set it: their figures are
	// official, and a draft is private to its PCN (PLANNING.md, "Drafts stay private").
	Drafts bool
}

// Result is a gap report at every level with what it was computed from.
type Result struct {
	planning.Report
	// Inputs is what the report was computed from: every PCN, the ARRS staff records
	// around the days used and the lines of each PCN's current plan. ForPCN picks one
	// PCN's share of it, e.g. for planning.ProjectionSeries.
	Inputs planning.Inputs
	// Target is the target used, FTE and Deadline after any override.
	Target workforce.Target
	// AsOf is A and At the day the gap is measured on, both resolved.
	AsOf time.Time
	At   time.Time
	// DataStart is the first census date imported nationally (zero with none): staff
	// figures of earlier days are unknown (PLANNING.md, "Known and unknown").
	DataStart time.Time
	// Options are the options as given.
	Options Options
	// Denominator is the stand-in the fair shares use where no weighted population is
	// in force (need.List or need.Need, resolved); ListSizePCNs counts the PCNs that
	// use it, whichever it is. NeedListPCNs counts those of them, with need.Need, whose
	// list is their need (no practice with age data, or no need on the as-of date).
	Denominator  need.Denominator
	NeedListPCNs int
	// Tree is the structure the PCNs are summed into: the hierarchy in force on At, or
	// At's PCNs on today's footprints (Options.Footprints).
	Tree  *workforce.Tree
	names map[workforce.Level]map[string]string
	// positions are worked out from the report on first use (Positions).
	positions *lazyPositions
}

// Name returns the name of an area of the report ("England" for England).
func (r *Result) Name(level workforce.Level, code string) string {
	return r.names[level][code]
}

// ListSizePCNs counts the PCNs with no weighted population in force, whose stand-in
// (Denominator: their registered list size, or their need-adjusted population) is
// their w(p): every page and report using the figures says so when it is not 0.
func (r *Result) ListSizePCNs() int { return r.England.ListSizePCNs }

// denominator is the stand-in the options ask for, need.List when none is named.
func (o Options) denominator() need.Denominator {
	if o.Denominator == need.Need {
		return need.Need
	}
	return need.List
}

// ForPCN returns one PCN's ARRS staff records and current plan lines from the inputs.
func (r *Result) ForPCN(code string) ([]workforce.Staff, []workforce.PlanLine) {
	var staff []workforce.Staff
	var plan []workforce.PlanLine
	for _, s := range r.Inputs.Staff {
		if s.PCNCode == code {
			staff = append(staff, s)
		}
	}
	for _, l := range r.Inputs.Plan {
		if l.PCNCode == code {
			plan = append(plan, l)
		}
	}
	return staff, plan
}

// Compute gathers the target, the PCNs, their populations, staff and current plans,
// and computes the gap report. A target name not found is store.ErrNotFound; options
// out of range are ErrInvalid.
func Compute(ctx context.Context, db *store.DB, opts Options) (*Result, error) {
	return ComputeWith(ctx, db, db, opts)
}

// ComputeWith is Compute with the per-PCN inputs read through reads (Reads): the same
// report, from inputs that may be kept between reports.
func ComputeWith(ctx context.Context, db *store.DB, reads Reads, opts Options) (*Result, error) {
	if err := opts.check(); err != nil {
		return nil, err
	}
	target, err := targetFor(ctx, db, opts)
	if err != nil {
		return nil, err
	}
	asOf := opts.AsOf
	if asOf.IsZero() {
		if asOf, err = db.LatestCensus(ctx); errors.Is(err, store.ErrNotFound) {
			return nil, ErrNoCensus
		} else if err != nil {
			return nil, err
		}
	}
	at := opts.At
	if at.IsZero() {
		at = planning.DefaultAt(target.Deadline, asOf)
	}
	g, err := gather(ctx, db, reads, target, asOf, at, opts)
	if err != nil {
		return nil, err
	}
	in, tree := g.in, g.tree
	in.Today = opts.Today
	if in.DataStart, err = dataStart(ctx, db); err != nil {
		return nil, err
	}
	res := &Result{Report: placed(planning.GapReport(in)), Inputs: in, Target: target, AsOf: asOf, At: at, DataStart: in.DataStart,
		Options: opts, Denominator: opts.denominator(), NeedListPCNs: g.needList, Tree: tree, names: names(tree), positions: &lazyPositions{}}
	if err := res.englandFromSeries(ctx, db); err != nil {
		return nil, err
	}
	return res, nil
}

// Structure says which ICBs the report sums its PCNs into (Footprints.Describe).
func (r *Result) Structure() string {
	return r.Options.Footprints.Describe(r.At, r.Tree.ICBs)
}

// DeadlinePassed reports whether the target's deadline is on or before the as-of
// date: the gap is then measured on the latest data, and there is no pace to keep.
func (r *Result) DeadlinePassed() bool { return !r.Target.Deadline.After(r.AsOf) }

// check refuses what-ifs out of range before anything is read.
func (o Options) check() error {
	if a := o.AttritionOverride; a != nil && !(*a >= 0 && *a <= 1) {
		return fmt.Errorf("%w: attrition must be a rate from 0 to 1 (0.10 is 10%% a year), not %v", ErrInvalid, *a)
	}
	if t := o.TargetFTEOverride; t != nil && !(*t >= 0 && !math.IsInf(*t, 0)) {
		return fmt.Errorf("%w: the target FTE must be 0 or more, not %v", ErrInvalid, *t)
	}
	if d := o.Denominator; d != "" && d != need.List && d != need.Need {
		return fmt.Errorf("gaps: the denominator must be %s or %s, not %q", need.List, need.Need, d)
	}
	return nil
}

// targetFor loads the named (or default) target and applies the overrides.
func targetFor(ctx context.Context, db *store.DB, opts Options) (workforce.Target, error) {
	var t workforce.Target
	var err error
	if opts.Target == "" {
		t, err = db.DefaultTarget(ctx)
	} else {
		t, err = db.TargetByName(ctx, opts.Target)
	}
	if err != nil {
		name := opts.Target
		if name == "" {
			name = "default"
		}
		return t, fmt.Errorf("target %q: %w", name, err)
	}
	if opts.TargetFTEOverride != nil {
		t.FTE = *opts.TargetFTEOverride
	}
	if d := opts.DeadlineOverride; d != nil {
		if !d.After(t.Baseline) {
			return t, fmt.Errorf("%w: the deadline must be after the baseline date %s", ErrInvalid, t.Baseline.Format(workforce.DateLayout))
		}
		t.Deadline = *d
	}
	return t, nil
}
