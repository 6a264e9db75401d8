// Package compare renders the ICB comparison (issue 6, item 5; issue 15): every PCN of
// an ICB side by side, on ARRS FTE per 10,000 need-adjusted patients (or registered
// patients, ?denominator=list), its need-adjusted population, expected ARRS FTE and
// ratio observed ÷ expected flagged against the 99.8% limits, role mix, the share of
// its fair share reached, funding headroom this year, supervision coverage, room
// shortfall and plan status, sortable by link, with each PCN's decile in England on
// the rate and the share and England's deciles explained; then the integration of
// each PCN's ARRS staff (issue 16: the integration page's warnings counted, and the
// answers to its latest closed round of the pulse) with the ICB's total; then the
// funnel plot of England's PCNs with the ICB's highlighted. docs/dashboards.md,
// docs/need.md and docs/integration.md say where every number comes from.
package compare

import (
	"strconv"
	"time"

	"github.com/a-h/templ"

	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/areas"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"

	needweb "github.com/arrs-planner/arrs/web/need"
)

// Page is the view model of /icbs/{code}/compare.
type Page struct {
	Layout     layout.PageParams
	Code, Name string
	// AsOf is the day of the staff data (the latest census); Census is false before
	// any import, NoTarget true when no target is set (no fair shares, no deciles).
	AsOf             time.Time
	Census, NoTarget bool
	TargetName       string
	// Today is the day of supervision and rooms; Year the financial year of the
	// headroom ("2026/27").
	Today time.Time
	Year  string
	Rows  []Row
	Sort  ui.Sort
	// Pages is the page of the PCNs' two tables (PageRows) and Total counts the ICB's
	// PCNs, all pages together.
	Pages ui.Pages
	Total int
	// ListSizePCNs counts the ICB's PCNs whose registered list stands in for a
	// weighted population.
	ListSizePCNs int
	// NoSupervisionPCNs and NoSitesPCNs count the PCNs with no supervision, or no
	// sites, recorded: left out of every figure rather than counted as 0.
	NoSupervisionPCNs, NoSitesPCNs int
	England                        England
	Downloads                      []Download
	// Footprints offers the ICB's PCNs as they were on the as-of date or on today's
	// footprints, saying which are shown. Absent, when set, says why the ICB has no PCNs
	// to compare on that day (it did not exist yet, or no longer did): no table then.
	Footprints *areas.Footprints
	Absent     string
	// Choice is the denominator of the rate per 10,000 and the links to the other;
	// Sources the note of it and of the need weights' sources.
	Choice  DenominatorChoice
	Sources needweb.Sources
	// ICBNeed is the ICB's line of the need report. Funnel is England's funnel plot
	// with the ICB's PCNs highlighted (needweb.Chart; nil without a need report) and
	// Outliers England's PCNs beyond its 99.8% limits (NeedHref lists them).
	ICBNeed  NeedFigures
	Funnel   templ.Component
	Outliers int
	// IntegrationTotal is the ICB's integration: its PCNs' known counts summed, and
	// how many PCNs keep no records.
	IntegrationTotal Integration
}

// NeedHref is England's funnel plot, with its list of PCNs beyond the 99.8% limits.
const NeedHref = "/need"

// Row is one PCN.
type Row struct {
	Code, Name, Href string
	// DashboardHref is the PCN's dashboard and IntegrationHref its integration page,
	// for those who may see them, else "".
	DashboardHref, IntegrationHref string
	Population                     float64
	ListSize                       bool
	InPost                         float64
	// Per10k and Reached are undefined (Has… false) for a PCN with no population or
	// no fair share; their deciles are England's, 0 when undefined.
	Per10k, Reached       float64
	HasPer10k, HasReached bool
	Per10kDecile          int
	ReachedDecile         int
	// Per10kOnList is true when the rate divides by the registered list: asked for, or
	// a PCN with no age data under need.
	Per10kOnList bool
	FairShare    float64
	// Need is its line of the need report.
	Need NeedFigures
	// Mix is the PCN's largest roles, up to three.
	Mix      []RoleShare
	Headroom workforce.Pence
	// NoSupervision and NoSites are true when the PCN has no supervisor or link, or no
	// site, recorded: its coverage, or its rooms, are not known, never shown as 0.
	NoSupervision, NoSites bool
	// Needing and Covered count staff needing clinical supervision and those with it.
	Needing, Covered int
	Coverage         float64
	// Room sessions a week: available, short now and short with the plan by the last
	// quarter checked; FirstShort is the first quarter short with the plan.
	Available, ShortNow, ShortWithPlan float64
	FirstShort                         string
	Plan                               Plan
	// Integration is the integration of its ARRS staff, the second table's row.
	Integration Integration
}

// RoleShare is one role's share of a PCN's ARRS FTE.
type RoleShare struct {
	Role  string
	Share float64
}

// Plan is where a PCN's plan stands.
type Plan struct {
	None     bool
	Label    string
	Colour   ui.TagColour
	Version  string
	WaitsFor string
	Href     string
	// Stage orders plans along the workflow, for sorting: 0 for no plan.
	Stage int
}

// England is England's deciles of the two measures, the rate per 10,000 on the
// page's denominator (OnList: registered lists; else need).
type England struct {
	OnList                  bool
	Per10k, Reached         []Band
	Per10kPCNs, ReachedPCNs int // the PCNs with a value: each measure's n
	PCNs                    int
}

// Band is one decile of England: how many PCNs, lowest and highest value.
type Band struct {
	Decile    int
	PCNs      int
	Low, High float64
}

// Download is a link to the table as a file.
type Download struct{ Text, Href, TestID string }

// Sort keys of the comparison table.
const (
	SortName       = "name"
	SortPopulation = "population"
	SortFTE        = "fte"
	SortPer10k     = "per10k"
	SortNeed       = "need"
	SortExpected   = "expected"
	SortRatio      = "ratio"
	SortReached    = "reached"
	SortHeadroom   = "headroom"
	SortCoverage   = "coverage"
	SortRooms      = "rooms"
	SortPlan       = "plan"
)

// SortKeys lists the keys a sort parameter may take.
var SortKeys = []string{SortName, SortPopulation, SortNeed, SortFTE, SortPer10k, SortExpected, SortRatio, SortReached, SortHeadroom,
	SortCoverage, SortRooms, SortPlan}

// TableID is the comparison table's id, the anchor of its sort links.
const TableID = "compare"

// Href is an ICB's comparison page.
func Href(icb string) string { return "/icbs/" + icb + "/compare" }

const dateLong = "2 January 2006"

// Percent shows a share as a whole percentage: 0.6667 → "67%".
func Percent(share float64) string { return ui.Decimal(share*100, 0) + "%" }

// per10kTitle names the per-10,000 column by the page's denominator.
func (p Page) per10kTitle() string { return "ARRS FTE per 10,000 " + p.per10kPatients() }

func decile(d int) string {
	if d == 0 {
		return ""
	}
	return "decile " + strconv.Itoa(d)
}
