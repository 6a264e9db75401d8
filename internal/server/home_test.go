package server

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/arrs-planner/arrs/internal/auth"
	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// signInTo posts the sign-in form (with next, when given) and returns where it sends
// the browser.
func signInTo(t *testing.T, ts string, c *http.Client, email, next string) string {
	t.Helper()
	v := url.Values{"email": {email}, "password": {testPassword}}
	if next != "" {
		v.Set("next", next)
	}
	res, err := c.PostForm(ts+"/login", v)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("sign in as %s: %d, want 303", email, res.StatusCode)
	}
	return res.Header.Get("Location")
}

// Each role lands on its home after signing in; a safe ?next= still wins, and an
// unsafe one, or "/" (where a visit to the bare address comes back to), lands home.
func TestSignInLandsHome(t *testing.T) {
	t.Parallel()
	db := dbtest.New(t)
	addPersonas(t, db)
	_, ts := newTestServer(t, db)
	cases := []struct{ persona, next, want string }{
		{"manager", "", "/pcns/U60057"},
		{"director", "", "/pcns/U60057"},
		{"lead", "", "/icbs/QOC"},
		{"admin", "", "/"},
		{"manager", "/", "/pcns/U60057"},
		{"lead", "//evil.example/", "/icbs/QOC"},
		{"lead", "https://evil.example/", "/icbs/QOC"},
		{"manager", "/pcns/U60057/plan", "/pcns/U60057/plan"},
		{"director", "/?at=2025-11-30", "/?at=2025-11-30"},
		{"admin", "/icbs/QOC", "/icbs/QOC"},
	}
	for _, c := range cases {
		if got := signInTo(t, ts.URL, client(t), c.persona+"@test.nhs.uk", c.next); got != c.want {
			t.Errorf("%s with next %q lands on %q, want %q", c.persona, c.next, got, c.want)
		}
	}
	// Signed in already, the sign-in page sends them home too.
	c := client(t)
	signInTo(t, ts.URL, c, "lead@test.nhs.uk", "")
	res, err := c.Get(ts.URL + "/login")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if got := res.Header.Get("Location"); res.StatusCode != http.StatusSeeOther || got != "/icbs/QOC" {
		t.Errorf("GET /login signed in: %d to %q, want 303 to /icbs/QOC", res.StatusCode, got)
	}
}

// The header links people with one home to it; admins have none.
func TestHeaderLinksHome(t *testing.T) {
	t.Parallel()
	db := dbtest.New(t)
	addPersonas(t, db)
	_, ts := newTestServer(t, db)
	for persona, want := range map[string]string{"manager": "Your network /pcns/U60057", "lead": "Your ICB /icbs/QOC", "admin": ""} {
		_, doc := fetchAs(t, ts, persona+"@test.nhs.uk", "/roles")
		got := ""
		doc.Find(".nhsuk-header__navigation-link").Each(func(_ int, a *goquery.Selection) {
			if text := strings.TrimSpace(a.Text()); strings.HasPrefix(text, "Your ") {
				got = text + " " + a.AttrOr("href", "")
			}
		})
		if got != want {
			t.Errorf("%s's header: %q, want %q", persona, got, want)
		}
	}
}

// moveAs takes a move of U60057's newest plan in the store, as a persona.
func moveAs(t *testing.T, e *planEnv, persona string, a workforce.PlanAction, comment string) {
	t.Helper()
	p := e.plans()[0]
	by := store.Actor{UserID: e.users[persona].ID, Name: persona + "@test.nhs.uk"}
	if _, err := e.db.MovePlan(context.Background(), store.PlanMove{PCN: "U60057", PlanID: p.ID, Version: p.Version, Action: a, Comment: comment, By: by}); err != nil {
		t.Fatalf("%s as %s: %v", a, persona, err)
	}
}

// saveDraft saves a draft of U60057's plan in the store, as its manager.
func saveDraft(t *testing.T, e *planEnv) {
	t.Helper()
	d := store.DraftSave{PCN: "U60057", Action: workforce.ActionSave, By: store.Actor{UserID: e.users["manager"].ID, Name: "manager@test.nhs.uk"},
		Lines: []workforce.PlanLine{{RoleCode: "paramedic", QuarterStart: workforce.Date(2026, 7, 1), StartersFTE: 1}}}
	if ps := e.plans(); len(ps) > 0 {
		d.PlanID, d.Version = ps[0].ID, ps[0].Version
	}
	if _, err := e.db.SaveDraft(context.Background(), d); err != nil {
		t.Fatal(err)
	}
}

// The network's page is its manager's and director's home: each sees what waits for
// them there, the manager a plan the director returned with the comment and who
// returned it; nobody else sees the panel.
func TestPCNHome(t *testing.T) {
	t.Parallel()
	e := newPlanEnv(t)
	_, doc := e.page("manager", "/pcns/U60057")
	if testID(doc, "home-no-plan") == "" {
		t.Errorf("the manager's home before any plan: %q", testID(doc, "home"))
	}

	saveDraft(t, e)
	_, doc = e.page("manager", "/pcns/U60057")
	if got := testID(doc, "home-draft"); !strings.Contains(got, "version 1") || !strings.Contains(got, "manager@test.nhs.uk") {
		t.Errorf("the manager's draft: %q", got)
	}

	moveAs(t, e, "manager", workforce.ActionSubmit, "")
	_, doc = e.page("director", "/pcns/U60057")
	if got := testID(doc, "waiting-U60057"); !strings.Contains(got, "Sign off") || !strings.Contains(got, "version 1") {
		t.Errorf("the director's home: %q", testID(doc, "home"))
	}
	if doc.Find(`[data-testid="home-dashboard"] a[href="/pcns/U60057/dashboard"]`).Length() != 1 {
		t.Error("the director's home does not link the dashboard")
	}
	_, doc = e.page("manager", "/pcns/U60057")
	if got := testID(doc, "home-away"); !strings.Contains(got, "submitted") || !strings.Contains(got, "the clinical director, to sign it off") {
		t.Errorf("the manager's submitted plan: %q", got)
	}

	comment := "Add the second paramedic in Q3, as agreed with the practices."
	moveAs(t, e, "director", workforce.ActionSendBack, comment)
	_, doc = e.page("manager", "/pcns/U60057")
	if got := testID(doc, "waiting-U60057"); !strings.Contains(got, "Returned to you") {
		t.Errorf("the manager's home after the director's return: %q", testID(doc, "home"))
	}
	if got := testID(doc, "returned-U60057"); !strings.Contains(got, "Returned by the clinical director (director@test.nhs.uk)") || !strings.Contains(got, comment) {
		t.Errorf("who returned it and why: %q", got)
	}
	_, home := e.page("manager", "/")
	if got := testID(home, "returned-U60057"); !strings.Contains(got, "the clinical director") || !strings.Contains(got, comment) {
		t.Errorf("England's waiting list after the director's return: %q", got)
	}
	_, doc = e.page("director", "/pcns/U60057")
	if testID(doc, "home-none") == "" {
		t.Errorf("the director's home after returning the plan: %q", testID(doc, "home"))
	}

	for _, persona := range []string{"other-manager", "lead", "admin"} {
		if _, doc := e.page(persona, "/pcns/U60057"); doc.Find(`[data-testid="home"]`).Length() != 0 {
			t.Errorf("%s sees the network's home panel", persona)
		}
	}
}

// The ICB's page is its leads' home: the plans waiting for review with how long they
// have waited, the networks furthest from their fair share as the ICB's gap page ranks
// them, and the imports due. Another ICB's lead does not see it.
func TestICBHome(t *testing.T) {
	t.Parallel()
	e := newPlanEnv(t)
	saveDraft(t, e)
	moveAs(t, e, "manager", workforce.ActionSubmit, "")
	moveAs(t, e, "director", workforce.ActionSignOff, "")
	pops := []workforce.Population{{PCNCode: "U60057", EffectiveDate: workforce.Date(2026, 4, 1), Weighted: 110000},
		{PCNCode: "U13205", EffectiveDate: workforce.Date(2026, 1, 1), Weighted: 50000}}
	if _, err := e.db.UpsertPopulations(context.Background(), "pops.csv", pops, store.Actor{Name: "test"}); err != nil {
		t.Fatal(err)
	}

	_, doc := e.page("lead", "/icbs/QOC")
	if got := testID(doc, "waiting-U60057"); !strings.Contains(got, "Review") || !strings.Contains(got, "(today)") {
		t.Errorf("the lead's plans to review: %q", testID(doc, "icb-home"))
	}
	if got := testID(doc, "furthest-summary"); !strings.Contains(got, "of their fair share") {
		t.Errorf("the ranking's summary: %q (%q)", got, testID(doc, "furthest-none"))
	}
	_, gapsPage := e.page("lead", "/gaps/icbs/QOC")
	first := ""
	gapsPage.Find(`tbody tr[data-testid]`).EachWithBreak(func(_ int, tr *goquery.Selection) bool {
		first = tr.AttrOr("data-testid", "")
		return !strings.Contains(first, "-U") // the first PCN row
	})
	top := doc.Find(`#furthest tbody tr`).First().AttrOr("data-testid", "")
	if top == "" || !strings.HasSuffix(first, strings.TrimPrefix(top, "furthest-")) {
		t.Errorf("the furthest network %q is not the gap page's first %q", top, first)
	}
	if n := doc.Find(`#furthest tbody tr`).Length(); n > 5 {
		t.Errorf("the ranking shows %d networks, want at most 5", n)
	}
	if got := testID(doc, "due-census"); !strings.Contains(got, "30 November 2025, 5 months ago") || !strings.Contains(got, "Import due") {
		t.Errorf("the census fact: %q", got)
	}
	if got := testID(doc, "due-populations"); !strings.Contains(got, "8 of 9 networks have no weighted population from this quarter (2026/27 Q1, from 1 April 2026); 7 have none at all") {
		t.Errorf("the populations fact: %q", got)
	}

	for _, persona := range []string{"other-lead", "manager"} {
		if _, doc := e.page(persona, "/icbs/QOC"); doc.Find(`[data-testid="icb-home"]`).Length() != 0 {
			t.Errorf("%s sees the ICB's home panel", persona)
		}
	}
	if _, doc := e.page("admin", "/icbs/QOC"); doc.Find(`[data-testid="icb-home"]`).Length() != 1 {
		t.Error("an admin does not see the ICB's panel")
	}
}

// England's page is an admin's home: the imports and the users that need attention
// (a grant on a dissolved ICB, an account never signed in, one locked by failed
// sign-ins). The lead of the dissolved ICB lands on England, which lists their place.
func TestAdminHome(t *testing.T) {
	t.Parallel()
	db := dbtest.New(t)
	loadApril2026(t, db)
	addPersonas(t, db)
	if _, err := db.CreateUser(context.Background(), auth.User{Email: "frimley@test.nhs.uk", Name: "Frimley Lead", PasswordHash: hash, Active: true,
		Grants: []auth.Grant{{Role: auth.ICBLead, Org: "QNQ"}}}, capBy); err != nil {
		t.Fatal(err)
	}
	_, ts := newTestServer(t, db)
	for range auth.MaxAccountFailures {
		res, err := client(t).PostForm(ts.URL+"/login", url.Values{"email": {"other-manager@test.nhs.uk"}, "password": {"wrong"}})
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
	}

	c := client(t)
	if got := signInTo(t, ts.URL, c, "frimley@test.nhs.uk", ""); got != "/" {
		t.Errorf("the lead of a dissolved ICB lands on %q, want /", got)
	}
	_, doc := fetch(t, c, ts.URL+"/")
	if got := testID(doc, "place-QNQ"); !strings.Contains(got, "Frimley") || !strings.Contains(got, "dissolved on 1 April 2026") {
		t.Errorf("the dissolved ICB lead's places: %q", got)
	}

	_, doc = fetchAs(t, ts, "admin@test.nhs.uk", "/")
	if got := testID(doc, "users-dissolved"); !strings.Contains(got, "frimley@test.nhs.uk") || !strings.Contains(got, "Frimley") {
		t.Errorf("grants on dissolved ICBs: %q", got)
	}
	if got := testID(doc, "users-locked"); !strings.Contains(got, "other-manager@test.nhs.uk") || strings.Contains(got, "admin@") {
		t.Errorf("locked accounts: %q", got)
	}
	never := testID(doc, "users-never")
	if !strings.Contains(never, "other-lead@test.nhs.uk") || strings.Contains(never, "admin@test.nhs.uk") || strings.Contains(never, "frimley@") {
		t.Errorf("accounts never signed in: %q", never)
	}
	if got := testID(doc, "due-census"); got == "" {
		t.Error("no census fact on the admin's home")
	}
	if doc.Find(`[data-testid="places"]`).Length() != 0 {
		t.Error("an admin with no places is shown a list of them")
	}
	if _, doc := fetchAs(t, ts, "manager@test.nhs.uk", "/"); doc.Find(`[data-testid="admin-home"]`).Length() != 0 {
		t.Error("a manager sees the admin's panel")
	}
}

// The manager is told on their home, and on England's list, that the ICB accepted
// their plan: which version, who accepted it, when and the comment, for 30 days.
func TestHomeTellsAcceptance(t *testing.T) {
	t.Parallel()
	e := newPlanEnv(t)
	saveDraft(t, e)
	moveAs(t, e, "manager", workforce.ActionSubmit, "")
	moveAs(t, e, "director", workforce.ActionSignOff, "")
	if _, doc := e.page("manager", "/pcns/U60057"); testID(doc, "accepted-U60057") != "" {
		t.Errorf("a plan in review is told as accepted: %q", testID(doc, "accepted-U60057"))
	}
	comment := "Well phased; review the paramedic costs in the autumn."
	moveAs(t, e, "lead", workforce.ActionAccept, comment)
	v1 := e.plans()[0]
	for _, path := range []string{"/pcns/U60057", "/"} {
		_, doc := e.page("manager", path)
		got := testID(doc, "accepted-U60057")
		if !strings.Contains(got, "version 1 was accepted by the ICB (lead@test.nhs.uk) on ") || !strings.Contains(got, comment) {
			t.Errorf("the manager's %s: %q", path, got)
		}
		if href := doc.Find(`[data-testid="accepted-U60057"] a`).AttrOr("href", ""); href != "/pcns/U60057/plan?version="+itoa64(v1.ID) {
			t.Errorf("the acceptance on %s links to %q", path, href)
		}
	}
	for _, persona := range []string{"director", "other-manager", "lead"} {
		if _, doc := e.page(persona, "/pcns/U60057"); testID(doc, "accepted-U60057") != "" {
			t.Errorf("%s is told of the acceptance", persona)
		}
	}
	// Told for 30 days; 31 days on, it is old news.
	e.s.now = func() time.Time { return v1.ReviewedAt.AddDate(0, 0, 30) }
	delete(e.clients, "manager") // the session has timed out: sign in again
	if _, doc := e.page("manager", "/pcns/U60057"); testID(doc, "accepted-U60057") == "" {
		t.Error("an acceptance 30 days old is not told")
	}
	e.s.now = func() time.Time { return v1.ReviewedAt.AddDate(0, 0, 31) }
	delete(e.clients, "manager")
	if code, doc := e.page("manager", "/pcns/U60057"); testID(doc, "accepted-U60057") != "" || testID(doc, "home") == "" {
		t.Errorf("an acceptance 31 days old is still told: %d %q %q", code, testID(doc, "accepted-U60057"), doc.Find("h1").Text())
	}
}
