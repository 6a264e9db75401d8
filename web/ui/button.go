package ui

// ButtonParams configures a button: a <button>, or with Href a link styled as one.
type ButtonParams struct {
	Text    string
	Variant ButtonVariant
	Href    string
	Type    string // defaults to "submit"
	Name    string
	Value   string
	ID      string
	Small   bool
	// Disabled buttons are best avoided (NHS service manual); kept for the rare case.
	Disabled bool
	// PreventDoubleClick stops the frontend's JavaScript from submitting twice.
	PreventDoubleClick bool
	Classes            string
}

// ButtonVariant is a button style other than the primary green.
type ButtonVariant string

// The NHS button styles ARRS Planner uses.
const (
	ButtonSecondary ButtonVariant = "secondary"
	ButtonWarning   ButtonVariant = "warning"
	ButtonReverse   ButtonVariant = "reverse"
)

func (p ButtonParams) class() string {
	return classes("nhsuk-button", modifier("nhsuk-button", string(p.Variant)), when(p.Small, "nhsuk-button--small"), p.Classes)
}
