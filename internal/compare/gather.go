package compare

import (
	"context"
	"fmt"
	"time"

	"github.com/arrs-planner/arrs/internal/funding"
	"github.com/arrs-planner/arrs/internal/integration"
	"github.com/arrs-planner/arrs/internal/needreport"
	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/rooms"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/supervision"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// parts is what the comparison gathers for the ICB's PCNs besides the gap report,
// grouped by PCN.
type parts struct {
	funding     *funding.Result
	year        workforce.FinancialYear
	supervision map[string]*supervision.Records
	sites       map[string][]workforce.Site
	staff       map[string][]workforce.Staff
	lines       map[string][]workforce.PlanLine
	plans       map[string]store.PlanVersions
	roles       []workforce.Role
	integration map[string]integration.Counts
	pulse       map[string]Pulse
	day         time.Time // today: the day of supervision links, and of the plan's window
	asOf        time.Time // the day the staff data describes (funding.AsOf)
}

// gather reads this financial year's funding of the PCNs (funding.Compute), the
// role catalogue, the PCNs' staff, supervisors, links, sites and current plan lines,
// their plans' versions, the integration of their ARRS staff and their latest closed
// rounds of the pulse. The staff data is of asOf, or when zero of funding.AsOf
// (the latest census). Every record is read for the PCNs given, those of the ICB in
// the structure the caller chose, never the ICB's of today: a PCN that has left the
// ICB since keeps its records in the comparison "as it was", and one that joined it
// later brings none.
func gather(ctx context.Context, db *store.DB, icb string, pcns []workforce.PCN, year workforce.FinancialYear, d, asOf time.Time) (*parts, error) {
	c := &parts{year: year, day: d, asOf: asOf, supervision: map[string]*supervision.Records{}, sites: map[string][]workforce.Site{},
		staff: map[string][]workforce.Staff{}, lines: map[string][]workforce.PlanLine{}, plans: map[string]store.PlanVersions{}}
	var err error
	if c.asOf.IsZero() {
		if c.asOf, _, err = funding.AsOf(ctx, db, d); err != nil {
			return nil, err
		}
	}
	if c.funding, err = funding.Compute(ctx, db, funding.Request{PCNs: pcns, Years: []workforce.FinancialYear{year}, AsOf: c.asOf}); err != nil {
		return nil, err
	}
	if c.roles, err = db.Roles(ctx); err != nil {
		return nil, err
	}
	codes := pcnCodes(pcns)
	if err := c.capacity(ctx, db, codes); err != nil {
		return nil, fmt.Errorf("compare ICB %s: %w", icb, err)
	}
	versions, err := db.PlanVersionsOfPCNs(ctx, codes)
	if err != nil {
		return nil, fmt.Errorf("compare ICB %s: %w", icb, err)
	}
	for _, v := range versions {
		c.plans[v.PCNCode] = append(c.plans[v.PCNCode], v)
	}
	if err := c.integrationOf(ctx, db, codes); err != nil {
		return nil, fmt.Errorf("compare ICB %s: %w", icb, err)
	}
	return c, nil
}

// pcnCodes are the PCNs' codes.
func pcnCodes(pcns []workforce.PCN) []string {
	out := make([]string, len(pcns))
	for i, p := range pcns {
		out[i] = p.Code
	}
	return out
}

// capacity reads the PCNs' staff, supervisors, links, sites and current plan lines,
// one query each, and groups them by PCN.
func (c *parts) capacity(ctx context.Context, db *store.DB, pcns []string) error {
	staff, err := db.StaffOfPCNs(ctx, pcns)
	if err != nil {
		return err
	}
	sups, err := db.SupervisorsOfPCNs(ctx, pcns)
	if err != nil {
		return err
	}
	links, err := db.SupervisionLinksOfPCNs(ctx, pcns)
	if err != nil {
		return err
	}
	sites, err := db.SitesOfPCNs(ctx, pcns)
	if err != nil {
		return err
	}
	lines, err := db.CurrentPlanLinesOfPCNs(ctx, pcns)
	if err != nil {
		return err
	}
	sup := func(pcn string) *supervision.Records {
		if c.supervision[pcn] == nil {
			c.supervision[pcn] = &supervision.Records{}
		}
		return c.supervision[pcn]
	}
	for _, x := range staff {
		c.staff[x.PCNCode] = append(c.staff[x.PCNCode], x)
		sup(x.PCNCode).Staff = append(sup(x.PCNCode).Staff, x)
	}
	for _, x := range sups {
		sup(x.PCNCode).Supervisors = append(sup(x.PCNCode).Supervisors, x)
	}
	for _, x := range links {
		sup(x.PCNCode).Links = append(sup(x.PCNCode).Links, x)
	}
	for _, x := range sites {
		c.sites[x.PCNCode] = append(c.sites[x.PCNCode], x)
	}
	for _, x := range lines {
		c.lines[x.PCNCode] = append(c.lines[x.PCNCode], x)
	}
	return nil
}

// row is one PCN's position, need, funding, supervision, rooms, plan and integration,
// worked out as their pages do.
func (c *parts) row(p workforce.PCN, england *planning.Positions, rep *needreport.Report) Row {
	row := Row{PCN: p, Versions: c.plans[p.Code], Integration: c.integration[p.Code], Pulse: c.pulse[p.Code]}
	if rep != nil {
		row.Need, row.HasNeed = rep.PCN(p.Code)
	}
	if england != nil {
		row.Position = england.ByPCN[p.Code]
		row.Mix = planning.RoleMix(row.Position.ByRole)
		row.Mix = row.Mix[:min(len(row.Mix), MixRoles)]
	} else {
		row.Position = planning.Position{Population: float64(p.RegisteredPatients), ListSize: true}
	}
	if y, ok := c.funding.For(p.Code, c.year); ok {
		row.Headroom = y.Funding.HeadroomPence
	}
	var rec supervision.Records
	if r := c.supervision[p.Code]; r != nil {
		rec = *r
	}
	row.Coverage, row.SupervisionRecorded = supervision.Compute(rec, c.roles, c.asOf, c.day).Coverage, rec.Recorded()
	row.Rooms = rooms.Compute(c.sites[p.Code], c.staff[p.Code], c.lines[p.Code], c.roles, c.asOf, workforce.PlanWindowAt(c.day))
	return row
}
