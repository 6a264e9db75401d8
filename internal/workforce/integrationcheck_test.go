package workforce

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func TestIntegrationRecordValidate(t *testing.T) {
	t.Parallel()
	today := Date(2026, time.June, 15)
	members := []string{"A1", "A2", "A3"}
	services := []IntegrationService{
		{Code: "care_homes", Name: "Care homes", Position: 1, Active: true},
		{Code: "old_service", Name: "Old service", Position: 2, Active: false},
	}
	ok := IntegrationRecord{
		Practices: []string{"A1", "A2"}, InductionOn: Date(2026, time.January, 5), RecordsAccessOn: Date(2026, time.January, 7),
		AdminSupport: "Practice admin team", LastAppraisalOn: Date(2026, time.March, 1), NextAppraisalDue: Date(2027, time.March, 1),
		DevelopmentStep: "SMR training", RoadmapStage: "cppe_on_pathway", ServiceCode: "care_homes",
	}
	many := make([]string, MaxBasedPractices+1)
	for i := range many {
		many[i] = "A1"
	}
	cases := []struct {
		name    string
		role    string
		current string
		edit    func(*IntegrationRecord)
		want    []string
	}{
		{"valid", "clinical_pharmacist", "", func(*IntegrationRecord) {}, nil},
		{"nothing recorded", "care_coordinator", "", func(r *IntegrationRecord) { *r = IntegrationRecord{} }, nil},
		{"three member practices", "clinical_pharmacist", "", func(r *IntegrationRecord) { r.Practices = members }, nil},
		{"not a member", "clinical_pharmacist", "", func(r *IntegrationRecord) { r.Practices = []string{"A1", "B9"} }, []string{"practices"}},
		{"twice", "clinical_pharmacist", "", func(r *IntegrationRecord) { r.Practices = []string{"A1", "A1"} }, []string{"practices"}},
		{"too many", "clinical_pharmacist", "", func(r *IntegrationRecord) { r.Practices = many }, []string{"practices"}},
		{"induction tomorrow", "clinical_pharmacist", "", func(r *IntegrationRecord) { r.InductionOn = today.AddDate(0, 0, 1) }, []string{"induction"}},
		{"induction today", "clinical_pharmacist", "", func(r *IntegrationRecord) { r.InductionOn = today }, nil},
		{"records access before the ARRS", "clinical_pharmacist", "", func(r *IntegrationRecord) { r.RecordsAccessOn = Date(2019, time.June, 30) }, []string{"records_access"}},
		{"records access on its first day", "clinical_pharmacist", "", func(r *IntegrationRecord) {
			r.RecordsAccessOn = FirstStaffStart
			r.InductionOn = FirstStaffStart
		}, nil},
		{"admin support too long", "clinical_pharmacist", "", func(r *IntegrationRecord) { r.AdminSupport = strings.Repeat("é", MaxAdminSupportLength+1) }, []string{"admin_support"}},
		{"admin support on two lines", "clinical_pharmacist", "", func(r *IntegrationRecord) { r.AdminSupport = "Reception\r\nteam" }, []string{"admin_support"}},
		{"admin support with a line separator", "clinical_pharmacist", "", func(r *IntegrationRecord) { r.AdminSupport = "Reception\u2028team" }, []string{"admin_support"}},
		{"admin support with a tab", "clinical_pharmacist", "", func(r *IntegrationRecord) { r.AdminSupport = "Reception\tteam" }, []string{"admin_support"}},
		{"admin support with a right-to-left override", "clinical_pharmacist", "", func(r *IntegrationRecord) { r.AdminSupport = "Reception \u202emaet" }, []string{"admin_support"}},
		{"admin support with a right-to-left isolate", "clinical_pharmacist", "", func(r *IntegrationRecord) { r.AdminSupport = "Reception \u2067team\u2069" }, []string{"admin_support"}},
		{"admin support in Arabic", "clinical_pharmacist", "", func(r *IntegrationRecord) { r.AdminSupport = "فريق الاستقبال" }, nil},
		{"a development step of two lines", "care_coordinator", "", func(r *IntegrationRecord) {
			r.RoadmapStage = ""
			r.DevelopmentStep = "SMR training\nthen prescribing"
		}, nil},
		{"admin support at the limit", "clinical_pharmacist", "", func(r *IntegrationRecord) { r.AdminSupport = strings.Repeat("é", MaxAdminSupportLength) }, nil},
		{"appraised in the future", "clinical_pharmacist", "", func(r *IntegrationRecord) {
			r.LastAppraisalOn = today.AddDate(0, 0, 1)
			r.NextAppraisalDue = time.Time{}
		}, []string{"last_appraisal"}},
		{"next appraisal overdue", "clinical_pharmacist", "", func(r *IntegrationRecord) {
			r.LastAppraisalOn = time.Time{}
			r.NextAppraisalDue = Date(2025, time.January, 1)
		}, nil},
		{"next appraisal in 2062", "clinical_pharmacist", "", func(r *IntegrationRecord) { r.NextAppraisalDue = Date(2062, time.March, 1) }, []string{"next_appraisal"}},
		{"next appraisal two years ahead", "clinical_pharmacist", "", func(r *IntegrationRecord) { r.NextAppraisalDue = today.AddDate(2, 0, 0) }, nil},
		{"next appraisal on the last", "clinical_pharmacist", "", func(r *IntegrationRecord) { r.NextAppraisalDue = r.LastAppraisalOn }, []string{"next_appraisal"}},
		{"development step too long", "care_coordinator", "", func(r *IntegrationRecord) {
			r.RoadmapStage = ""
			r.DevelopmentStep = strings.Repeat("x", MaxDevelopmentStepLength+1)
		}, []string{"development_step"}},
		{"stage of another roadmap", "clinical_pharmacist", "", func(r *IntegrationRecord) { r.RoadmapStage = "stage2_verified" }, []string{"roadmap_stage"}},
		{"technicians are not prescribers", "pharmacy_technician", "", func(r *IntegrationRecord) { r.RoadmapStage = "independent_prescriber" }, []string{"roadmap_stage"}},
		{"physio stage", "first_contact_physiotherapist", "", func(r *IntegrationRecord) { r.RoadmapStage = "stage2_verified" }, nil},
		{"stage for a role without a roadmap", "care_coordinator", "", func(*IntegrationRecord) {}, []string{"roadmap_stage"}},
		{"stage over its limit", "clinical_pharmacist", "", func(r *IntegrationRecord) {
			r.RoadmapStage = strings.Repeat("x", MaxRoadmapStageLength+1)
		}, []string{"roadmap_stage"}},
		{"unknown service", "clinical_pharmacist", "", func(r *IntegrationRecord) { r.ServiceCode = "juggling" }, []string{"service"}},
		{"inactive service, newly chosen", "clinical_pharmacist", "care_homes", func(r *IntegrationRecord) { r.ServiceCode = "old_service" }, []string{"service"}},
		{"inactive service, kept", "clinical_pharmacist", "old_service", func(r *IntegrationRecord) { r.ServiceCode = "old_service" }, nil},
		{"no service", "clinical_pharmacist", "care_homes", func(r *IntegrationRecord) { r.ServiceCode = "" }, nil},
		{"several", "clinical_pharmacist", "", func(r *IntegrationRecord) {
			r.Practices = []string{"Z9"}
			r.InductionOn = today.AddDate(0, 0, 1)
			r.ServiceCode = "juggling"
		}, []string{"practices", "induction", "service"}},
	}
	for _, c := range cases {
		r := ok
		c.edit(&r)
		if got := problemFields(r.Validate(today, members, services, Staff{RoleCode: c.role}, c.current)); !slices.Equal(got, c.want) {
			t.Errorf("%s: problems %v, want %v", c.name, got, c.want)
		}
	}
	r := ok
	r.Practices = []string{"B9", "A1", "B9", "C4"}
	if ps := r.Validate(today, members, services, Staff{RoleCode: "clinical_pharmacist"}, ""); len(ps) != 1 ||
		!strings.Contains(ps[0].Message, "15 June 2026 (not a member: B9, C4)") {
		t.Errorf("non-members are named once each, with the day: %v", ps)
	}
}

// A record entered by hand may have its induction, records access and last appraisal
// up to MaxDoneBeforeStartMonths before its start, not earlier; an NWRS record's start
// is only the census that first carried it, so any day from FirstStaffStart goes.
func TestIntegrationRecordBeforeStart(t *testing.T) {
	t.Parallel()
	today := Date(2026, time.December, 7)
	start := Date(2026, time.August, 3)
	manual := Staff{RoleCode: "paramedic", Source: SourceManual, Start: start}
	imported := Staff{RoleCode: "paramedic", Source: SourceNWRSStaff, Start: start}
	edge := Date(2026, time.February, 3) // six months before the start
	cases := []struct {
		name  string
		staff Staff
		rec   IntegrationRecord
		want  []string
	}{
		{"hand-entered, six months before", manual, IntegrationRecord{InductionOn: edge, RecordsAccessOn: edge, LastAppraisalOn: edge}, nil},
		{"hand-entered, a day earlier", manual, IntegrationRecord{InductionOn: edge.AddDate(0, 0, -1), RecordsAccessOn: Date(2021, time.May, 1),
			LastAppraisalOn: Date(2020, time.March, 1)}, []string{"induction", "records_access", "last_appraisal"}},
		{"imported, years before", imported, IntegrationRecord{InductionOn: Date(2020, time.March, 1), RecordsAccessOn: Date(2021, time.May, 1),
			LastAppraisalOn: Date(2025, time.March, 1)}, nil},
		{"hand-entered, after the start", manual, IntegrationRecord{InductionOn: start, RecordsAccessOn: today}, nil},
	}
	for _, c := range cases {
		if got := problemFields(c.rec.Validate(today, nil, nil, c.staff, "")); !slices.Equal(got, c.want) {
			t.Errorf("%s: problems %v, want %v", c.name, got, c.want)
		}
	}
	// Six months before 31 August is the last day of February, not time.AddDate's
	// 3 March: 28 February 2026 to 2 March are within the six months.
	lastDay := Staff{RoleCode: "paramedic", Source: SourceManual, Start: Date(2026, time.August, 31)}
	for _, c := range []struct {
		on   time.Time
		want []string
	}{
		{Date(2026, time.February, 27), []string{"induction"}},
		{Date(2026, time.February, 28), nil},
		{Date(2026, time.March, 2), nil},
	} {
		if got := problemFields(IntegrationRecord{InductionOn: c.on}.Validate(today, nil, nil, lastDay, "")); !slices.Equal(got, c.want) {
			t.Errorf("started 31 August, induction on %s: problems %v, want %v", c.on.Format(time.DateOnly), got, c.want)
		}
	}
	ps := IntegrationRecord{InductionOn: Date(2022, time.January, 4)}.Validate(today, nil, nil, manual, "")
	if len(ps) != 1 || ps[0].Message != "Induction date cannot be more than 6 months before they started on 3 August 2026" {
		t.Errorf("the message: %v", ps)
	}
}

// Bounds are the limits whatever the day: what the store checks before it reads.
func TestIntegrationRecordBounds(t *testing.T) {
	t.Parallel()
	r := IntegrationRecord{Practices: make([]string, MaxBasedPractices+1), AdminSupport: strings.Repeat("a", MaxAdminSupportLength+1),
		DevelopmentStep: strings.Repeat("d", MaxDevelopmentStepLength+1), RoadmapStage: strings.Repeat("s", MaxRoadmapStageLength+1),
		InductionOn: Date(2062, time.January, 1)}
	if got, want := problemFields(r.Bounds()), []string{"practices", "admin_support", "development_step", "roadmap_stage"}; !slices.Equal(got, want) {
		t.Errorf("over every limit: %v, want %v", got, want)
	}
	at := IntegrationRecord{Practices: make([]string, MaxBasedPractices), AdminSupport: strings.Repeat("é", MaxAdminSupportLength),
		DevelopmentStep: strings.Repeat("d", MaxDevelopmentStepLength), RoadmapStage: strings.Repeat("s", MaxRoadmapStageLength)}
	if ps := at.Bounds(); len(ps) != 0 {
		t.Errorf("at every limit: %v", ps)
	}
	if ps := (IntegrationRecord{AdminSupport: "Front\tdesk"}).Bounds(); len(ps) != 1 ||
		ps[0].Message != "Admin support must not contain a tab: use a space instead" {
		t.Errorf("a tab: %v", ps)
	}
	if ps := (IntegrationRecord{AdminSupport: "Front desk\u202e"}).Bounds(); len(ps) != 1 ||
		ps[0].Message != "Admin support must not contain text direction control characters: type it again without them" {
		t.Errorf("a direction control: %v", ps)
	}
}

func TestIntegrationServiceValidate(t *testing.T) {
	t.Parallel()
	ok := IntegrationService{Code: "care_homes", Name: "Care homes", Position: 2, Active: true}
	cases := []struct {
		name string
		edit func(*IntegrationService)
		want []string
	}{
		{"valid", func(*IntegrationService) {}, nil},
		{"blank name", func(s *IntegrationService) { s.Name = "  " }, []string{"name"}},
		{"name of 100", func(s *IntegrationService) { s.Name = strings.Repeat("a", 100) }, nil},
		{"name of 101", func(s *IntegrationService) { s.Name = strings.Repeat("a", 101) }, []string{"name"}},
		{"position 0", func(s *IntegrationService) { s.Position = 0 }, nil},
		{"position 999", func(s *IntegrationService) { s.Position = 999 }, nil},
		{"position 1000", func(s *IntegrationService) { s.Position = 1000 }, []string{"position"}},
		{"negative position", func(s *IntegrationService) { s.Position = -1 }, []string{"position"}},
		{"no code", func(s *IntegrationService) { s.Code = "" }, []string{"code"}},
		{"code with capitals", func(s *IntegrationService) { s.Code = "Care_homes" }, []string{"code"}},
		{"name on two lines", func(s *IntegrationService) { s.Name = "Care\nhomes" }, []string{"name"}},
		{"name with a tab", func(s *IntegrationService) { s.Name = "Care\thomes" }, []string{"name"}},
		{"name with a left-to-right embedding", func(s *IntegrationService) { s.Name = "\u202aCare homes\u202c" }, []string{"name"}},
		{"name with a first strong isolate", func(s *IntegrationService) { s.Name = "Care \u2068homes\u2069" }, []string{"name"}},
		{"name in Greek", func(s *IntegrationService) { s.Name = "Ωμέγα" }, nil},
		{"code of 41", func(s *IntegrationService) { s.Code = "a" + strings.Repeat("b", 40) }, []string{"code"}},
	}
	for _, c := range cases {
		s := ok
		c.edit(&s)
		if got := problemFields(s.Validate()); !slices.Equal(got, c.want) {
			t.Errorf("%s: problems %v, want %v", c.name, got, c.want)
		}
	}
}
