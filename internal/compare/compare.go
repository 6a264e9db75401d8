// Package compare answers one question: how do the PCNs of an ICB compare today
// (docs/dashboards.md, "The comparison")? For each PCN: its place among England's PCNs
// on ARRS FTE per 10,000 need-adjusted patients (or, asked, per 10,000 on its registered
// list, so that people see what the adjustment changes; docs/need.md) and on the share
// of its fair share reached, with England's deciles of each ("England's deciles"); its
// need-adjusted population, expected ARRS FTE, ratio of observed to expected and where
// that lies against the funnel's limits, from the need report (needreport.Compute, the
// same report /need and `arrs report need` write); its largest roles; this financial
// year's funding headroom (PLANNING.md, "Funding"); supervision coverage and room
// shortfall (PLANNING.md, "Supervision and rooms"); its plan's versions; and the
// integration of its ARRS staff, the integration page's warnings counted, with the
// answers to its latest closed round of the pulse (docs/integration.md). Each
// figure comes from the same code as the dashboard and the PCN's own pages: the gap
// report (PLANNING.md, "Gap"; the official figures, which never count a draft),
// funding.Compute, package supervision, package rooms and integrationreport.CountsOf.
//
// The ICB's records are read with one query per table and grouped by PCN, never one
// query per PCN, and for the PCNs the caller gives (the ICB's in the structure of the
// as-of date, or of today's footprints), never for the ICB's PCNs of today: on 1 April
// 2026 PCNs changed ICB, and the comparison "as it was" shows each PCN of the day with
// its own records. The clock is the caller's: today is an argument. The positions and
// need are of the as-of date A; supervision and rooms of today, as on their own pages.
package compare

import (
	"cmp"
	"context"
	"errors"
	"slices"
	"time"

	"github.com/arrs-planner/arrs/internal/gaps"
	"github.com/arrs-planner/arrs/internal/integration"
	"github.com/arrs-planner/arrs/internal/need"
	"github.com/arrs-planner/arrs/internal/needreport"
	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/rooms"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// MixRoles is how many of a PCN's largest roles the comparison shows.
const MixRoles = 3

// Result is an ICB's comparison on one day.
type Result struct {
	// AsOf is the day of the staff data and TargetName the target's, from the gap
	// report. Census is false before any import; NoTarget true when no target is set.
	AsOf             time.Time
	Census, NoTarget bool
	TargetName       string
	// Year is the financial year of the headroom, today's.
	Year workforce.FinancialYear
	// England is England's positions; nil without a gap report. Their FTE per 10,000
	// divides by Denominator: need (the default) or list.
	England     *planning.Positions
	Denominator need.Denominator
	// Need is England's need report on the as-of date (nil before any census): every
	// PCN's need, expected FTE, ratio and limits, the funnel's points. ICBNeed is the
	// ICB's own line of it (HasICBNeed false when the report has none).
	Need       *needreport.Report
	ICBNeed    needreport.Row
	HasICBNeed bool
	// Rows are the ICB's PCNs, by code.
	Rows []Row
}

// Row is one PCN.
type Row struct {
	PCN workforce.PCN
	// Position is the PCN's on England's measures; without a gap report, its
	// registered list stands in for its population and the rest is unknown.
	Position planning.Position
	// Need is its line of the need report: registered patients, need-adjusted
	// population, observed and expected ARRS FTE, ratio and limits; HasNeed is false
	// when the report has none (no census imported).
	Need    needreport.Row
	HasNeed bool
	// Mix is its largest roles, up to MixRoles.
	Mix      []planning.RoleShare
	Headroom workforce.Pence
	Coverage planning.Coverage
	// SupervisionRecorded is false when the PCN has no supervisor or link recorded:
	// its coverage is then not known (supervision.Records.Recorded).
	SupervisionRecorded bool
	// Rooms is its room check; not known when Rooms.Recorded() is false (no sites).
	Rooms rooms.Figures
	// Versions is every version of its plan, newest first.
	Versions store.PlanVersions
	// Integration is the warnings of its ARRS staff in post (integrationreport.CountsOf):
	// a count it keeps no records for is not known, never 0.
	Integration integration.Counts
	// Pulse is its latest closed round of the pulse; not known when none has closed.
	Pulse Pulse
}

// ListSizePCNs counts the PCNs whose registered list stands in for a weighted
// population.
func (r *Result) ListSizePCNs() int {
	n := 0
	for _, row := range r.Rows {
		if row.Position.ListSize {
			n++
		}
	}
	return n
}

// NoSitesPCNs counts the PCNs with no site recorded, whose room sessions are not
// known: never summed as 0 available.
func (r *Result) NoSitesPCNs() int {
	n := 0
	for _, row := range r.Rows {
		if !row.Rooms.Recorded() {
			n++
		}
	}
	return n
}

// NoSupervisionPCNs counts the PCNs with no supervisor or link recorded, whose
// coverage is not known.
func (r *Result) NoSupervisionPCNs() int {
	n := 0
	for _, row := range r.Rows {
		if !row.SupervisionRecorded {
			n++
		}
	}
	return n
}

// Request is one ICB's comparison: its PCNs in the structure the caller chose (icb
// names it in errors and finds its line of the need report), on day Today with the
// staff data of AsOf (zero: the latest census, as every page's default as-of date),
// FTE per 10,000 on Denominator ("" is need). Tree is the structure the need report
// sums its areas into (nil: the structure of the day; today's footprints when the page
// shows them).
type Request struct {
	ICB         string
	PCNs        []workforce.PCN
	Today, AsOf time.Time
	Denominator need.Denominator
	Tree        *workforce.Tree
}

// denominator is the denominator asked for, need when none is.
func (req Request) denominator() need.Denominator {
	if req.Denominator == need.List {
		return need.List
	}
	return need.Need
}

// Compute compares the PCNs of an ICB (pcns: its PCNs in the structure the caller
// chose; icb names it) on day d (today) with the staff data of asOf (zero: the latest
// census), FTE per 10,000 on need, with report giving the gap report and the need
// report computed afresh: ComputeWith, as the command line does it.
func Compute(ctx context.Context, db *store.DB, report gaps.Source, icb string, pcns []workforce.PCN, d, asOf time.Time) (*Result, error) {
	src := From(db)
	src.Gaps = report
	return ComputeWith(ctx, db, src, Request{ICB: icb, PCNs: pcns, Today: d, AsOf: asOf})
}

// ComputeWith compares the ICB's PCNs of req with England's figures from src (the
// server's are cached). England's figures (the positions on a gap report of every PCN,
// the need report) and the ICB's own parts are independent: gathered side by side, a
// cold page waits for the slower only.
func ComputeWith(ctx context.Context, db *store.DB, src Sources, req Request) (*Result, error) {
	pcns := slices.Clone(req.PCNs)
	slices.SortFunc(pcns, func(a, b workforce.PCN) int { return cmp.Compare(a.Code, b.Code) })
	out := &Result{Year: workforce.FinancialYearOf(req.Today), Denominator: req.denominator()}
	done := make(chan england, 1)
	go func() { done <- src.englandOf(ctx, req) }()
	parts, err := gather(ctx, db, req.ICB, pcns, out.Year, req.Today, req.AsOf)
	e := <-done
	if err != nil {
		return nil, err
	}
	if e.err != nil {
		return nil, e.err
	}
	if err := out.position(ctx, db, e.pos, e.posErr); err != nil {
		return nil, err
	}
	if out.Need = e.need; e.need != nil {
		out.ICBNeed, out.HasICBNeed = icbRow(e.need, req.ICB)
	}
	for _, p := range pcns {
		out.Rows = append(out.Rows, parts.row(p, out.England, out.Need))
	}
	return out, nil
}

// position takes England's positions, or says why there are none.
func (r *Result) position(ctx context.Context, db *store.DB, pos *planning.Positions, err error) error {
	switch {
	case errors.Is(err, gaps.ErrNoCensus):
	case errors.Is(err, store.ErrNotFound):
		r.NoTarget = true
		if _, err = db.LatestCensus(ctx); err != nil && !errors.Is(err, store.ErrNotFound) {
			return err
		}
		r.Census = err == nil
	case err != nil:
		return err
	default:
		r.Census, r.AsOf, r.TargetName, r.England = true, pos.AsOf, pos.TargetName, pos
	}
	return nil
}
