package ui

import (
	"testing"

	"github.com/a-h/templ"
)

func contactItems() []ChoiceItem {
	return []ChoiceItem{{Value: "email", Text: "Email"}, {Value: "phone", Text: "Phone"}, {Value: "text", Text: "Text message"}}
}

func TestRadiosFixtures(t *testing.T) {
	contact := LegendParams{Text: "How do you want to be contacted about this?", Size: SizeL, IsPageHeading: true}
	tests := []struct {
		fixture string
		nth     int
		params  ChoicesParams
	}{
		{"default", 0, ChoicesParams{Name: "example", Legend: contact, Items: contactItems()}},
		{"inline", 1, ChoicesParams{
			Name: "example", IDPrefix: "inline", Inline: true, Small: true,
			Legend: LegendParams{Text: "Are you 18 or over?", Size: SizeM, IsPageHeading: true},
			Items:  []ChoiceItem{{Value: "yes", Text: "Yes"}, {Value: "no", Text: "No"}},
		}},
		{"with hint", 0, ChoicesParams{Name: "example", IDPrefix: "with-hint", Legend: contact, Hint: "Select 1 option", Items: contactItems()}},
		{"with error message", 0, ChoicesParams{
			Name: "example", IDPrefix: "with-error-message", Legend: contact,
			Error: "Select how you want to be contacted", Items: contactItems(),
		}},
		{"with hints on items", 0, ChoicesParams{
			Name: "example", IDPrefix: "with-hint-item",
			Legend: LegendParams{Text: "Do you have a mobile phone with signal?", Size: SizeL, IsPageHeading: true},
			Items: []ChoiceItem{
				{Value: "mobile", Text: "Yes, I have a mobile phone with signal", Hint: "We will text you a 6 digit security code"},
				{Value: "landline", Text: "No, I want to use my landline", Hint: "We will call you to give you a 6 digit security code"},
			},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.fixture, func(t *testing.T) {
			assertFixture(t, "radios", tt.fixture, tt.nth, render(t, Radios(tt.params)))
		})
	}
}

// conditionalContactItems are the NHS fixtures' items revealing a contact field.
func conditionalContactItems() []ChoiceItem {
	conditional := func(label, id, typ, extra string) templ.Component {
		return templ.Raw(`<div class="nhsuk-form-group"><label class="nhsuk-label" for="` + id + `">` + label +
			`</label><input class="nhsuk-input nhsuk-u-width-two-thirds" id="` + id + `" name="` + id + `" type="` + typ + `"` + extra + `></div>`)
	}
	items := contactItems()
	items[0].Conditional = conditional("Email address", "contact-by-email", "text", ` spellcheck="false"`)
	items[1].Conditional = conditional("Phone number", "contact-by-phone", "tel", "")
	items[2].Conditional = conditional("Mobile phone number", "contact-by-text", "tel", "")
	return items
}

func TestRadiosConditionalFixtures(t *testing.T) {
	params := ChoicesParams{
		Name: "example", IDPrefix: "conditional", Hint: "Select 1 option", Items: conditionalContactItems(),
		Legend: LegendParams{Text: "How do you want to be contacted about this?", Size: SizeL, IsPageHeading: true},
	}
	assertFixture(t, "radios", "with conditional content", 0, render(t, Radios(params)))
	params.Values = []string{"email"}
	assertFixture(t, "radios", "with pre-checked value", 0, render(t, Radios(params)))
}

func TestCheckboxesFixtures(t *testing.T) {
	contact := LegendParams{Text: "How do you want to be contacted about this?", Size: SizeL, IsPageHeading: true}
	assertFixture(t, "checkboxes", "default", 0, render(t, Checkboxes(ChoicesParams{
		Name: "example", Legend: contact, Hint: "Select all options that are relevant to you", Items: contactItems(),
	})))
	assertFixture(t, "checkboxes", "with pre-checked values", 0, render(t, Checkboxes(ChoicesParams{
		Name: "contact", IDPrefix: "conditional", Legend: contact, Hint: "Select all options that are relevant to you",
		Items: conditionalContactItems(), Values: []string{"email", "text"},
	})))
	assertFixture(t, "checkboxes", "without fieldset", 0, render(t, Checkboxes(ChoicesParams{
		Name: "colours", IDPrefix: "without-fieldset",
		Items: []ChoiceItem{{Value: "red", Text: "Red"}, {Value: "green", Text: "Green"}, {Value: "blue", Text: "Blue"}},
	})))
}
