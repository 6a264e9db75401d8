package funding

import (
	"context"

	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// Check is what a PCN manager should know about an ARRS-funded staff record before
// relying on it, though it does not stop a save: the PCN pays for what the scheme does
// not reimburse (DOMAIN.md, "Rules worth encoding").
type Check struct {
	// OverCap is true when the annual cost is above the role's cap in force on the
	// start date, Cap (of the record's variant: a general practice nurse on band 6 is
	// "experienced"); the PCN pays the difference.
	OverCap bool
	Cap     workforce.Pence
	// OverNumbers is true when, with the record, FTE of its role is claimed from the
	// ARRS on the start date, more than Limit, the cap on numbers of Year
	// (planning.NumberCap, as the plan editor checks it).
	OverNumbers bool
	FTE, Limit  float64
	Year        workforce.FinancialYear
}

// CheckStaff checks a staff record of a PCN with the registered list given against
// the caps in force on its start date. A record without a start date or an ARRS role,
// or not claimed from the ARRS (paid through the practice GP scheme or from other
// money), has nothing to check.
func CheckStaff(ctx context.Context, db *store.DB, rec workforce.StaffRecord, registered int) (Check, error) {
	var c Check
	if rec.Start.IsZero() || rec.RoleCode == "" || rec.FundingStream() != workforce.StreamARRS {
		return c, nil
	}
	caps, err := caps(ctx, db)
	if err != nil {
		return c, err
	}
	if rec.AnnualCostPence != 0 {
		limit := caps.On(rec.Staff, rec.Start)
		c.OverCap, c.Cap = limit.Known && rec.AnnualCostPence > limit.Pence, limit.Pence
	}
	return c, c.numbers(ctx, db, rec, registered)
}

// numbers checks the ARRS-funded FTE of the record's role in post on its start date,
// the record's included, against the cap on numbers of that financial year.
func (c *Check) numbers(ctx context.Context, db *store.DB, rec workforce.StaffRecord, registered int) error {
	c.Year = workforce.FinancialYearOf(rec.Start)
	limit, ok := planning.NumberCap(rec.RoleCode, c.Year, registered)
	if !ok {
		return nil
	}
	others, err := db.ARRSFundedFTEOn(ctx, rec.PCNCode, rec.RoleCode, rec.Start, rec.ID)
	if err != nil {
		return err
	}
	c.FTE, c.Limit = others+rec.FTE, limit
	c.OverNumbers = c.FTE > limit+1e-9
	return nil
}
