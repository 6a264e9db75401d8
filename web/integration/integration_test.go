package integration

import (
	"bytes"
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/integration"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// A row says "Not recorded" for what the PCN keeps no records of, and the rules'
// statuses (package integration) for what it does.
func TestNewRow(t *testing.T) {
	t.Parallel()
	today := workforce.Date(2026, time.June, 1)
	started := workforce.Date(2025, time.January, 6)
	none := func(integration.Warning) bool { return false }
	all := func(integration.Warning) bool { return true }
	names := Names{Services: map[string]string{"care_homes": "Care homes"}}
	pharmacist := Person{Person: integration.Person{Staff: workforce.Staff{ID: 7, RoleCode: "clinical_pharmacist", Start: started},
		NeedsSupervision: true}, RoleName: "Clinical pharmacist"}
	cases := []struct {
		name                               string
		p                                  Person
		known                              func(integration.Warning) bool
		service, supervisor, nextAppraisal string
	}{
		{"no records kept", pharmacist, none, NotRecorded, NotRecorded, NotRecorded},
		{"records kept, nothing named", pharmacist, all, "None named", "None", "6 Jan 2026 (the planner's rule)"},
		{"a service and a due date recorded", func() Person {
			p := pharmacist
			p.HasRecord, p.Record.ServiceCode, p.Record.NextAppraisalDue = true, "care_homes", workforce.Date(2026, time.September, 1)
			return p
		}(), all, "Care homes", "None", "1 Sep 2026"},
		{"a recorded due date, records not kept", func() Person {
			p := pharmacist
			p.Record.NextAppraisalDue = workforce.Date(2026, time.September, 1)
			return p
		}(), none, NotRecorded, NotRecorded, "1 Sep 2026"},
		{"a supervisor", func() Person {
			p := pharmacist
			p.ClinicalSupervisors = []string{"Dr Ahmed"}
			return p
		}(), all, "None named", "", "6 Jan 2026 (the planner's rule)"},
		{"a clinical link from tomorrow", func() Person {
			p := pharmacist
			p.SupervisionFrom = today.AddDate(0, 0, 1)
			return p
		}(), all, "None named", "None today (a link starts on 2 Jun 2026)", "6 Jan 2026 (the planner's rule)"},
		{"no supervision needed", func() Person {
			p := pharmacist
			p.NeedsSupervision = false
			return p
		}(), none, NotRecorded, "Not needed for this role", NotRecorded},
	}
	for _, c := range cases {
		r := NewRow("U60057", c.p, names, c.known, today)
		if r.Service != c.service || r.SupervisorText != c.supervisor || r.NextAppraisal != c.nextAppraisal {
			t.Errorf("%s: service %q, supervisor %q, next appraisal %q; want %q, %q, %q", c.name,
				r.Service, r.SupervisorText, r.NextAppraisal, c.service, c.supervisor, c.nextAppraisal)
		}
	}
}

// Every visually hidden text of the page's links starts with a space, so that a
// screen reader says "Update the integration of …", not "Updatethe".
func TestHiddenTextSpaced(t *testing.T) {
	t.Parallel()
	row := Row{ID: 42, Role: "Paramedic", UpdateHref: RecordHref("U60057", 42)}
	var b bytes.Buffer
	if err := updateLink(row).Render(context.Background(), &b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `>Update<span class="nhsuk-u-visually-hidden"> the integration of Paramedic record 42</span>`) {
		t.Errorf("the Update link reads %s", b.String())
	}
	p := Page{PCNCode: "U60057", PCNName: "Shrewsbury", CanChange: true, People: []Row{row}, Total: 1, Later: []Row{row}, LaterTotal: 1}
	b.Reset()
	if err := page(p).Render(context.Background(), &b); err != nil {
		t.Fatal(err)
	}
	hidden := regexp.MustCompile(`\w<span class="nhsuk-u-visually-hidden">([^<]*)</span>`).FindAllStringSubmatch(b.String(), -1)
	if len(hidden) < 3 {
		t.Fatalf("%d visually hidden texts after a word: %s", len(hidden), b.String())
	}
	for _, h := range hidden {
		if !strings.HasPrefix(h[1], " ") {
			t.Errorf("hidden text %q follows a word without a space", h[1])
		}
	}
}
