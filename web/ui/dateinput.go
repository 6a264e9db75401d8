package ui

// DateInputParams configures a memorable-date input: day, month and year boxes in a
// fieldset.
type DateInputParams struct {
	// ID names the group; the parts are ID-day, ID-month and ID-year, and an error
	// summary should link to the first part in error.
	ID string
	// NamePrefix makes the parts' names NamePrefix[day] and so on; without it they
	// are day, month and year.
	NamePrefix string
	Legend     LegendParams
	Hint       string
	Error      string
	// WithoutDay asks for a month and year only.
	WithoutDay       bool
	Day, Month, Year DateInputPart
}

// DateInputPart is one box of a date input.
type DateInputPart struct {
	Value string
	// Error marks this part as the one in error. When no part is marked, an Error
	// on the group marks them all.
	Error bool
}

func (p DateInputParams) field() field {
	return newField(p.ID, "", p.Hint, p.Error, "")
}

func (p DateInputParams) parts() []InputParams {
	anyError := p.Day.Error || p.Month.Error || p.Year.Error
	part := func(name, label string, width int, d DateInputPart) InputParams {
		fullName := name
		if p.NamePrefix != "" {
			fullName = p.NamePrefix + "[" + name + "]"
		}
		return InputParams{
			ID: p.ID + "-" + name, Name: fullName, Value: d.Value, Width: width, Inputmode: "numeric",
			Label:   LabelParams{Text: label, Classes: "nhsuk-date-input__label"},
			Invalid: d.Error || (p.Error != "" && !anyError),
			Classes: "nhsuk-date-input__input",
		}
	}
	var parts []InputParams
	if !p.WithoutDay {
		parts = append(parts, part("day", "Day", 2, p.Day))
	}
	return append(parts, part("month", "Month", 2, p.Month), part("year", "Year", 4, p.Year))
}

func (p DateInputParams) hasError() bool {
	return p.Error != "" || p.Day.Error || p.Month.Error || p.Year.Error
}
