package auth

import (
	"errors"
	"testing"
)

func TestScopes(t *testing.T) {
	t.Parallel()
	manager := &User{Grants: []Grant{{PCNManager, "U60057"}}}
	lead := &User{Grants: []Grant{{ICBLead, "QOC"}}}
	admin := &User{Grants: []Grant{{Role: Admin}}}
	var nobody *User
	cases := []struct {
		name string
		got  bool
		want bool
	}{
		{"manager sees own PCN", manager.CanSeePCN("U60057", "QOC"), true},
		{"manager does not see another PCN of the same ICB", manager.CanSeePCN("U12345", "QOC"), false},
		{"lead sees a PCN of their ICB", lead.CanSeePCN("U12345", "QOC"), true},
		{"lead does not see another ICB's PCN", lead.CanSeePCN("U99999", "QSL"), false},
		{"admin sees everything", admin.CanSeePCN("U99999", "QSL"), true},
		{"signed out sees nothing", nobody.CanSeePCN("U60057", "QOC"), false},
		{"manager acts on own PCN", manager.CanActOnPCN(PCNManager, "U60057"), true},
		{"lead does not act as the manager", lead.CanActOnPCN(PCNManager, "U60057"), false},
		{"lead imports", lead.CanImport(), true},
		{"manager does not import", manager.CanImport(), false},
		{"admin leads every ICB", admin.LeadsICB("QSL"), true},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("%s: got %v", c.name, c.got)
		}
	}
}

func TestParseGrants(t *testing.T) {
	t.Parallel()
	gs, err := ParseGrants("pcn_manager", "u60057, U12345")
	if err != nil || len(gs) != 2 || gs[0] != (Grant{PCNManager, "U60057"}) {
		t.Errorf("%v %v", gs, err)
	}
	for _, bad := range [][2]string{{"admin", "QOC"}, {"icb_lead", "U60057"}, {"pcn_manager", "QOC"}, {"boss", ""}, {"icb_lead", ""}} {
		if _, err := ParseGrants(bad[0], bad[1]); err == nil {
			t.Errorf("%v accepted", bad)
		}
	}
}

func TestNormaliseEmail(t *testing.T) {
	t.Parallel()
	if e, err := NormaliseEmail("  Manager@Example.NHS.uk "); err != nil || e != "manager@example.nhs.uk" {
		t.Errorf("%q %v", e, err)
	}
	for _, bad := range []string{"", "no-at", "@x", "a@", "a b@x"} {
		if _, err := NormaliseEmail(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestCheckGrants(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name   string
		grants []Grant
		bad    string // the PCN refused, "" when allowed
	}{
		{"manager only", []Grant{{PCNManager, "U60057"}}, ""},
		{"manager of one PCN, director of another", []Grant{{PCNManager, "U60057"}, {ClinicalDirector, "U47425"}}, ""},
		{"director and lead", []Grant{{ClinicalDirector, "U60057"}, {ICBLead, "QOC"}}, ""},
		{"manager and director of one PCN", []Grant{{ClinicalDirector, "U47425"}, {PCNManager, "U60057"}, {ClinicalDirector, "U60057"}}, "U60057"},
	}
	for _, c := range cases {
		err := CheckGrants(c.grants)
		var e ErrSelfSignOff
		switch {
		case c.bad == "" && err != nil:
			t.Errorf("%s: refused: %v", c.name, err)
		case c.bad != "" && (!errors.As(err, &e) || e.PCN != c.bad):
			t.Errorf("%s: %v, want a refusal naming %s", c.name, err, c.bad)
		}
	}
}

func TestCheckGrantsIn(t *testing.T) {
	t.Parallel()
	icbOf := func(pcn string) string { return map[string]string{"U60057": "QOC", "U47425": "QSL"}[pcn] }
	cases := []struct {
		name   string
		grants []Grant
		bad    string // "ICB/PCN" refused by the director and lead rule, "self" for the manager and director rule, "" when allowed
	}{
		{"director and lead of the PCN's ICB", []Grant{{ICBLead, "QOC"}, {ClinicalDirector, "U60057"}}, "QOC/U60057"},
		{"director and lead of several ICBs, one the PCN's", []Grant{{ClinicalDirector, "U47425"}, {ICBLead, "QOC"}, {ICBLead, "QSL"}}, "QSL/U47425"},
		{"director and lead of another ICB", []Grant{{ClinicalDirector, "U60057"}, {ICBLead, "QSL"}}, ""},
		{"manager and lead of the PCN's ICB", []Grant{{PCNManager, "U60057"}, {ICBLead, "QOC"}}, ""},
		{"admin and director", []Grant{{Admin, ""}, {ClinicalDirector, "U60057"}}, ""},
		{"director of an unknown PCN", []Grant{{ClinicalDirector, "U99999"}, {ICBLead, "QOC"}}, ""},
		{"manager and director of one PCN", []Grant{{PCNManager, "U60057"}, {ClinicalDirector, "U60057"}}, "self"},
	}
	for _, c := range cases {
		err := CheckGrantsIn(c.grants, icbOf)
		var accept ErrSelfAccept
		var self ErrSelfSignOff
		switch {
		case c.bad == "" && err != nil:
			t.Errorf("%s: refused: %v", c.name, err)
		case c.bad == "self" && !errors.As(err, &self):
			t.Errorf("%s: %v, want ErrSelfSignOff", c.name, err)
		case c.bad != "" && c.bad != "self" && (!errors.As(err, &accept) || accept.ICB+"/"+accept.PCN != c.bad):
			t.Errorf("%s: %v, want a refusal naming %s", c.name, err, c.bad)
		}
	}
}
