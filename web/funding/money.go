package funding

import (
	"context"
	"html"
	"io"
	"regexp"

	"github.com/a-h/templ"

	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/ui"
)

// How the funding and cash flow pages write money and percentages, and what they say
// when claims pass an entitlement.

// signedAmount is a signed amount of whole pounds as Pence.Whole and the pages write
// it: "−£8,000", "+£500". A browser may break a line between the sign and the pound
// sign (both are prefixes to a number), so MoneyText keeps them together.
var signedAmount = regexp.MustCompile(`[−+]£[0-9][0-9,]*`)

// MoneyText is s with each signed amount in it kept on one line (app.css, .app-money):
// the text is s exactly, escaped.
func MoneyText(s string) templ.Component {
	return templ.ComponentFunc(func(_ context.Context, w io.Writer) error {
		at := 0
		for _, m := range signedAmount.FindAllStringIndex(s, -1) {
			if _, err := io.WriteString(w, html.EscapeString(s[at:m[0]])+`<span class="app-money">`+html.EscapeString(s[m[0]:m[1]])+`</span>`); err != nil {
				return err
			}
			at = m[1]
		}
		_, err := io.WriteString(w, html.EscapeString(s[at:]))
		return err
	})
}

// MoneyCells keeps the signed amounts of a table's plain cells on one line each
// (MoneyText); cells with a link, markup or hidden text of their own are left alone.
func MoneyCells(t ui.TableParams) ui.TableParams {
	for _, r := range t.Rows {
		for i, c := range r.Cells {
			if c.Content == nil && c.Href == "" && c.VisuallyHiddenText == "" && signedAmount.MatchString(c.Text) {
				r.Cells[i].Content = MoneyText(c.Text)
			}
		}
	}
	return t
}

// moneyRows does the same for a summary list's values.
func moneyRows(rows []ui.SummaryListRow) []ui.SummaryListRow {
	for i, r := range rows {
		if r.Content == nil && signedAmount.MatchString(r.Value) {
			rows[i].Content = MoneyText(r.Value)
		}
	}
	return rows
}

// Percent writes a percentage as every funding page does, to 2 decimal places:
// "9.56%", "50.00%" (files keep 4).
func Percent(p float64) string { return ui.Decimal(p, 2) + "%" }

// OverEntitlement says what ARRS claims above the entitlement mean: "Claims of
// £250,000 are above the entitlement of £200,000: £50,000 will not be reimbursed."
func OverEntitlement(claims, entitlement workforce.Pence) string {
	return "Claims of " + claims.Whole() + " are above the entitlement of " + entitlement.Whole() + ": " +
		(claims - entitlement).Whole() + " will not be reimbursed."
}

// PracticeOver names a practice whose practice-scheme GPs claim more than its own
// entitlement (over > 0): "M82032 claims £76,928 more than its own entitlement: one
// practice's entitlement cannot pay for another's GP."
func PracticeOver(code string, over workforce.Pence) string {
	return code + " claims " + over.Whole() + " more than its own entitlement: one practice's entitlement cannot pay for another's GP."
}
