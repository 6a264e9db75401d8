package ui

import "testing"

func TestButtonFixtures(t *testing.T) {
	tests := []struct {
		fixture string
		params  ButtonParams
	}{
		{"default", ButtonParams{Text: "Save and continue"}},
		{"default, small", ButtonParams{Text: "Save and continue", Small: true}},
		{"disabled", ButtonParams{Text: "Disabled button", Disabled: true}},
		{"secondary", ButtonParams{Text: "Find my location", Variant: ButtonSecondary}},
		{"secondary as a link", ButtonParams{Text: "Find my location", Variant: ButtonSecondary, Href: "#"}},
		{"warning", ButtonParams{Text: "Yes, delete this vaccine", Variant: ButtonWarning}},
		{"reverse", ButtonParams{Text: "Log out", Variant: ButtonReverse}},
		{"with double click prevented", ButtonParams{Text: "Save and continue", PreventDoubleClick: true}},
		{"as a link", ButtonParams{Text: "Link button", Href: "#"}},
	}
	for _, tt := range tests {
		t.Run(tt.fixture, func(t *testing.T) {
			assertFixture(t, "button", tt.fixture, 0, render(t, Button(tt.params)))
		})
	}
}
