package staff

import (
	"math"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/input"
)

// limits are the form's text inputs with their limits.
var limits = []input.Limit{
	{Name: "staff_role", Label: "Role", Max: workforce.MaxNameLength},
	{Name: "fte", Label: "FTE", Max: workforce.MaxCodeLength},
	{Name: "hours", Label: "Weekly hours", Max: workforce.MaxCodeLength},
	{Name: "cost", Label: "Annual cost", Max: workforce.MaxCodeLength},
	{Name: "employer", Label: "Employer", Max: workforce.MaxNameLength},
	{Name: "practice_code", Label: "Practice", Max: workforce.MaxCodeLength},
	{Name: "approved_role_id", Label: "Approved additional role", Max: workforce.MaxCodeLength},
}

// Read reads a submitted form into f (kept as typed, to show again) and a record
// built on base (the record as stored, or a new one of the PCN) at the version f
// holds (the posted one, for a change), putting a message for each wrong field in
// f.Errors (workforce.StaffRecord.Validate on day today, against the roles, member
// practices and approvals of c, after what cannot be read at all). The role of an
// NWRS record stays NWRS's. A start date in error is left out of the record, so that
// no warning is worked out on it.
func (f *Form) Read(v url.Values, base workforce.StaffRecord, c Catalogue, today time.Time) workforce.StaffRecord {
	f.Errors = map[string]string{}
	f.Role, f.StaffRole = v.Get("role"), strings.TrimSpace(v.Get("staff_role"))
	f.FTE, f.Hours = strings.TrimSpace(v.Get("fte")), strings.TrimSpace(v.Get("hours"))
	f.Band, f.Cost = v.Get("band"), strings.TrimSpace(v.Get("cost"))
	f.EmploymentModel, f.Employer = v.Get("employment_model"), strings.TrimSpace(v.Get("employer"))
	f.Stream, f.Practice, f.Approved = v.Get("funding_stream"), v.Get("practice_code"), v.Get("approved_role_id")
	f.Start, f.End = input.PostedDate(v, "start"), input.PostedDate(v, "end")

	rec := base
	rec.Version = f.Version
	role := f.readRole(&rec, c.Roles)
	hours := f.readWorkingTime(&rec)
	rec.Start = input.ReadDate(f.Start, "Start date", true, f.Errors, "start", &f.StartParts)
	rec.End = input.ReadDate(f.End, "End date", false, f.Errors, "end", &f.EndParts)
	f.readDetails(&rec)
	f.readFunding(&rec)
	for _, p := range rec.Validate(role, c.funding(base, today), today) {
		field := p.Field
		if field == "fte" && hours {
			field = "hours"
		}
		if field == "role" && rec.FromNWRS() {
			field = "start"
		}
		// "Other PCN staff" with no role typed is the role box's problem, said once.
		if field == "role" && f.Errors["staff_role"] != "" {
			continue
		}
		// An approved role that could not be read is its select's problem, not the
		// stream's as well.
		if field == "funding_stream" && f.Errors["approved_role_id"] != "" {
			continue
		}
		if f.Errors[field] == "" {
			f.Errors[field] = p.Message
		}
	}
	if f.Errors["start"] != "" {
		rec.Start = time.Time{}
	}
	// Checked last, so that its message wins and the form still shows the warnings
	// of the rest; with any message, nothing is written.
	input.TooLong(v, f.Errors, limits...)
	return rec
}

// readRole sets the record's role from the select (an ARRS role, or other PCN staff
// with their role typed), and returns the ARRS role, nil outside ARRS.
func (f *Form) readRole(rec *workforce.StaffRecord, roles []workforce.Role) *workforce.Role {
	if rec.FromNWRS() {
		return findRole(roles, rec.RoleCode)
	}
	switch f.Role {
	case "":
		f.Errors["role"] = "Select the role"
	case OtherRole:
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
func (f *Form) readWorkingTime(rec *workforce.StaffRecord) (hours bool) {
	switch {
	case f.FTE == "" && f.Hours == "":
		f.Errors["fte"] = "Enter the FTE or the weekly hours"
	case f.FTE != "" && f.Hours != "":
		f.Errors["fte"] = "Enter the FTE or the weekly hours, not both"
	case f.Hours != "":
		h, ok := input.Number(f.Hours)
		switch {
		case !ok:
			f.Errors["hours"] = "Weekly hours must be a number, like 30"
		case !(h > 0) || h > workforce.MaxPersonFTE*workforce.HoursPerWTE:
			f.Errors["hours"] = "Weekly hours must be more than 0 and no more than 75"
		}
		rec.FTE = math.Round(workforce.FTEFromHours(h)*1e6) / 1e6
		return true
	default:
		x, ok := input.Number(f.FTE)
		if !ok {
			f.Errors["fte"] = "FTE must be a number, like 0.8"
		}
		rec.FTE = math.Round(x*1e6) / 1e6
	}
	return false
}

// readDetails reads band, cost, employment model and employer.
func (f *Form) readDetails(rec *workforce.StaffRecord) {
	rec.Band = f.Band
	if f.Band != "" && !slices.Contains(workforce.Bands, f.Band) {
		f.Errors["band"] = "Select a band from the list"
	}
	rec.AnnualCostPence = 0
	if f.Cost != "" {
		pounds, ok := input.Number(strings.TrimPrefix(strings.ReplaceAll(f.Cost, ",", ""), "£"))
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
}
