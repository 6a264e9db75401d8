// Package dashboard renders the clinical director's dashboard of a PCN (issue 6, item
// 4): on one page, its ARRS staff in post against its plan and its fair share, its
// funding headroom this year and next, supervision coverage and load, room shortfall,
// the staff leaving in the next 3 months, where its plan stands, and the integration
// of its ARRS staff with its pulse's latest closed round (issue 16). Each figure is an
// inline SVG chart with a table of the same numbers; docs/dashboards.md says where
// every number comes from.
package dashboard

import (
	"strconv"
	"time"

	"github.com/arrs-planner/arrs/internal/need"
	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"

	peersweb "github.com/arrs-planner/arrs/web/peers"
	planweb "github.com/arrs-planner/arrs/web/plan"
	roomsweb "github.com/arrs-planner/arrs/web/rooms"
	supervisionweb "github.com/arrs-planner/arrs/web/supervision"
)

// Page is the view model of /pcns/{code}/dashboard.
type Page struct {
	Layout layout.PageParams
	// CanChange is the reader's: whether they may record the PCN's sites and
	// supervision, to be shown where to when none are recorded.
	CanChange bool
	Figures
}

// Figures is everything the dashboard shows, the same for everyone who may see it (so
// the server caches it per data version and day).
type Figures struct {
	Code, Name string
	// AsOf is the day the staff data describes (the latest census): the day of every
	// staff figure, supervision's and rooms' included. Today is the server's calendar
	// day: of the links and sites in force, the plan's quarters and the leavers.
	AsOf, Today time.Time
	Workforce   Workforce
	Funding     Funding
	Supervision Supervision
	Rooms       Rooms
	Leaving     Leaving
	Integration Integration
	Plan        PlanStatus
	// Outlook is the one line the page opens with.
	Outlook Outlook
	// Peers are the similar networks with their ARRS FTE per 10,000 need-adjusted
	// patients: the group a lead of the ICB chose if one is saved, else the 10 most
	// similar (the server links each the reader may open after the cache).
	Peers peersweb.Groups
}

// Workforce is the network's ARRS staff in post on the as-of date, projected by
// quarter with and without its plan, against its fair share of the target.
type Workforce struct {
	// NoCensus is true before any import; NoTarget when no target is set (no fair
	// share, no projection).
	NoCensus, NoTarget bool
	AsOf               time.Time
	InPost             float64
	TargetName         string
	Deadline           time.Time
	// FairShare is target(p), the additional FTE; Baseline is baseline(p); the line
	// on the chart is their sum, the FTE in post that reaches the share.
	FairShare, Baseline float64
	// Reached is (InPost − Baseline) ÷ FairShare; PerTenThousand InPost per 10,000
	// of Population. Has… false when undefined; deciles are England's, 0 when none.
	Reached, PerTenThousand       float64
	HasReached, HasPerTenThousand bool
	ReachedDecile, Per10kDecile   int
	Population                    float64
	ListSize                      bool
	// Denominator is what PerTenThousand divides by: need, or the list when none of the
	// network's practices has age data (need.PCNNeed.Denominator); "" reads as need.
	Denominator need.Denominator
	// Plan names the plan the projection uses ("version 2, accepted"); "" for none.
	Plan string
	// Draft names the network's draft when it changes the projection ("version 3
	// (Draft)"); "" when it has none or it changes nothing. Its figures are "with your
	// draft" (PLANNING.md, "Drafts stay private"): the official ones leave it out.
	Draft    string
	Quarters []Quarter
}

// NewWorkforce is the network's position me on England's measures on asOf against
// target t, with its plan and draft named as VersionLabel names them ("" for none). The
// caller adds the quarters.
func NewWorkforce(asOf time.Time, t workforce.Target, me planning.Position, plan, draft string) Workforce {
	return Workforce{AsOf: asOf, InPost: me.InPost, TargetName: ui.Figures(t.Name), Deadline: t.Deadline,
		FairShare: me.FairShare, Baseline: me.Baseline, Reached: me.Reached, HasReached: me.HasReached, ReachedDecile: me.ReachedDecile,
		PerTenThousand: me.Per10k, HasPerTenThousand: me.HasPer10k, Per10kDecile: me.Per10kDecile,
		Population: me.Population, ListSize: me.ListSize, Plan: plan, Draft: draft}
}

// VersionLabel names a version of a plan: "version 2 (Accepted)".
func VersionLabel(number int, s workforce.PlanStatus) string {
	return "version " + strconv.Itoa(number) + " (" + s.Label() + ")"
}

// Quarter is the projection on a quarter's last day.
type Quarter struct {
	Quarter               string // "2026/27 Q1"
	Day                   time.Time
	WithPlan, WithoutPlan float64
	// WithDraft is the projection with the draft in place of the current plan, when
	// Workforce.Draft is set.
	WithDraft float64
}

// Funding is the network's money this financial year and next.
type Funding struct {
	AsOf   time.Time
	Census bool // false: no census yet, AsOf is today
	Years  []FundingYear
}

// FundingYear is one financial year's money, in pence.
type FundingYear struct {
	Key, Name, Label                          string // "2026", "2026/27", "This year"
	Entitlement, Committed, Planned, Headroom workforce.Pence
	ListSize, RateAssumed, NoRate             bool
}

// NewFundingYear is a year's money under label ("This year"); the caller says what it
// stands on.
func NewFundingYear(label string, f planning.Funding) FundingYear {
	return FundingYear{Key: strconv.Itoa(int(f.Year)), Name: f.Year.String(), Label: label, Entitlement: f.EntitlementPence,
		Committed: f.CommittedPence, Planned: f.PlannedPence, Headroom: f.HeadroomPence}
}

// Supervision is coverage of the staff in post on AsOf by the links in force Today, and
// each supervisor's load Today.
type Supervision struct {
	supervisionweb.Summary
	// Supervisors are those still supervising, with their loads.
	Supervisors []supervisionweb.SupervisorRow
}

// Rooms is room sessions a week needed against available, now and by quarter with
// the plan.
type Rooms struct{ roomsweb.Check }

// Leaving is the staff records whose end date falls in (Today, Until].
type Leaving struct {
	Until  time.Time
	People []Leaver
}

// Leaver is one staff record ending soon.
type Leaver struct {
	ID         int64
	Role       string
	Identifier string
	FTE        float64
	// LastDay is the day before the record's end date (the first day out of post).
	LastDay time.Time
	ARRS    bool
	Href    string
}

// PlanStatus is where the network's plan stands.
type PlanStatus struct {
	// None is true when the network has no plan.
	None    bool
	Version string // "Version 3"
	Status  planweb.Status
	Since   time.Time
	// WaitsFor says who acts next and what they do; "" when nobody (accepted).
	WaitsFor string
	Href     string
	// Current names the version the figures use when it is not the newest one.
	Current string
}

// Href is the PCN's dashboard.
func Href(pcn string) string { return "/pcns/" + pcn + "/dashboard" }

const (
	dateLong  = "2 January 2006"
	dateShort = "2 Jan 2006"
)

func percent(share float64) string { return ui.Decimal(share*100, 0) + "%" }

func sessions(x float64) string { return ui.Decimal(x, 1) }
