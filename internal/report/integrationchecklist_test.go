package report

import (
	"bytes"
	"testing"

	"github.com/arrs-planner/arrs/internal/integration"
	"github.com/arrs-planner/arrs/internal/workforce"
)

const checklistHeader = "pcn_code,staff_record,role_code,role,fte,start_date,practices,induction_on,records_access_on,admin_support," +
	"clinical_supervisor,last_appraisal_on,next_appraisal_due,appraisal_due,development_step,roadmap_stage,service," +
	"no_supervisor,over_two_practices,appraisal_overdue,no_records_access,no_service,in_counts"

// The checklist: a person in post (in_counts 1) with the warnings known, then a later
// starter (in_counts 0) of a PCN keeping no integration record (flags empty); text
// escaped against formula injection.
func TestWriteChecklistFile(t *testing.T) {
	t.Parallel()
	known := map[integration.Warning]bool{integration.NoSupervisor: true}
	rows := []ChecklistRow{
		{PCNCode: "U60057", StaffID: 7, RoleCode: "paramedic", Role: "Paramedic", FTE: 0.8, Start: workforce.Date(2026, 1, 5),
			Practices: []string{"ZZ0001", "ZZ0002"}, AdminSupport: "=Team", ClinicalSupervisors: []string{"Dr A", "Dr B"},
			Known: known, Has: map[integration.Warning]bool{integration.NoSupervisor: true}, InCounts: true},
		{PCNCode: "U60057", StaffID: 9, RoleCode: "care_coordinator", Role: "Care coordinator", FTE: 1, Start: workforce.Date(2026, 8, 3),
			Known: known, Has: map[integration.Warning]bool{}},
	}
	var b bytes.Buffer
	if err := WriteChecklistFile(&b, CSV, rows); err != nil {
		t.Fatal(err)
	}
	want := checklistHeader + "\n" +
		"U60057,7,paramedic,Paramedic,0.80,2026-01-05,ZZ0001;ZZ0002,,,'=Team,Dr A; Dr B,,,,,,,1,,,,,1\n" +
		"U60057,9,care_coordinator,Care coordinator,1.00,2026-08-03,,,,,,,,,,,,0,,,,,0\n"
	if got := b.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
