package gaps

import (
	"net/url"
	"strings"
	"time"

	"github.com/arrs-planner/arrs/internal/need"

	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/areas"
	"github.com/arrs-planner/arrs/web/ui"
)

// The what-if fields: their names are the query parameters that carry a what-if in a
// link, and their ids.
const (
	FieldTarget    = "target"
	FieldTargetFTE = "target_fte"
	FieldDeadline  = "deadline"
	FieldAsOf      = "as_of"
	FieldAttrition = "attrition"
)

// WhatIfFields lists the what-if parameters in the order of the form.
var WhatIfFields = []string{FieldTarget, FieldTargetFTE, FieldDeadline, FieldAsOf, FieldAttrition}

// FieldFootprints carries the choice of ICBs (areas.Footprints): not a what-if, the
// same figures summed another way, but kept by every link and read with the what-if.
const FieldFootprints = areas.FootprintsParam

// WhatIf is the what-if form of a gap page. It is a GET form: its values travel as
// query parameters, so a what-if is a link that can be shared, and nothing is saved.
type WhatIf struct {
	// Action is the page the form recomputes; Hidden are the page's other parameters
	// (level, sort) that the form keeps.
	Action string
	Hidden []Hidden
	// Values are the fields as the person typed them, by field name, kept when they
	// are wrong.
	Values map[string]string
	// Errors are the fields' messages, in the order of the form.
	Errors []workforce.Problem
	// Targets are the targets' names; the form offers a choice when there are two or
	// more.
	Targets []string
	// Now describes the values used when a field is left empty, for its hint.
	Now Defaults
	// ClearHref is the page without any what-if.
	ClearHref string
}

// Hidden is a parameter the form passes on unchanged.
type Hidden struct{ Name, Value string }

// Defaults are the stored values a what-if replaces, as the hints show them.
type Defaults struct {
	Target, TargetFTE, Deadline, AsOf string
}

// NewWhatIf is the form of the gap page action whose query is q: the what-if as typed,
// the page's parameters named by hidden (level, sort) kept, and a link to the page
// without the what-if.
func NewWhatIf(action string, q url.Values, hidden ...string) WhatIf {
	form := WhatIf{Action: action, Values: map[string]string{}, ClearHref: action}
	keep := url.Values{}
	for _, name := range hidden {
		if v := q.Get(name); v != "" {
			form.Hidden = append(form.Hidden, Hidden{Name: name, Value: v})
			keep.Set(name, v)
		}
	}
	if len(keep) > 0 {
		form.ClearHref += "?" + keep.Encode()
	}
	for _, f := range append(WhatIfFields, FieldFootprints, need.Param) {
		form.Values[f] = strings.TrimSpace(q.Get(f))
	}
	return form
}

// Value is a field as typed, "" when it is empty.
func (f WhatIf) Value(field string) string { return f.Values[field] }

// Offer lists the stored targets in the form and hints at the values an empty field
// stands for: those of the target the what-if uses (ok false for none) and the latest
// census (zero before any import).
func (f *WhatIf) Offer(targets []workforce.Target, t workforce.Target, ok bool, census time.Time) {
	for _, x := range targets {
		f.Targets = append(f.Targets, x.Name)
	}
	if ok {
		f.Now.Target = t.Name
		f.Now.TargetFTE = ui.Decimal(t.FTE, 0) + " FTE"
		f.Now.Deadline = t.Deadline.Format(workforce.DateLayout)
	}
	if !census.IsZero() {
		f.Now.AsOf = census.Format(workforce.DateLayout)
	}
}

// Active reports whether any what-if is given: the page then says its figures are a
// what-if, not the plan of record.
func (f WhatIf) Active() bool {
	for _, field := range WhatIfFields {
		if f.Values[field] != "" {
			return true
		}
	}
	return false
}

// HasErrors reports whether the form is shown again with messages.
func (f WhatIf) HasErrors() bool { return len(f.Errors) > 0 }

// Error is the message of one field, "" when it is fine.
func (f WhatIf) Error(field string) string {
	for _, e := range f.Errors {
		if e.Field == field {
			return e.Message
		}
	}
	return ""
}

// Summary is the NHS error summary of the form, each message linking to its field.
func (f WhatIf) Summary() ui.ErrorSummaryParams {
	items := make([]ui.ErrorSummaryItem, len(f.Errors))
	for i, e := range f.Errors {
		items[i] = ui.ErrorSummaryItem{Text: e.Message, Href: "#" + e.Field}
	}
	return ui.ErrorSummaryParams{Errors: items}
}

func (f WhatIf) targetSelect() ui.SelectParams {
	items := []ui.SelectItem{{Value: "", Text: orElse(f.Now.Target, "The default target")}}
	for _, name := range f.Targets {
		if name != f.Now.Target {
			items = append(items, ui.SelectItem{Value: name, Text: name})
		}
	}
	return ui.SelectParams{
		Name: FieldTarget, Label: ui.LabelParams{Text: "Target"}, Items: items,
		Value: f.Values[FieldTarget], Error: f.Error(FieldTarget),
	}
}

func (f WhatIf) input(field, label, hint, suffix string, width int) ui.InputParams {
	return ui.InputParams{
		Name: field, Value: f.Values[field], Label: ui.LabelParams{Text: label}, Hint: hint,
		Error: f.Error(field), Width: width, Suffix: suffix, Autocomplete: "off", NoSpellcheck: true,
	}
}

func (f WhatIf) targetFTE() ui.InputParams {
	p := f.input(FieldTargetFTE, "Target, additional FTE", "Leave empty for the target's own: "+orElse(f.Now.TargetFTE, "none set")+".", "", 10)
	p.Inputmode = "decimal"
	return p
}

func (f WhatIf) deadline() ui.InputParams {
	return f.input(FieldDeadline, "Deadline", "A date such as 2027-03-31. Leave empty for the target's own: "+orElse(f.Now.Deadline, "none set")+".", "", 10)
}

func (f WhatIf) asOf() ui.InputParams {
	return f.input(FieldAsOf, "As-of date", "The day the staff data describes, such as 2025-11-30. Leave empty for the latest census: "+orElse(f.Now.AsOf, "none imported")+".", "", 10)
}

func (f WhatIf) attrition() ui.InputParams {
	p := f.input(FieldAttrition, "Annual attrition", "Unplanned leavers a year in every role, as a percentage such as 12.5. Leave empty for each role's own rate (10% for most).", "%", 5)
	p.Inputmode = "decimal"
	return p
}

func orElse(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
