package scale

import (
	"fmt"
	"slices"
	"testing"
	"time"
)

// TestUsersLayout: 10,000 distinct accounts, one grant each, the bench admin and every
// ICB's leads among them, and each PCN with a manager and a clinical director.
func TestUsersLayout(t *testing.T) {
	icbs := []string{"QHM", "QOC"}
	var pcns []string
	for i := range 1297 {
		pcns = append(pcns, fmt.Sprintf("U%05d", 10000+i))
	}
	us := users(icbs, pcns)
	if len(us) != TotalUsers {
		t.Fatalf("%d users, want %d", len(us), TotalUsers)
	}
	emails := map[string]user{}
	roles := map[[2]string]int{}
	for _, u := range us {
		if _, dup := emails[u.email]; dup {
			t.Fatalf("%s twice", u.email)
		}
		emails[u.email] = u
		roles[[2]string{u.role, u.org}]++
	}
	if u := emails[AdminEmail]; u.role != "admin" || u.org != "" {
		t.Errorf("bench admin %+v", u)
	}
	for _, e := range LeadEmails("QHM", 20) {
		if u := emails[e]; u.role != "icb_lead" || u.org != "QHM" {
			t.Errorf("%s: %+v, want a QHM lead", e, u)
		}
	}
	for _, p := range pcns {
		if roles[[2]string{"pcn_manager", p}] == 0 || roles[[2]string{"clinical_director", p}] == 0 {
			t.Fatalf("%s lacks a manager or a director", p)
		}
	}
	ps := plans(pcns, us, planStart(time.Date(2026, time.December, 7, 0, 0, 0, 0, time.UTC)))
	director := func(u user) bool {
		return u.email == *ps[0].signedBy && u.role == "clinical_director" && u.org == ps[0].pcn
	}
	if len(ps) != 2*len(pcns) || ps[0].status != "accepted" || ps[1].status != "submitted" || ps[0].by == "" || !slices.ContainsFunc(us, director) {
		t.Errorf("plans %+v %+v", ps[0], ps[1])
	}
}
