package admin

import (
	"strings"
	"time"

	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"
)

// TargetsPage is the view model of /admin/targets: the targets, and a form that adds
// a target or changes the one of the same name.
type TargetsPage struct {
	Layout  layout.PageParams
	Success string
	Targets []TargetRow
	Form    TargetForm
}

// TargetRow is one target in the list.
type TargetRow struct {
	Name               string
	FTE                float64
	Baseline, Deadline time.Time
	Default            bool
	Milestones         string
}

// TargetForm is the add-or-change form, as typed.
type TargetForm struct {
	Name, FTE, Baseline, Deadline, Milestones string
	Default                                   bool
	Errors                                    map[string]string
}

var targetFields = []string{"name", "fte", "baseline", "deadline", "milestones"}

func (p TargetsPage) summary() ui.ErrorSummaryParams {
	var items []ui.ErrorSummaryItem
	for _, k := range targetFields {
		if msg := p.Form.Errors[k]; msg != "" {
			items = append(items, ui.ErrorSummaryItem{Text: msg, Href: "#" + k})
		}
	}
	return ui.ErrorSummaryParams{Title: "There is a problem", Errors: items}
}

func (p TargetsPage) table() ui.TableParams {
	rows := make([]ui.TableRow, 0, len(p.Targets))
	for _, t := range p.Targets {
		def := ""
		if t.Default {
			def = "Default"
		}
		rows = append(rows, ui.TableRow{TestID: "target-" + strings.ReplaceAll(t.Name, " ", "-"), Cells: []ui.TableCell{
			{Text: t.Name}, {Text: ui.FTE(t.FTE)}, {Text: t.Baseline.Format("2 Jan 2006")}, {Text: t.Deadline.Format("2 Jan 2006")},
			{Text: orDash(t.Milestones)}, {Text: def},
		}})
	}
	return ui.TableParams{Caption: "Targets", FirstCellIsHeader: true,
		Head: []ui.TableHeader{{Text: "Name"}, {Text: "Additional FTE", Numeric: true}, {Text: "Baseline"}, {Text: "Deadline"}, {Text: "Milestones"}, {Text: ""}},
		Rows: rows}
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
