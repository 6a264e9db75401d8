package funding

import (
	"strconv"
	"time"

	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// Claim is one line of a PCN's monthly claim schedule: one staff record in one
// month it has something to claim for (PLANNING.md, "Claims report").
type Claim struct {
	PCN    string
	Staff  string // what names the record on a claim: NWRS identifier, else the record number
	Role   string // the ARRS role code ("" for a role a commissioner approved)
	Stream string // the funding stream claimed from: "arrs" or "practice_gp"
	Month  time.Time
	FTE    float64
	// AnnualCostPence is the record's annual cost per WTE; nil when not recorded (the
	// claim is then estimated at the cap).
	AnnualCostPence *workforce.Pence
	// CapPence is the cap the month's claim was worked against, in force on the
	// month's first day (the role's, the approval's or the practice GP scheme's:
	// planning.LineMonth.Cap, so the row and its claim always agree); nil when none is
	// known.
	CapPence *workforce.Pence
	// Share is the reimbursement share of the month: the national share of the role,
	// or the PCN's written agreement's (planning.Shares); 1 for the practice GP scheme
	// and approved roles.
	Share float64
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

// StreamARRS is the stream of an ARRS claim as the files write it.
const StreamARRS = string(workforce.StreamARRS)

// Claims is the year's monthly claim schedule: one row per staff record per month it
// has something to claim (a month with no day in post, or outside an approved role's
// approval, has no row), records in the order of PCNYear.Staff, months April first.
// Records on the ARRS and on the practice GP scheme are listed, each with its stream;
// posts on other money claim nothing and are not. The claimable column of the ARRS
// rows sums to the committed total to the penny, that of the practice_gp rows to the
// practice GP scheme's committed claims.
func (p PCNYear) Claims() []Claim {
	var rows []Claim
	months := p.Year.Year.MonthStarts()
	for _, s := range p.Staff {
		if s.Stream == workforce.StreamOther {
			continue
		}
		for m, in := range s.Claimable {
			if in {
				rows = append(rows, s.claim(p.PCN, m, months[m]))
			}
		}
	}
	return rows
}

// claim is the record's row of month m.
func (s StaffFunding) claim(pcn string, m int, month time.Time) Claim {
	row := Claim{PCN: pcn, Staff: Label(s.Record), Role: s.Record.RoleCode, Stream: string(s.Stream), Month: month,
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
