package compare

import (
	"context"

	"github.com/arrs-planner/arrs/internal/integration"
	"github.com/arrs-planner/arrs/internal/integrationreport"
	"github.com/arrs-planner/arrs/internal/store"
)

// Pulse is a PCN's latest closed round of the pulse counted
// (integrationreport.PulseCount): how many answered of the links issued; not known
// when no round of the PCN has closed.
type Pulse = integrationreport.PulseCount

// IntegrationTotal is the ICB's integration: the known counts of its PCNs summed
// (integration.Counts.Add, which says how many PCNs keep no records), and the answers
// to its PCNs' latest closed rounds, summed, known when at least one PCN has one.
func (r *Result) IntegrationTotal() (integration.Counts, Pulse) {
	var c integration.Counts
	var p Pulse
	for _, row := range r.Rows {
		c.Add(row.Integration)
		if row.Pulse.Known {
			p.Known = true
			p.Responses += row.Pulse.Responses
			p.LinksIssued += row.Pulse.LinksIssued
		}
	}
	return c, p
}

// integrationOf reads the warnings of the PCNs' ARRS staff in post on asOf (links,
// appraisals and the three-month rule of today, d) with integrationreport.CountsOf, a
// few queries for them all, and their latest closed rounds of the pulse counted
// (integrationreport.LatestPulseCounts, two queries). It seals nothing: the page seals
// the rounds due before it reads the cached comparison.
func (c *parts) integrationOf(ctx context.Context, db *store.DB, pcns []string) error {
	var err error
	if c.integration, err = integrationreport.CountsOf(ctx, db, pcns, c.asOf, c.day); err != nil {
		return err
	}
	c.pulse, err = integrationreport.LatestPulseCounts(ctx, db, pcns)
	return err
}
