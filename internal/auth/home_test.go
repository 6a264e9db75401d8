package auth

import "testing"

// Where each person lands after signing in when they asked for no page: their one
// network or ICB, else England (admins, several places, a dissolved ICB).
func TestHome(t *testing.T) {
	t.Parallel()
	dissolvedQNQ := []DissolvedICB{{Code: "QNQ", PCNs: []string{"U14074"}}}
	cases := []struct {
		name string
		u    *User
		want string
	}{
		{"signed out", nil, "/"},
		{"no grants", &User{}, "/"},
		{"PCN manager", &User{Grants: []Grant{{PCNManager, "U60057"}}}, "/pcns/U60057"},
		{"clinical director", &User{Grants: []Grant{{ClinicalDirector, "U60057"}}}, "/pcns/U60057"},
		{"ICB lead", &User{Grants: []Grant{{ICBLead, "QOC"}}}, "/icbs/QOC"},
		{"admin", &User{Grants: []Grant{{Role: Admin}}}, "/"},
		{"admin who also manages a PCN", &User{Grants: []Grant{{Role: Admin}, {PCNManager, "U60057"}}}, "/"},
		{"manager of two PCNs", &User{Grants: []Grant{{PCNManager, "U60057"}, {PCNManager, "U47425"}}}, "/"},
		{"manager of one PCN, director of another", &User{Grants: []Grant{{ClinicalDirector, "U47425"}, {PCNManager, "U60057"}}}, "/"},
		{"lead of two ICBs", &User{Grants: []Grant{{ICBLead, "QOC"}, {ICBLead, "QSL"}}}, "/"},
		{"director and lead", &User{Grants: []Grant{{ClinicalDirector, "U60057"}, {ICBLead, "QSL"}}}, "/"},
		{"lead of a dissolved ICB only", &User{Grants: []Grant{{ICBLead, "QNQ"}}, Dissolved: dissolvedQNQ}, "/"},
	}
	for _, c := range cases {
		if got := c.u.Home(); got != c.want {
			t.Errorf("%s: home %q, want %q", c.name, got, c.want)
		}
	}
}

func TestWorkplaces(t *testing.T) {
	t.Parallel()
	u := &User{Grants: []Grant{{ClinicalDirector, "U47425"}, {ICBLead, "QNQ"}, {ICBLead, "QOC"}, {PCNManager, "U60057"}},
		Dissolved: []DissolvedICB{{Code: "QNQ"}}}
	want := []Workplace{{Code: "U60057"}, {Code: "U47425"}, {Code: "QNQ", ICB: true, Dissolved: true}, {Code: "QOC", ICB: true}}
	got := u.Workplaces()
	if len(got) != len(want) {
		t.Fatalf("workplaces %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("workplace %d: %+v, want %+v", i, got[i], want[i])
		}
	}
}
