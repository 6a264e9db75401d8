package auth

import "testing"

// A new ICB lead grant on a dissolved ICB is found, with its line; one the user holds
// already is kept, and a PCN grant is never one.
func TestNewGrantOnDissolved(t *testing.T) {
	t.Parallel()
	dissolved := func(icb string) bool { return icb == "QNQ" || icb == "QU9" }
	frimley := Grant{Role: ICBLead, Org: "QNQ"}
	cases := []struct {
		name  string
		text  string
		held  []Grant
		line  int
		grant Grant
	}{
		{"in force", "icb_lead QOC,S0E4D", nil, 0, Grant{}},
		{"new on a new user", "admin\nicb_lead QOC,QNQ", nil, 2, frimley},
		{"held, saved again", "icb_lead QNQ\npcn_manager U60057", []Grant{frimley}, 0, Grant{}},
		{"held, another added", "icb_lead QNQ,QU9", []Grant{frimley}, 1, Grant{Role: ICBLead, Org: "QU9"}},
		{"another held", "icb_lead QNQ", []Grant{{Role: ICBLead, Org: "QU9"}}, 1, frimley},
	}
	for _, c := range cases {
		lines, err := ParseGrantLines(c.text)
		if err != nil {
			t.Fatal(err)
		}
		line, g, ok := NewGrantOnDissolved(lines, c.held, dissolved)
		if line != c.line || g != c.grant || ok != (c.line != 0) {
			t.Errorf("%s: line %d grant %+v ok %v, want line %d grant %+v", c.name, line, g, ok, c.line, c.grant)
		}
	}
}
