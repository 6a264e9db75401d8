package server

import (
	"net/http"

	"github.com/arrs-planner/arrs/internal/funding"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/staff"
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
	name := staff.RoleName(sc.cat.Roles, rec.RoleCode)
	if c.OverCap {
		out = append(out, staff.OverCapWarning(rec, name, c.Cap))
	}
	if c.OverNumbers {
		out = append(out, staff.OverNumbersWarning(rec, name, c.FTE, c.Limit, c.Year))
	}
	return out, nil
}
