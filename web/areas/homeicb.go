package areas

import (
	"cmp"
	"slices"
	"time"

	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/web/ui"
)

// FurthestShown is how many networks the ICB's panel ranks: the gap page ranks them
// all.
const FurthestShown = 5

// ICBHome is what waits for an ICB's leads at the top of its page: the plans waiting
// for its review, the networks furthest from their fair share, and the imports due.
type ICBHome struct {
	// Review are the plans its PCNs' clinical directors signed off, oldest first.
	Review []WaitingItem
	// Furthest are the networks with the largest shortfall against their fair share,
	// largest first (at most FurthestShown), from the gap report every page uses; At
	// is the day it measures (the target's deadline), GapsHref the ICB's gap page.
	Furthest []FarPCN
	At       time.Time
	GapsHref string
	// Projected: At is after the day the staff data describes, so the shortfall is a
	// projection with the networks' current plans.
	Projected bool
	// Short counts the networks short of their fair share, of PCNs: the ICB's row of
	// the gap report, as its gap page shows them. Unknown counts those whose gap the
	// data cannot give, left out of the ranking (unknown is not zero).
	Short, PCNs, Unknown int
	// NoGaps says why there is no ranking (nothing imported, no target, the ICB not
	// in the report); "" when there is one.
	NoGaps  string
	Imports []Due
}

// FarPCN is one network of the ranking.
type FarPCN struct {
	Code, Name, Href string
	// Shortfall is FTE short of the fair share (Target) on the day, with current plans.
	Shortfall, Target float64
	NoReturn          bool
}

// Furthest ranks an ICB's PCN rows of the gap report by shortfall, largest first, and
// keeps the first n; rows whose gap is unknown, and networks not short, are left out.
// It counts the rows whose gap is unknown. name and href name and link a PCN as the
// gap pages do.
func Furthest(rows []planning.Gap, n int, name, href func(code string) string) (top []FarPCN, unknown int) {
	var known []planning.Gap
	for _, g := range rows {
		switch {
		case g.GapUnknown():
			unknown++
		case g.ShortfallFTE > 0:
			known = append(known, g)
		}
	}
	slices.SortFunc(known, func(a, b planning.Gap) int {
		return cmp.Or(cmp.Compare(b.ShortfallFTE, a.ShortfallFTE), cmp.Compare(a.Code, b.Code))
	})
	for _, g := range known[:min(n, len(known))] {
		top = append(top, FarPCN{Code: g.Code, Name: name(g.Code), Href: href(g.Code), Shortfall: g.ShortfallFTE,
			Target: g.TargetFTE, NoReturn: g.NoReturnPCNs > 0})
	}
	return top, unknown
}

// furthestTable is the ranking as a table.
func (h ICBHome) furthestTable() ui.TableParams {
	t := ui.TableParams{
		Head: []ui.TableHeader{{Text: "Network"}, {Text: "FTE short of the fair share", Numeric: true}, {Text: "Fair share (FTE)", Numeric: true}},
		ID:   "furthest",
	}
	for _, f := range h.Furthest {
		name := ui.TableCell{Text: f.Name + " (" + f.Code + ")", Href: f.Href}
		if f.NoReturn {
			name = ui.TableCell{Content: NameNoReturn(f.Name+" ("+f.Code+")", f.Href)}
		}
		t.Rows = append(t.Rows, ui.TableRow{TestID: "furthest-" + f.Code, Cells: []ui.TableCell{
			name, {Text: ui.FTE(f.Shortfall), Numeric: true}, {Text: ui.FTE(f.Target), Numeric: true}}})
	}
	return t
}

// areOrIs agrees the verb with a count.
func areOrIs(n int) string { return ui.Agree(n, "is", "are") }

// shortText says how many networks are short, and of what.
func (h ICBHome) shortText() string {
	t := ui.Plural(h.Short, "network", "networks") + " of " + ui.Count(h.PCNs) + " " + areOrIs(h.Short)
	if h.Projected {
		t += " projected to be"
	}
	t += " short of their fair share of the target on " + h.At.Format("2 January 2006")
	if h.Projected {
		t += ", with their current plans"
	}
	return t + "."
}
