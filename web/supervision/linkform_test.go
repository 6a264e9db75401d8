package supervision

import (
	"net/url"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/input"
)

func testChoices() LinkChoices {
	return LinkChoices{PCNCode: "U12345", Day: workforce.Date(2026, time.June, 1),
		Staff:       []workforce.Staff{{ID: 1}, {ID: 2, End: workforce.Date(2026, time.January, 1)}},
		Supervisors: []workforce.Supervisor{{ID: 10, Name: "Ada", Profession: "GP", Active: true}, {ID: 11, Name: "Bo", Profession: "GP"}},
		Names:       map[int64]string{1: "Pharmacist, record 1", 2: "Paramedic, record 2"}}
}

func TestOfferLeavesOutTheEndedAndInactiveButForTheLinks(t *testing.T) {
	c := testChoices()
	f := c.Offer(c.NewLinkForm())
	if len(f.Supervisees) != 1 || len(f.Supervisors) != 1 || f.Kind != string(workforce.SupervisionClinical) || f.Start != input.DateOf(c.Day) {
		t.Errorf("new form %+v", f)
	}
	f = c.Offer(LinkForm{Supervisee: "2", Supervisor: "11"})
	if len(f.Supervisees) != 2 || len(f.Supervisors) != 2 || f.Supervisors[1].Text != "Bo, GP, 0 FTE, 0 hours a month for supervision (no longer supervising)" {
		t.Errorf("a link's own supervisee and supervisor are not offered: %+v", f)
	}
}

func TestReadLink(t *testing.T) {
	c := testChoices()
	v := url.Values{"supervisee": {"1"}, "supervisor": {"11"}, "kind": {"clinical"}, "hours": {"2"},
		"start[day]": {"1"}, "start[month]": {"6"}, "start[year]": {"2026"}}
	var f LinkForm
	l := c.ReadLink(v, &f, workforce.SupervisionLink{})
	if f.Errors["supervisor"] != "Select a supervisor of this PCN who still supervises" {
		t.Errorf("an inactive supervisor taken for a new link: %v", f.Errors)
	}
	f = LinkForm{}
	l = c.ReadLink(v, &f, workforce.SupervisionLink{ID: 5, SupervisorID: 11})
	if len(f.Errors) != 0 || l.ID != 5 || l.PCNCode != "U12345" || l.SuperviseeID != 1 || l.HoursPerMonth != 2 {
		t.Errorf("errors %v, link %+v", f.Errors, l)
	}
	v.Set("supervisee", "99")
	c.ReadLink(v, &f, workforce.SupervisionLink{})
	if f.Errors["supervisee"] != "Select a member of staff of this PCN" {
		t.Errorf("another PCN's record taken: %v", f.Errors)
	}
}

func TestSupervisorFormReadsBack(t *testing.T) {
	sup := workforce.Supervisor{ID: 3, Version: 4, Name: "Ada", Profession: "GP", FTE: 0.8, HoursPerMonth: 6, Active: true}
	f := SupervisorFormOf(sup)
	v := url.Values{"name": {f.Name}, "profession": {f.Profession}, "fte": {f.FTE}, "hours": {f.Hours}}
	got := f.Read(v, sup)
	if len(f.Errors) != 0 || got.Active || got.FTE != 0.8 || got.Version != 4 {
		t.Errorf("an unticked box keeps them supervising, or a field is lost: errors %v, %+v", f.Errors, got)
	}
}

// A supervisor is offered by what tells one from another: profession, working time
// and the hours they give to supervision.
func TestSupervisorOption(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		sup  workforce.Supervisor
		want string
	}{
		{workforce.Supervisor{Name: "Dr Ahmed", Profession: "GP", FTE: 1, HoursPerMonth: 6, Active: true}, "Dr Ahmed, GP, 1 FTE, 6 hours a month for supervision"},
		{workforce.Supervisor{Name: "Ann Lee", Profession: "Senior clinical pharmacist", FTE: 0.8, HoursPerMonth: 4.5, Active: true},
			"Ann Lee, Senior clinical pharmacist, 0.8 FTE, 4.5 hours a month for supervision"},
		{workforce.Supervisor{Name: "Dr Cole", Profession: "GP", FTE: 0.2, HoursPerMonth: 4}, "Dr Cole, GP, 0.2 FTE, 4 hours a month for supervision (no longer supervising)"},
	} {
		if got := SupervisorOption(c.sup); got != c.want {
			t.Errorf("%q, want %q", got, c.want)
		}
	}
}
