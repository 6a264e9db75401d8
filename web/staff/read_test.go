package staff

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/input"
)

var testRoles = []workforce.Role{{Code: "pharmacist", Name: "Clinical Pharmacist", Added: workforce.Date(2019, time.July, 1)}}

// testToday is the day the forms are read on.
var testToday = workforce.Date(2026, time.December, 7)

// manual is a new record, entered here.
var manual = workforce.StaffRecord{Staff: workforce.Staff{PCNCode: "U12345", Source: workforce.SourceManual}}

func posted(pairs ...string) url.Values {
	v := url.Values{"role": {"pharmacist"}, "start[day]": {"1"}, "start[month]": {"4"}, "start[year]": {"2026"}, "arrs_funded": {"yes"}}
	for i := 0; i+1 < len(pairs); i += 2 {
		v.Set(pairs[i], pairs[i+1])
	}
	return v
}

func TestReadTakesHoursAsFTE(t *testing.T) {
	var f Form
	rec := f.Read(posted("hours", "30", "cost", "£52,000.50"), manual, testRoles, testToday)
	if len(f.Errors) != 0 || rec.FTE != 0.8 || rec.AnnualCostPence != 5200050 || rec.RoleCode != "pharmacist" || !rec.ARRSFunded {
		t.Errorf("errors %v, record %+v", f.Errors, rec)
	}
	if f.Hours != "30" || f.Start != (input.Date{Day: "1", Month: "4", Year: "2026"}) {
		t.Errorf("the form does not keep what was typed: %+v", f)
	}
}

func TestReadMessages(t *testing.T) {
	cases := []struct {
		v          url.Values
		field, msg string
	}{
		{posted("fte", "1", "hours", "37.5"), "fte", "Enter the FTE or the weekly hours, not both"},
		{posted("hours", "80"), "hours", "Weekly hours must be more than 0 and no more than 75"},
		{posted("fte", "3"), "fte", "FTE must be more than 0 and no more than 2"},
		{posted("fte", "1", "role", "nurse"), "role", "Select the role"},
		{posted("fte", "1", "role", OtherRole), "staff_role", "Enter their role, such as Practice Manager"},
		{posted("fte", "1", "cost", "0"), "cost", "Annual cost must be between £10,000 and £250,000"},
		{posted("fte", "1", "arrs_funded", ""), "arrs_funded", "Select yes if the post is claimed from the ARRS"},
		{posted("fte", "1", "employer", strings.Repeat("x", workforce.MaxNameLength+1)), "employer", "Employer must be 200 characters or fewer"},
	}
	for _, c := range cases {
		var f Form
		f.Read(c.v, manual, testRoles, testToday)
		if f.Errors[c.field] != c.msg {
			t.Errorf("%v: %s is %q, want %q", c.v, c.field, f.Errors[c.field], c.msg)
		}
	}
}

// An NWRS record keeps NWRS's role, so a start date before the role was claimable is
// the start date's fault.
func TestReadNWRSRoleProblemIsTheStartDate(t *testing.T) {
	base := workforce.StaffRecord{Staff: workforce.Staff{RoleCode: "pharmacist", Source: workforce.SourceNWRSStaff}}
	var f Form
	f.Read(posted("fte", "1", "role", "", "start[year]", "2018"), base, testRoles, testToday)
	if f.Errors["start"] == "" || f.Errors["role"] != "" {
		t.Errorf("errors %v", f.Errors)
	}
}

func TestFormOfReadsBack(t *testing.T) {
	rec := workforce.StaffRecord{Staff: workforce.Staff{ID: 7, Source: workforce.SourceManual, RoleCode: "pharmacist", FTE: 0.6, Start: workforce.Date(2026, time.April, 1), AnnualCostPence: 5500000}, ARRSFunded: true}
	f := FormOf(rec, testRoles)
	v := url.Values{"role": {f.Role}, "fte": {f.FTE}, "cost": {f.Cost}, "arrs_funded": {f.ARRSFunded},
		"start[day]": {f.Start.Day}, "start[month]": {f.Start.Month}, "start[year]": {f.Start.Year}}
	got := f.Read(v, rec, testRoles, testToday)
	if len(f.Errors) != 0 || got.FTE != rec.FTE || got.AnnualCostPence != rec.AnnualCostPence || !got.Start.Equal(rec.Start) {
		t.Errorf("errors %v, read back %+v", f.Errors, got)
	}
}

func TestReadEnd(t *testing.T) {
	rec := workforce.StaffRecord{Staff: workforce.Staff{ID: 3, Start: workforce.Date(2026, time.April, 1)}}
	f, _ := ReadEnd(url.Values{"end[day]": {"1"}, "end[month]": {"4"}, "end[year]": {"2026"}}, rec)
	if f.Error != "End date must be after the start date, 1 April 2026" || f.ID != 3 {
		t.Errorf("%+v", f)
	}
	f, end := ReadEnd(url.Values{"end[day]": {"2"}, "end[month]": {"4"}, "end[year]": {"2026"}}, rec)
	if f.Error != "" || !end.Equal(workforce.Date(2026, time.April, 2)) {
		t.Errorf("%+v %v", f, end)
	}
}

// An empty form (as the add page sends it, ARRS funding preset to yes) shows only the
// messages that apply: nothing about funding outside ARRS, nor about dates it lacks.
func TestReadEmptyFormSaysOnlyWhatApplies(t *testing.T) {
	for _, c := range []struct {
		name string
		v    url.Values
		want map[string]string
	}{
		{"empty", url.Values{"arrs_funded": {"yes"}}, map[string]string{
			"role": "Select the role", "fte": "Enter the FTE or the weekly hours", "start": "Enter the start date"}},
		{"other PCN staff, role not typed, an end but no start", url.Values{"role": {OtherRole}, "arrs_funded": {"no"},
			"end[day]": {"1"}, "end[month]": {"1"}, "end[year]": {"2026"}}, map[string]string{
			"staff_role": "Enter their role, such as Practice Manager", "fte": "Enter the FTE or the weekly hours", "start": "Enter the start date"}},
	} {
		var f Form
		f.Read(c.v, manual, testRoles, testToday)
		if len(f.Errors) != len(c.want) {
			t.Errorf("%s: %q, want %q", c.name, f.Errors, c.want)
		}
		for k, msg := range c.want {
			if f.Errors[k] != msg {
				t.Errorf("%s: %s is %q, want %q", c.name, k, f.Errors[k], msg)
			}
		}
	}
}

// A start date outside 1 July 2019 to two years from today is refused with the range,
// and left out of the record so no warning is worked out on it.
func TestReadStartRange(t *testing.T) {
	for _, year := range []string{"2019", "2029", "2062"} {
		var f Form
		rec := f.Read(posted("fte", "1", "start[year]", year), manual, testRoles, testToday)
		want := "Start date must be on or after 1 July 2019, when PCNs and the ARRS began, and no later than 7 December 2028, two years from today"
		if f.Errors["start"] != want || len(f.Errors) != 1 || !rec.Start.IsZero() {
			t.Errorf("1 April %s: %q, start %v", year, f.Errors, rec.Start)
		}
	}
	var f Form
	if f.Read(posted("fte", "1", "start[year]", "2028"), manual, testRoles, testToday); len(f.Errors) != 0 {
		t.Errorf("1 April 2028: %q", f.Errors)
	}
}
