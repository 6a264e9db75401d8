package supply

import (
	"math"
	"net/url"
	"strings"

	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/input"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"
)

// StoredRows are the stored figures (stored, by role) of every role of the catalogue,
// blank where none.
func StoredRows(roles []workforce.Role, stored map[string]workforce.ExpectedSupply) []FormRow {
	rows := make([]FormRow, 0, len(roles))
	for _, role := range roles {
		row := FormRow{RoleCode: role.Code, Role: role.Name}
		if x, ok := stored[role.Code]; ok {
			row.Version = x.Version
			row.NewlyQualified, row.TraineesCompleting, row.Movers = input.NumberText(x.NewlyQualified), input.NumberText(x.TraineesCompleting), input.NumberText(x.Movers)
		}
		rows = append(rows, row)
	}
	return rows
}

// Read reads every role's numbers of the ICB's year (blank is 0, kept to the 6
// decimal places stored) into f, kept as typed, and the rows to save, checked by
// workforce.ExpectedSupply.Validate. Each row carries the version it was read at
// (read by version, which refuses a garbled one with its error); a role the form had
// no row for sends 0, or nothing (as a form posted with some roles only does), which
// is the same: a row saved meanwhile is then a conflict.
func (f *Form) Read(v url.Values, icb, year string, roles []workforce.Role, version func(string) (int, error)) ([]workforce.ExpectedSupply, error) {
	f.Errors = map[string]string{}
	out := make([]workforce.ExpectedSupply, 0, len(roles))
	for _, role := range roles {
		row := FormRow{RoleCode: role.Code, Role: role.Name}
		if raw := v.Get(InputID(role.Code, "version")); raw != "" {
			var err error
			if row.Version, err = version(raw); err != nil {
				return nil, err
			}
		}
		x := workforce.ExpectedSupply{ICBCode: icb, RoleCode: role.Code, FinancialYear: year, Version: row.Version}
		read := func(field string, typed *string, into *float64) {
			id := InputID(role.Code, field)
			*typed = strings.TrimSpace(v.Get(id))
			label := role.Name + ", " + strings.ReplaceAll(field, "_", " ")
			if *typed == "" || input.TooLong(v, f.Errors, input.Limit{Name: id, Label: label, Max: workforce.MaxCodeLength}) {
				return
			}
			n, ok := input.Number(*typed)
			if !ok {
				f.Errors[id] = "Enter a number of FTE, like 2.5"
			}
			*into = math.Round(n*1e6) / 1e6
		}
		read("newly_qualified", &row.NewlyQualified, &x.NewlyQualified)
		read("trainees_completing", &row.TraineesCompleting, &x.TraineesCompleting)
		read("movers", &row.Movers, &x.Movers)
		for _, p := range x.Validate() {
			if id := InputID(role.Code, p.Field); f.Errors[id] == "" {
				f.Errors[id] = p.Message
			}
		}
		f.Rows = append(f.Rows, row)
		out = append(out, x)
	}
	return out, nil
}

// SavedMeanwhile marks the form of a stale save: the person's input kept, the figures
// saved meanwhile (stored, by role) beside it, and the form now carrying their
// versions, so that saving again replaces them knowingly.
func (f Form) SavedMeanwhile(roles []workforce.Role, stored map[string]workforce.ExpectedSupply) Form {
	f.Saved = []FormRow{}
	for _, row := range StoredRows(roles, stored) {
		if row.Version != 0 {
			f.Saved = append(f.Saved, row)
		}
	}
	for i := range f.Rows {
		f.Rows[i].Version = stored[f.Rows[i].RoleCode].Version
	}
	return f
}

// Framed puts the form on its page (marked in error when the form is), under the
// ICB's supply; a form with no rows yet shows the stored figures (stored, by role) of
// every role of the catalogue.
func (f Form) Framed(page layout.PageParams, icb workforce.ICB, year string, roles []workforce.Role, stored map[string]workforce.ExpectedSupply) Form {
	f.Layout = page
	f.Layout.Breadcrumbs = append(f.Layout.Breadcrumbs, ui.BreadcrumbItem{Text: "Supply against demand", Href: Href(icb.Code)})
	f.Layout.HasErrors = len(f.Errors) > 0 || f.Saved != nil
	f.ICBCode, f.ICBName, f.Year = icb.Code, icb.Name, year
	if f.Rows == nil {
		f.Rows = StoredRows(roles, stored)
	}
	return f
}
