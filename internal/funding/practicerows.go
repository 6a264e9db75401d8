package funding

import (
	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// The practices' year as the funding page shows it and its download writes it
// (/pcns/{code}/funding/practices.csv): each member practice's part of the PCN's costs
// and reimbursements (PCNYear.Split) and its practice GP scheme figures
// (PCNYear.PracticeGP). Unknown is nil, never 0 (PLANNING.md, "Known and unknown").

// The bases of a practice split.
const (
	SplitByList   = "list"
	SplitByAgreed = "agreed"
)

// PracticeRow is one member practice's year.
type PracticeRow struct {
	PCN, Code, Name string
	Year            workforce.FinancialYear
	// Basis is SplitByList or SplitByAgreed; Percent the practice's share, nil when
	// there is no split (a member with no list and no agreement).
	Basis   string
	Percent *float64
	// List is the registered list on the population day; nil when none is published.
	List *int
	// CostsPence, ReimbursedPence and NetPence are the practice's parts of the PCN's;
	// nil with no split, or in a partial year (the committed claims are not known).
	CostsPence, ReimbursedPence, NetPence *workforce.Pence
	// PracticeGPEntitlementPence is nil when the list or the rate is not known;
	// PracticeGPCommittedPence (its practice-scheme GPs in post) in a partial year.
	PracticeGPEntitlementPence, PracticeGPCommittedPence *workforce.Pence
}

// SplitTotals are the whole the practice split divides (docs/funding-streams.md): the
// costs of the year's ARRS and other-money lines, staff and plan (CostTotalPence), and
// the ARRS claims, committed and planned.
func (p PCNYear) SplitTotals() (costs, reimbursed workforce.Pence) {
	for _, l := range p.Funding.Lines {
		if l.Stream == workforce.StreamARRS || l.Stream == workforce.StreamOther {
			costs += l.CostTotalPence
		}
	}
	return costs, p.Funding.CommittedPence + p.Funding.PlannedPence
}

// PracticeRows is the year's member practices, in the order of PCNYear.Practices.
func (p PCNYear) PracticeRows() []PracticeRow {
	parts := make(map[string]planning.PracticePart, len(p.Split.Parts))
	for _, part := range p.Split.Parts {
		parts[part.Practice.Code] = part
	}
	scheme := make(map[string]planning.PracticeGPPractice, len(p.PracticeGP.Practices))
	for _, s := range p.PracticeGP.Practices {
		scheme[s.Practice.Code] = s
	}
	basis := SplitByList
	if p.Split.Agreed {
		basis = SplitByAgreed
	}
	rows := make([]PracticeRow, 0, len(p.Practices))
	for _, pr := range p.Practices {
		row := PracticeRow{PCN: p.PCN, Code: pr.Code, Name: pr.Name, Year: p.Year.Year, Basis: basis}
		if pr.ListKnown {
			row.List = &pr.List
		}
		if part, ok := parts[pr.Code]; ok && p.Split.Known {
			row.Percent = &part.Percent
			if !p.Partial() {
				row.CostsPence, row.ReimbursedPence, row.NetPence = &part.CostsPence, &part.ReimbursedPence, &part.NetPence
			}
		}
		if s, ok := scheme[pr.Code]; ok {
			if s.Known && p.PracticeGPRateKnown {
				row.PracticeGPEntitlementPence = &s.EntitlementPence
			}
			if !p.Partial() {
				row.PracticeGPCommittedPence = &s.CommittedPence
			}
		}
		rows = append(rows, row)
	}
	return rows
}
