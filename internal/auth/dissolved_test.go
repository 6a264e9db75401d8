package auth

import "testing"

// A lead of a dissolved ICB keeps the PCNs it held on its last day, and no more: not
// the other PCNs of the successor those PCNs are in today, nor the successor itself.
func TestDissolvedICBGrant(t *testing.T) {
	t.Parallel()
	lead := &User{Grants: []Grant{{ICBLead, "QNQ"}},
		Dissolved: []DissolvedICB{{Code: "QNQ", PCNs: []string{"U14074"}}}}
	icbOf := func(pcn string) string { return "S0E4D" }
	cases := []struct {
		rule Rule
		at   Place
		want bool
	}{
		{PCNMembers, Place{PCN: "U14074", ICB: "S0E4D"}, true},   // in QNQ on 31 March 2026
		{ICBReviewers, Place{PCN: "U14074", ICB: "S0E4D"}, true}, // its plans are in the lead's queue
		{PCNManagers, Place{PCN: "U14074", ICB: "S0E4D"}, false}, // leads see, managers change
		{PCNMembers, Place{PCN: "U99999", ICB: "S0E4D"}, false},  // another PCN of the successor
		{ICBReviewers, Place{PCN: "U99999", ICB: "S0E4D"}, false},
		{ICBMembers, Place{ICB: "S0E4D", ICBOf: icbOf}, false}, // not widened to the successor
		{ICBLeads, Place{ICB: "S0E4D", ICBOf: icbOf}, false},
		{ICBMembers, Place{ICB: "QNQ", ICBOf: icbOf}, true}, // the dissolved ICB's own pages
	}
	for _, c := range cases {
		if got := lead.Allows(c.rule, c.at); got != c.want {
			t.Errorf("%s at %+v: %v, want %v", c.rule, c.at, got, c.want)
		}
	}
	if !lead.CanSeePCN("U14074", "S0E4D") || lead.CanSeePCN("U99999", "S0E4D") {
		t.Error("CanSeePCN must agree with the rule")
	}
	if !lead.CanReviewPCN("U14074", "S0E4D") || lead.CanReviewPCN("U99999", "S0E4D") {
		t.Error("CanReviewPCN must agree with the rule")
	}
	var nobody *User
	if nobody.LeadsPCN("U14074", "S0E4D") {
		t.Error("signed out leads nothing")
	}
}

// ICB codes made from April 2026 have five characters.
func TestICBLeadGrantCodes(t *testing.T) {
	t.Parallel()
	for code, ok := range map[string]bool{"QOC": true, "S0E4D": true, "S0E4": false, "QO": false, "s0e4d": false, "S0E4D1": false, "Q-C": false} {
		if err := (Grant{Role: ICBLead, Org: code}).Validate(); (err == nil) != ok {
			t.Errorf("ICB lead of %q: %v, want valid %v", code, err, ok)
		}
	}
	gs, err := ParseGrants("icb_lead", "s0e4d, qoc")
	if err != nil || len(gs) != 2 || gs[0].Org != "S0E4D" {
		t.Errorf("parse five-character ICB codes: %v %v", gs, err)
	}
}
