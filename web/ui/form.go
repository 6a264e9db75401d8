package ui

import "strconv"

// LabelParams configures a field's label.
type LabelParams struct {
	Text string
	For  string // the field components set it to the field's id
	Size Size
	// IsPageHeading wraps the label in the page's <h1>, for one-question pages.
	IsPageHeading bool
	Classes       string // "nhsuk-u-visually-hidden" hides it but for screen readers
}

// forField points the label at the field with the given id, unless For is set.
func (p LabelParams) forField(id string) LabelParams {
	p.For = orDefault(p.For, id)
	return p
}

func (p LabelParams) class() string {
	return classes("nhsuk-label", modifier("nhsuk-label", string(p.Size)), p.Classes)
}

// HintParams configures hint text below a label or legend.
type HintParams struct {
	ID      string
	Text    string
	Classes string
}

// LegendParams configures the legend of a fieldset.
type LegendParams struct {
	Text string
	Size Size
	// IsPageHeading puts the legend's text in the page's <h1>.
	IsPageHeading bool
	Classes       string
}

func (p LegendParams) class() string {
	return classes("nhsuk-fieldset__legend", modifier("nhsuk-fieldset__legend", string(p.Size)), p.Classes)
}

// FieldsetParams groups related fields (its children) under a legend.
type FieldsetParams struct {
	Legend      LegendParams
	DescribedBy string
	// Role overrides the implicit role; date inputs use "group" so that JAWS reads
	// the fieldset's description.
	Role string
	ID   string
}

// field holds what every form field works out the same way: its id, and the ids of
// its hint and error message, which describe the control (aria-describedby).
type field struct {
	id, hint, error, describedBy string
}

func newField(id, name, hint, errorText, describedBy string) field {
	f := field{id: orDefault(id, name)}
	if hint != "" {
		f.hint = f.id + "-hint"
	}
	if errorText != "" {
		f.error = f.id + "-error"
	}
	f.describedBy = joinIDs(describedBy, f.hint, f.error)
	return f
}

func formGroupClass(hasError bool, extra ...string) string {
	return classes(append([]string{"nhsuk-form-group", when(hasError, "nhsuk-form-group--error")}, extra...)...)
}

// InputParams configures a text input.
type InputParams struct {
	ID    string // defaults to Name
	Name  string
	Type  string // defaults to "text"
	Value string
	Label LabelParams
	Hint  string
	Error string
	// Invalid styles the input as in error without a message of its own, as for
	// the parts of a date input, whose message belongs to the whole.
	Invalid bool
	// Width fixes the input to fit about that many characters: 2, 3, 4, 5, 10, 20
	// or 30.
	Width          int
	Code           bool // monospaced, for codes such as ODS codes
	Prefix, Suffix string
	Inputmode      string
	Autocomplete   string
	Pattern        string
	Placeholder    string
	NoSpellcheck   bool
	Disabled       bool
	DescribedBy    string
	Classes        string
}

func (p InputParams) field() field {
	return newField(p.ID, p.Name, p.Hint, p.Error, p.DescribedBy)
}

func (p InputParams) hasError() bool {
	return p.Error != "" || p.Invalid
}

func (p InputParams) class() string {
	width := ""
	switch p.Width {
	case 2, 3, 4, 5, 10, 20, 30:
		width = "nhsuk-input--width-" + strconv.Itoa(p.Width)
	}
	return classes("nhsuk-input", when(p.Code, "nhsuk-input--code"), when(p.hasError(), "nhsuk-input--error"), width, p.Classes)
}

// TextareaParams configures a multi-line text field.
type TextareaParams struct {
	ID           string // defaults to Name
	Name         string
	Value        string
	Rows         int // defaults to 5
	Label        LabelParams
	Hint         string
	Error        string
	Autocomplete string
	NoSpellcheck bool
	Disabled     bool
	Classes      string
}

func (p TextareaParams) rows() string {
	if p.Rows <= 0 {
		return "5"
	}
	return strconv.Itoa(p.Rows)
}

// SelectParams configures a select (drop-down). The NHS service manual advises
// radios instead when there are few options.
type SelectParams struct {
	ID    string // defaults to Name
	Name  string
	Label LabelParams
	Hint  string
	Error string
	Items []SelectItem
	// Value selects the item with that value, besides any marked Selected.
	Value    string
	Disabled bool
	Classes  string
}

// SelectItem is one option, or (with Divider) a separator between groups of them.
type SelectItem struct {
	Value    string
	Text     string
	Selected bool
	Disabled bool
	Divider  bool
}

func (p SelectParams) selected(item SelectItem) bool {
	return item.Selected || (p.Value != "" && item.Value == p.Value)
}

// FileUploadParams configures a file input.
type FileUploadParams struct {
	ID    string // defaults to Name
	Name  string
	Label LabelParams
	Hint  string
	Error string
	// Accept lists the file types offered (".csv,.xlsx"), an addition to the NHS
	// component: the server checks the file regardless.
	Accept string
	// NoEnhance leaves the browser's own file input in place of the frontend's
	// JavaScript drop zone, whose button's accessible name does not contain its
	// visible text (axe: label-content-name-mismatch, WCAG 2.5.3, nhsuk-frontend 10.6.1).
	NoEnhance bool
	Multiple  bool
	Disabled  bool
}
