package supply

import (
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"
)

// Form is the view model of the form of one year's supply: every role of the
// catalogue, three numbers each.
type Form struct {
	Layout           layout.PageParams
	ICBCode, ICBName string
	Year             string // "2026/27"
	Rows             []FormRow
	// Errors are keyed by input id, "<role>-<field>".
	Errors map[string]string
	// Saved is non-nil after a stale save: the year's supply as someone else saved it.
	// The form then carries those versions, so saving again replaces it knowingly.
	Saved []FormRow
	// PrefilledFrom names the year whose figures fill the form of a year with none
	// recorded yet ("2026/27"; docs/outlook.md); "" when the form shows what is stored
	// or typed.
	PrefilledFrom string
}

// FormRow is one role's numbers as typed, with the version of its stored row (0 when
// there is none).
type FormRow struct {
	RoleCode, Role                             string
	Version                                    int
	NewlyQualified, TraineesCompleting, Movers string
}

// SupplyFields are the three numbers of a row, as the inputs' ids end.
var SupplyFields = []string{"newly_qualified", "trainees_completing", "movers"}

// InputID is the id and name of one number's input.
func InputID(role, field string) string { return role + "-" + field }

// Action is where the form posts.
func (f Form) Action() string { return EditHref(f.ICBCode, f.Year) }

func (f Form) errorSummary() ui.ErrorSummaryParams {
	var items []ui.ErrorSummaryItem
	if f.Saved != nil {
		items = append(items, ui.ErrorSummaryItem{Text: "Someone else saved this year's supply while you were editing it. Your changes have not been saved: they are kept below.", Href: "#conflict"})
	}
	for _, r := range f.Rows {
		for _, k := range SupplyFields {
			if msg := f.Errors[InputID(r.RoleCode, k)]; msg != "" {
				items = append(items, ui.ErrorSummaryItem{Text: r.Role + ": " + msg, Href: "#" + InputID(r.RoleCode, k)})
			}
		}
	}
	return ui.ErrorSummaryParams{Errors: items}
}

var fieldLabels = map[string]string{"newly_qualified": "newly qualified", "trainees_completing": "trainees completing", "movers": "movers"}

func (r FormRow) value(field string) string {
	switch field {
	case "newly_qualified":
		return r.NewlyQualified
	case "trainees_completing":
		return r.TraineesCompleting
	}
	return r.Movers
}

func (f Form) input(r FormRow, field string) ui.InputParams {
	id := InputID(r.RoleCode, field)
	label := r.Role + ": " + fieldLabels[field] + " (FTE)"
	if f.PrefilledFrom != "" && r.value(field) != "" {
		label += ", pre-filled from " + f.PrefilledFrom
	}
	return ui.InputParams{ID: id, Name: id, Value: r.value(field), Width: 4, Inputmode: "decimal", Error: f.Errors[id],
		Label: ui.LabelParams{Text: label, Classes: "nhsuk-u-visually-hidden"}}
}

// PrefillNote says where the figures of a pre-filled form come from.
func (f Form) PrefillNote() string {
	return "Pre-filled from " + f.PrefilledFrom + ": check before saving."
}

func savedTable(rows []FormRow) ui.TableParams {
	out := make([]ui.TableRow, 0, len(rows))
	for _, r := range rows {
		out = append(out, ui.TableRow{Cells: []ui.TableCell{{Text: r.Role}, {Text: r.NewlyQualified}, {Text: r.TraineesCompleting}, {Text: r.Movers}}})
	}
	return ui.TableParams{Caption: "Saved now", CaptionSize: ui.SizeS, FirstCellIsHeader: true, Compact: true,
		Head: []ui.TableHeader{{Text: "Role"}, {Text: "Newly qualified", Numeric: true}, {Text: "Trainees completing", Numeric: true}, {Text: "Movers", Numeric: true}},
		Rows: out}
}
