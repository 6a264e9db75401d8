package server

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/supply"
)

// firstSupplyYear is the earliest year whose supply may be recorded: the scheme began
// in 2019/20.
const firstSupplyYear = workforce.FinancialYear(2019)

// supplyYearOfURL is the financial year of the URL ("2026-27"): from the scheme's
// first year to ten years ahead, else not found.
func (s *Server) supplyYearOfURL(r *http.Request) (workforce.FinancialYear, error) {
	y, err := workforce.ParseFinancialYear(strings.Replace(chi.URLParam(r, "year"), "-", "/", 1))
	if err != nil || y < firstSupplyYear || y > workforce.FinancialYearOf(s.today())+10 {
		return 0, errNotFound
	}
	return y, nil
}

// supplyScope is what the supply form needs: the ICB and year of the URL, the role
// catalogue, the ICB's rows of every year (all) and the year's as stored, by role.
type supplyScope struct {
	icb    workforce.ICB
	fy     workforce.FinancialYear
	year   string
	roles  []workforce.Role
	all    []workforce.ExpectedSupply
	stored map[string]workforce.ExpectedSupply
}

// supplyScope reads the form's scope; the supply of an ICB dissolved by today is
// read-only, and its form refused (422) with a message naming the successors, as a
// plan's ended quarters are refused.
func (s *Server) supplyScope(r *http.Request) (supplyScope, error) {
	var sc supplyScope
	var err error
	if sc.icb, err = s.icbOfURL(r); err != nil {
		return sc, err
	}
	gone, err := s.supplyDissolved(r, sc.icb)
	if err != nil {
		return sc, err
	}
	if gone != nil {
		return sc, workforce.Problem{Message: gone.Message()}
	}
	y, err := s.supplyYearOfURL(r)
	if err != nil {
		return sc, err
	}
	sc.fy, sc.year = y, y.String()
	if sc.roles, err = cached(r.Context(), s, "roles", s.db.Roles); err != nil {
		return sc, err
	}
	sc.all, sc.stored, err = s.storedSupply(r, sc.icb.Code, sc.year)
	return sc, err
}

// storedSupply is the ICB's supply of every year, and of year by role.
func (s *Server) storedSupply(r *http.Request, icb, year string) ([]workforce.ExpectedSupply, map[string]workforce.ExpectedSupply, error) {
	all, err := s.db.ExpectedSupplyOfICB(r.Context(), icb)
	out := map[string]workforce.ExpectedSupply{}
	for _, x := range all {
		if x.FinancialYear == year {
			out[x.RoleCode] = x
		}
	}
	return all, out, err
}

// supplyForm frames the supply form; rows nil shows the stored figures.
func (s *Server) supplyForm(r *http.Request, sc supplyScope, f supply.Form) supply.Form {
	return f.Framed(s.supplyLayout(r, sc.icb, "Expected supply in "+sc.year), sc.icb, sc.year, sc.roles, sc.stored)
}

func (s *Server) supplyEdit(w http.ResponseWriter, r *http.Request) error {
	sc, err := s.supplyScope(r)
	if err != nil {
		return err
	}
	return render(w, r, supply.FormPage(s.supplyForm(r, sc, supplyPrefill(sc))))
}

func (s *Server) supplySave(w http.ResponseWriter, r *http.Request) error {
	sc, err := s.supplyScope(r)
	if err != nil {
		return err
	}
	form, err := readForm(r)
	if err != nil {
		return err
	}
	var f supply.Form
	rows, err := f.Read(form, sc.icb.Code, sc.year, sc.roles, parseVersion)
	if err != nil {
		return err
	}
	if len(f.Errors) > 0 {
		return renderStatus(w, r, http.StatusUnprocessableEntity, supply.FormPage(s.supplyForm(r, sc, f)))
	}
	ch, err := s.db.SaveExpectedSupply(r.Context(), sc.icb.Code, sc.year, rows, actorOf(r))
	if errors.Is(err, store.ErrConflict) {
		return s.supplyConflict(w, r, sc, f)
	}
	if err != nil {
		return err
	}
	flash := "Nothing changed in the expected supply for " + sc.year
	if n := len(changedRoles(ch)); n > 0 {
		flash = "Saved the expected supply for " + sc.year + ": " + strconv.Itoa(n) + " roles changed"
	}
	s.sessions.Put(r.Context(), keyFlash, flash)
	http.Redirect(w, r, supply.Href(sc.icb.Code), http.StatusSeeOther)
	return nil
}

// supplyConflict answers a stale save: 409, the person's input kept, the figures saved
// meanwhile beside it, and the form now carrying their versions.
func (s *Server) supplyConflict(w http.ResponseWriter, r *http.Request, sc supplyScope, f supply.Form) error {
	var err error
	if sc.all, sc.stored, err = s.storedSupply(r, sc.icb.Code, sc.year); err != nil {
		return err
	}
	f = f.SavedMeanwhile(sc.roles, sc.stored)
	return renderStatus(w, r, http.StatusConflict, supply.FormPage(s.supplyForm(r, sc, f)))
}

func changedRoles(ch store.SupplyChange) map[string]bool {
	out := map[string]bool{}
	for k := range ch.Before {
		out[k] = true
	}
	for k := range ch.After {
		out[k] = true
	}
	return out
}
