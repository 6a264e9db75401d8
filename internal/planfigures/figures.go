package planfigures

import (
	"context"
	"errors"
	"slices"
	"time"

	"github.com/arrs-planner/arrs/internal/gaps"
	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// Input is the plan the figures are worked out for.
type Input struct {
	PCN workforce.PCN
	// Lines are the version shown's lines (a grid's lines may leave the PCN out).
	Lines []workforce.PlanLine
	// Draft is the PCN's draft (DraftOf); nil when it has none.
	Draft *Draft
	// Window is the grid's quarters, in order, starting with a year's first.
	Window []workforce.Quarter
	// Today is the caller's clock: the gap report counts the required pace from it.
	Today time.Time
	// Funding works the money out (funding.Compute); nil computes every request on the
	// database (Computed).
	Funding Source
	// MoneyYears are the years whose money is worked out, of the window's: the plan page
	// and its preview show one; nil for every year of the window.
	MoneyYears []workforce.FinancialYear
}

// moneyYears are the years whose money is worked out: MoneyYears, else the window's.
func (in Input) moneyYears() []workforce.FinancialYear {
	if in.MoneyYears != nil {
		return in.MoneyYears
	}
	return workforce.PlanWindow(in.Window).Years()
}

// source is the input's Source, else Computed(db).
func (in Input) source(db *store.DB) Source {
	if in.Funding != nil {
		return in.Funding
	}
	return Computed(db)
}

// Figures are the numbers beside the grid.
type Figures struct {
	// NoCensus is true before any import (no figures at all); NoTarget when no target
	// is set (the staff in post and the money only).
	NoCensus, NoTarget bool
	// AsOf is A, the day the staff data describes; At the day the report measures the
	// gap on.
	AsOf, At time.Time
	Target   workforce.Target
	// Row is the PCN's row of the official report: its fair share, baseline,
	// population and the projection and gap with the current plan on At.
	Row planning.Gap
	// InPost is the PCN's ARRS FTE in post on AsOf, and InPostByRole the same by role
	// (for the caps on numbers); known with or without a target, nil only with
	// NoCensus.
	InPost       float64
	InPostByRole map[string]float64
	// WithDraft is Row with the draft in place of the current plan; nil when the PCN
	// has no draft or it changes nothing to 0.01 FTE (workforce.DiffersFTE).
	WithDraft *planning.Gap
	// Quarters is each quarter's figures with the version shown; Official with the
	// current plan, the report's.
	Quarters, Official map[workforce.Quarter]Quarter
	// Years is the money of each financial year of the grid.
	Years map[workforce.FinancialYear]Year
}

// Quarter is the projection on a quarter's last day and the gap to the fair share then.
type Quarter struct {
	Projected, Gap float64
}

// Compute works the figures out for a version's lines, with report giving the gap
// report of today (the server's is cached).
func Compute(ctx context.Context, db *store.DB, report gaps.Source, in Input) (Figures, error) {
	f := Figures{Quarters: map[workforce.Quarter]Quarter{}, Official: map[workforce.Quarter]Quarter{},
		Years: map[workforce.FinancialYear]Year{}}
	res, err := report(ctx, gaps.Options{Today: in.Today})
	switch {
	case errors.Is(err, gaps.ErrNoCensus):
		f.NoCensus = true
		return f, nil
	case errors.Is(err, store.ErrNotFound):
		return f, f.withoutTarget(ctx, db, in)
	case err != nil:
		return f, err
	}
	mine := Named(in.PCN.Code, in.Lines)
	f.outlook(res, in, mine)
	return f, f.money(ctx, in.source(db), in.PCN, mine, in.moneyYears())
}

// withoutTarget fills what is known with no target: the staff in post on the latest
// census and the money. There is no fair share, so no gap and no projection against it.
func (f *Figures) withoutTarget(ctx context.Context, db *store.DB, in Input) error {
	f.NoTarget = true
	var err error
	if f.AsOf, err = db.LatestCensus(ctx); errors.Is(err, store.ErrNotFound) {
		f.NoCensus = true
		return nil
	} else if err != nil {
		return err
	}
	staff, err := db.StaffInPost(ctx, in.PCN.Code, f.AsOf)
	if err != nil {
		return err
	}
	f.InPost, f.InPostByRole = planning.InPostFTE(staff, f.AsOf), planning.InPostByRole(staff, f.AsOf)
	return f.money(ctx, in.source(db), in.PCN, Named(in.PCN.Code, in.Lines), in.moneyYears())
}

// outlook fills the report's figures: the PCN's row, in post, the draft's outlook and
// each quarter's projection and gap, with the version's lines and the current plan's.
func (f *Figures) outlook(res *gaps.Result, in Input, mine []workforce.PlanLine) {
	code := in.PCN.Code
	staff, current := res.ForPCN(code)
	f.AsOf, f.At, f.Target = res.AsOf, res.At, res.Target
	f.Row, _ = gaps.Find(res.PCNs, code)
	f.InPost, f.InPostByRole = planning.InPostFTE(staff, res.AsOf), planning.InPostByRole(staff, res.AsOf)
	if in.Draft != nil {
		if d, ok := res.WithDraft(code, Named(code, in.Draft.Lines)); ok && workforce.DiffersFTE(d.ProjectedFTE, f.Row.ProjectedFTE) {
			f.WithDraft = &d
		}
	}
	rates := res.Inputs.AttritionRate
	for _, q := range in.Window {
		f.Quarters[q] = quarterOf(f.Row, planning.Projected(staff, mine, rates, res.AsOf, q.LastDay()))
		f.Official[q] = quarterOf(f.Row, planning.Projected(staff, current, rates, res.AsOf, q.LastDay()))
	}
}

// quarterOf is a projection on a quarter's last day and the gap to the PCN's fair
// share then (planning.Gap.WithProjected).
func quarterOf(g planning.Gap, projected float64) Quarter {
	return Quarter{Projected: projected, Gap: g.WithProjected(projected).GapFTE}
}

// Named is a copy of the lines of a PCN's plan, each naming the PCN (a grid's lines
// leave it out), as planning reads them.
func Named(pcn string, lines []workforce.PlanLine) []workforce.PlanLine {
	out := slices.Clone(lines)
	for i := range out {
		out[i].PCNCode = pcn
	}
	return out
}

// Draft is a PCN's draft (its latest version, when that is a draft or returned): the
// "with your draft" figures of its own plan and dashboard pages come from it.
type Draft struct {
	Plan  workforce.Plan
	Lines []workforce.PlanLine
}

// DraftOf reads the PCN's draft; nil when it has none. Only the PCN's own pages ask for
// it: a draft is private to the PCN (PLANNING.md, "Drafts stay private").
func DraftOf(ctx context.Context, db *store.DB, pcn string) (*Draft, error) {
	p, lines, err := db.PCNDraft(ctx, pcn)
	if errors.Is(err, store.ErrNotFound) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	return &Draft{Plan: p, Lines: lines}, nil
}
