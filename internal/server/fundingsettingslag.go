package server

import (
	"errors"
	"net/http"

	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/fundingsettings"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"
)

// An ICB's payment lag (/icbs/{code}/payment-lag): the months its PCNs' claims take to
// be paid, which their cash flows use; seen and changed by its leads and admins. A
// dissolved ICB's is read-only, as its supply is.

// lagForm is the ICB of the URL's form, its lag as stored, framed under the ICB.
func (s *Server) lagForm(r *http.Request) (workforce.ICB, fundingsettings.LagForm, error) {
	icb, err := s.icbOfURL(r)
	if err != nil {
		return icb, fundingsettings.LagForm{}, err
	}
	lags, err := s.db.PaymentLags(r.Context(), []string{icb.Code})
	if err != nil {
		return icb, fundingsettings.LagForm{}, err
	}
	f := fundingsettings.NewLagForm(icb.Code, lags[icb.Code].LagMonths)
	gone, err := s.supplyDissolved(r, icb)
	if err != nil {
		return icb, f, err
	}
	if gone != nil {
		f.ReadOnly = gone.Message()
	}
	return icb, f, nil
}

// lagPage frames the form under the ICB.
func (s *Server) lagPage(r *http.Request, icb workforce.ICB, f fundingsettings.LagForm) fundingsettings.LagForm {
	f.Frame = f.Framed(s.page(r, "Payment lag of claims", layout.NavEngland), icb.Name, "/icbs/"+icb.Code, icb.Name)
	return f
}

func (s *Server) paymentLagForm(w http.ResponseWriter, r *http.Request) error {
	icb, f, err := s.lagForm(r)
	if err != nil {
		return err
	}
	f.Success = s.sessions.PopString(r.Context(), keyFlash)
	return render(w, r, fundingsettings.PaymentLagPage(s.lagPage(r, icb, f)))
}

func (s *Server) paymentLagSave(w http.ResponseWriter, r *http.Request) error {
	icb, f, err := s.lagForm(r)
	if err != nil {
		return err
	}
	if f.ReadOnly != "" {
		return workforce.Problem{Message: f.ReadOnly}
	}
	form, err := readForm(r)
	if err != nil {
		return err
	}
	stored := f.Was
	months, err := f.ReadLag(form)
	if err != nil {
		return err
	}
	if len(f.Errors) > 0 {
		return renderStatus(w, r, http.StatusUnprocessableEntity, fundingsettings.PaymentLagPage(s.lagPage(r, icb, f)))
	}
	flash := "Nothing changed: the payment lag is " + ui.Plural(months, "month", "months")
	if months != f.Was || stored != f.Was {
		err = s.db.SetPaymentLag(r.Context(), icb.Code, f.Was, months, actorOf(r))
		if errors.Is(err, store.ErrConflict) {
			return renderStatus(w, r, http.StatusConflict, fundingsettings.PaymentLagPage(s.lagPage(r, icb, f.Stale(stored))))
		}
		if err != nil {
			return err
		}
		flash = "Saved the payment lag: " + ui.Plural(months, "month", "months")
	}
	return s.backTo(w, r, fundingsettings.PaymentLagHref(icb.Code), flash)
}
