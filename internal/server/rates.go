package server

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/go-chi/chi/v5"

	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/admin"
	"github.com/arrs-planner/arrs/web/layout"
)

// Funding rates, kept by admins (/admin/rates) as the caps are: add a financial
// year's rate per weighted patient when the DES publishes it, or correct one. Each
// change is audited in its own transaction (store.AddFundingRate); a stale form is
// refused with 409, a wrong field re-renders the form with 422.

func (s *Server) rates(w http.ResponseWriter, r *http.Request) error {
	p, err := s.ratesPage(r, admin.RateForm{Errors: map[string]string{}})
	if err != nil {
		return err
	}
	p.Success = s.sessions.PopString(r.Context(), keyFlash)
	return render(w, r, admin.Rates(p))
}

// ratesPage lists every year's rate, and the add form.
func (s *Server) ratesPage(r *http.Request, f admin.RateForm) (admin.RatesPage, error) {
	all, err := s.db.FundingRateRows(r.Context())
	if err != nil {
		return admin.RatesPage{}, err
	}
	var rows []admin.RateRow
	for _, x := range all {
		y, err := workforce.ParseFinancialYear(x.FinancialYear)
		if err != nil {
			return admin.RatesPage{}, err
		}
		rows = append(rows, admin.RateRow{Year: y, Starts: x.Starts, Pounds: x.RateGBP})
	}
	return admin.NewRatesPage(s.page(r, "Funding rates", layout.NavNone), rows, f), nil
}

func (s *Server) rateCreate(w http.ResponseWriter, r *http.Request) error {
	form, err := readForm(r)
	if err != nil {
		return err
	}
	f, rate := admin.ReadNewRate(form, workforce.FinancialYearOf(s.today()))
	if len(f.Errors) == 0 {
		_, err = s.db.AddFundingRate(r.Context(), rate, actorOf(r))
		if errors.Is(err, store.ErrRateTaken) {
			f.YearTaken()
		} else if err != nil {
			return err
		}
	}
	if len(f.Errors) > 0 {
		p, err := s.ratesPage(r, f)
		if err != nil {
			return err
		}
		return renderStatus(w, r, http.StatusUnprocessableEntity, admin.Rates(p))
	}
	return s.backToRates(w, r, admin.RateSaved("Added", rate))
}

func (s *Server) rateEdit(w http.ResponseWriter, r *http.Request) error {
	before, y, err := s.rateByParam(r)
	if err != nil {
		return err
	}
	return render(w, r, admin.RateEdit(s.rateEditForm(r, admin.RateFormOf(before.FundingRate, y, before.Version), before, y)))
}

func (s *Server) rateUpdate(w http.ResponseWriter, r *http.Request) error {
	before, y, err := s.rateByParam(r)
	if err != nil {
		return err
	}
	form, err := readForm(r)
	if err != nil {
		return err
	}
	version, err := formVersion(form)
	if err != nil {
		return err
	}
	f, rate := admin.ReadRateChange(form, y, version)
	if len(f.Errors) > 0 {
		return renderStatus(w, r, http.StatusUnprocessableEntity, admin.RateEdit(s.rateEditForm(r, f, before, y)))
	}
	saved, err := s.db.UpdateFundingRate(r.Context(), store.FundingRateRow{FundingRate: rate, Version: f.Version}, actorOf(r))
	if errors.Is(err, store.ErrConflict) {
		return renderStatus(w, r, http.StatusConflict, admin.RateEdit(s.rateEditForm(r, f.Stale(before.FundingRate), before, y)))
	}
	if err != nil {
		return err
	}
	return s.backToRates(w, r, admin.RateSaved("Saved", saved.FundingRate))
}

// backToRates sends the admin back to the rates page with what was done.
func (s *Server) backToRates(w http.ResponseWriter, r *http.Request, flash string) error {
	s.sessions.Put(r.Context(), keyFlash, flash)
	http.Redirect(w, r, "/admin/rates", http.StatusSeeOther)
	return nil
}

// rateEditForm completes a change form with its page and the rate's current version.
func (s *Server) rateEditForm(r *http.Request, f admin.RateForm, current store.FundingRateRow, y workforce.FinancialYear) admin.RateForm {
	return f.Framed(s.page(r, admin.RateTitle(y), layout.NavNone), current.Version)
}

// rateByParam loads the rate of the address's year (/admin/rates/2026 is 2026/27's).
func (s *Server) rateByParam(r *http.Request) (store.FundingRateRow, workforce.FinancialYear, error) {
	n, err := strconv.Atoi(chi.URLParam(r, "year"))
	if err != nil || n < 1900 || n > 2999 {
		return store.FundingRateRow{}, 0, errNotFound
	}
	y := workforce.FinancialYear(n)
	x, err := s.db.FundingRateRow(r.Context(), y.String())
	return x, y, err
}
