package staff

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/input"
	"github.com/arrs-planner/arrs/web/layout"
)

var testRoles = []workforce.Role{{Code: "pharmacist", Name: "Clinical Pharmacist", Added: workforce.Date(2019, time.July, 1)},
	{Code: "gp", Name: "GP", Added: workforce.Date(2024, time.October, 1)}}

// testCatalogue is the roles, two member practices and two approvals: a care
// navigator in force, a health care assistant's that ended on 30 November 2026.
var testCatalogue = Catalogue{Roles: testRoles,
	Practices: []workforce.Practice{{Code: "A81001", Name: "ABBEY SURGERY"}, {Code: "A81002", Name: "BROOK SURGERY"}},
	Approved: []workforce.ApprovedRole{
		{ID: 7, PCNCode: "U12345", Name: "Care navigator", Band: "4", From: workforce.Date(2026, time.April, 1)},
		{ID: 8, PCNCode: "U12345", Name: "Health care assistant", From: workforce.Date(2026, time.April, 1), To: workforce.Date(2026, time.December, 1)}}}

// testToday is the day the forms are read on.
var testToday = workforce.Date(2026, time.December, 7)

// manual is a new record, entered here.
var manual = workforce.StaffRecord{Staff: workforce.Staff{PCNCode: "U12345", Source: workforce.SourceManual}}

func posted(pairs ...string) url.Values {
	v := url.Values{"role": {"pharmacist"}, "start[day]": {"1"}, "start[month]": {"4"}, "start[year]": {"2026"}, "funding_stream": {"arrs"}}
	for i := 0; i+1 < len(pairs); i += 2 {
		v.Set(pairs[i], pairs[i+1])
	}
	return v
}

func TestReadTakesHoursAsFTE(t *testing.T) {
	var f Form
	rec := f.Read(posted("hours", "30", "cost", "£52,000.50"), manual, testCatalogue, testToday)
	if len(f.Errors) != 0 || rec.FTE != 0.8 || rec.AnnualCostPence != 5200050 || rec.RoleCode != "pharmacist" || rec.Stream != workforce.StreamARRS {
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
		{posted("fte", "1", "funding_stream", ""), "funding_stream", "Select how the post is paid for"},
		{posted("fte", "1", "funding_stream", "core"), "funding_stream", "Select how the post is paid for"},
		{posted("fte", "1", "funding_stream", "practice_gp", "practice_code", "A81001"), "funding_stream", "Only a GP can be paid through the practice GP scheme: select ARRS or other money, or choose the GP role"},
		{posted("fte", "1", "role", "gp", "funding_stream", "practice_gp"), "practice_code", "Select the member practice that claims for this GP"},
		{posted("fte", "1", "role", "gp", "funding_stream", "practice_gp", "practice_code", "B82001"), "practice_code", "Select one of the PCN's member practices"},
		{posted("fte", "1", "role", OtherRole, "staff_role", "Care navigator"), "funding_stream", "Only a post in an ARRS role or in one of the PCN's approved additional roles can be claimed from the ARRS: select the approved role, or select other money"},
		{posted("fte", "1", "role", OtherRole, "staff_role", "Care navigator", "approved_role_id", "9"), "approved_role_id", "Select one of the PCN's approved additional roles"},
		{posted("fte", "1", "role", OtherRole, "staff_role", "Health care assistant", "approved_role_id", "8"), "approved_role_id", "Select one of the PCN's approved additional roles"},
		{posted("fte", "1", "role", OtherRole, "staff_role", "Care navigator", "approved_role_id", "x7"), "approved_role_id", "Select one of the PCN's approved additional roles"},
		{posted("fte", "1", "approved_role_id", "7"), "approved_role_id", "An approved additional role is for other PCN staff only: select no approved role, or choose Other PCN staff"},
		{posted("fte", "1", "role", "gp", "funding_stream", "practice_gp", "practice_code", strings.Repeat("A", 21)), "practice_code", "Practice must be 20 characters or fewer"},
		{posted("fte", "1", "employer", strings.Repeat("x", workforce.MaxNameLength+1)), "employer", "Employer must be 200 characters or fewer"},
	}
	for _, c := range cases {
		var f Form
		f.Read(c.v, manual, testCatalogue, testToday)
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
	f.Read(posted("fte", "1", "role", "", "start[year]", "2018"), base, testCatalogue, testToday)
	if f.Errors["start"] == "" || f.Errors["role"] != "" {
		t.Errorf("errors %v", f.Errors)
	}
}

func TestFormOfReadsBack(t *testing.T) {
	rec := workforce.StaffRecord{Staff: workforce.Staff{ID: 7, Source: workforce.SourceManual, RoleCode: "pharmacist", FTE: 0.6, Start: workforce.Date(2026, time.April, 1), AnnualCostPence: 5500000}}
	gp := workforce.StaffRecord{Staff: workforce.Staff{ID: 8, Source: workforce.SourceManual, RoleCode: "gp", FTE: 1, Start: workforce.Date(2026, time.April, 1),
		Stream: workforce.StreamPracticeGP, PracticeCode: "A81002"}}
	// A health care assistant under the approval that has ended since: saved again
	// unchanged, not refused.
	hca := workforce.StaffRecord{Staff: workforce.Staff{ID: 9, Source: workforce.SourceManual, StaffRole: "Health care assistant", FTE: 1,
		Start: workforce.Date(2026, time.April, 1), Stream: workforce.StreamARRS, ApprovedRole: 8}}
	// A GP whose practice has left the PCN since.
	left := gp
	left.PracticeCode = "C83001"
	for _, rec := range []workforce.StaffRecord{rec, gp, hca, left} {
		f := FormOf(rec, testCatalogue)
		v := url.Values{"role": {f.Role}, "staff_role": {f.StaffRole}, "fte": {f.FTE}, "cost": {f.Cost}, "funding_stream": {f.Stream},
			"practice_code": {f.Practice}, "approved_role_id": {f.Approved},
			"start[day]": {f.Start.Day}, "start[month]": {f.Start.Month}, "start[year]": {f.Start.Year}}
		got := f.Read(v, rec, testCatalogue, testToday)
		if len(f.Errors) != 0 || got.FTE != rec.FTE || got.AnnualCostPence != rec.AnnualCostPence || !got.Start.Equal(rec.Start) ||
			got.FundingStream() != rec.FundingStream() || got.PracticeCode != rec.PracticeCode || got.ApprovedRole != rec.ApprovedRole {
			t.Errorf("errors %v, read back %+v", f.Errors, got)
		}
	}
}

// How the post is paid for: each stream keeps only what belongs to it.
func TestReadFunding(t *testing.T) {
	cases := []struct {
		name string
		v    url.Values
		want workforce.Staff
	}{
		{"practice-scheme GP", posted("fte", "1", "role", "gp", "funding_stream", "practice_gp", "practice_code", "A81001", "approved_role_id", "7"),
			workforce.Staff{RoleCode: "gp", Stream: workforce.StreamPracticeGP, PracticeCode: "A81001"}},
		{"GP through the ARRS, a practice chosen then abandoned", posted("fte", "1", "role", "gp", "practice_code", "A81001"),
			workforce.Staff{RoleCode: "gp", Stream: workforce.StreamARRS}},
		{"other money", posted("fte", "1", "funding_stream", "other", "approved_role_id", "7"),
			workforce.Staff{RoleCode: "pharmacist", Stream: workforce.StreamOther}},
		{"approved role", posted("fte", "1", "role", OtherRole, "staff_role", "Care navigator", "approved_role_id", "7"),
			workforce.Staff{Stream: workforce.StreamARRS, ApprovedRole: 7}},
		{"other staff on other money", posted("fte", "1", "role", OtherRole, "staff_role", "Practice manager", "funding_stream", "other"),
			workforce.Staff{Stream: workforce.StreamOther}},
	}
	for _, c := range cases {
		var f Form
		rec := f.Read(c.v, manual, testCatalogue, testToday)
		if len(f.Errors) != 0 || rec.RoleCode != c.want.RoleCode || rec.Stream != c.want.Stream || rec.PracticeCode != c.want.PracticeCode || rec.ApprovedRole != c.want.ApprovedRole {
			t.Errorf("%s: errors %v, record %+v", c.name, f.Errors, rec.Staff)
		}
	}
}

// The form offers the member practices and the approvals in force or to come, and
// the record's own even when it is neither any longer; the record's page names them.
func TestFundingChoicesAndFields(t *testing.T) {
	f := NewForm().Framed(layout.PageParams{}, workforce.PCN{Code: "U12345"}, testCatalogue, manual, testToday)
	if len(f.Practices) != 2 || len(f.Approvals) != 1 || f.Approvals[0].ID != 7 || f.Stream != "arrs" {
		t.Errorf("new form: %+v %+v %q", f.Practices, f.Approvals, f.Stream)
	}
	rec := workforce.StaffRecord{Staff: workforce.Staff{PCNCode: "U12345", StaffRole: "Health care assistant", Stream: workforce.StreamARRS, ApprovedRole: 8}}
	if f = FormOf(rec, testCatalogue).Framed(layout.PageParams{}, workforce.PCN{Code: "U12345"}, testCatalogue, rec, testToday); len(f.Approvals) != 2 {
		t.Errorf("an ended approval the record names is not offered: %+v", f.Approvals)
	}
	byKey := func(r workforce.StaffRecord) map[string]string {
		out := map[string]string{}
		for _, x := range Fields(r, testCatalogue) {
			out[x.Key] = x.Value
		}
		return out
	}
	if got := byKey(rec); got["funding_stream"] != "ARRS" || got["approved_role_id"] != "Health care assistant, approved from 1 April 2026 to 30 November 2026" || got["practice_code"] != "None" {
		t.Errorf("fields of the approved role: %v", got)
	}
	gp := workforce.StaffRecord{Staff: workforce.Staff{RoleCode: "gp", Stream: workforce.StreamPracticeGP, PracticeCode: "A81001"}}
	if got := byKey(gp); got["funding_stream"] != "Practice GP scheme" || got["practice_code"] != "ABBEY SURGERY (A81001)" || got["approved_role_id"] != "None" {
		t.Errorf("fields of the practice-scheme GP: %v", got)
	}
	if got := byKey(workforce.StaffRecord{Staff: workforce.Staff{StaffRole: "Practice manager"}}); got["funding_stream"] != "Other money" {
		t.Errorf("staff outside ARRS, stream as the role says: %v", got)
	}
	if got := FundingText(gp); got != "Practice GP scheme, claimed by A81001" {
		t.Errorf("the list's text: %q", got)
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

// An empty form (as the add page sends it, the ARRS preset) shows only the
// messages that apply: nothing about funding outside ARRS, nor about dates it lacks.
func TestReadEmptyFormSaysOnlyWhatApplies(t *testing.T) {
	for _, c := range []struct {
		name string
		v    url.Values
		want map[string]string
	}{
		{"empty", url.Values{"funding_stream": {"arrs"}}, map[string]string{
			"role": "Select the role", "fte": "Enter the FTE or the weekly hours", "start": "Enter the start date"}},
		{"other PCN staff, role not typed, an end but no start", url.Values{"role": {OtherRole}, "funding_stream": {"arrs"},
			"end[day]": {"1"}, "end[month]": {"1"}, "end[year]": {"2026"}}, map[string]string{
			"staff_role": "Enter their role, such as Practice Manager", "fte": "Enter the FTE or the weekly hours", "start": "Enter the start date"}},
	} {
		var f Form
		f.Read(c.v, manual, testCatalogue, testToday)
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
		rec := f.Read(posted("fte", "1", "start[year]", year), manual, testCatalogue, testToday)
		want := "Start date must be on or after 1 July 2019, when PCNs and the ARRS began, and no later than 7 December 2028, two years from today"
		if f.Errors["start"] != want || len(f.Errors) != 1 || !rec.Start.IsZero() {
			t.Errorf("1 April %s: %q, start %v", year, f.Errors, rec.Start)
		}
	}
	var f Form
	if f.Read(posted("fte", "1", "start[year]", "2028"), manual, testCatalogue, testToday); len(f.Errors) != 0 {
		t.Errorf("1 April 2028: %q", f.Errors)
	}
}
