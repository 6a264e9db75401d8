package planning

import (
	"math"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// DefaultAttritionRate is rate(r) for a role with no annual unplanned attrition in the
// reference data (PLANNING.md, "Projection").
const DefaultAttritionRate = 0.10

// AttritionRate is rate(r): the role's rate from rates, else DefaultAttritionRate.
func AttritionRate(rates map[string]float64, role string) float64 {
	if r, ok := rates[role]; ok {
		return r
	}
	return DefaultAttritionRate
}

// inWindow reports whether a plan line's quarter starts in (asOf, d], the lines a
// projection from asOf to d counts: one starting on asOf is already in the staff data.
func inWindow(quarterStart, asOf, d time.Time) bool {
	return quarterStart.After(asOf) && !quarterStart.After(d)
}

// project is projected(p, d) for d > A: in_post(p, A) + Σ (starters − leavers) − the
// yearly attrition prorated by days(A, d) / 365, never below zero for the PCN as a
// whole. attritionPerYear is Σ_roles in_post(p, r, A) × rate(r).
func project(inPostAsOf, planNet, attritionPerYear float64, days int) float64 {
	return math.Max(0, inPostAsOf+planNet-attritionPerYear*float64(days)/365)
}

// Attrition is attrition(p, A, d) = Σ_roles in_post(p, r, A) × rate(r) × days(A, d) / 365
// for one PCN's records.
func Attrition(staff []workforce.Staff, rates map[string]float64, asOf, d time.Time) float64 {
	return attritionPerYear(staff, rates, asOf) * float64(workforce.Days(asOf, d)) / 365
}

// attritionPerYear is Σ_roles in_post(p, r, A) × rate(r).
func attritionPerYear(staff []workforce.Staff, rates map[string]float64, asOf time.Time) float64 {
	var sum float64
	for role, fte := range InPostByRole(staff, asOf) {
		sum += fte * AttritionRate(rates, role)
	}
	return sum
}

// PlanNet is Σ (starters − leavers) of the plan lines whose quarter starts in (asOf, d].
func PlanNet(plan []workforce.PlanLine, asOf, d time.Time) float64 {
	var sum float64
	for _, l := range plan {
		if l.RoleCode != "" && inWindow(l.QuarterStart, asOf, d) {
			sum += l.StartersFTE - l.LeaversFTE
		}
	}
	return sum
}

// Projected is projected(p, d) for one PCN, given its staff records and the lines of
// its current plan (PLANNING.md, "Projection"): in post on d up to the as-of date, then
// in post on the as-of date plus the plan's net starters less attrition, floored at 0.
func Projected(staff []workforce.Staff, plan []workforce.PlanLine, rates map[string]float64, asOf, d time.Time) float64 {
	if !d.After(asOf) {
		return InPostFTE(staff, d)
	}
	return project(InPostFTE(staff, asOf), PlanNet(plan, asOf, d),
		attritionPerYear(staff, rates, asOf), workforce.Days(asOf, d))
}

// ProjectionPoint is the projected FTE of a PCN on one day.
type ProjectionPoint struct {
	Day       time.Time
	Projected float64
}

// ProjectionSeries is the PCN panel's line: projected FTE on the as-of date, on every
// quarter start after it up to the deadline, and on the deadline itself.
func ProjectionSeries(staff []workforce.Staff, plan []workforce.PlanLine, rates map[string]float64, asOf, deadline time.Time) []ProjectionPoint {
	days := append([]time.Time{asOf}, workforce.QuarterStarts(asOf, deadline)...)
	if last := days[len(days)-1]; deadline.After(last) {
		days = append(days, deadline)
	}
	points := make([]ProjectionPoint, len(days))
	for i, d := range days {
		points[i] = ProjectionPoint{Day: d, Projected: Projected(staff, plan, rates, asOf, d)}
	}
	return points
}
