// Package compare renders the ICB comparison (issue 6, item 5): every PCN of an ICB
// side by side, on ARRS FTE per 10,000 weighted patients, role mix, the share of its
// fair share reached, funding headroom this year, supervision coverage, room shortfall
// and plan status, sortable by link, with each PCN's decile in England on the first
// two measures and England's deciles explained. docs/dashboards.md says where every
// number comes from.
package compare

import (
	"strconv"
	"strings"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/areas"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"
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
}

// Row is one PCN.
type Row struct {
	Code, Name, Href string
	// DashboardHref is the PCN's dashboard for those who may see it, else "".
	DashboardHref string
	Population    float64
	ListSize      bool
	InPost        float64
	// Per10k and Reached are undefined (Has… false) for a PCN with no population or
	// no fair share; their deciles are England's, 0 when undefined.
	Per10k, Reached       float64
	HasPer10k, HasReached bool
	Per10kDecile          int
	ReachedDecile         int
	FairShare             float64
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

// England is England's deciles of the two measures.
type England struct {
	Per10k, Reached         []Band
	Per10kPCNs, ReachedPCNs int // the PCNs with a value: each measure's n
	PCNs                    int
	// ListSizePCNs counts England's PCNs whose registered list stands in for a
	// weighted population: it decides what the per-10,000 rate is "of".
	ListSizePCNs int
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
	SortReached    = "reached"
	SortHeadroom   = "headroom"
	SortCoverage   = "coverage"
	SortRooms      = "rooms"
	SortPlan       = "plan"
)

// SortKeys lists the keys a sort parameter may take.
var SortKeys = []string{SortName, SortPopulation, SortFTE, SortPer10k, SortReached, SortHeadroom, SortCoverage, SortRooms, SortPlan}

// TableID is the comparison table's id, the anchor of its sort links.
const TableID = "compare"

// Href is an ICB's comparison page.
func Href(icb string) string { return "/icbs/" + icb + "/compare" }

const dateLong = "2 January 2006"

// Percent shows a share as a whole percentage: 0.6667 → "67%".
func Percent(share float64) string { return ui.Decimal(share*100, 0) + "%" }

// per10kTitle names the ICB's per-10,000 column by the populations its rows use.
func (p Page) per10kTitle() string {
	return "ARRS FTE per 10,000 " + ui.Patients(p.ListSizePCNs, len(p.Rows))
}

// populationTitle names the ICB's population column the same way.
func (p Page) populationTitle() string {
	t := ui.Patients(p.ListSizePCNs, len(p.Rows))
	return strings.ToUpper(t[:1]) + t[1:]
}

func decile(d int) string {
	if d == 0 {
		return ""
	}
	return "decile " + strconv.Itoa(d)
}
