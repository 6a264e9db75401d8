package supervision

import (
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/input"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"
)

// Field is one labelled value, as a conflict shows what was saved meanwhile.
type Field struct{ Label, Value string }

// Option is one choice of a select.
type Option struct{ Value, Text string }

// Frame is what every form shares: the page, the PCN, the record's id and version,
// the messages by field, and on a stale save the values saved meanwhile.
type Frame struct {
	Layout           layout.PageParams
	PCNCode, PCNName string
	// ID is 0 for a new record.
	ID      int64
	Version int
	Errors  map[string]string
	// Saved is non-nil after a stale save: the record as someone else saved it. The
	// form then carries that version, so saving again replaces it knowingly.
	Saved []Field
}

// SupervisorForm is the view model of the add and change forms of a supervisor.
type SupervisorForm struct {
	Frame
	Name, Profession, FTE, Hours string
	Active                       bool
}

// Action is where the form posts.
func (f SupervisorForm) Action() string { return SupervisorHref(f.PCNCode, f.ID) }

var supervisorFields = []string{"name", "profession", "fte", "hours", "active"}

// LinkForm is the view model of the add and change forms of a link.
type LinkForm struct {
	Frame
	Supervisee, Supervisor, Kind, Hours string
	Start, End                          input.Date
	// StartParts and EndParts name the boxes of a date in error.
	StartParts, EndParts     []string
	Supervisees, Supervisors []Option
}

// Action is where the form posts.
func (f LinkForm) Action() string { return LinkHref(f.PCNCode, f.ID) }

// EndForm is the view model of the page that ends a link.
type EndForm struct {
	Frame
	Link  []Field
	End   input.Date
	Parts []string
}

// Action is where the form posts.
func (f EndForm) Action() string { return LinkHref(f.PCNCode, f.ID) + "/end" }

// summary lists the messages in the order of the fields on the page, each linking to
// its field (a date to its first box in error), after the conflict when the save found
// the record changed.
func (f Frame) summary(order []string, firstBox map[string]string) ui.ErrorSummaryParams {
	conflict := ""
	if f.Saved != nil {
		conflict = input.Conflict
	}
	return input.ErrorSummary(f.Errors, conflict, order, firstBox)
}

func (f LinkForm) errorSummary() ui.ErrorSummaryParams {
	return f.summary([]string{"supervisee", "supervisor", "kind", "hours", "start", "end"},
		map[string]string{"start": input.FirstBox(f.StartParts), "end": input.FirstBox(f.EndParts)})
}

func (f EndForm) errorSummary() ui.ErrorSummaryParams {
	return f.summary([]string{"end"}, map[string]string{"end": input.FirstBox(f.Parts)})
}

func (f SupervisorForm) errorSummary() ui.ErrorSummaryParams {
	return f.summary(supervisorFields, nil)
}

func selectOf(id, label, hint, value, errorText, empty string, options []Option) ui.SelectParams {
	items := []ui.SelectItem{{Value: "", Text: empty}}
	for _, o := range options {
		items = append(items, ui.SelectItem{Value: o.Value, Text: o.Text})
	}
	return ui.SelectParams{ID: id, Name: id, Value: value, Items: items, Error: errorText, Hint: hint,
		Label: ui.LabelParams{Text: label, Size: ui.SizeS}}
}

func (f LinkForm) kindRadios() ui.ChoicesParams {
	hints := map[workforce.SupervisionKind]string{
		workforce.SupervisionClinical:       "Regular, with a named senior practitioner. Only this kind counts towards coverage.",
		workforce.SupervisionClinicPractice: "Day to day, with a named or duty senior clinician.",
		workforce.SupervisionEducational:    "For someone in training.",
	}
	var items []ui.ChoiceItem
	for _, k := range workforce.SupervisionKinds {
		items = append(items, ui.ChoiceItem{Value: string(k), Text: k.Label(), Hint: hints[k]})
	}
	return ui.ChoicesParams{IDPrefix: "kind", Name: "kind", Items: items, Values: []string{f.Kind}, Error: f.Errors["kind"],
		Legend: ui.LegendParams{Text: "Kind of supervision", Size: ui.SizeS}}
}

func savedList(fields []Field) ui.SummaryListParams {
	rows := make([]ui.SummaryListRow, 0, len(fields))
	for _, f := range fields {
		rows = append(rows, ui.SummaryListRow{Key: f.Label, Value: f.Value})
	}
	return ui.SummaryListParams{Rows: rows, ID: "saved"}
}
