package server

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/arrs-planner/arrs/internal/auth"
	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/store"
)

// loadApril2026 applies the reorganisation of 1 April 2026 (applyApril2026): today
// (December 2026) Frimley, QNQ, is dissolved, its 16 PCNs gone to QRL, S0E4D and S9B9J.
func loadApril2026(t *testing.T, db *store.DB) {
	t.Helper()
	if err := applyApril2026(db); err != nil {
		t.Fatal(err)
	}
}

// pcnWhere is the first PCN code a query names, failing the test when there is none.
func pcnWhere(t *testing.T, db *store.DB, query string) string {
	t.Helper()
	var code *string
	if err := db.QueryRowForTest(context.Background(), query, &code); err != nil || code == nil {
		t.Fatalf("%s: %v", query, err)
	}
	return *code
}

// The access of a lead granted Frimley, dissolved on 1 April 2026: the PCNs that were
// in it on 31 March 2026 (wherever they are now) and no others, with a notice on every
// page; after an admin moves the grant to Thames Valley, that ICB's PCNs (Frimley's
// that went elsewhere no longer), and no notice. The move is audited.
func TestGrantOnADissolvedICB(t *testing.T) {
	t.Parallel()
	db := dbtest.New(t)
	loadApril2026(t, db)
	addPersonas(t, db)
	lead, err := db.CreateUser(context.Background(), auth.User{Email: "frimley@test.nhs.uk", Name: "Frimley Lead", PasswordHash: hash, Active: true,
		Grants: []auth.Grant{{Role: auth.ICBLead, Org: "QNQ"}}}, capBy)
	if err != nil {
		t.Fatal(err)
	}
	keptTV := pcnWhere(t, db, `SELECT min(p) FROM icb_pcns_today('QNQ') p JOIN pcn_spans s ON s.pcn_code = p AND s.valid_to IS NULL AND s.icb_code = 'S0E4D'`)
	keptSS := pcnWhere(t, db, `SELECT min(p) FROM icb_pcns_today('QNQ') p JOIN pcn_spans s ON s.pcn_code = p AND s.valid_to IS NULL AND s.icb_code = 'S9B9J'`)
	otherTV := pcnWhere(t, db, `SELECT min(pcn_code) FROM pcn_spans WHERE icb_code = 'S0E4D' AND valid_to IS NULL AND pcn_code NOT IN (SELECT icb_pcns_today('QNQ'))`)
	_, ts := newTestServer(t, db)
	c := client(t)
	signIn(t, ts, c, lead.Email)

	matrix := func(stage string, want map[string]int) {
		t.Helper()
		for path, code := range want {
			if got := status(t, c, http.MethodGet, ts.URL+path); got != code {
				t.Errorf("%s: GET %s = %d, want %d", stage, path, got, code)
			}
		}
	}
	matrix("before the move", map[string]int{
		"/pcns/" + keptTV + "/staff": 200, "/pcns/" + keptSS + "/staff": 200, "/pcns/" + keptTV + "/plan": 200,
		"/pcns/" + otherTV + "/staff": 403, "/pcns/U60057/staff": 403, "/pcns/" + otherTV + "/plan": 403,
		"/icbs/S0E4D/compare": 403,
	})
	if got := status(t, c, http.MethodPost, ts.URL+"/pcns/"+keptTV+"/plan/accept"); got == 403 || got >= 500 {
		t.Errorf("accepting a kept PCN's plan: %d, want the route's rule passed and an answer", got)
	}
	if got := status(t, c, http.MethodPost, ts.URL+"/pcns/"+otherTV+"/plan/accept"); got != 403 {
		t.Errorf("accepting another PCN's plan: %d, want 403", got)
	}
	_, home := fetch(t, c, ts.URL+"/")
	notice := testID(home, "access-notice")
	for _, w := range []string{"Your access is to NHS Frimley Integrated Care Board, dissolved on 1 April 2026", "16 PCNs", "31 March 2026",
		"NHS Thames Valley Integrated Care Board", "Ask an admin"} {
		if !strings.Contains(notice, w) {
			t.Errorf("the notice %q lacks %q", notice, w)
		}
	}

	admin := client(t)
	signIn(t, ts, admin, "admin@test.nhs.uk")
	_, page := fetch(t, admin, ts.URL+"/admin/users")
	row := page.Find(`[data-testid="dissolved-frimley@test.nhs.uk-QNQ"]`)
	if row.Length() != 1 || row.Find(`button[name="to"]`).Length() != 4 { // three successors and "all"
		t.Fatalf("the users page lists the Frimley grant %d times with %d moves", row.Length(), row.Find(`button[name="to"]`).Length())
	}
	move := ts.URL + row.Find("form").AttrOr("action", "")
	if got, _ := postForm(t, admin, move, url.Values{"from": {"QNQ"}, "to": {"QOC"}}); got != http.StatusBadRequest {
		t.Errorf("a move to a non-successor: %d, want 400", got)
	}
	if got, _ := postForm(t, admin, move, url.Values{"from": {"QNQ"}, "to": {"S0E4D"}}); got != http.StatusSeeOther {
		t.Fatalf("the move: %d, want 303", got)
	}
	_, page = fetch(t, admin, ts.URL+"/admin/users")
	if ok := testID(page, "user-frimley@test.nhs.uk"); !strings.Contains(ok, "icb_lead S0E4D") || strings.Contains(ok, "QNQ") {
		t.Errorf("after the move the user reads %q", ok)
	}
	if page.Find(`[data-testid="dissolved-grants"]`).Length() != 0 || !strings.Contains(page.Text(), "Moved Frimley Lead's ICB lead grant from NHS Frimley Integrated Care Board to NHS Thames Valley Integrated Care Board") {
		t.Error("after the move the page still lists the grant, or does not say it was moved")
	}
	if got, _ := postForm(t, admin, move, url.Values{"from": {"QNQ"}, "to": {"S0E4D"}}); got != http.StatusSeeOther {
		t.Errorf("a second click: %d, want 303 (nothing to move)", got)
	}
	if got := auditActions(t, db); !slices.Contains(got, "admin@test.nhs.uk user.grant_move") {
		t.Errorf("audit %v lacks the move", got)
	}

	matrix("after the move", map[string]int{
		"/pcns/" + keptTV + "/staff": 200, "/pcns/" + otherTV + "/staff": 200, "/icbs/S0E4D/compare": 200,
		"/pcns/" + keptSS + "/staff": 403, "/pcns/U60057/staff": 403,
	})
	if _, home = fetch(t, c, ts.URL+"/"); home.Find(`[data-testid="access-notice"]`).Length() != 0 {
		t.Error("the notice stays after the move")
	}
}

// A move that would let the lead accept a plan they sign off is refused, as the user
// form refuses it, and nothing changes.
func TestGrantMoveKeepsDutiesApart(t *testing.T) {
	t.Parallel()
	db := dbtest.New(t)
	loadApril2026(t, db)
	addPersonas(t, db)
	tv := pcnWhere(t, db, `SELECT min(pcn_code) FROM pcn_spans WHERE icb_code = 'S0E4D' AND valid_to IS NULL AND pcn_code NOT IN (SELECT icb_pcns_today('QNQ'))`)
	u, err := db.CreateUser(context.Background(), auth.User{Email: "both@test.nhs.uk", Name: "Both", PasswordHash: hash, Active: true,
		Grants: []auth.Grant{{Role: auth.ICBLead, Org: "QNQ"}, {Role: auth.ClinicalDirector, Org: tv}}}, capBy)
	if err != nil {
		t.Fatal(err)
	}
	_, ts := newTestServer(t, db)
	admin := client(t)
	signIn(t, ts, admin, "admin@test.nhs.uk")
	got, body := postForm(t, admin, ts.URL+"/admin/users/"+strconv.FormatInt(u.ID, 10)+"/move-grant", url.Values{"from": {"QNQ"}, "to": {"S0E4D"}})
	if got != http.StatusUnprocessableEntity || !strings.Contains(body, "clinical director of "+tv) {
		t.Errorf("the refused move: %d", got)
	}
	after, _ := db.UserByID(context.Background(), u.ID)
	if g := auth.GrantsText(after.Grants, ", "); !strings.Contains(g, "icb_lead QNQ") {
		t.Errorf("the refused move changed the grants: %s", g)
	}
}
