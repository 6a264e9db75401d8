package fundingsettings

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/input"
	"github.com/arrs-planner/arrs/web/ui"
)

// PaymentLagHref is an ICB's payment lag form.
func PaymentLagHref(icb string) string { return "/icbs/" + icb + "/payment-lag" }

// LagForm is the view model of an ICB's payment lag form: the months between a claim
// being earned and the ICB paying it, which every cash flow of its PCNs uses.
type LagForm struct {
	Frame
	ICBCode string
	Success string
	Months  string
	// Was is the lag stored when the form was opened: the save is refused (409) if it
	// changed meanwhile.
	Was int
	// ReadOnly says why the lag cannot be changed (a dissolved ICB); "" when it can.
	ReadOnly string
}

// Action is where the form posts.
func (f LagForm) Action() string { return PaymentLagHref(f.ICBCode) }

func (f LagForm) errorSummary() ui.ErrorSummaryParams { return f.summary([]string{"months"}, nil) }

// Default and Max are the lag's default and bound (planning).
func (f LagForm) Default() string { return strconv.Itoa(planning.DefaultPaymentLag) }

// Max is the longest lag accepted.
func (f LagForm) Max() string { return strconv.Itoa(planning.MaxPaymentLag) }

// NewLagForm is the form of an ICB's lag as stored.
func NewLagForm(icb string, months int) LagForm {
	return LagForm{ICBCode: icb, Months: strconv.Itoa(months), Was: months}
}

// ReadLag reads a submitted form into f (kept as typed): the lag it was opened at and
// the months, a whole number from 0 to planning.MaxPaymentLag; the problem is in
// f.Errors. The error is for a form that names no lag it was opened at (400).
func (f *LagForm) ReadLag(v url.Values) (int, error) {
	f.Errors, f.Months = map[string]string{}, strings.TrimSpace(v.Get("months"))
	was, err := strconv.Atoi(v.Get("was"))
	if err != nil || was < 0 || was > planning.MaxPaymentLag {
		return 0, workforce.Problem{Field: "was", Message: "The form does not say which payment lag it changes: open it again"}
	}
	f.Was = was
	if input.TooLong(v, f.Errors, input.Limit{Name: "months", Label: "Months", Max: workforce.MaxCodeLength}) {
		return 0, nil
	}
	n, err := strconv.Atoi(f.Months)
	switch {
	case f.Months == "":
		f.Errors["months"] = "Enter the months the ICB takes to pay a claim, from 0 to " + f.Max()
	case err != nil || strings.Trim(f.Months, "0123456789") != "" || n < 0 || n > planning.MaxPaymentLag:
		f.Errors["months"] = "Enter the months as a whole number from 0 to " + f.Max()
	}
	return n, nil
}

// Stale marks a save refused because the lag changed since the form was opened.
func (f LagForm) Stale(now int) LagForm {
	f.Frame = f.Frame.Stale([]Field{{"Payment lag", ui.Plural(now, "month", "months")}}, 0)
	f.Was = now
	return f
}
