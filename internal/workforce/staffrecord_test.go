package workforce

import (
	"strings"
	"testing"
	"time"
)

func TestStaffRecordValidate(t *testing.T) {
	t.Parallel()
	dtl := Role{Code: "digital_transformation_lead", Name: "Digital and transformation lead", Added: Date(2022, 10, 1)}
	good := StaffRecord{Staff: Staff{RoleCode: dtl.Code, FTE: 1, Start: Date(2023, 1, 1), AnnualCostPence: 70_000_00}, ARRSFunded: true}
	cases := []struct {
		name   string
		edit   func(*StaffRecord)
		role   *Role
		field  string
		inText string
	}{
		{"valid", func(*StaffRecord) {}, &dtl, "", ""},
		{"zero FTE", func(r *StaffRecord) { r.FTE = 0 }, &dtl, "fte", "more than 0"},
		{"over 2 FTE", func(r *StaffRecord) { r.FTE = 2.01 }, &dtl, "fte", "no more than 2"},
		{"2 FTE", func(r *StaffRecord) { r.FTE = 2 }, &dtl, "", ""},
		{"cost too low", func(r *StaffRecord) { r.AnnualCostPence = 9_999_99 }, &dtl, "cost", "£10,000"},
		{"cost too high", func(r *StaffRecord) { r.AnnualCostPence = 250_000_01 }, &dtl, "cost", "£250,000"},
		{"cost unknown", func(r *StaffRecord) { r.AnnualCostPence = 0 }, &dtl, "", ""},
		{"role before its date", func(r *StaffRecord) { r.Start = Date(2022, 9, 30) }, &dtl, "role", "from 1 October 2022"},
		{"role on its date", func(r *StaffRecord) { r.Start = Date(2022, 10, 1) }, &dtl, "", ""},
		{"end on start", func(r *StaffRecord) { r.End = r.Start }, &dtl, "end", "after the start date"},
		{"end after start", func(r *StaffRecord) { r.End = r.Start.AddDate(0, 0, 1) }, &dtl, "", ""},
		{"ARRS-funded outside ARRS", func(r *StaffRecord) { r.RoleCode, r.StaffRole = "", "Practice manager" }, nil, "arrs_funded", "Only a post in an ARRS role"},
		{"no role", func(r *StaffRecord) { r.RoleCode, r.ARRSFunded = "", false }, nil, "role", "Select the role"},
		// Without a start date (the form says so itself) the date checks wait.
		{"no start yet", func(r *StaffRecord) { r.Start = time.Time{} }, &dtl, "", ""},
		// No role at all: "Select the role" alone, not also the ARRS-funded rule.
		{"no role, funded", func(r *StaffRecord) { r.RoleCode = "" }, nil, "role", "Select the role"},
		// Start dates from 1 July 2019 to two years after today (7 December 2026).
		{"start before the scheme", managerFrom(Date(2019, 6, 30)), nil,
			"start", "on or after 1 July 2019, when PCNs and the ARRS began, and no later than 7 December 2028"},
		{"start on the scheme's first day", managerFrom(Date(2019, 7, 1)), nil, "", ""},
		{"start two years ahead", func(r *StaffRecord) { r.Start = Date(2028, 12, 7) }, &dtl, "", ""},
		{"start past two years ahead", func(r *StaffRecord) { r.Start = Date(2028, 12, 8) }, &dtl, "start", "no later than 7 December 2028"},
		{"a slip of the year", func(r *StaffRecord) { r.Start = Date(2062, 4, 1) }, &dtl, "start", "no later than 7 December 2028"},
	}
	for _, c := range cases {
		r := good
		c.edit(&r)
		got := r.Validate(c.role, Date(2026, 12, 7))
		if c.field == "" {
			if len(got) != 0 {
				t.Errorf("%s: %v", c.name, got)
			}
			continue
		}
		if len(got) != 1 || got[0].Field != c.field || !strings.Contains(got[0].Message, c.inText) {
			t.Errorf("%s: %v, want one problem with %s containing %q", c.name, got, c.field, c.inText)
		}
	}
}

// managerFrom makes a record a practice manager's, outside ARRS, starting on start.
func managerFrom(start time.Time) func(*StaffRecord) {
	return func(r *StaffRecord) {
		r.RoleCode, r.StaffRole, r.ARRSFunded, r.Start = "", "Practice manager", false, start
	}
}

// An imported record's start date is its first census unless someone changed it.
func TestStartsFromCensus(t *testing.T) {
	t.Parallel()
	nov := Date(2025, 11, 30)
	imported := StaffRecord{Staff: Staff{Source: SourceNWRSStaff, Start: nov}, Census: nov}
	changed := imported
	changed.Start = Date(2024, 4, 1)
	manual := StaffRecord{Staff: Staff{Source: SourceManual, Start: nov}}
	if !imported.StartsFromCensus() || changed.StartsFromCensus() || manual.StartsFromCensus() {
		t.Errorf("imported %v, changed %v, manual %v", imported.StartsFromCensus(), changed.StartsFromCensus(), manual.StartsFromCensus())
	}
}
