package funding

import (
	"strconv"
	"time"

	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// Claim is one line of a PCN's monthly claim schedule: one staff record in one
// month it is in post (PLANNING.md, "Claims report").
type Claim struct {
	PCN    string
	Staff  string // what names the record on a claim: NWRS identifier, else the record number
	Role   string // the ARRS role code
	Stream string // the funding stream: "arrs" (staff in ARRS roles unless marked otherwise)
	Month  time.Time
	FTE    float64
	// AnnualCostPence is the record's annual cost per WTE; nil when not recorded (the
	// claim is then estimated at the cap).
	AnnualCostPence *workforce.Pence
	// CapPence is the cap in force on the month's first day; nil when none is known.
	CapPence *workforce.Pence
	Share    float64
	// ClaimablePence is the month's claim; nil when uncosted (neither a cost nor a
	// cap: left out, never £0).
	ClaimablePence *workforce.Pence
	// Flag is "", FlagEstimated, FlagBandCap or FlagUncosted.
	Flag string
}

// The flags of a claim row (PLANNING.md, "Claims report").
const (
	FlagEstimated = "estimated_at_cap"
	FlagBandCap   = "cap_from_band"
	FlagUncosted  = "uncosted"
)

// StreamARRS is the funding stream of every claim this schedule lists: staff in ARRS
// roles are ARRS-funded unless marked otherwise, and those marked otherwise are not
// claimed (store.FundingRecords).
const StreamARRS = "arrs"

// Claims is the year's monthly claim schedule: one row per staff record per month it
// is in post (a month with no day in post has nothing to claim), records in the order
// of PCNYear.Staff, months April first. Its claimable column sums to the committed
// total to the penny.
func (p PCNYear) Claims() []Claim {
	var rows []Claim
	months := p.Year.Year.MonthStarts()
	for _, s := range p.Staff {
		for m, in := range s.InPost {
			if in {
				rows = append(rows, s.claim(p.PCN, m, months[m]))
			}
		}
	}
	return rows
}

// claim is the record's row of month m.
func (s StaffFunding) claim(pcn string, m int, month time.Time) Claim {
	row := Claim{PCN: pcn, Staff: Label(s.Record), Role: s.Record.RoleCode, Stream: StreamARRS, Month: month,
		FTE: s.Record.FTE, Share: s.Shares[m]}
	if s.Record.CostKnown {
		row.AnnualCostPence = &s.Record.AnnualCostPence
	}
	c := s.Caps[m]
	if c.Known {
		row.CapPence = &c.Pence
	}
	switch {
	case !s.Record.CostKnown && !c.Known:
		row.Flag = FlagUncosted
		return row
	case !s.Record.CostKnown:
		row.Flag = FlagEstimated
	case c.FromBand:
		row.Flag = FlagBandCap
	}
	claim := s.ClaimPence[m]
	row.ClaimablePence = &claim
	return row
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
