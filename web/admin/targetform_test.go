package admin

import (
	"net/url"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
)

func TestReadTargetForm(t *testing.T) {
	v := url.Values{"name": {" Manifesto "}, "fte": {"26000"}, "baseline": {"2019-03-31"}, "deadline": {"2024-03-31"},
		"milestones": {"2021-03-31 6000 first year\n\n2022-03-31 12000"}, "default": {"yes"}}
	f, got := ReadTargetForm(v)
	if len(f.Errors) != 0 || got.Name != "Manifesto" || got.FTE != 26000 || !got.IsDefault || len(got.Milestones) != 2 {
		t.Fatalf("errors %v, target %+v", f.Errors, got)
	}
	if m := got.Milestones[0]; !m.Due.Equal(workforce.Date(2021, time.March, 31)) || m.FTE != 6000 || m.Label != "first year" {
		t.Errorf("milestone %+v", m)
	}
	if text := milestonesText(got.Milestones, "\n"); text != "2021-03-31 6000 first year\n2022-03-31 12000" {
		t.Errorf("milestones written back as %q", text)
	}
}

func TestReadTargetFormMessages(t *testing.T) {
	cases := []struct {
		v          url.Values
		field, msg string
	}{
		{url.Values{"name": {"T"}, "fte": {"many"}, "baseline": {"2019-03-31"}, "deadline": {"2024-03-31"}}, "fte", "Enter the additional FTE as a number, such as 26000"},
		{url.Values{"name": {"T"}, "fte": {"1"}, "baseline": {"31/03/2019"}, "deadline": {"2024-03-31"}}, "baseline", "Enter the baseline as a date in the form YYYY-MM-DD"},
		{url.Values{"name": {"T"}, "fte": {"1"}, "baseline": {"2019-03-31"}, "deadline": {"2024-03-31"}, "milestones": {"2020-01-01 5\nsoon"}}, "milestones", "Line 2 of the milestones: write a date YYYY-MM-DD, a number of FTE and a label"},
		// Checked by workforce.Target.Validate once every field could be read.
		{url.Values{"name": {"T"}, "fte": {"1"}, "baseline": {"2024-03-31"}, "deadline": {"2019-03-31"}}, "deadline", "The deadline must be after the baseline date"},
	}
	for _, c := range cases {
		f, _ := ReadTargetForm(c.v)
		if f.Errors[c.field] != c.msg {
			t.Errorf("%v: %s is %q, want %q", c.v, c.field, f.Errors[c.field], c.msg)
		}
	}
}

func TestReadCapForms(t *testing.T) {
	roles := []workforce.Role{{Code: "pharmacist", Name: "Clinical Pharmacist"}}
	f, c, role := ReadNewCap(url.Values{"role": {"pharmacist"}, "from": {"2026-04-01"}, "amount": {"£55,670.50"}, "provisional": {"yes"}}, roles)
	if len(f.Errors) != 0 || role.Code != "pharmacist" || c.Pence != 5567050 || !c.Provisional || !c.EffectiveFrom.Equal(workforce.Date(2026, time.April, 1)) {
		t.Errorf("errors %v, cap %+v", f.Errors, c)
	}
	f, _, _ = ReadNewCap(url.Values{"role": {"nurse"}, "from": {"April"}, "amount": {""}}, roles)
	if f.Errors["role"] != "Select the role" || f.Errors["amount"] != "Enter the cap per WTE a year, in pounds" ||
		f.Errors["from"] != "Enter the date the cap is in force from in the form YYYY-MM-DD, such as 2026-04-01" {
		t.Errorf("errors %v", f.Errors)
	}
	f, c = ReadCapChange(url.Values{"from": {"2026-04-01"}, "amount": {"60000"}, "role": {"other"}}, 4, 2, roles[0])
	if len(f.Errors) != 0 || f.ID != 4 || f.Version != 2 || c.Pence != 6000000 {
		t.Errorf("a change reads only date, amount and flag: errors %v, form %+v, cap %+v", f.Errors, f, c)
	}
}
