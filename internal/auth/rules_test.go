package auth

import "testing"

// TestAllows is the decision table of the access rules, on one PCN (U60057 in QOC)
// and one ICB (QOC), for each kind of user.
func TestAllows(t *testing.T) {
	t.Parallel()
	icbOf := func(pcn string) string { return map[string]string{"U60057": "QOC", "U47425": "QSL"}[pcn] }
	users := map[string]*User{
		"manager":  {Grants: []Grant{{PCNManager, "U60057"}}},
		"director": {Grants: []Grant{{ClinicalDirector, "U60057"}}},
		"lead":     {Grants: []Grant{{ICBLead, "QOC"}}},
		"other":    {Grants: []Grant{{PCNManager, "U47425"}}},
		"admin":    {Grants: []Grant{{Role: Admin}}},
	}
	// Who each rule lets in, in the order manager, director, lead, other, admin.
	want := map[Rule]string{
		SignedIn:     "mdloa",
		PCNMembers:   "mdl-a",
		Importers:    "--l-a",
		Planners:     "m-loa",
		Auditors:     "--l-a",
		AdminsOnly:   "----a",
		PCNManagers:  "m---a",
		PCNDirectors: "-d---",
		ICBReviewers: "--l-a",
		ICBMembers:   "mdl-a",
		ICBLeads:     "--l-a",
		Public:       "-----",
	}
	for rule, who := range want {
		at := Place{}
		switch {
		case rule.OnPCN():
			at = Place{PCN: "U60057", ICB: "QOC"}
		case rule.OnICB():
			at = Place{ICB: "QOC", ICBOf: icbOf}
		}
		for i, name := range []string{"manager", "director", "lead", "other", "admin"} {
			if got, want := users[name].Allows(rule, at), who[i] != '-'; got != want {
				t.Errorf("%s lets %s in: %v, want %v", rule, name, got, want)
			}
		}
	}
}

func TestRuleNames(t *testing.T) {
	t.Parallel()
	if PCNMembers.String() != "pcnMember" || ICBLeads.String() != "icbLead" || Planners.String() != "planner" {
		t.Error("the rules' names are the security log's")
	}
	if !ICBReviewers.OnPCN() || ICBReviewers.OnICB() || !ICBMembers.OnICB() || SignedIn.OnPCN() || SignedIn.OnICB() {
		t.Error("the organisation a rule is judged on")
	}
}

func TestSeesICB(t *testing.T) {
	t.Parallel()
	icbOf := func(pcn string) string { return map[string]string{"U60057": "QOC", "U47425": "QSL"}[pcn] }
	director := &User{Grants: []Grant{{ClinicalDirector, "U47425"}}}
	if !director.SeesICB("QSL", icbOf) || director.SeesICB("QOC", icbOf) {
		t.Error("a director sees the ICB of their PCN, and no other")
	}
	var nobody *User
	if nobody.SeesICB("QOC", icbOf) {
		t.Error("signed out sees no ICB")
	}
}
