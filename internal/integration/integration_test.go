package integration

import (
	"slices"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
)

var today = workforce.Date(2026, time.June, 15)

// settled is a person with nothing to warn of on today: started a year and a half
// ago, supervised, based at two practices, inducted, with records access, appraised
// and here to deliver a named service.
func settled() Person {
	return Person{
		Staff:               workforce.Staff{ID: 1, PCNCode: "U1", RoleCode: "clinical_pharmacist", Start: workforce.Date(2025, time.January, 6)},
		NeedsSupervision:    true,
		HasRecord:           true,
		ClinicalSupervisors: []string{"Dr A"},
		Record: workforce.IntegrationRecord{
			StaffID: 1, PCNCode: "U1", Practices: []string{"A1", "A2"},
			InductionOn: workforce.Date(2025, time.January, 6), RecordsAccessOn: workforce.Date(2025, time.January, 8),
			LastAppraisalOn: workforce.Date(2026, time.January, 10), ServiceCode: "care_homes",
		},
	}
}

func TestCheck(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		edit func(*Person)
		want []Warning
	}{
		{"settled", func(*Person) {}, nil},
		{"three practices", func(p *Person) { p.Record.Practices = []string{"A1", "A2", "A3"} }, []Warning{OverTwoPractices}},
		{"two practices", func(p *Person) { p.Record.Practices = []string{"A1", "A2"} }, nil},
		{"appraisal due yesterday", func(p *Person) { p.Record.NextAppraisalDue = today.AddDate(0, 0, -1) }, []Warning{AppraisalOverdue}},
		{"appraisal due today", func(p *Person) { p.Record.NextAppraisalDue = today }, nil},
		// The recorded due date wins over the last appraisal's anniversary.
		{"due date recorded ahead of an old appraisal", func(p *Person) {
			p.Record.LastAppraisalOn = workforce.Date(2024, time.March, 1)
			p.Record.NextAppraisalDue = today.AddDate(0, 1, 0)
		}, nil},
		// Last appraised 15 June 2025: due 15 June 2026, today: not overdue; a day
		// earlier it is.
		{"last appraisal a year ago today", func(p *Person) { p.Record.LastAppraisalOn = today.AddDate(-1, 0, 0) }, nil},
		{"last appraisal a year and a day ago", func(p *Person) { p.Record.LastAppraisalOn = today.AddDate(-1, 0, -1) }, []Warning{AppraisalOverdue}},
		// Never appraised: due a year after the start (6 January 2026).
		{"never appraised", func(p *Person) { p.Record.LastAppraisalOn = time.Time{} }, []Warning{AppraisalOverdue}},
		{"four-month starter without records access", func(p *Person) {
			p.Staff.Start = today.AddDate(0, -4, 0)
			p.Record.RecordsAccessOn = time.Time{}
		}, []Warning{NoRecordsAccess}},
		{"four-month starter without induction", func(p *Person) {
			p.Staff.Start = today.AddDate(0, -4, 0)
			p.Record.InductionOn = time.Time{}
		}, []Warning{NoRecordsAccess}},
		{"two-month starter without either", func(p *Person) {
			p.Staff.Start = today.AddDate(0, -2, 0)
			p.Record.RecordsAccessOn, p.Record.InductionOn = time.Time{}, time.Time{}
		}, nil},
		{"three months to the day", func(p *Person) {
			p.Staff.Start = today.AddDate(0, -3, 0)
			p.Record.RecordsAccessOn = time.Time{}
		}, []Warning{NoRecordsAccess}},
		{"no clinical supervisor", func(p *Person) { p.ClinicalSupervisors = nil }, []Warning{NoSupervisor}},
		{"no supervisor, role needs none", func(p *Person) { p.ClinicalSupervisors, p.NeedsSupervision = nil, false }, nil},
		{"no service", func(p *Person) { p.Record.ServiceCode = "" }, []Warning{NoService}},
		// With no record saved, only what the staff record and links say can hold:
		// based nowhere recorded is not "more than two".
		{"no record, new starter", func(p *Person) {
			p.HasRecord, p.Record = false, workforce.IntegrationRecord{}
			p.Staff.Start = today.AddDate(0, -1, 0)
		}, []Warning{NoService}},
		{"everything", func(p *Person) {
			p.ClinicalSupervisors = nil
			p.Record = workforce.IntegrationRecord{Practices: []string{"A1", "A2", "A3"}}
		}, Warnings},
	}
	for _, c := range cases {
		p := settled()
		c.edit(&p)
		if got := Check(p, today); !slices.Equal(got, c.want) {
			t.Errorf("%s: warnings %v, want %v", c.name, got, c.want)
		}
	}
}

// TestCheckReadsClinicalSupervisorsOnly: a person whose only link is clinic or
// practice supervision reaches Check with no clinical supervisors (the caller passes
// clinical links only), and Check reads that list, not anything else.
func TestCheckReadsClinicalSupervisorsOnly(t *testing.T) {
	t.Parallel()
	p := settled()
	p.ClinicalSupervisors = nil // a clinic_practice link alone: not passed
	if got := Check(p, today); !slices.Equal(got, []Warning{NoSupervisor}) {
		t.Errorf("only a clinic or practice link: warnings %v, want no_supervisor", got)
	}
	p.ClinicalSupervisors = []string{"Dr B"}
	if got := Check(p, today); len(got) != 0 {
		t.Errorf("a clinical link: warnings %v, want none", got)
	}
}

func TestAppraisalDue(t *testing.T) {
	t.Parallel()
	p := settled()
	if got, want := AppraisalDue(p), workforce.Date(2027, time.January, 10); !got.Equal(want) {
		t.Errorf("from the last appraisal: %v, want %v", got, want)
	}
	p.Record.NextAppraisalDue = workforce.Date(2026, time.September, 1)
	if got := AppraisalDue(p); !got.Equal(p.Record.NextAppraisalDue) {
		t.Errorf("recorded: %v", got)
	}
	p.Record = workforce.IntegrationRecord{}
	if got, want := AppraisalDue(p), workforce.Date(2026, time.January, 6); !got.Equal(want) {
		t.Errorf("from the start: %v, want %v", got, want)
	}
	p.Staff.Start = time.Time{}
	if got := AppraisalDue(p); !got.IsZero() || slices.Contains(Check(p, today), AppraisalOverdue) {
		t.Errorf("nothing known: due %v, warnings %v", got, Check(p, today))
	}
}

func TestFirstDayDue(t *testing.T) {
	t.Parallel()
	p := Person{Staff: workforce.Staff{Start: workforce.Date(2025, time.November, 30)}}
	// time.AddDate: 30 February is 2 March.
	if got, want := FirstDayDue(p), workforce.Date(2026, time.March, 2); !got.Equal(want) {
		t.Errorf("FirstDayDue %v, want %v", got, want)
	}
}

func TestCountPCN(t *testing.T) {
	t.Parallel()
	a, b, c := settled(), settled(), settled()
	b.Record.Practices = []string{"A1", "A2", "A3"}
	b.ClinicalSupervisors = nil
	c.Record.ServiceCode = ""
	c.ClinicalSupervisors = nil
	people := []Person{a, b, c}

	both := CountPCN(people, true, true, today)
	want := map[Warning]int{NoSupervisor: 2, OverTwoPractices: 1, AppraisalOverdue: 0, NoRecordsAccess: 0, NoService: 1}
	for _, w := range Warnings {
		if n, known := both.Value(w); !known || n != want[w] {
			t.Errorf("recorded and supervised: %s = %d (known %v), want %d", w, n, known, want[w])
		}
	}
	if both.ARRSStaff != 3 || both.PCNs != 1 || both.NoRecordPCNs != 0 || both.NoSupervisionPCNs != 0 {
		t.Errorf("recorded and supervised: %+v", both)
	}

	// No supervision recorded: no_supervisor is no data, not 2 and not 0.
	noSup := CountPCN(people, true, false, today)
	if n, known := noSup.Value(NoSupervisor); known || n != 0 {
		t.Errorf("not supervised: no_supervisor %d known %v, want unknown", n, known)
	}
	if n, known := noSup.Value(OverTwoPractices); !known || n != 1 {
		t.Errorf("not supervised: over_two_practices %d known %v", n, known)
	}
	if noSup.NoSupervisionPCNs != 1 || noSup.NoRecordPCNs != 0 {
		t.Errorf("not supervised: %+v", noSup)
	}

	// No integration record: the four record warnings are no data.
	noRec := CountPCN(people, false, true, today)
	for _, w := range Warnings[1:] {
		if _, known := noRec.Value(w); known {
			t.Errorf("no records: %s known", w)
		}
	}
	if n, known := noRec.Value(NoSupervisor); !known || n != 2 {
		t.Errorf("no records: no_supervisor %d known %v", n, known)
	}
	if noRec.NoRecordPCNs != 1 || noRec.ARRSStaff != 3 {
		t.Errorf("no records: %+v", noRec)
	}
}

func TestCountsAdd(t *testing.T) {
	t.Parallel()
	b := settled()
	b.Record.Practices = []string{"A1", "A2", "A3"}
	b.ClinicalSupervisors = nil
	known := CountPCN([]Person{settled(), b}, true, true, today)         // over 1, no_sup 1
	unsup := CountPCN([]Person{b, b, b}, true, false, today)             // over 3, no_sup unknown
	none := CountPCN([]Person{b, b, b, b, b, b, b}, false, false, today) // all unknown

	var area Counts // zero, nil maps
	for _, c := range []Counts{known, unsup, none} {
		area.Add(c)
	}
	if n, k := area.Value(NoSupervisor); !k || n != 1 {
		t.Errorf("no_supervisor %d known %v, want 1 known (only the first PCN knows it)", n, k)
	}
	if n, k := area.Value(OverTwoPractices); !k || n != 4 {
		t.Errorf("over_two_practices %d known %v, want 4 (the third PCN's 7 unknown, not added)", n, k)
	}
	if area.ARRSStaff != 12 || area.PCNs != 3 || area.NoRecordPCNs != 1 || area.NoSupervisionPCNs != 2 {
		t.Errorf("area %+v", area)
	}

	// An area of PCNs that keep nothing knows nothing.
	var empty Counts
	empty.Add(none)
	empty.Add(none)
	for _, w := range Warnings {
		if _, k := empty.Value(w); k {
			t.Errorf("no PCN keeps records, yet %s is known", w)
		}
	}
	if empty.ARRSStaff != 14 || empty.NoRecordPCNs != 2 {
		t.Errorf("empty area %+v", empty)
	}
	// A zero Counts reads as unknown.
	if n, k := (Counts{}).Value(NoService); k || n != 0 {
		t.Errorf("zero Counts: %d %v", n, k)
	}
}

func TestLabels(t *testing.T) {
	t.Parallel()
	seen := map[string]bool{}
	for _, w := range Warnings {
		l := w.Label()
		if l == string(w) || seen[l] {
			t.Errorf("%s: label %q", w, l)
		}
		seen[l] = true
	}
}
