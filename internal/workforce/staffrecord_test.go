package workforce

import (
	"strings"
	"testing"
	"time"
)

func TestStaffRecordValidate(t *testing.T) {
	t.Parallel()
	dtl := Role{Code: "digital_transformation_lead", Name: "Digital and transformation lead", Added: Date(2022, 10, 1)}
	good := StaffRecord{Staff: Staff{RoleCode: dtl.Code, FTE: 1, Start: Date(2023, 1, 1), AnnualCostPence: 70_000_00, Stream: StreamARRS}}
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
		{"ARRS-funded outside ARRS", func(r *StaffRecord) { r.RoleCode, r.StaffRole = "", "Practice manager" }, nil, "funding_stream", "Only a post in an ARRS role or in one of the PCN's approved additional roles"},
		{"no role", func(r *StaffRecord) { r.RoleCode, r.Stream = "", StreamOther }, nil, "role", "Select the role"},
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
		got := r.Validate(c.role, StaffFunding{}, Date(2026, 12, 7))
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
		r.RoleCode, r.StaffRole, r.Stream, r.Start = "", "Practice manager", StreamOther, start
	}
}

// A record's stream, practice and approved role are checked against its role and what
// its PCN has: member practices and commissioner approvals.
func TestStaffFundingCheck(t *testing.T) {
	t.Parallel()
	pcn := StaffFunding{Practices: []string{"A81001", "A81002"}, Approved: []ApprovedRole{{ID: 7, PCNCode: "U60057", Name: "Care navigator"}}}
	gp := Staff{RoleCode: PracticeGPRole, StaffRole: "GP", Stream: StreamPracticeGP, PracticeCode: "A81001"}
	navigator := Staff{StaffRole: "Care navigator", Stream: StreamARRS, ApprovedRole: 7}
	cases := []struct {
		name   string
		staff  Staff
		field  string
		inText string
	}{
		{"practice-scheme GP", gp, "", ""},
		{"GP through the ARRS", Staff{RoleCode: PracticeGPRole, Stream: StreamARRS}, "", ""},
		{"GP on other money", Staff{RoleCode: PracticeGPRole, Stream: StreamOther}, "", ""},
		{"stream as the role says", Staff{RoleCode: "paramedic"}, "", ""},
		{"practice-scheme pharmacist", Staff{RoleCode: "clinical_pharmacist", Stream: StreamPracticeGP, PracticeCode: "A81001"}, "funding_stream", "Only a GP can be paid through the practice GP scheme"},
		{"no practice", staffWith(gp, func(s *Staff) { s.PracticeCode = "" }), "practice_code", "Select the member practice that claims for this GP"},
		{"a practice outside the PCN", staffWith(gp, func(s *Staff) { s.PracticeCode = "B82001" }), "practice_code", "Select one of the PCN's member practices"},
		{"a practice on an ARRS post", staffWith(gp, func(s *Staff) { s.Stream = StreamARRS }), "practice_code", "Only a GP paid through the practice GP scheme"},
		{"approved role", navigator, "", ""},
		{"approved role as the role says", staffWith(navigator, func(s *Staff) { s.Stream = "" }), "", ""},
		{"outside ARRS on the ARRS", staffWith(navigator, func(s *Staff) { s.ApprovedRole = 0 }), "funding_stream", "Only a post in an ARRS role or in one of the PCN's approved additional roles"},
		{"outside ARRS on other money", staffWith(navigator, func(s *Staff) { s.ApprovedRole, s.Stream = 0, StreamOther }), "", ""},
		{"another PCN's approval", staffWith(navigator, func(s *Staff) { s.ApprovedRole = 8 }), "approved_role_id", "Select one of the PCN's approved additional roles"},
		{"approval on an ARRS role", staffWith(navigator, func(s *Staff) { s.RoleCode = "paramedic" }), "approved_role_id", "for other PCN staff only"},
		{"approval on other money", staffWith(navigator, func(s *Staff) { s.Stream = StreamOther }), "approved_role_id", "claimed from the ARRS: select ARRS"},
		{"not a stream", Staff{RoleCode: "paramedic", Stream: "core"}, "funding_stream", "Select how the post is paid for"},
	}
	for _, c := range cases {
		got := pcn.Check(c.staff)
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

func staffWith(s Staff, edit func(*Staff)) Staff {
	edit(&s)
	return s
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
