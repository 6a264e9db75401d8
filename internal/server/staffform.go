package server

import (
	"math"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/a-h/templ"
	"github.com/go-chi/chi/v5"

	"github.com/arrs-planner/arrs/internal/datacache"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/staff"
)

// staffFields are the staff form's text inputs with their limits.
var staffFields = []textField{
	textInput("staff_role", "Role", workforce.MaxNameLength),
	textInput("fte", "FTE", workforce.MaxCodeLength),
	textInput("hours", "Weekly hours", workforce.MaxCodeLength),
	textInput("cost", "Annual cost", workforce.MaxCodeLength),
	textInput("employer", "Employer", workforce.MaxNameLength),
}

// staffInput reads a submitted staff form into f (kept as typed, to show again) and a
// record built on base (the record as stored, or a new one of the PCN) at the version
// f holds (formVersion, for a change), putting a message for each wrong field in
// f.Errors. The role of an NWRS record stays NWRS's.
func staffInput(v url.Values, f *staff.Form, base workforce.StaffRecord, roles []workforce.Role) workforce.StaffRecord {
	f.Errors = map[string]string{}
	f.Role, f.StaffRole = v.Get("role"), strings.TrimSpace(v.Get("staff_role"))
	f.FTE, f.Hours = strings.TrimSpace(v.Get("fte")), strings.TrimSpace(v.Get("hours"))
	f.Band, f.Cost = v.Get("band"), strings.TrimSpace(v.Get("cost"))
	f.EmploymentModel, f.Employer, f.ARRSFunded = v.Get("employment_model"), strings.TrimSpace(v.Get("employer")), v.Get("arrs_funded")
	f.Start = staff.Date{Day: v.Get("start[day]"), Month: v.Get("start[month]"), Year: v.Get("start[year]")}
	f.End = staff.Date{Day: v.Get("end[day]"), Month: v.Get("end[month]"), Year: v.Get("end[year]")}

	rec := base
	rec.Version = f.Version
	role := readRole(f, &rec, roles)
	hours := readWorkingTime(f, &rec)
	rec.Start = readDate(f.Start, "Start date", true, f.Errors, "start", &f.StartParts)
	rec.End = readDate(f.End, "End date", false, f.Errors, "end", &f.EndParts)
	readDetails(f, &rec)
	for _, p := range rec.Validate(role) {
		field := p.Field
		if field == "fte" && hours {
			field = "hours"
		}
		if field == "role" && rec.FromNWRS() {
			field = "start"
		}
		if f.Errors[field] == "" {
			f.Errors[field] = p.Message
		}
	}
	// Checked last, so that its message wins and the form still shows the warnings
	// of the rest; with any message, nothing is written.
	tooLong(v, f.Errors, staffFields...)
	return rec
}

// readRole sets the record's role from the select (an ARRS role, or other PCN staff
// with their role typed), and returns the ARRS role, nil outside ARRS.
func readRole(f *staff.Form, rec *workforce.StaffRecord, roles []workforce.Role) *workforce.Role {
	if rec.FromNWRS() {
		return findRole(roles, rec.RoleCode)
	}
	switch f.Role {
	case "":
		f.Errors["role"] = "Select the role"
	case staff.OtherRole:
		rec.RoleCode, rec.StaffRole = "", f.StaffRole
		if f.StaffRole == "" {
			f.Errors["staff_role"] = "Enter their role, such as Practice Manager"
		}
	default:
		role := findRole(roles, f.Role)
		if role == nil {
			f.Errors["role"] = "Select the role"
			return nil
		}
		rec.RoleCode, rec.StaffRole = role.Code, role.Name
		return role
	}
	return nil
}

func findRole(roles []workforce.Role, code string) *workforce.Role {
	i := slices.IndexFunc(roles, func(r workforce.Role) bool { return r.Code == code })
	if i < 0 {
		return nil
	}
	return &roles[i]
}

// readWorkingTime sets the FTE from the FTE or the weekly hours (FTE = hours ÷ 37.5,
// kept to the 6 decimal places stored), and reports whether hours were given.
func readWorkingTime(f *staff.Form, rec *workforce.StaffRecord) (hours bool) {
	switch {
	case f.FTE == "" && f.Hours == "":
		f.Errors["fte"] = "Enter the FTE or the weekly hours"
	case f.FTE != "" && f.Hours != "":
		f.Errors["fte"] = "Enter the FTE or the weekly hours, not both"
	case f.Hours != "":
		h, ok := parseNumber(f.Hours)
		switch {
		case !ok:
			f.Errors["hours"] = "Weekly hours must be a number, like 30"
		case !(h > 0) || h > workforce.MaxPersonFTE*workforce.HoursPerWTE:
			f.Errors["hours"] = "Weekly hours must be more than 0 and no more than 75"
		}
		rec.FTE = math.Round(workforce.FTEFromHours(h)*1e6) / 1e6
		return true
	default:
		x, ok := parseNumber(f.FTE)
		if !ok {
			f.Errors["fte"] = "FTE must be a number, like 0.8"
		}
		rec.FTE = math.Round(x*1e6) / 1e6
	}
	return false
}

// readDetails reads band, cost, employment model, employer and ARRS funding.
func readDetails(f *staff.Form, rec *workforce.StaffRecord) {
	rec.Band = f.Band
	if f.Band != "" && !slices.Contains(workforce.Bands, f.Band) {
		f.Errors["band"] = "Select a band from the list"
	}
	rec.AnnualCostPence = 0
	if f.Cost != "" {
		pounds, ok := parseNumber(strings.TrimPrefix(strings.ReplaceAll(f.Cost, ",", ""), "£"))
		switch {
		case !ok || pounds < 0:
			f.Errors["cost"] = "Annual cost must be an amount in pounds, like 52000"
		case pounds == 0:
			f.Errors["cost"] = "Annual cost must be between £10,000 and £250,000"
		default:
			rec.AnnualCostPence = workforce.Pence(math.Round(pounds * 100))
		}
	}
	rec.EmploymentModel = workforce.EmploymentModel(f.EmploymentModel)
	if f.EmploymentModel != "" && !slices.Contains(workforce.EmploymentModels, rec.EmploymentModel) {
		f.Errors["employment_model"] = "Select an employment model from the list"
	}
	rec.Employer = f.Employer
	switch f.ARRSFunded {
	case "yes", "no":
		rec.ARRSFunded = f.ARRSFunded == "yes"
	default:
		f.Errors["arrs_funded"] = "Select yes if the post is claimed from the ARRS"
	}
}

// parseNumber reads a finite decimal number.
func parseNumber(s string) (float64, bool) {
	x, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	return x, err == nil && !math.IsNaN(x) && !math.IsInf(x, 0)
}

// readDate reads a day/month/year date input, with the NHS service manual's messages:
// what is missing, or that it is not a real date; parts names the boxes in error.
func readDate(d staff.Date, label string, required bool, errs map[string]string, key string, parts *[]string) time.Time {
	boxes := []struct{ name, value string }{{"day", d.Day}, {"month", d.Month}, {"year", d.Year}}
	var missing []string
	for _, b := range boxes {
		if strings.TrimSpace(b.value) == "" {
			missing = append(missing, b.name)
		}
	}
	switch {
	case len(missing) == 3 && !required:
		return time.Time{}
	case len(missing) == 3:
		errs[key] = "Enter the " + strings.ToLower(label)
		return time.Time{}
	case len(missing) > 0:
		errs[key] = label + " must include a " + strings.Join(missing, " and ")
		*parts = missing
		return time.Time{}
	}
	day, err1 := strconv.Atoi(strings.TrimSpace(d.Day))
	month, err2 := strconv.Atoi(strings.TrimSpace(d.Month))
	year, err3 := strconv.Atoi(strings.TrimSpace(d.Year))
	t := workforce.Date(year, time.Month(month), day)
	if err1 != nil || err2 != nil || err3 != nil || year < 1900 || year > 2200 || t.Day() != day || int(t.Month()) != month {
		errs[key] = label + " must be a real date"
		return time.Time{}
	}
	return t
}

// staffUnsaved is the add or change form shown again during an outage with what was
// posted, from the PCN and roles the server last read; false when it has not read them
// yet. The record as stored cannot be read, so a change keeps the posted version: the
// next save still finds any change made meanwhile. No database is read here: false
// means only that this form cannot be shown, and unavailable answers its 503 page.
func (s *Server) staffUnsaved(r *http.Request) (templ.Component, bool) {
	tree, okTree := datacache.LastKnown[*workforce.Tree](&s.cache, "tree")
	roles, okRoles := datacache.LastKnown[[]workforce.Role](&s.cache, "roles")
	form, err := readForm(r)
	if !okTree || !okRoles || err != nil {
		return nil, false
	}
	p, found := tree.PCN(strings.ToUpper(chi.URLParam(r, "code")))
	if !found {
		return nil, false
	}
	sc := staffScope{pcn: p, roles: roles}
	base := workforce.StaffRecord{Staff: workforce.Staff{PCNCode: p.Code, Source: workforce.SourceManual}}
	title := "Add a staff member"
	var f staff.Form
	if id := chi.URLParam(r, "id"); id != "" {
		if base.ID, err = strconv.ParseInt(id, 10, 64); err != nil {
			return nil, false
		}
		if f.Version, err = formVersion(form); err != nil {
			return nil, false
		}
		title = "Change a staff record"
	}
	staffInput(form, &f, base, roles)
	f.ID, f.Errors, f.StartParts, f.EndParts = base.ID, nil, nil, nil // checked again when sent again
	f = s.staffForm(r, sc, title, f)
	f.Layout = withUnsaved(f.Layout)
	return staff.FormPage(f), true
}
