package funding

import (
	"strconv"
	"time"

	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// Claim is one line of a PCN's monthly claim schedule: one staff record in one
// month it is in post (PLANNING.md, "Funding").
type Claim struct {
	Staff string // what names the record on a claim: NWRS identifier, else the record number
	Role  string // the ARRS role code
	Month time.Time
	FTE   float64
	// ActualCostPence is the month's cost at the record's annual cost, uncapped; nil
	// when no annual cost is recorded (the claim then assumes the cap).
	ActualCostPence *workforce.Pence
	ClaimablePence  workforce.Pence
}

// Claims is the year's monthly claim schedule: one row per staff record per month it
// is in post (a month with no day in post has nothing to claim), records in the order
// of PCNYear.Staff, months April first.
func (p PCNYear) Claims() []Claim {
	var rows []Claim
	months := p.Year.Year.MonthStarts()
	for _, s := range p.Staff {
		for m, in := range s.InPost {
			if !in {
				continue
			}
			row := Claim{Staff: Label(s.Record), Role: s.Record.RoleCode, Month: months[m], FTE: s.Record.FTE,
				ClaimablePence: s.ClaimPence[m]}
			if s.Record.CostKnown {
				row.ActualCostPence = &s.CostPence[m]
			}
			rows = append(rows, row)
		}
	}
	return rows
}

// Label names a staff record on a claim: its NWRS identifier, which the national
// workforce portal knows the person by, else its record number in ARRS Planner (no
// names are kept).
func Label(r store.FundingRecord) string {
	id := strconv.FormatInt(r.ID, 10)
	switch {
	case r.UniqueIdentifier != "":
		return r.UniqueIdentifier
	case r.Source == workforce.SourceNWRSContracted:
		return "Contracted services, record " + id
	}
	return "Record " + id
}
