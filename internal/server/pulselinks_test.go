package server

import (
	"context"
	"io"
	"log/slog"
	"maps"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/arrs-planner/arrs/internal/config"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// refusalOf requests a link's form (GET, or POST with v) and returns the status, the
// page's main element and its Cache-Control header.
func refusalOf(t *testing.T, u string, v url.Values) (int, string, string) {
	t.Helper()
	var res *http.Response
	var err error
	if v == nil {
		res, err = client(t).Get(u)
	} else {
		res, err = client(t).PostForm(u, v)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	doc, err := goquery.NewDocumentFromReader(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	main, _ := doc.Find("main").Html()
	return res.StatusCode, main, res.Header.Get("Cache-Control")
}

// A used link, an unknown one, one whose round has passed its closing day (not yet
// sealed) and one of a sealed round answer GET and POST (a full answer, or an empty
// one) with the same page and the same status, so the page tells no one whether a
// link was used; nothing is written, and the form seals nothing. The round past its
// day is sealed by the comparison's page (and the PCN's pulse page another), at the
// edge, and its answers then count.
func TestPulseUnusableLinks(t *testing.T) {
	t.Parallel()
	fx := newPulseFixture(t)
	ctx := context.Background()
	today := fx.s.today()
	other := fx.pcnInICB(t, "QOC", "U60057")

	_, used := fx.open(t, other, workforce.GroupPharmacy, workforce.GroupPharmacy)
	usedToken := used[workforce.GroupPharmacy][0]
	if code, _ := fx.answer(t, usedToken, [4]int{4, 4, 4, 4}, ""); code != 200 {
		t.Fatalf("answer: %d", code)
	}
	due, dueLinks, err := fx.db.OpenPulseRound(ctx, "U60057", today.AddDate(0, 0, -10), today, repeat(workforce.GroupPharmacy, 6), capBy)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range dueLinks[:5] {
		if err := fx.db.AnswerPulse(ctx, l.Token, workforce.PulseAnswer{Scores: [4]int{5, 4, 4, 2}}, today.AddDate(0, 0, -5)); err != nil {
			t.Fatal(err)
		}
	}
	sealed, sealedLinks := fx.open(t, "U47425", workforce.GroupNursing)
	fx.close(t, "U47425", sealed)

	cases := map[string]string{
		"used":      usedToken,
		"unknown":   strings.Repeat("a", workforce.PulseTokenLength),
		"malformed": "not-a-token",
		"past day":  dueLinks[5].Token,
		"sealed":    sealedLinks[workforce.GroupNursing][0],
	}
	full := url.Values{"comment": {"hello"}}
	for _, it := range workforce.PulseItems {
		full.Set(it.Key, "3")
	}
	before := dbFingerprint(t, fx.db)
	var want string
	for name, token := range cases {
		for _, v := range []url.Values{nil, full, {}} {
			code, main, cache := refusalOf(t, fx.ts.URL+"/pulse/"+token, v)
			method := map[bool]string{true: "GET", false: "POST"}[v == nil]
			if code != http.StatusNotFound || cache != "no-store" {
				t.Errorf("%s %s link: %d, Cache-Control %q; want 404, no-store", method, name, code, cache)
			}
			if want == "" {
				want = main
				if !strings.Contains(want, "This link cannot be used") {
					t.Fatalf("the refusal: %s", want)
				}
			} else if main != want {
				t.Errorf("%s %s link: a page of its own:\n%s\nwant\n%s", method, name, main, want)
			}
		}
	}
	if after := dbFingerprint(t, fx.db); after != before {
		t.Errorf("refused links wrote:\n%s\n%s", before, after)
	}
	if rd, err := fx.db.PulseRound(ctx, "U60057", due.ID); err != nil || rd.Sealed || !rd.ClosedOn.IsZero() {
		t.Errorf("the form closed or sealed a round: %+v %v", rd, err)
	}

	// The comparison seals the round past its day before it reads its cache: 5 of 6.
	lead := client(t)
	signIn(t, fx.ts, lead, "lead@test.nhs.uk")
	res, doc := getPage(t, lead, fx.ts.URL+"/icbs/QOC/compare")
	if res.StatusCode != 200 {
		t.Fatalf("compare: %d", res.StatusCode)
	}
	if got := text(doc.Find(`[data-testid="cmp-int-U60057-pulse"]`)); got != "5 of 6" {
		t.Errorf("the comparison counts %q of the round past its day, want 5 of 6", got)
	}
	if rd, _ := fx.db.PulseRound(ctx, "U60057", due.ID); !rd.Sealed || !rd.ClosedOn.Equal(today) {
		t.Errorf("the round past its day after the comparison: %+v", rd)
	}

	// The PCN's pulse page seals too: a round of U47425 closing today, with no answer.
	next, _, err := fx.db.OpenPulseRound(ctx, "U47425", today.AddDate(0, 0, -workforce.MinPulseRoundDays), today, []workforce.RoleGroup{workforce.GroupOther}, capBy)
	if err != nil {
		t.Fatal(err)
	}
	_, doc, _ = fx.fetchAs(t, "other-manager", "/pcns/U47425/pulse")
	if got := text(doc.Find(`[data-testid="pulse-latest-count"]`)); !strings.Contains(got, "0 of 1 answered") {
		t.Errorf("U47425's latest round %q, want the round closed today", got)
	}
	if rd, _ := fx.db.PulseRound(ctx, "U47425", next.ID); !rd.Sealed {
		t.Errorf("the pulse page did not seal the round past its day: %+v", rd)
	}
	// Each round closed by its day is audited as closed by no one, once.
	var audited int
	if err := fx.db.QueryRowForTest(ctx, `SELECT count(*) FROM audit_log WHERE action = 'pulse_round.close'
		AND actor = 'arrs (closing day)' AND entity_id IN ('`+strconv.FormatInt(due.ID, 10)+`', '`+strconv.FormatInt(next.ID, 10)+`')`, &audited); err != nil || audited != 2 {
		t.Errorf("%d closes by the day audited, want 2 (%v)", audited, err)
	}
}

// The public form, requested with a signed-in user's cookie, reads and writes no
// session: no Set-Cookie on the form, its answer or a refusal, the sessions table
// unchanged, and the session still signed in afterwards.
func TestPulseFormSession(t *testing.T) {
	t.Parallel()
	fx := newPulseFixture(t)
	_, tokens := fx.open(t, "U60057", workforce.GroupPharmacy, workforce.GroupPharmacy)
	c := client(t)
	signIn(t, fx.ts, c, "manager@test.nhs.uk")
	form, _ := url.Parse(fx.ts.URL + "/pulse/" + tokens[workforce.GroupPharmacy][0])
	if len(c.Jar.Cookies(form)) == 0 {
		t.Fatal("the signed-in client sends no cookie to the form: the test tests nothing")
	}
	sessions := func() string {
		t.Helper()
		var out string
		if err := fx.db.QueryRowForTest(context.Background(),
			`SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, ',' ORDER BY t::text)), '') FROM sessions t`, &out); err != nil {
			t.Fatal(err)
		}
		return out
	}
	before := sessions()
	answer := url.Values{}
	for _, it := range workforce.PulseItems {
		answer.Set(it.Key, "4")
	}
	for _, step := range []struct {
		name string
		do   func() (*http.Response, error)
		want int
	}{
		{"the form", func() (*http.Response, error) { return c.Get(form.String()) }, 200},
		{"an invalid answer", func() (*http.Response, error) { return c.PostForm(form.String(), url.Values{}) }, http.StatusUnprocessableEntity},
		{"the answer", func() (*http.Response, error) { return c.PostForm(form.String(), answer) }, 200},
		{"the used link", func() (*http.Response, error) { return c.Get(form.String()) }, 404},
	} {
		res, err := step.do()
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
		if res.StatusCode != step.want || res.Header.Get("Set-Cookie") != "" {
			t.Errorf("%s: %d (want %d), Set-Cookie %q", step.name, res.StatusCode, step.want, res.Header.Get("Set-Cookie"))
		}
	}
	if after := sessions(); after != before {
		t.Errorf("the public form touched the sessions:\n%s\n%s", before, after)
	}
	if res, _ := getPage(t, c, fx.ts.URL+"/pcns/U60057/pulse"); res.StatusCode != 200 {
		t.Errorf("the manager's session after the form: %d", res.StatusCode)
	}
}

// A manager asking for another PCN's round under their own PCN's address (its links,
// its close form, closing it) is not found, and nothing changes: the round stays open
// with its links.
func TestPulseRoundOfAnotherPCN(t *testing.T) {
	t.Parallel()
	fx := newPulseFixture(t)
	theirs, _ := fx.open(t, "U47425", workforce.GroupPharmacy, workforce.GroupNursing)
	c := client(t)
	signIn(t, fx.ts, c, "manager@test.nhs.uk")
	base := fx.ts.URL + "/pcns/U60057/pulse/" + strconv.FormatInt(theirs.ID, 10)
	before := dbFingerprint(t, fx.db)
	for _, path := range []string{"/links", "/close"} {
		if res, _ := getPage(t, c, base+path); res.StatusCode != 404 {
			t.Errorf("GET %s of U47425's round as U60057's manager: %d", path, res.StatusCode)
		}
	}
	if code, _ := postForm(t, c, base+"/close", url.Values{"version": {strconv.Itoa(theirs.Version)}}); code != 404 {
		t.Errorf("POST close of U47425's round as U60057's manager: %d", code)
	}
	if after := dbFingerprint(t, fx.db); after != before {
		t.Errorf("another PCN's round was changed:\n%s\n%s", before, after)
	}
	ctx := context.Background()
	if rd, err := fx.db.PulseRound(ctx, "U47425", theirs.ID); err != nil || !rd.ClosedOn.IsZero() || rd.Sealed {
		t.Errorf("U47425's round %+v %v", rd, err)
	}
	if links, err := fx.db.PulseLinks(ctx, "U47425", theirs.ID); err != nil || len(links) != 2 {
		t.Errorf("U47425's links: %d %v", len(links), err)
	}
}

// The form that opens a round ignores ?as_of=: it counts, and the round issues, one
// link per ARRS member of staff in post today by the records, whatever day the address
// names and whatever the latest census holds: a member of staff added by hand who
// started after the census gets a link, one who left before today does not.
func TestPulseNewStaffInPostToday(t *testing.T) {
	t.Parallel()
	fx := newPulseFixture(t)
	ctx := context.Background()
	today := fx.s.today()
	latest, err := fx.db.LatestCensus(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !latest.Before(today) {
		t.Fatalf("the latest census %s is not before today: the test tests nothing", latest.Format(time.DateOnly))
	}
	arrs := func(d time.Time) int {
		t.Helper()
		staff, err := fx.db.StaffInPost(ctx, "U60057", d)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, s := range staff {
			if s.RoleCode != "" {
				n++
			}
		}
		return n
	}
	// Added by hand: a paramedic starting today (after the census), a clinical
	// pharmacist in post at the census who left yesterday (the last day before their
	// end), and a paramedic who starts tomorrow.
	for _, row := range []string{
		`('U60057', 'paramedic', 'Paramedic', 'manual', 1, '` + today.Format(time.DateOnly) + `', NULL)`,
		`('U60057', 'clinical_pharmacist', 'Clinical pharmacist', 'manual', 1, '` + latest.Format(time.DateOnly) + `', '` + today.Format(time.DateOnly) + `')`,
		`('U60057', 'paramedic', 'Paramedic', 'manual', 1, '` + today.AddDate(0, 0, 1).Format(time.DateOnly) + `', NULL)`,
	} {
		fx.exec(t, `INSERT INTO staff (pcn_code, role_code, staff_role, source, fte, start_date, end_date) VALUES `+row)
	}
	want := arrs(today)
	first, _ := workforce.DescribableDays(today)
	var other time.Time
	for d := latest.AddDate(0, -1, 0); !d.Before(first); d = d.AddDate(0, -1, 0) {
		if arrs(d) != want {
			other = d
			break
		}
	}
	if other.IsZero() || want == 0 {
		t.Fatalf("U60057 has %d ARRS staff today and no other day differs: the test tests nothing", want)
	}
	c := client(t)
	signIn(t, fx.ts, c, "manager@test.nhs.uk")
	newURL := fx.ts.URL + "/pcns/U60057/pulse/new?as_of=" + other.Format(workforce.DateLayout)
	res, doc := getPage(t, c, newURL)
	got := text(doc.Find(`[data-testid="pulse-new-links"]`))
	if res.StatusCode != 200 || !strings.Contains(got, "issues "+strconv.Itoa(want)+" single-use link") || !strings.Contains(got, "in post today") {
		t.Errorf("the form with ?as_of=%s: %d %q; want %d links, in post today", other.Format(time.DateOnly), res.StatusCode, got, want)
	}
	closes := today.AddDate(0, 0, 14)
	code, _ := postForm(t, c, newURL, url.Values{"closes[day]": {strconv.Itoa(closes.Day())},
		"closes[month]": {strconv.Itoa(int(closes.Month()))}, "closes[year]": {strconv.Itoa(closes.Year())}})
	rounds, err := fx.db.PulseRounds(ctx, "U60057")
	if code != http.StatusSeeOther || err != nil || len(rounds) != 1 || rounds[0].LinksIssued != want {
		t.Fatalf("opened with ?as_of=: %d, %+v %v; want one round of %d links", code, rounds, err, want)
	}
	// The links' groups are those of the staff in post today: the starter's (first
	// contact) counted, the leaver's (pharmacy) not, tomorrow's not.
	links, err := fx.db.PulseLinks(ctx, "U60057", rounds[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	groupsOn := func(d time.Time) map[workforce.RoleGroup]int {
		t.Helper()
		staff, err := fx.db.StaffInPost(ctx, "U60057", d)
		if err != nil {
			t.Fatal(err)
		}
		out := map[workforce.RoleGroup]int{}
		for _, st := range staff {
			if st.RoleCode != "" {
				out[workforce.RoleGroupOf(st.RoleCode)]++
			}
		}
		return out
	}
	wantGroups, censusGroups := groupsOn(today), groupsOn(latest)
	if maps.Equal(wantGroups, censusGroups) {
		t.Fatalf("groups today %v, as at the census: the test tests nothing", wantGroups)
	}
	gotGroups := map[workforce.RoleGroup]int{}
	for _, l := range links {
		gotGroups[l.RoleGroup]++
	}
	if !maps.Equal(gotGroups, wantGroups) {
		t.Errorf("links by group %v, want the staff in post today's %v (not the census's %v)", gotGroups, wantGroups, censusGroups)
	}
}

// With ARRS_PUBLIC_URL set the links are printed at that address, not the request's.
func TestPulsePublicURL(t *testing.T) {
	t.Parallel()
	fx := newPulseFixture(t)
	s := New(fx.db, config.Config{Dev: true, PublicURL: "https://planner.example"}, slog.New(slog.NewTextHandler(io.Discard, nil)))
	ts := httptest.NewServer(s.Routes())
	t.Cleanup(ts.Close)
	round, _ := fx.open(t, "U60057", workforce.GroupPharmacy, workforce.GroupOther)
	c := client(t)
	signIn(t, ts, c, "manager@test.nhs.uk")
	res, doc := getPage(t, c, ts.URL+"/pcns/U60057/pulse/"+strconv.FormatInt(round.ID, 10)+"/links")
	if res.StatusCode != 200 {
		t.Fatalf("links: %d", res.StatusCode)
	}
	listed := 0
	doc.Find(`textarea[readonly]`).Each(func(_ int, sel *goquery.Selection) {
		for _, line := range strings.Fields(sel.Text()) {
			if tok, ok := strings.CutPrefix(line, "https://planner.example/pulse/"); !ok || !store.ValidPulseToken(tok) {
				t.Errorf("listed %q", line)
			}
			listed++
		}
	})
	if listed != 2 {
		t.Errorf("%d links listed, want 2", listed)
	}
}
