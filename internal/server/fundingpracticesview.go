package server

import (
	"time"

	"github.com/arrs-planner/arrs/internal/funding"
	"github.com/arrs-planner/arrs/internal/workforce"

	fundingweb "github.com/arrs-planner/arrs/web/funding"
)

// fundingStreams is the year's three streams side by side: ARRS as before; the
// practice GP scheme's entitlement only with a rate and some practice's list, leaving
// out (and counting) practices with none; other money's costs, saying what they leave
// out and estimate, with no entitlement or headroom. In a partial year nothing
// committed is known.
func fundingStreams(y funding.PCNYear) fundingweb.Streams {
	f, pg, partial := y.Funding, y.PracticeGP, y.Partial()
	committed := func(p workforce.Pence) fundingweb.Amount { return fundingweb.Amount{Pence: p, Known: !partial} }
	arrs := fundingweb.StreamColumn{Stream: workforce.StreamARRS, Entitlement: fundingweb.Known(f.EntitlementPence),
		Committed: committed(f.CommittedPence), Planned: fundingweb.Known(f.PlannedPence), Headroom: committed(f.HeadroomPence)}
	scheme := fundingweb.StreamColumn{Stream: workforce.StreamPracticeGP, Committed: committed(pg.CommittedPence), Planned: fundingweb.Known(pg.PlannedPence)}
	if y.PracticeGPEntitlementKnown() {
		note := fundingweb.ExcludingPractices(y.PracticesWithoutList())
		scheme.Entitlement, scheme.Headroom = fundingweb.Known(pg.EntitlementPence), committed(pg.HeadroomPence)
		scheme.Entitlement.Note, scheme.Headroom.Note = note, note
	}
	other := fundingweb.StreamColumn{Stream: workforce.StreamOther, Entitlement: fundingweb.NotApplicable(),
		Committed: committed(f.Other.CommittedPence), Planned: fundingweb.Known(f.Other.PlannedPence), Headroom: fundingweb.NotApplicable()}
	staffEstimated, planEstimated := y.CostsAssumedIn(workforce.StreamOther)
	staffUncosted, planUncosted := uncostedIn(y, workforce.StreamOther)
	other.Committed.Note = fundingweb.ExcludingCosts(staffUncosted, staffEstimated)
	other.Planned.Note = fundingweb.ExcludingCosts(planUncosted, planEstimated)
	return fundingweb.Streams{Columns: []fundingweb.StreamColumn{arrs, scheme, other},
		PracticeRatePounds: pg.RatePounds, PracticeRateYear: y.PracticeGPRateYear.String(), PracticeRateKnown: y.PracticeGPRateKnown,
		PracticeRateAssumed: y.PracticeGPRateKnown && y.PracticeGPRateYear != y.Year.Year,
		Practices:           len(y.Practices), NoList: y.PracticesWithoutList(), ListDay: listDay(y)}
}

// uncostedIn counts a stream's staff records and plan lines with neither a cost nor a
// cap, left out of its costs.
func uncostedIn(y funding.PCNYear, stream workforce.Stream) (staff, plan int) {
	for _, s := range y.Staff {
		if s.Stream == stream && s.Uncosted {
			staff++
		}
	}
	for _, l := range y.Plan {
		if l.Stream == stream && l.Uncosted {
			plan++
		}
	}
	return staff, plan
}

// listDay is the publication the member practices' lists are read from.
func listDay(y funding.PCNYear) time.Time {
	for _, p := range y.Practices {
		if p.ListKnown {
			return p.ListDay
		}
	}
	return time.Time{}
}

// fundingPractices is each member practice's year as its download row has it
// (PCNYear.PracticeRows), with the PCN's totals that the split divides.
func fundingPractices(y funding.PCNYear) fundingweb.Practices {
	v := fundingweb.Practices{SplitAgreed: y.Split.Agreed, SplitIgnored: y.Split.AgreedIgnored, SplitKnown: y.Split.Known,
		SharesHref: "/pcns/" + y.PCN + "/funding/practice-shares"}
	for _, r := range y.PracticeRows() {
		v.List = append(v.List, practiceView(r))
	}
	if !y.Partial() {
		costs, reimbursed := y.SplitTotals()
		v.Costs, v.Reimbursed, v.Net = fundingweb.Known(costs), fundingweb.Known(reimbursed), fundingweb.Known(costs-reimbursed)
		v.Costs.Note = splitCostsNote(y)
	}
	return v
}

// splitCostsNote is what the split's costs (the ARRS and other-money posts', staff and
// plan) leave out and estimate at the cap.
func splitCostsNote(y funding.PCNYear) string {
	uncosted, estimated := 0, 0
	for _, stream := range []workforce.Stream{workforce.StreamARRS, workforce.StreamOther} {
		staff, plan := y.CostsAssumedIn(stream)
		uncosted, estimated = uncosted+y.UncostedIn(stream), estimated+staff+plan
	}
	return fundingweb.ExcludingCosts(uncosted, estimated)
}

// practiceView is a practice's row on the page: whole pounds, "no data" for nil.
func practiceView(r funding.PracticeRow) fundingweb.Practice {
	v := fundingweb.Practice{Code: r.Code, Name: r.Name, Entitlement: amountOf(r.PracticeGPEntitlementPence),
		Committed: amountOf(r.PracticeGPCommittedPence), Costs: amountOf(r.CostsPence), Reimbursed: amountOf(r.ReimbursedPence), Net: amountOf(r.NetPence)}
	if r.List != nil {
		v.List, v.ListKnown = *r.List, true
	}
	if r.Percent != nil {
		v.Percent, v.PercentKnown = *r.Percent, true
	}
	if v.Entitlement.Known && v.Committed.Known {
		v.Headroom = fundingweb.Known(v.Entitlement.Pence - v.Committed.Pence)
	}
	return v
}

// amountOf is an amount that may be unknown (nil).
func amountOf(p *workforce.Pence) fundingweb.Amount {
	if p == nil {
		return fundingweb.Amount{}
	}
	return fundingweb.Known(*p)
}
