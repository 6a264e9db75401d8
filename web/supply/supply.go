// Package supply renders supply against demand for an ICB: the supply of each role its
// lead expects by financial year (newly qualified, trainees completing, movers), set
// against the starters in the current plans of all its PCNs, with the roles whose plans
// outrun supply flagged; and the form in which the lead records a year's supply.
package supply

import (
	"strings"

	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"
)

// Page is the view model of /icbs/{code}/supply.
type Page struct {
	Layout           layout.PageParams
	ICBCode, ICBName string
	CanChange        bool
	// Dissolved is set for an ICB dissolved by today: the page is read-only.
	Dissolved *Dissolved
	Success   string
	// PCNs counts the ICB's PCNs; WithPlan those with a current plan.
	PCNs, WithPlan int
	// Outrun names the roles whose plans outrun supply in at least one year.
	Outrun []string
	Years  []Year
}

// Year is one financial year's supply against demand.
type Year struct {
	Name string // "2026/27"
	Rows []Row
}

// Row is one role in one year.
type Row struct {
	RoleCode, Role                             string
	NewlyQualified, TraineesCompleting, Movers float64
	Supply                                     float64
	Recorded                                   bool
	Starters, Shortfall                        float64
	Outrun                                     bool
}

// NewRow is a role's row of a year: the supply recorded for it by source (x) and its
// supply against the plans' starters (g).
func NewRow(role workforce.Role, x workforce.ExpectedSupply, g planning.SupplyGap) Row {
	return Row{RoleCode: role.Code, Role: role.Name, NewlyQualified: x.NewlyQualified,
		TraineesCompleting: x.TraineesCompleting, Movers: x.Movers, Supply: g.Supply, Recorded: g.Recorded,
		Starters: g.Starters, Shortfall: g.Shortfall, Outrun: g.Outrun}
}

// Href is the ICB's supply page.
func Href(icb string) string { return "/icbs/" + icb + "/supply" }

// YearSlug is a financial year as the address and test ids write it: "2026/27" →
// "2026-27".
func YearSlug(year string) string { return strings.ReplaceAll(year, "/", "-") }

// EditHref is the form of one year's supply.
func EditHref(icb, year string) string { return Href(icb) + "/" + YearSlug(year) }

func fte(x float64) string { return ui.Decimal(x, 1) }

func (p Page) summaryList() ui.SummaryListParams {
	roles := "None"
	if len(p.Outrun) > 0 {
		roles = strings.Join(p.Outrun, ", ")
	}
	return ui.SummaryListParams{ID: "supply-summary", Rows: []ui.SummaryListRow{
		{Key: "PCNs with a recruitment plan", Content: figure(ui.Count(p.WithPlan)+" of "+ui.Count(p.PCNs), "pcns-with-plan")},
		{Key: "Roles where plans outrun supply", Content: flagged(ui.Count(len(p.Outrun)), "outrun-count", len(p.Outrun) > 0, "Plans outrun supply")},
		{Key: "Which roles", Content: figure(roles, "outrun-roles")},
	}}
}

func (y Year) table() ui.TableParams {
	rows := make([]ui.TableRow, 0, len(y.Rows))
	for _, r := range y.Rows {
		id := "supply-" + YearSlug(y.Name) + "-" + r.RoleCode
		supply := fte(r.Supply)
		if !r.Recorded {
			supply = "None recorded"
		}
		rows = append(rows, ui.TableRow{TestID: id, Cells: []ui.TableCell{
			{Text: r.Role}, {Text: fte(r.NewlyQualified)}, {Text: fte(r.TraineesCompleting)}, {Text: fte(r.Movers)},
			{Content: figure(supply, id+"-supply")}, {Content: figure(fte(r.Starters), id+"-starters")},
			{Content: flagged(fte(r.Shortfall), id+"-shortfall", r.Outrun, "Outruns supply")},
		}})
	}
	return ui.TableParams{Caption: y.Name, CaptionSize: ui.SizeM, FirstCellIsHeader: true, ID: "supply-" + YearSlug(y.Name),
		Head: []ui.TableHeader{{Text: "Role"}, {Text: "Newly qualified", Numeric: true}, {Text: "Trainees completing", Numeric: true},
			{Text: "Movers", Numeric: true}, {Text: "Expected supply", Numeric: true}, {Text: "Planned starters", Numeric: true},
			{Text: "Starters above supply"}},
		Rows: rows}
}
