package pcn

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
	needweb "github.com/arrs-planner/arrs/web/need"
	"github.com/arrs-planner/arrs/web/ui"
)

// Deciles is the overview's section on the PCN's staffing per 10,000 need-adjusted
// patients in each role against England's deciles at every national census
// (OpenPrescribing's decile charts: England's deciles dashed, the median solid, the
// network its own line; docs/need.md, "Deciles over time").
type Deciles struct {
	Code string
	// Censuses are the national censuses loaded, oldest first: the charts need two.
	Censuses []time.Time
	// Counted[c] says whether the PCN is among England's PCNs at census c (it made a
	// return and has need); its values are unknown, a gap in its line, where not.
	Counted []bool
	// Lines are every role England had staff in, in the catalogue's order.
	Lines []DecileLine
	// Role is the role asked for (?role=), charted alone; "" charts the PCN's largest
	// roles (ShownRoles of them).
	Role string
	// At is the page's ?at=, kept by the role picker.
	At      string
	Sources needweb.Sources
}

// DecileLine is one role: England's deciles and the PCN's values at each census.
type DecileLine struct {
	Role    workforce.Role
	England [][9]float64
	// Counted is how many PCNs England's deciles are over at each census.
	Counted []int
	// FTE and Rate are the PCN's ARRS FTE in the role and per 10,000 need-adjusted
	// patients at each census, NaN where it is not counted.
	FTE, Rate []float64
}

// ShownRoles is how many roles the section charts unless one is asked for.
const ShownRoles = 3

// DecilesHeading is the section's heading.
const DecilesHeading = "Staffing per 10,000 patients (need-adjusted) against England's deciles"

// charted reports whether there is a chart to draw: more than one census is loaded.
func (d Deciles) charted() bool { return len(d.Censuses) > 1 }

// pending says why there is no chart yet, and how many censuses are loaded.
func (d Deciles) pending() string {
	loaded := "none loaded yet"
	if n := len(d.Censuses); n > 0 {
		loaded = strconv.Itoa(n) + " loaded: " + d.Censuses[n-1].Format("January 2006")
	}
	return "Deciles over time appear once more than one census is loaded (" + loaded + ")."
}

// shown is the lines charted: the role asked for, else the PCN's largest roles at the
// latest census it is counted in (England's median breaking ties, then the catalogue's
// order).
func (d Deciles) shown() []DecileLine {
	if d.Role != "" {
		for _, l := range d.Lines {
			if l.Role.Code == d.Role {
				return []DecileLine{l}
			}
		}
		return nil
	}
	last := len(d.Censuses) - 1
	for last > 0 && !d.Counted[last] {
		last--
	}
	lines := slices.Clone(d.Lines)
	slices.SortStableFunc(lines, func(a, b DecileLine) int {
		return cmp.Or(cmp.Compare(known(b.FTE, last), known(a.FTE, last)), cmp.Compare(known(b.median(), last), known(a.median(), last)))
	})
	return lines[:min(ShownRoles, len(lines))]
}

// known is values[i], or 0 when it is unknown (for ordering only, never shown).
func known(values []float64, i int) float64 {
	if i < 0 || i >= len(values) || math.IsNaN(values[i]) {
		return 0
	}
	return values[i]
}

// median is England's median at each census.
func (l DecileLine) median() []float64 { return l.decile(4) }

// decile is England's (k+1)×10th percentile at each census.
func (l DecileLine) decile(k int) []float64 {
	out := make([]float64, len(l.England))
	for i, d := range l.England {
		out[i] = d[k]
	}
	return out
}

// roleItems are the role picker's choices.
func (d Deciles) roleItems() []ui.SelectItem {
	items := []ui.SelectItem{{Value: "", Text: "This PCN's " + strconv.Itoa(ShownRoles) + " largest roles"}}
	for _, l := range d.Lines {
		items = append(items, ui.SelectItem{Value: l.Role.Code, Text: l.Role.Name})
	}
	return items
}

// censusLabel is a census on the chart's x axis ("Nov 2025").
func censusLabel(d time.Time) string { return d.Format("Jan 2006") }

// rateText writes an FTE per 10,000 to 2 dp (a role's rate is often below 1), or "no
// data" where it is unknown.
func rateText(v float64) string {
	if math.IsNaN(v) {
		return ui.NoData
	}
	return ui.Decimal(v, 2)
}

// fteText writes an FTE to 1 dp, or "no data" where it is unknown.
func fteText(v float64) string {
	if math.IsNaN(v) {
		return ui.NoData
	}
	return ui.FTE(v)
}

// ordinal names a decile: 1 → "10th", 5 → "50th".
func ordinal(k int) string { return strconv.Itoa(k*10) + "th" }
