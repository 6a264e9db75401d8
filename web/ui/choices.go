package ui

import (
	"slices"
	"strconv"

	"github.com/a-h/templ"
)

// ChoicesParams configures a group of radios or checkboxes. With a Legend the group
// is a fieldset; without one (a single "I confirm" checkbox, say) it is not.
type ChoicesParams struct {
	// IDPrefix names the items' ids: the first item gets IDPrefix itself, so the
	// error summary can link to it, then IDPrefix-2, IDPrefix-3… It defaults to Name.
	IDPrefix string
	Name     string
	Legend   LegendParams
	Hint     string
	Error    string
	Items    []ChoiceItem
	// Values checks the items with these values, besides any marked Checked: the
	// submitted values when a form is shown again.
	Values []string
	Inline bool
	Small  bool
}

// ChoiceItem is one radio or checkbox, or (with Divider, such as "or") a separator.
type ChoiceItem struct {
	ID       string // overrides the id made from the group's IDPrefix
	Value    string
	Text     string
	Hint     string
	Checked  bool
	Disabled bool
	Divider  string
	// Conditional is revealed when the item is checked (by the frontend's
	// JavaScript; without it, it is always shown).
	Conditional templ.Component
}

// choices is what differs between radios and checkboxes: the class prefix and the
// input type.
type choices struct {
	ChoicesParams
	kind      string // "radios" or "checkboxes"
	inputType string // "radio" or "checkbox"
}

func (c choices) idPrefix() string {
	return orDefault(c.IDPrefix, c.Name)
}

func (c choices) field() field {
	return newField(c.idPrefix(), c.Name, c.Hint, c.Error, "")
}

func (c choices) fieldset() bool {
	return c.Legend.Text != ""
}

func (c choices) class() string {
	base := "nhsuk-" + c.kind
	return classes(base, when(c.Small, base+"--small"), when(c.Inline, base+"--inline"))
}

// itemID numbers items from 1 in list order, dividers included, as the NHS does.
func (c choices) itemID(i int, item ChoiceItem) string {
	if item.ID != "" {
		return item.ID
	}
	if i == 0 {
		return c.idPrefix()
	}
	return c.idPrefix() + "-" + strconv.Itoa(i+1)
}

func (c choices) checked(item ChoiceItem) bool {
	return item.Checked || slices.Contains(c.Values, item.Value)
}

// itemDescribedBy is the item's own hint and, for checkboxes outside a fieldset
// (which would otherwise carry it), the group's hint and error.
func (c choices) itemDescribedBy(i int, item ChoiceItem) string {
	var group string
	if c.kind == "checkboxes" && !c.fieldset() {
		group = c.field().describedBy
	}
	if item.Hint == "" {
		return group
	}
	return joinIDs(group, c.itemID(i, item)+"-item-hint")
}
