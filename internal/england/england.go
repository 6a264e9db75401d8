// Package england keeps the per-PCN inputs of England's gap report (issue 17): the ARRS
// staff over a report's days, the current plans' lines and the PCNs with no return for
// a census, each PCN's at the version it was read at (datacache.PerPCN). After a save
// in one PCN a report reads again that PCN's inputs alone; planning then recomputes
// England in memory and re-sums it. It implements gaps.Reads, so the report is the one
// gaps.Compute gives straight from the store.
package england

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/arrs-planner/arrs/internal/datacache"
	"github.com/arrs-planner/arrs/internal/gaps"
	"github.com/arrs-planner/arrs/internal/needreport"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// maxInputs bounds the inputs kept per kind: what-ifs move a report's days, and each
// span of days or census is an input of its own. The oldest goes first.
const maxInputs = 8

// Layer keeps the inputs between requests. The zero Layer is not ready: use New.
type Layer struct {
	db *store.DB

	mu       sync.Mutex
	staff    inputs[[]workforce.Staff]
	plans    datacache.PerPCN[[]workforce.PlanLine]
	noReturn inputs[bool]
	fte      inputs[[]workforce.RoleFTE]
	censuses datacache.PerPCN[pcnCensuses]
}

// New is a Layer reading db.
func New(db *store.DB) *Layer {
	return &Layer{db: db}
}

// At is the layer's reads as of the versions v (read before any data) for one report:
// a gaps.Reads, a needreport.Reads and a gaps.FTEReads.
func (l *Layer) At(v *datacache.Versions) Reads {
	return Reads{l: l, v: v}
}

var (
	_ gaps.Reads       = Reads{}
	_ gaps.FTEReads    = Reads{}
	_ needreport.Reads = Reads{}
)

// Counts is how many times the inputs read all of England and single PCNs, summed over
// the inputs, for tests: a save in one PCN should read that PCN alone.
func (l *Layer) Counts() (england, pcns int) {
	l.mu.Lock()
	all := append(l.staff.all(), &l.plans)
	all = append(all, l.noReturn.all()...)
	all = append(all, l.fte.all()...)
	all = append(all, &l.censuses)
	l.mu.Unlock()
	for _, c := range all {
		e, p := c.Reads()
		england, pcns = england+e, pcns+p
	}
	return england, pcns
}

// Reads is a Layer at one reading of the versions.
type Reads struct {
	l *Layer
	v *datacache.Versions
}

// ARRSStaffBetween is every PCN's ARRS records in post over [from, to], by PCN then id.
func (r Reads) ARRSStaffBetween(ctx context.Context, from, to time.Time) ([]workforce.Staff, error) {
	c := input(r.l, &r.l.staff, from.Format(time.DateOnly)+"|"+to.Format(time.DateOnly))
	return joined(ctx, c, r.v, func(ctx context.Context, pcns []string) (map[string][]workforce.Staff, error) {
		staff, err := r.l.db.ARRSStaffOf(ctx, pcns, from, to)
		internStaff(staff)
		return group(staff, func(s workforce.Staff) string { return s.PCNCode }), err
	})
}

// CurrentPlanLines is the lines of every PCN's current plan, by PCN, quarter, role and
// stream (each PCN's lines as the store orders them, the PCNs by code).
func (r Reads) CurrentPlanLines(ctx context.Context) ([]workforce.PlanLine, error) {
	return joined(ctx, &r.l.plans, r.v, func(ctx context.Context, pcns []string) (map[string][]workforce.PlanLine, error) {
		lines, err := r.l.db.CurrentPlanLinesOf(ctx, pcns)
		internLines(lines)
		return group(lines, func(l workforce.PlanLine) string { return l.PCNCode }), err
	})
}

// NoReturn is the PCNs with no return for the national census of that date.
func (r Reads) NoReturn(ctx context.Context, census time.Time) (map[string]bool, error) {
	c := input(r.l, &r.l.noReturn, census.Format(time.DateOnly))
	flags, err := c.Get(ctx, r.v, func(ctx context.Context, pcns []string) (map[string]bool, error) {
		return r.l.db.NoReturnOf(ctx, pcns, census)
	})
	if err != nil {
		return nil, err
	}
	none := make(map[string]bool, len(flags))
	for p, ok := range flags {
		if ok {
			none[p] = true
		}
	}
	return none, nil
}

// FTEByPCNRole is the FTE in post on day d by PCN and role, by PCN, role and staff
// role (the store gives no order; a fixed one sums areas the same way every time).
func (r Reads) FTEByPCNRole(ctx context.Context, d time.Time) ([]workforce.RoleFTE, error) {
	c := input(r.l, &r.l.fte, d.Format(time.DateOnly))
	return joined(ctx, c, r.v, func(ctx context.Context, pcns []string) (map[string][]workforce.RoleFTE, error) {
		rows, err := r.l.db.FTEByPCNRoleOf(ctx, pcns, d)
		internFTE(rows)
		slices.SortFunc(rows, func(a, b workforce.RoleFTE) int {
			return cmp.Or(strings.Compare(a.PCNCode, b.PCNCode), strings.Compare(a.RoleCode, b.RoleCode), strings.Compare(a.StaffRole, b.StaffRole))
		})
		return group(rows, func(x workforce.RoleFTE) string { return x.PCNCode }), err
	})
}

// joined is every PCN's slice of c as of v, one after the other by PCN code, put
// together once per change and shared by the reports that read it; c keeps the PCNs'
// slices as windows on it (datacache.Flat), so England's inputs are held once.
func joined[T any](ctx context.Context, c *datacache.PerPCN[[]T], v *datacache.Versions, read datacache.Reader[[]T]) ([]T, error) {
	return datacache.Flat(ctx, c, v, read)
}

// input is the kept input of key, made if missing.
func input[T any](l *Layer, in *inputs[T], key string) *datacache.PerPCN[T] {
	l.mu.Lock()
	defer l.mu.Unlock()
	return in.get(key)
}

// group splits xs by PCN, keeping their order within each.
func group[T any](xs []T, pcn func(T) string) map[string][]T {
	out := map[string][]T{}
	for _, x := range xs {
		p := pcn(x)
		out[p] = append(out[p], x)
	}
	return out
}
