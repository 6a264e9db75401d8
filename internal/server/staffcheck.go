package server

import (
	"fmt"
	"net/http"

	"github.com/arrs-planner/arrs/internal/funding"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/ui"
)

// staffWarnings are what a PCN manager should know before relying on a record but
// that does not stop a save (funding.CheckStaff): a cost above the role's cap in force
// on the start date, or more ARRS-funded staff in a role than the scheme reimburses.
// The PCN may employ more, or pay more: it pays the rest.
func (s *Server) staffWarnings(r *http.Request, sc staffScope, rec workforce.StaffRecord) ([]string, error) {
	c, err := funding.CheckStaff(r.Context(), s.db, rec, sc.pcn.RegisteredPatients)
	if err != nil {
		return nil, err
	}
	var out []string
	name, day := sc.roleName(rec.RoleCode), rec.Start.Format("2 January 2006")
	if c.OverCap {
		out = append(out, fmt.Sprintf("The annual cost, %s, is above the maximum for %s, %s per full-time post in force on %s: the PCN pays the difference, %s a year for a full-time post.",
			rec.AnnualCostPence.Short(), name, c.Cap.Short(), day,
			(rec.AnnualCostPence-c.Cap).Short()))
	}
	if c.OverNumbers {
		out = append(out, fmt.Sprintf("With this record the PCN has %s FTE of %s claimed from the ARRS on %s, more than the %s per PCN the scheme funds in %s: the PCN pays for the rest.",
			ui.Decimal(c.FTE, 2), name, day, ui.Decimal(c.Limit, 0), c.Year))
	}
	return out, nil
}
