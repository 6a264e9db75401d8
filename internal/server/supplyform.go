package server

import (
	"errors"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/supply"
	"github.com/arrs-planner/arrs/web/ui"
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
// catalogue, and the year's rows as stored, by role.
type supplyScope struct {
	icb    workforce.ICB
	year   string
	roles  []workforce.Role
	stored map[string]workforce.ExpectedSupply
}

func (s *Server) supplyScope(r *http.Request) (supplyScope, error) {
	var sc supplyScope
	var err error
	if sc.icb, err = s.icbOfURL(r); err != nil {
		return sc, err
	}
	y, err := s.supplyYearOfURL(r)
	if err != nil {
		return sc, err
	}
	sc.year = y.String()
	if sc.roles, err = cached(r.Context(), s, "roles", s.db.Roles); err != nil {
		return sc, err
	}
	sc.stored, err = s.storedSupply(r, sc.icb.Code, sc.year)
	return sc, err
}

func (s *Server) storedSupply(r *http.Request, icb, year string) (map[string]workforce.ExpectedSupply, error) {
	all, err := s.db.ExpectedSupplyOfICB(r.Context(), icb)
	out := map[string]workforce.ExpectedSupply{}
	for _, x := range all {
		if x.FinancialYear == year {
			out[x.RoleCode] = x
		}
	}
	return out, err
}

// supplyForm frames the supply form; rows nil shows the stored figures.
func (s *Server) supplyForm(r *http.Request, sc supplyScope, f supply.Form) supply.Form {
	f.Layout = s.supplyLayout(r, sc.icb, "Expected supply in "+sc.year)
	f.Layout.Breadcrumbs = append(f.Layout.Breadcrumbs, ui.BreadcrumbItem{Text: "Supply against demand", Href: supply.Href(sc.icb.Code)})
	f.Layout.HasErrors = len(f.Errors) > 0 || f.Saved != nil
	f.ICBCode, f.ICBName, f.Year = sc.icb.Code, sc.icb.Name, sc.year
	if f.Rows == nil {
		f.Rows = sc.storedRows()
	}
	return f
}

// storedRows are the stored figures of every role of the catalogue, blank where none.
func (sc supplyScope) storedRows() []supply.FormRow {
	rows := make([]supply.FormRow, 0, len(sc.roles))
	for _, role := range sc.roles {
		row := supply.FormRow{RoleCode: role.Code, Role: role.Name}
		if x, ok := sc.stored[role.Code]; ok {
			row.Version = x.Version
			row.NewlyQualified, row.TraineesCompleting, row.Movers = formNumber(x.NewlyQualified), formNumber(x.TraineesCompleting), formNumber(x.Movers)
		}
		rows = append(rows, row)
	}
	return rows
}

// supplyInput reads every role's numbers (blank is 0, kept to the 6 decimal places
// stored) into f, kept as typed, and the rows to save. Each row carries the version
// it was read at; a role the form had no row for sends 0, or nothing (as a form
// posted with some roles only does), which is the same: a row saved meanwhile is
// then a conflict. A garbled version is a 400.
func (sc supplyScope) supplyInput(v url.Values, f *supply.Form) ([]workforce.ExpectedSupply, error) {
	f.Errors = map[string]string{}
	out := make([]workforce.ExpectedSupply, 0, len(sc.roles))
	for _, role := range sc.roles {
		row := supply.FormRow{RoleCode: role.Code, Role: role.Name}
		if raw := v.Get(supply.InputID(role.Code, "version")); raw != "" {
			var err error
			if row.Version, err = parseVersion(raw); err != nil {
				return nil, err
			}
		}
		x := workforce.ExpectedSupply{ICBCode: sc.icb.Code, RoleCode: role.Code, FinancialYear: sc.year, Version: row.Version}
		read := func(field string, typed *string, into *float64) {
			id := supply.InputID(role.Code, field)
			*typed = strings.TrimSpace(v.Get(id))
			label := role.Name + ", " + strings.ReplaceAll(field, "_", " ")
			if *typed == "" || tooLong(v, f.Errors, textField{name: id, label: label, max: workforce.MaxCodeLength}) {
				return
			}
			n, ok := parseNumber(*typed)
			if !ok {
				f.Errors[id] = "Enter a number of FTE, like 2.5"
			}
			*into = math.Round(n*1e6) / 1e6
		}
		read("newly_qualified", &row.NewlyQualified, &x.NewlyQualified)
		read("trainees_completing", &row.TraineesCompleting, &x.TraineesCompleting)
		read("movers", &row.Movers, &x.Movers)
		for _, p := range x.Validate() {
			if id := supply.InputID(role.Code, p.Field); f.Errors[id] == "" {
				f.Errors[id] = p.Message
			}
		}
		f.Rows = append(f.Rows, row)
		out = append(out, x)
	}
	return out, nil
}

func (s *Server) supplyEdit(w http.ResponseWriter, r *http.Request) error {
	sc, err := s.supplyScope(r)
	if err != nil {
		return err
	}
	return render(w, r, supply.FormPage(s.supplyForm(r, sc, supply.Form{})))
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
	rows, err := sc.supplyInput(form, &f)
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
	if sc.stored, err = s.storedSupply(r, sc.icb.Code, sc.year); err != nil {
		return err
	}
	f.Saved = []supply.FormRow{}
	for _, row := range sc.storedRows() {
		if row.Version != 0 {
			f.Saved = append(f.Saved, row)
		}
	}
	for i := range f.Rows {
		f.Rows[i].Version = sc.stored[f.Rows[i].RoleCode].Version
	}
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
