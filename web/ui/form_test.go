package ui

import "testing"

func TestLabelAndHintFixtures(t *testing.T) {
	assertFixture(t, "label", "default", 0, render(t, Label(LabelParams{Text: "What is your full name?", Size: SizeL, IsPageHeading: true})))
	assertFixture(t, "hint", "default", 0, render(t, Hint(HintParams{
		Text: "Do not include personal information like your name, date of birth or NHS number",
	})))
}

func TestInputFixtures(t *testing.T) {
	tests := []struct {
		fixture string
		nth     int
		params  InputParams
	}{
		{"default", 0, InputParams{Name: "example", Label: LabelParams{Text: "What is your full name?", Size: SizeL, IsPageHeading: true}}},
		{"width", 0, InputParams{Name: "example", ID: "input-width", Label: LabelParams{Text: "2 character width"}, Width: 2}},
		{"label", 0, InputParams{
			Name: "example", ID: "custom-size", Label: LabelParams{Text: "What is your NHS number?", Size: SizeS, IsPageHeading: true},
			Width: 10, Code: true, Inputmode: "numeric", NoSpellcheck: true,
		}},
		{"with autocomplete attribute", 0, InputParams{
			Name: "example", ID: "with-autocomplete-attribute", Autocomplete: "postal-code",
			Label: LabelParams{Text: "Enter a full postcode in England", IsPageHeading: true}, Hint: "For example, LS1 1AB",
		}},
		{"with error message", 0, InputParams{
			Name: "example", ID: "with-error-message", Error: "Enter NHS number",
			Label: LabelParams{Text: "What is your NHS number?", Size: SizeL, IsPageHeading: true},
			Width: 10, Code: true, Inputmode: "numeric", NoSpellcheck: true,
		}},
		{"with error only", 0, InputParams{
			Name: "example", ID: "with-error-only", Invalid: true,
			Label: LabelParams{Text: "What is your NHS number?", Size: SizeL, IsPageHeading: true},
			Width: 10, Code: true, Inputmode: "numeric", NoSpellcheck: true,
		}},
		{"with prefix", 0, InputParams{
			Name: "example", ID: "with-prefix", Prefix: "£", Width: 5,
			Label: LabelParams{Text: "Cost in pounds", IsPageHeading: true},
		}},
		{"with suffix", 0, InputParams{
			Name: "example", ID: "with-suffix", Suffix: "kg", Width: 5,
			Label: LabelParams{Text: "Weight in kilograms", IsPageHeading: true},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.fixture, func(t *testing.T) {
			assertFixture(t, "input", tt.fixture, tt.nth, render(t, Input(tt.params)))
		})
	}
}

func TestTextareaFixtures(t *testing.T) {
	label := LabelParams{Text: "Can you provide more detail?", Size: SizeL, IsPageHeading: true}
	assertFixture(t, "textarea", "default", 0, render(t, Textarea(TextareaParams{
		Name: "example", Label: label,
		Hint: "Do not include personal information like your name, date of birth or NHS number",
	})))
	assertFixture(t, "textarea", "with error message", 0, render(t, Textarea(TextareaParams{
		Name: "example", ID: "with-error-message", Label: label, Error: "You must provide an explanation",
	})))
}

func locations() []SelectItem {
	var items []SelectItem
	for _, l := range [][2]string{
		{"choose", "Choose location"}, {"eastmidlands", "East Midlands"}, {"eastofengland", "East of England"},
		{"london", "London"}, {"northeast", "North East"}, {"northwest", "North West"}, {"southeast", "South East"},
		{"southwest", "South West"}, {"westmidlands", "West Midlands"}, {"yorkshire", "Yorkshire and the Humber"},
	} {
		items = append(items, SelectItem{Value: l[0], Text: l[1]})
	}
	return items
}

func TestSelectFixtures(t *testing.T) {
	sortBy := LabelParams{Text: "Sort by", Size: SizeL, IsPageHeading: true}
	sortItems := []SelectItem{
		{Value: "published", Text: "Recently published"}, {Value: "updated", Text: "Recently updated"},
		{Value: "views", Text: "Most views"}, {Value: "comments", Text: "Most comments"},
	}
	assertFixture(t, "select", "default", 0, render(t, Select(SelectParams{Name: "example", Label: sortBy, Items: sortItems})))
	assertFixture(t, "select", "with selected value", 0, render(t, Select(SelectParams{
		Name: "example", ID: "with-value", Label: sortBy, Items: sortItems, Value: "updated",
	})))
	location := LabelParams{Text: "Choose location", Size: SizeL, IsPageHeading: true}
	assertFixture(t, "select", "with hint", 0, render(t, Select(SelectParams{
		Name: "example", ID: "with-hint", Label: location, Items: locations(),
		Hint: "This can be different to where you went before",
	})))
	assertFixture(t, "select", "with error message", 0, render(t, Select(SelectParams{
		Name: "example", ID: "with-error-message", Label: location, Items: locations(), Error: "Select a location",
	})))
	assertFixture(t, "select", "with divider", 0, render(t, Select(SelectParams{Name: "example", Label: sortBy, Items: []SelectItem{
		{Value: "first-name-ascending", Text: "First name (A to Z)"}, {Value: "first-name-descending", Text: "First name (Z to A)"},
		{Divider: true},
		{Value: "last-name-ascending", Text: "Last name (A to Z)"}, {Value: "last-name-descending", Text: "Last name (Z to A)"},
	}})))
}

func TestFileUploadFixtures(t *testing.T) {
	label := LabelParams{Text: "Upload a file", Size: SizeL, IsPageHeading: true}
	assertFixture(t, "file-upload", "default", 0, render(t, FileUpload(FileUploadParams{Name: "file-upload", Label: label})))
	assertFixture(t, "file-upload", "with error message", 0, render(t, FileUpload(FileUploadParams{
		Name: "file-upload", Label: label, Error: "The selected file must be a JPG, BMP or TIF",
	})))
	assertFixture(t, "file-upload", "with hint", 0, render(t, FileUpload(FileUploadParams{
		Name: "file-upload", Label: LabelParams{Text: "Upload your photo", Size: SizeL, IsPageHeading: true},
		Hint: "Your photo may be in your Pictures, Photos, Downloads or Desktop folder",
	})))
}
