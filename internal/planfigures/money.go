package planfigures

import (
	"context"
	"time"

	"github.com/arrs-planner/arrs/internal/funding"
	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// Year is one financial year's money with the version's lines, and what stood in for
// what is not held: funding.Compute's figures for the PCN, the funding page's.
type Year struct {
	// Funding is the year's money: the ARRS totals, the practice GP scheme's claims
	// and other money's costs (planning.Funding.PracticeGP, .Other), and every line.
	planning.Funding
	// Rate is rate(f). RateFrom is the earlier year whose rate stands in when none is
	// published for the year ("" when it is); NoRate is true when no rate of the year
	// or an earlier one is held, and the entitlement is 0.
	Rate     float64
	RateFrom string
	NoRate   bool
	// Population is w(p), the weighted population in force on Census, 1 January before
	// the year; ListSize is true when none is entered and the registered list stands in.
	Population float64
	Census     time.Time
	ListSize   bool
	// Costs count the ARRS lines claimed at an assumed cost, or with no cap, by kind.
	Costs map[planning.LineKind]planning.CostCounts
	// Official is the year's money with the current plan in place of the version's
	// lines; nil when they give the same planned amounts on every stream (the version
	// is the current plan, or its draft changes no money). The embedded Funding is then
	// "with your draft" (PLANNING.md, "Drafts stay private").
	Official *planning.Funding
	// PracticeGP is the practice GP scheme's year (its practices' entitlements and the
	// claims against them) with the version's lines; OfficialPracticeGP the same with
	// the current plan, set with Official. Scheme is false for a year before the scheme
	// (PracticeGPFrom): no figure of it is shown.
	PracticeGP         planning.PracticeGPFunding
	OfficialPracticeGP *planning.PracticeGPFunding
	Scheme             bool
	// PracticeGPRateFrom is the earlier year whose scheme rate stands in ("" when the
	// year's own is held); PracticeGPNoRate is true when none is held: the practices'
	// entitlement is then not known.
	PracticeGPRateFrom string
	PracticeGPNoRate   bool
}

// Source works out funding as funding.Compute does: the server's caches the figures of
// a request that counts the current plans (no Request.Plan), which change only with
// the data.
type Source func(context.Context, funding.Request) (*funding.Result, error)

// Computed is the Source that computes every request on db.
func Computed(db *store.DB) Source {
	return func(ctx context.Context, req funding.Request) (*funding.Result, error) {
		return funding.Compute(ctx, db, req)
	}
}

// money works out each of the years with funding.Compute, the definitions of the
// funding page (streams, shares, approved roles, the practice GP scheme): once with the
// version's lines in place of the current plan's (funding.Request.Plan), once with the
// current plan (the official money).
func (f *Figures) money(ctx context.Context, src Source, p workforce.PCN, lines []workforce.PlanLine, years []workforce.FinancialYear) error {
	req := funding.Request{PCNs: []workforce.PCN{p}, Years: years, AsOf: f.AsOf}
	official, err := src(ctx, req)
	if err != nil {
		return err
	}
	req.Plan = map[string][]workforce.PlanLine{p.Code: lines}
	mine, err := src(ctx, req)
	if err != nil {
		return err
	}
	for _, fy := range years {
		m, ok := mine.For(p.Code, fy)
		o, ok2 := official.For(p.Code, fy)
		if !ok || !ok2 {
			continue
		}
		f.Years[fy] = yearOf(m, o)
	}
	return nil
}

// yearOf is a year's money with the version's lines (m) beside the official (o).
func yearOf(m, o funding.PCNYear) Year {
	y := Year{Funding: m.Funding, Rate: m.Year.RatePounds, NoRate: !m.Year.RateKnown,
		Population: m.Population, Census: m.Year.PopulationDay, ListSize: m.PopulationIsListSize,
		Costs:      planning.CountCosts(m.Funding.ByStream(workforce.StreamARRS)),
		PracticeGP: m.PracticeGP, Scheme: !m.Year.Year.Start().Before(workforce.PracticeGPFrom),
		PracticeGPNoRate: !m.PracticeGPRateKnown}
	if m.Year.RateAssumed() {
		y.RateFrom = m.Year.RateYear.String()
	}
	if m.PracticeGPRateKnown && m.PracticeGPRateYear != m.Year.Year {
		y.PracticeGPRateFrom = m.PracticeGPRateYear.String()
	}
	if !samePlanned(m.Funding, o.Funding) {
		y.Official, y.OfficialPracticeGP = &o.Funding, &o.PracticeGP
	}
	return y
}

// samePlanned reports whether two years' money plan the same on every stream.
func samePlanned(a, b planning.Funding) bool {
	return a.PlannedPence == b.PlannedPence && a.PracticeGP.PlannedPence == b.PracticeGP.PlannedPence &&
		a.Other.PlannedPence == b.Other.PlannedPence
}

// OfficialARRS is the official money beside the version's when they plan the ARRS
// differently; nil when they do not (the page then shows one figure, not "with your
// draft"). OfficialScheme and OfficialOther are the same for the practice GP scheme
// and for other money.
func (y Year) OfficialARRS() *planning.Funding {
	if y.Official == nil || y.Official.PlannedPence == y.PlannedPence {
		return nil
	}
	return y.Official
}

// OfficialScheme: see OfficialARRS.
func (y Year) OfficialScheme() *planning.PracticeGPFunding {
	if y.Official == nil || y.Official.PracticeGP.PlannedPence == y.Funding.PracticeGP.PlannedPence {
		return nil
	}
	return y.OfficialPracticeGP
}

// OfficialOther: see OfficialARRS.
func (y Year) OfficialOther() *planning.StreamTotals {
	if y.Official == nil || y.Official.Other.PlannedPence == y.Funding.Other.PlannedPence {
		return nil
	}
	return &y.Official.Other
}
