// Package integrationreport gathers the integration of ARRS staff (package
// integration's rules) for a PCN, for a set of PCNs and for every area of a level
// (PLANNING.md, "Integration report"): the integration page, the clinical director's
// dashboard, the ICB comparison and `arrs report integration` read it, so a count
// reads the same wherever it is shown. Staff are the records in ARRS roles in post on
// the as-of date; supervision links, appraisals and the three-month rule are of today.
//
// Every read is for all the PCNs asked about at once (a few queries, never one per
// PCN), so that England's report costs what one PCN's does, give or take the rows.
package integrationreport

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"time"

	"github.com/arrs-planner/arrs/internal/integration"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// LaterMonths is how far past today OfPCN lists the records starting after the as-of
// date (PCN.Later): those starting within the next three months, whose first day
// needs getting ready; the plan's starters show what is further off.
const LaterMonths = 3

// Entry is one member of staff on the integration page.
type Entry struct {
	integration.Person
	RoleName string
	// Warnings are the person's warnings whose records the PCN keeps (Counts.Known):
	// where it keeps none, the page shows "Not recorded", not a warning.
	Warnings     []integration.Warning
	AppraisalDue time.Time
	// SupervisionFrom is, when no clinical supervision link of theirs is in force
	// today, the first day one comes into force (a link recorded ahead); zero
	// otherwise.
	SupervisionFrom time.Time
}

// PCN is a PCN's integration: its ARRS staff in post on the as-of date (by role, then
// id) with their warnings, and its counts.
type PCN struct {
	Code        string
	AsOf, Today time.Time
	People      []Entry
	Counts      integration.Counts
	// Later are the PCN's ARRS staff records starting after the as-of date, up to
	// LaterUntil (LaterMonths after today), and not ended by today, by start, role and
	// id: a record a manager adds by hand before any census carries it. They are not
	// in People or Counts (PLANNING.md's arrs_staff is in post on the as-of date);
	// their warnings are judged by the same rules on day today, known as the PCN's
	// counts are.
	Later      []Entry
	LaterUntil time.Time
}

// OfPCN gathers one PCN's integration.
func OfPCN(ctx context.Context, db *store.DB, pcn string, asOf, today time.Time) (*PCN, error) {
	staff, err := db.StaffOfPCNs(ctx, []string{pcn})
	if err != nil {
		return nil, err
	}
	rec, err := read(ctx, db, []string{pcn}, staff, asOf, today)
	if err != nil {
		return nil, err
	}
	out := &PCN{Code: pcn, AsOf: asOf, Today: today, Counts: rec.count(pcn, today), LaterUntil: laterUntil(today)}
	for _, p := range rec.people[pcn] {
		out.People = append(out.People, rec.entry(p, out.Counts, today))
	}
	slices.SortFunc(out.People, func(a, b Entry) int {
		return cmp.Or(strings.Compare(a.RoleName, b.RoleName), cmp.Compare(a.Staff.ID, b.Staff.ID))
	})
	for _, p := range rec.later[pcn] {
		out.Later = append(out.Later, rec.entry(p, out.Counts, today))
	}
	slices.SortFunc(out.Later, func(a, b Entry) int {
		return cmp.Or(a.Staff.Start.Compare(b.Staff.Start), strings.Compare(a.RoleName, b.RoleName), cmp.Compare(a.Staff.ID, b.Staff.ID))
	})
	return out, nil
}

// laterUntil is the last start day PCN.Later lists.
func laterUntil(today time.Time) time.Time { return today.AddDate(0, LaterMonths, 0) }

// entry is a person of the page: their role's name, the warnings of theirs the PCN's
// counts know (c) on day today, and the days their appraisal is due and, with no
// clinical link today, a link starts.
func (r *records) entry(p integration.Person, c integration.Counts, today time.Time) Entry {
	e := Entry{Person: p, RoleName: r.roleName(p.Staff.RoleCode), Warnings: known(integration.Check(p, today), c),
		AppraisalDue: integration.AppraisalDue(p)}
	if len(p.ClinicalSupervisors) == 0 {
		e.SupervisionFrom = r.nextLink[p.Staff.ID]
	}
	return e
}

// known keeps the warnings whose counts are known: an unknown item is "no data" for
// the person too.
func known(ws []integration.Warning, c integration.Counts) []integration.Warning {
	var out []integration.Warning
	for _, w := range ws {
		if c.Known[w] {
			out = append(out, w)
		}
	}
	return out
}

// CountsOf counts the warnings of each PCN given (a few queries for all of them,
// never one per PCN), by PCN code.
func CountsOf(ctx context.Context, db *store.DB, pcns []string, asOf, today time.Time) (map[string]integration.Counts, error) {
	staff, err := db.StaffOfPCNs(ctx, pcns)
	if err != nil {
		return nil, err
	}
	return countsOf(ctx, db, pcns, staff, asOf, today)
}

// countsOf counts the warnings of each PCN given from staff records read already
// (those of other PCNs, out of post or outside ARRS are left out).
func countsOf(ctx context.Context, db *store.DB, pcns []string, staff []workforce.Staff, asOf, today time.Time) (map[string]integration.Counts, error) {
	rec, err := read(ctx, db, pcns, staff, asOf, today)
	if err != nil {
		return nil, err
	}
	out := make(map[string]integration.Counts, len(pcns))
	for _, p := range pcns {
		out[p] = rec.count(p, today)
	}
	return out, nil
}
