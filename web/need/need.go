// Package need draws the fair comparison on need (docs/need.md): the funnel plot of
// observed ÷ expected ARRS FTE, England's page of it, and the note that names the
// source of the need weights wherever they are used.
package need

import (
	"github.com/arrs-planner/arrs/internal/need"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// WeightsHref is the page of the need weights and their sources.
const WeightsHref = "/need/weights"

// Sources is what the note beside a figure on need says: which denominator the figures
// use and where the weights come from.
type Sources struct {
	Denominator need.Denominator
	Age, Dep    workforce.NeedSource
}

// NewSources is the note for weights w and figures divided by d.
func NewSources(d need.Denominator, w workforce.NeedWeights) Sources {
	return Sources{Denominator: d, Age: w.AgeSource, Dep: w.DepSource}
}

// FunnelPoint is one PCN on a funnel plot.
type FunnelPoint struct {
	Code, Name string
	Href       string // its page; "" when the viewer may not open it
	// ICB names its ICB, for the tables of England's PCNs ("" leaves the column out);
	// ICBCode is its code, which England's page highlights by.
	ICB, ICBCode string
	Expected     float64
	Observed     float64
	// HasRatio is false for a point with no expected FTE: it has no ratio (Ratio 0), is
	// not drawn, and its row says "no data". Ratio is Observed ÷ Expected.
	HasRatio   bool
	Ratio      float64
	Limits     need.Limits
	Outside95  bool
	Outside998 bool
	// NoReturn is a PCN that made no return for the census of the day: counted 0 FTE
	// in post (PLANNING.md, "No return"), and every text of it says so.
	NoReturn bool
	// Highlight marks the ICB's own networks among England's.
	Highlight bool
}

// Funnel is one funnel plot: every point, drawn with the 95% and 99.8% limits of
// package need (need.FunnelLimits) across the expected FTE of the points.
type Funnel struct {
	// ID is unique on the page (the SVG's title and description ids derive from it).
	ID          string
	Title, Desc string
	Points      []FunnelPoint
	// HighlightLabel names the highlighted points in the key ("NHS Example ICB's PCNs").
	HighlightLabel string
	Sources        Sources
	// TableCaption heads the table of the points; Pages pages it (PageSize rows a
	// page). The table holds the highlighted points when there are any, else every
	// point, lowest ratio first.
	TableCaption string
	Pages        Pages
}
