package ui

import "testing"

func TestDateInputFixtures(t *testing.T) {
	dob := LegendParams{Text: "What is your date of birth?", Size: SizeL, IsPageHeading: true}
	tests := []struct {
		fixture string
		params  DateInputParams
	}{
		{"default", DateInputParams{ID: "example", Legend: dob, Hint: "For example, 31 3 1980"}},
		{"month and year", DateInputParams{
			ID: "example", WithoutDay: true, Hint: "For example, 11 2023",
			Legend: LegendParams{Text: "When did you start your job?", Size: SizeL, IsPageHeading: true},
		}},
		{"with error message", DateInputParams{ID: "example", Legend: dob, Error: "Enter your date of birth"}},
		{"with error on day input", DateInputParams{
			ID: "example", Legend: dob, Hint: "For example, 31 3 1980", Error: "Date of birth must include a day",
			Day: DateInputPart{Error: true}, Month: DateInputPart{Value: "3"}, Year: DateInputPart{Value: "1980"},
		}},
		{"with values", DateInputParams{
			ID: "example", Legend: dob, Hint: "For example, 31 3 1980",
			Day: DateInputPart{Value: "5"}, Month: DateInputPart{Value: "8"}, Year: DateInputPart{Value: "2024"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.fixture, func(t *testing.T) {
			assertFixture(t, "date-input", tt.fixture, 0, render(t, DateInput(tt.params)))
		})
	}
}
