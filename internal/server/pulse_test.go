package server

import (
	"bytes"
	"context"
	"encoding/csv"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/arrs-planner/arrs/internal/config"
	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/ingest"
	"github.com/arrs-planner/arrs/internal/refdata"
	"github.com/arrs-planner/arrs/internal/sheettest"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// pulseFixture is a server over the sample workforce with the personas, its log
// captured.
type pulseFixture struct {
	s    *Server
	ts   *httptest.Server
	db   *store.DB
	logs *logBuffer
}

func newPulseFixture(t *testing.T) pulseFixture {
	t.Helper()
	db := dbtest.New(t)
	f, _ := refdata.Open(refdata.SampleWorkforceFile)
	if _, err := ingest.NWRS(context.Background(), db, "sample.csv", f, store.Actor{Name: "test"}, nil, time.Now()); err != nil {
		t.Fatal(err)
	}
	f.Close()
	addPersonas(t, db)
	logs := &logBuffer{}
	s := New(db, config.Config{Dev: true}, slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug})))
	ts := httptest.NewServer(s.Routes())
	t.Cleanup(ts.Close)
	return pulseFixture{s, ts, db, logs}
}

// open opens a round of the PCN with a link per group given, and returns it with its
// tokens by group. The round opened workforce.MinPulseRoundDays ago (pulseOpenedOn),
// so that it may be closed today, and closes in 14 days.
func (fx pulseFixture) open(t *testing.T, pcn string, groups ...workforce.RoleGroup) (workforce.PulseRound, map[workforce.RoleGroup][]string) {
	t.Helper()
	round, links, err := fx.db.OpenPulseRound(context.Background(), pcn, fx.openedOn(), fx.s.today().AddDate(0, 0, 14), groups, capBy)
	if err != nil {
		t.Fatal(err)
	}
	tokens := map[workforce.RoleGroup][]string{}
	for _, l := range links {
		tokens[l.RoleGroup] = append(tokens[l.RoleGroup], l.Token)
	}
	return round, tokens
}

// openedOn is the day fx.open opens rounds on: workforce.MinPulseRoundDays ago.
func (fx pulseFixture) openedOn() time.Time {
	return fx.s.today().AddDate(0, 0, -workforce.MinPulseRoundDays)
}

// exec runs a statement as the test's owner (dates moved back, rows added).
func (fx pulseFixture) exec(t *testing.T, sql string) {
	t.Helper()
	var n int
	if err := fx.db.QueryRowForTest(context.Background(), `WITH x AS (`+sql+` RETURNING 1) SELECT count(*) FROM x`, &n); err != nil || n == 0 {
		t.Fatalf("%s: %d rows, %v", sql, n, err)
	}
}

func (fx pulseFixture) close(t *testing.T, pcn string, round workforce.PulseRound) {
	t.Helper()
	now, err := fx.db.PulseRound(context.Background(), pcn, round.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fx.db.ClosePulseRound(context.Background(), pcn, round.ID, now.Version, fx.s.today(), capBy); err != nil {
		t.Fatal(err)
	}
}

// answer posts an answer through a link, as a browser without JavaScript would.
func (fx pulseFixture) answer(t *testing.T, token string, scores [4]int, comment string) (int, string) {
	t.Helper()
	v := url.Values{CommentFieldForTest: {comment}}
	for i, it := range workforce.PulseItems {
		if scores[i] != 0 {
			v.Set(it.Key, strconv.Itoa(scores[i]))
		}
	}
	return postForm(t, client(t), fx.ts.URL+"/pulse/"+token, v)
}

// CommentFieldForTest is the comment's field name.
const CommentFieldForTest = "comment"

func repeat(g workforce.RoleGroup, n int) []workforce.RoleGroup {
	out := make([]workforce.RoleGroup, n)
	for i := range out {
		out[i] = g
	}
	return out
}

// dbFingerprint is every table of the public schema with its row count and a hash of
// its rows' contents, as "table=n:md5,…": equal fingerprints mean no row was added,
// removed or changed (an UPDATE that writes no answer is caught too).
func dbFingerprint(t *testing.T, db *store.DB) string {
	t.Helper()
	var out string
	err := db.QueryRowForTest(context.Background(), `
		SELECT string_agg(table_name || '=' || (xpath('/row/f/text()', query_to_xml(format(
		       'SELECT count(*) || '':'' || coalesce(md5(string_agg(t::text, '','' ORDER BY t::text)), '''') AS f FROM %I.%I t',
		       table_schema, table_name), false, true, '')))[1]::text, ',' ORDER BY table_name)
		FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`, &out)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func pulseAnswerCount(t *testing.T, db *store.DB, round int64) int {
	t.Helper()
	var n int
	if err := db.QueryRowForTest(context.Background(), `SELECT count(*) FROM pulse_answers WHERE round_id = `+strconv.FormatInt(round, 10), &n); err != nil {
		t.Fatal(err)
	}
	return n
}

func getPage(t *testing.T, c *http.Client, u string) (*http.Response, *goquery.Document) {
	t.Helper()
	res, err := c.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	doc, err := goquery.NewDocumentFromReader(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, doc
}

// The form works without JavaScript: a plain GET shows four fieldsets of five radios,
// a comment box with its limit written in the page, and a form that posts to itself;
// a plain POST saves the answer once.
func TestPulseForm(t *testing.T) {
	t.Parallel()
	fx := newPulseFixture(t)
	round, tokens := fx.open(t, "U60057", workforce.GroupPharmacy, workforce.GroupPharmacy, workforce.GroupNursing)
	token := tokens[workforce.GroupPharmacy][0]

	res, doc := getPage(t, client(t), fx.ts.URL+"/pulse/"+token)
	if res.StatusCode != 200 {
		t.Fatalf("form: %d", res.StatusCode)
	}
	if res.Header.Get("Cache-Control") != "no-store" || res.Header.Get("Referrer-Policy") != "no-referrer" {
		t.Errorf("headers: Cache-Control %q, Referrer-Policy %q", res.Header.Get("Cache-Control"), res.Header.Get("Referrer-Policy"))
	}
	if c := res.Header.Get("Set-Cookie"); c != "" {
		t.Errorf("the form set a cookie: %s", c)
	}
	form := doc.Find(`form[data-testid="pulse-form"]`)
	if m, _ := form.Attr("method"); m != "post" {
		t.Errorf("form method %q", m)
	}
	if a, _ := form.Attr("action"); a != "/pulse/"+token {
		t.Errorf("form action %q", a)
	}
	if got := form.Find("fieldset").Length(); got != 4 {
		t.Fatalf("%d fieldsets, want 4", got)
	}
	form.Find("fieldset").Each(func(i int, fs *goquery.Selection) {
		if legend := strings.TrimSpace(fs.Find("legend").Text()); legend != round.Questions[i] {
			t.Errorf("legend %d %q, want %q", i, legend, round.Questions[i])
		}
		if n := fs.Find(`input[type="radio"]`).Length(); n != 5 {
			t.Errorf("fieldset %d: %d radios", i, n)
		}
	})
	cc := doc.Find(`[data-module="nhsuk-character-count"]`)
	if max, _ := cc.Attr("data-maxlength"); max != "1000" || !strings.Contains(cc.Text(), "You can enter up to 1000 characters") {
		t.Errorf("character count: maxlength %q, text %q", max, cc.Text())
	}
	if got := strings.TrimSpace(doc.Find(`[data-testid="pulse-pcn"]`).Text()); got == "" || got == "U60057" {
		t.Errorf("the PCN's name: %q", got)
	}
	if doc.Find(`a[href="/account/password"]`).Length() != 0 || doc.Find(`form[action="/logout"]`).Length() != 0 {
		t.Error("the public form shows the signed-in header")
	}

	// Errors: nothing answered, a comment over the limit: 422, every message, nothing written.
	before := dbFingerprint(t, fx.db)
	code, body := fx.answer(t, token, [4]int{3, 0, 9, 4}, strings.Repeat("x", workforce.MaxPulseCommentLength+1))
	if code != http.StatusUnprocessableEntity {
		t.Fatalf("invalid answer: %d", code)
	}
	doc, _ = goquery.NewDocumentFromReader(strings.NewReader(body))
	if n := doc.Find(".nhsuk-error-summary li").Length(); n != 3 {
		t.Errorf("%d messages in the summary, want 3 (two items, the comment)", n)
	}
	if v, _ := doc.Find(`input[name="autonomy"][checked]`).Attr("value"); v != "3" {
		t.Errorf("the answer given is not kept: %q", v)
	}
	if after := dbFingerprint(t, fx.db); after != before {
		t.Errorf("an invalid answer wrote:\n%s\n%s", before, after)
	}

	code, body = fx.answer(t, token, [4]int{4, 5, 2, 1}, "  More admin support, please.  ")
	if code != 200 || !strings.Contains(body, "Your answer has been saved") {
		t.Fatalf("answer: %d", code)
	}
	if n := pulseAnswerCount(t, fx.db, round.ID); n != 1 {
		t.Fatalf("%d answers", n)
	}
	var stored string
	if err := fx.db.QueryRowForTest(context.Background(), `SELECT role_group || '|' || autonomy || belonging || contribution || staying || '|' || comment FROM pulse_answers`, &stored); err != nil {
		t.Fatal(err)
	}
	if stored != "pharmacy|4521|More admin support, please." {
		t.Errorf("stored %q", stored)
	}

	// A field sent twice is a bad request, and writes nothing.
	second := tokens[workforce.GroupPharmacy][1]
	before = dbFingerprint(t, fx.db)
	for _, dup := range []string{"autonomy=4&autonomy=1&belonging=3&contribution=3&staying=3",
		"autonomy=4&belonging=3&contribution=3&staying=3&comment=a&comment=b"} {
		v, _ := url.ParseQuery(dup)
		if code, body := postForm(t, client(t), fx.ts.URL+"/pulse/"+second, v); code != http.StatusBadRequest || !strings.Contains(body, "Nothing was saved") {
			t.Errorf("POST %s: %d", dup, code)
		}
	}
	if after := dbFingerprint(t, fx.db); after != before {
		t.Errorf("a field sent twice wrote:\n%s\n%s", before, after)
	}
	// A token typed in capitals is the same token: its form (posting to the token as
	// stored) and its answer.
	res, doc = getPage(t, client(t), fx.ts.URL+"/pulse/"+strings.ToUpper(second))
	if a, _ := doc.Find(`form[data-testid="pulse-form"]`).Attr("action"); res.StatusCode != 200 || a != "/pulse/"+second {
		t.Errorf("the form of a token in capitals: %d, action %q", res.StatusCode, a)
	}
	if code, _ := fx.answer(t, strings.ToUpper(second), [4]int{3, 3, 3, 3}, ""); code != 200 || pulseAnswerCount(t, fx.db, round.ID) != 2 {
		t.Errorf("an answer through a token in capitals: %d", code)
	}

	// Used twice (in capitals too), unknown, malformed, closed: the one refusal
	// (TestPulseUnusableLinks), nothing written.
	before = dbFingerprint(t, fx.db)
	unknown := strings.Repeat("a", workforce.PulseTokenLength)
	for _, path := range []string{"/pulse/" + token, "/pulse/" + unknown, "/pulse/ABC", "/pulse/" + strings.ToUpper(token)} {
		res, doc := getPage(t, client(t), fx.ts.URL+path)
		if res.StatusCode != 404 || !strings.Contains(doc.Find("h1").Text(), "This link cannot be used") ||
			!strings.Contains(text(doc.Find("main")), "If you have not answered yet, ask whoever gave you the link; they cannot tell which link was yours.") ||
			strings.Contains(text(doc.Find("main")), "next round") {
			t.Errorf("GET %s: %d %q", path, res.StatusCode, doc.Find("h1").Text())
		}
		if code, _ := postForm(t, client(t), fx.ts.URL+path, url.Values{"autonomy": {"3"}}); code != 404 {
			t.Errorf("POST %s: %d", path, code)
		}
	}
	if after := dbFingerprint(t, fx.db); after != before || pulseAnswerCount(t, fx.db, round.ID) != 2 {
		t.Errorf("refused links wrote:\n%s\n%s", before, after)
	}
	fx.close(t, "U60057", round)
	before = dbFingerprint(t, fx.db)
	closed := tokens[workforce.GroupNursing][0]
	res, doc = getPage(t, client(t), fx.ts.URL+"/pulse/"+closed)
	if res.StatusCode != 404 || doc.Find(`[data-testid="pulse-problem"]`).Length() != 1 {
		t.Errorf("closed round's link: %d", res.StatusCode)
	}
	if code, _ := fx.answer(t, closed, [4]int{3, 3, 3, 3}, ""); code != 404 {
		t.Errorf("answer through a closed round's link: %d", code)
	}
	if after := dbFingerprint(t, fx.db); after != before {
		t.Errorf("a closed round's link wrote:\n%s\n%s", before, after)
	}

	// The access log wrote every one of these requests, never a token.
	logged := fx.logs.String()
	for _, tok := range []string{token, second, closed, unknown, strings.ToUpper(token), strings.ToUpper(second)} {
		if strings.Contains(logged, tok) {
			t.Errorf("the log holds a token: %s", tok)
		}
	}
	if !fx.logs.has(t, map[string]string{"msg": "request", "path": "/pulse/{token}", "method": "POST"}) {
		t.Error("the access log has no redacted line of the form")
	}
	if strings.Contains(logged, "More admin support") {
		t.Error("the log holds a comment")
	}
}

func TestPulseRedactPath(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"/pulse/abcdefghijklmnopqrstuvwxyz": "/pulse/{token}",
		"/pulse/x/y":                        "/pulse/{token}",
		"//pulse/secret":                    "/pulse/{token}",
		"/PULSE/secret":                     "/pulse/{token}",
		"/x/../pulse/secret":                "/pulse/{token}",
		"/pcns/./../PULSE/secret":           "/pulse/{token}",
		"/pulse/secret/../../x":             "/pulse/{token}",
		"/pulse":                            "/pulse",
		"/pcns/U60057/pulse/12/links":       "/pcns/U60057/pulse/12/links",
		"/pcns/U60057":                      "/pcns/U60057",
	} {
		if got := redactPath(in); got != want {
			t.Errorf("redactPath(%q) = %q, want %q", in, got, want)
		}
	}
}

// A refused cross-origin post of a link logs its path without the token.
func TestPulseCrossOriginLog(t *testing.T) {
	t.Parallel()
	db := dbtest.New(t)
	s, ts := newTestServer(t, db)
	logs := captureSecurity(s)
	token := strings.Repeat("b", workforce.PulseTokenLength)
	req, _ := http.NewRequest(http.MethodPost, ts.URL+"/pulse/"+token, strings.NewReader("autonomy=1"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusForbidden {
		t.Fatalf("cross-origin post: %d", res.StatusCode)
	}
	if got := securityEvents(t, logs, "cross_origin_refused"); len(got) != 1 || got[0]["path"] != "/pulse/{token}" {
		t.Errorf("refusal logged as %v", got)
	}
	if strings.Contains(logs.String(), token) {
		t.Error("the security log holds the token")
	}
}

// Opening a round through the pages: the number of links, a closing date 7 to 56 days
// ahead, the links page (one slip per link left, saying how many were used, and 404
// once sealed), closing it (not before it has been open 7 days).
func TestPulseRoundPages(t *testing.T) {
	t.Parallel()
	fx := newPulseFixture(t)
	c := client(t)
	signIn(t, fx.ts, c, "manager@test.nhs.uk")
	res, doc := getPage(t, c, fx.ts.URL+"/pcns/U60057/pulse/new")
	if res.StatusCode != 200 {
		t.Fatalf("new: %d", res.StatusCode)
	}
	links := doc.Find(`[data-testid="pulse-new-links"]`).Text()
	if !strings.Contains(links, "single-use link") {
		t.Fatalf("no count of links: %q", doc.Find("main").Text())
	}
	if v, _ := doc.Find(`input[name="closes[day]"]`).Attr("value"); v != strconv.Itoa(fx.s.today().AddDate(0, 0, 21).Day()) {
		t.Errorf("default closing day %q", v)
	}
	date := func(d time.Time) url.Values {
		return url.Values{"closes[day]": {strconv.Itoa(d.Day())}, "closes[month]": {strconv.Itoa(int(d.Month()))}, "closes[year]": {strconv.Itoa(d.Year())}}
	}
	today := fx.s.today()
	if hint := text(doc.Find("#closes-hint")); !strings.Contains(hint, "At least 7 and at most 56 days from today") {
		t.Errorf("the closing date's hint %q", hint)
	}
	before := dbFingerprint(t, fx.db)
	for d, want := range map[time.Time]string{
		today:                  "at least 7 days after today",
		today.AddDate(0, 0, 6): "at least 7 days after today",
		today.AddDate(0, 0, workforce.MaxPulseRoundDays+1): "on or before",
	} {
		if code, body := postForm(t, c, fx.ts.URL+"/pcns/U60057/pulse/new", date(d)); code != http.StatusUnprocessableEntity || !strings.Contains(body, want) {
			t.Errorf("closing %s: %d, want 422 saying %q", d.Format(time.DateOnly), code, want)
		}
	}
	if after := dbFingerprint(t, fx.db); after != before {
		t.Errorf("a refused round wrote:\n%s\n%s", before, after)
	}
	// Eight days: a round of seven closes by itself before it could be closed by hand
	// (TestPulseRoundClosesByItself).
	res2, err := c.PostForm(fx.ts.URL+"/pcns/U60057/pulse/new", date(today.AddDate(0, 0, 8)))
	if err != nil {
		t.Fatal(err)
	}
	res2.Body.Close()
	loc := res2.Header.Get("Location")
	if res2.StatusCode != http.StatusSeeOther || !strings.HasSuffix(loc, "/links") {
		t.Fatalf("open: %d %s", res2.StatusCode, loc)
	}
	res, doc = getPage(t, c, fx.ts.URL+loc)
	rounds, _ := fx.db.PulseRounds(context.Background(), "U60057")
	if res.StatusCode != 200 || len(rounds) != 1 {
		t.Fatalf("links: %d, %d rounds", res.StatusCode, len(rounds))
	}
	slips := doc.Find(`[data-testid="links-slip"]`).Length()
	if slips != rounds[0].LinksIssued || slips == 0 {
		t.Errorf("%d slips for %d links", slips, rounds[0].LinksIssued)
	}
	listed := 0
	doc.Find(`textarea[readonly]`).Each(func(_ int, s *goquery.Selection) {
		for _, line := range strings.Fields(s.Text()) {
			if !strings.HasPrefix(line, fx.ts.URL+"/pulse/") || !store.ValidPulseToken(strings.TrimPrefix(line, fx.ts.URL+"/pulse/")) {
				t.Errorf("listed %q", line)
			}
			listed++
		}
	})
	if listed != slips {
		t.Errorf("%d listed, %d slips", listed, slips)
	}
	if doc.Find(`[data-testid="links-used"]`).Length() != 0 {
		t.Error("the sheet of a round with no answer says links were used")
	}
	// An answer deletes its link: the sheet lists the others and says one was used.
	first := strings.Fields(doc.Find(`textarea[readonly]`).First().Text())[0]
	if code, _ := fx.answer(t, strings.TrimPrefix(first, fx.ts.URL+"/pulse/"), [4]int{3, 3, 3, 3}, ""); code != 200 {
		t.Fatalf("answer: %d", code)
	}
	res, doc = getPage(t, c, fx.ts.URL+loc)
	if n := doc.Find(`[data-testid="links-slip"]`).Length(); res.StatusCode != 200 || n != slips-1 || strings.Contains(doc.Text(), first) {
		t.Errorf("the sheet after an answer: %d, %d slips of %d, the used link listed %v", res.StatusCode, n, slips, strings.Contains(doc.Text(), first))
	}
	if got := text(doc.Find(`[data-testid="links-used"]`)); !strings.HasPrefix(got, "1 link has been used and is no longer listed") {
		t.Errorf("the sheet says %q", got)
	}
	// A second round is refused while one is open.
	if code, body := postForm(t, c, fx.ts.URL+"/pcns/U60057/pulse/new", date(today.AddDate(0, 0, 7))); code != http.StatusUnprocessableEntity || !strings.Contains(body, "Close it before opening another") {
		t.Errorf("second round: %d", code)
	}
	// Close: a stale version is 409; the right one closes, and the links are gone.
	// Not before it has been open 7 days: the page says from when, with no button,
	// and a close posted anyway is refused, writing nothing.
	closeURL := fx.ts.URL + "/pcns/U60057/pulse/" + strconv.FormatInt(rounds[0].ID, 10) + "/close"
	earliest := today.AddDate(0, 0, workforce.MinPulseRoundDays).Format(dateLong)
	res, doc = getPage(t, c, closeURL)
	if got := text(doc.Find(`[data-testid="pulse-close-from"]`)); res.StatusCode != 200 || !strings.HasPrefix(got, "This round can be closed from "+earliest+".") ||
		doc.Find(`main form button, main form input[type="submit"]`).Length() != 0 {
		t.Errorf("close form the day it opened: %d, %q", res.StatusCode, got)
	}
	before = dbFingerprint(t, fx.db)
	if code, body := postForm(t, c, closeURL, url.Values{"version": {strconv.Itoa(rounds[0].Version)}}); code != http.StatusUnprocessableEntity ||
		!strings.Contains(body, "This round can be closed from "+earliest) {
		t.Errorf("closing the day it opened: %d", code)
	}
	if after := dbFingerprint(t, fx.db); after != before {
		t.Errorf("a close too early wrote:\n%s\n%s", before, after)
	}
	// A week on (its opening moved back), it may be closed.
	fx.exec(t, `UPDATE pulse_rounds SET opened_on = opened_on - 7 WHERE id = `+strconv.FormatInt(rounds[0].ID, 10))
	res, doc = getPage(t, c, closeURL)
	if res.StatusCode != 200 || doc.Find(`[data-testid="pulse-close-from"]`).Length() != 0 || doc.Find(`main form button`).Length() != 1 {
		t.Errorf("close form a week on: %d", res.StatusCode)
	}
	if code, _ := postForm(t, c, closeURL, url.Values{"version": {"99"}}); code != http.StatusConflict {
		t.Errorf("stale close: %d", code)
	}
	res3, err := c.PostForm(closeURL, url.Values{"version": {strconv.Itoa(rounds[0].Version)}})
	if err != nil {
		t.Fatal(err)
	}
	res3.Body.Close()
	if res3.StatusCode != http.StatusSeeOther {
		t.Errorf("close: %d", res3.StatusCode)
	}
	// Its links and close pages now say it has closed (410), with the way back.
	for _, path := range []string{loc, strings.TrimPrefix(closeURL, fx.ts.URL)} {
		res, doc := getPage(t, c, fx.ts.URL+path)
		if res.StatusCode != http.StatusGone || text(doc.Find("h1")) != "This round has closed" ||
			doc.Find(`main a[data-testid="pulse-back"][href="/pcns/U60057/pulse"]`).Length() != 1 || doc.Find("main textarea, main form").Length() != 0 {
			t.Errorf("%s after closing: %d, %q", path, res.StatusCode, text(doc.Find("h1")))
		}
	}
	before = dbFingerprint(t, fx.db)
	if code, body := postForm(t, c, closeURL, url.Values{"version": {strconv.Itoa(rounds[0].Version + 1)}}); code != http.StatusGone ||
		!strings.Contains(body, "Its links were deleted when it closed") {
		t.Errorf("closing a closed round: %d", code)
	}
	if after := dbFingerprint(t, fx.db); after != before {
		t.Errorf("closing a closed round wrote:\n%s\n%s", before, after)
	}
	// Audited with counts only.
	acts := auditActions(t, fx.db)
	if !slices.Contains(acts, "manager@test.nhs.uk pulse_round.open") || !slices.Contains(acts, "manager@test.nhs.uk pulse_round.close") {
		t.Errorf("audit %v", acts)
	}
}

// A round of seven days closes by itself on its day, the first it could be closed by
// hand: its pulse page offers no "Close this round" and says so, its close page says so
// with no button, and a close posted anyway is refused, writing nothing. Each page
// says the last day to answer, the day before the closing date.
func TestPulseRoundClosesByItself(t *testing.T) {
	t.Parallel()
	fx := newPulseFixture(t)
	ctx := context.Background()
	today := fx.s.today()
	closes := today.AddDate(0, 0, workforce.MinPulseRoundDays)
	round, links, err := fx.db.OpenPulseRound(ctx, "U60057", today, closes, []workforce.RoleGroup{workforce.GroupPharmacy}, capBy)
	if err != nil {
		t.Fatal(err)
	}
	last := closes.AddDate(0, 0, -1).Format(dateLong)
	_, doc, _ := fx.fetchAs(t, "manager", "/pcns/U60057/pulse")
	if got := text(doc.Find(`[data-testid="pulse-open-count"]`)); !strings.Contains(got, "closing on "+closes.Format(dateLong)+" (last answers on "+last+")") {
		t.Errorf("open round %q", got)
	}
	if doc.Find(`[data-testid="pulse-close-link"]`).Length() != 0 || doc.Find(`[data-testid="pulse-links-link"]`).Length() != 1 ||
		!strings.HasPrefix(text(doc.Find(`[data-testid="pulse-closes-itself"]`)), "The round closes by itself on "+closes.Format(dateLong)) {
		t.Errorf("the pulse page of a round that closes by itself: close link %d, note %q",
			doc.Find(`[data-testid="pulse-close-link"]`).Length(), text(doc.Find(`[data-testid="pulse-closes-itself"]`)))
	}
	c := client(t)
	signIn(t, fx.ts, c, "manager@test.nhs.uk")
	closeURL := fx.ts.URL + "/pcns/U60057/pulse/" + strconv.FormatInt(round.ID, 10) + "/close"
	res, doc := getPage(t, c, closeURL)
	want := "This round closes by itself on " + closes.Format(dateLong) + "."
	if got := text(doc.Find(`[data-testid="pulse-close-itself"]`)); res.StatusCode != 200 || !strings.HasPrefix(got, want) ||
		doc.Find(`[data-testid="pulse-close-from"]`).Length() != 0 || doc.Find(`main form`).Length() != 0 {
		t.Errorf("close page: %d, %q", res.StatusCode, got)
	}
	before := dbFingerprint(t, fx.db)
	if code, body := postForm(t, c, closeURL, url.Values{"version": {strconv.Itoa(round.Version)}}); code != http.StatusUnprocessableEntity ||
		!strings.Contains(body, want) {
		t.Errorf("closing a round that closes by itself: %d", code)
	}
	if after := dbFingerprint(t, fx.db); after != before {
		t.Errorf("the refused close wrote:\n%s\n%s", before, after)
	}
	// The form of its link says the last day to answer.
	_, form := getPage(t, client(t), fx.ts.URL+"/pulse/"+links[0].Token)
	if got := text(form.Find(`[data-testid="pulse-last-day"]`)); got != "You can answer until "+last+"." {
		t.Errorf("the form says %q", got)
	}
	// A round of eight days may be closed by hand on its seventh: the link is offered.
	fx.exec(t, `UPDATE pulse_rounds SET closes_on = closes_on + 1 WHERE id = `+strconv.FormatInt(round.ID, 10))
	if _, doc, _ := fx.fetchAs(t, "manager", "/pcns/U60057/pulse"); doc.Find(`[data-testid="pulse-close-link"]`).Length() != 1 ||
		doc.Find(`[data-testid="pulse-closes-itself"]`).Length() != 0 {
		t.Error("a round of eight days: no close link")
	}
}

// A closed round of another PCN, asked for under a manager's own PCN, is not found
// (404), not gone: its links and close pages, and a close posted.
func TestPulseClosedRoundOfAnotherPCN(t *testing.T) {
	t.Parallel()
	fx := newPulseFixture(t)
	theirs, _ := fx.open(t, "U47425", workforce.GroupPharmacy)
	fx.close(t, "U47425", theirs)
	c := client(t)
	signIn(t, fx.ts, c, "manager@test.nhs.uk")
	base := fx.ts.URL + "/pcns/U60057/pulse/" + strconv.FormatInt(theirs.ID, 10)
	for _, path := range []string{"/links", "/close"} {
		if res, _ := getPage(t, c, base+path); res.StatusCode != 404 {
			t.Errorf("GET %s of U47425's closed round as U60057's manager: %d", path, res.StatusCode)
		}
	}
	if code, _ := postForm(t, c, base+"/close", url.Values{"version": {"9"}}); code != 404 {
		t.Errorf("POST close of U47425's closed round as U60057's manager: %d", code)
	}
}

// pcnInICB is a PCN of the ICB today other than the one given.
func (fx pulseFixture) pcnInICB(t *testing.T, icb, not string) string {
	t.Helper()
	tree, err := fx.s.treeOn(context.Background(), fx.s.today())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range tree.PCNsOf(icb) {
		if p.Code != not {
			return p.Code
		}
	}
	t.Fatalf("no other PCN in %s", icb)
	return ""
}

// fetchAs is a page as a persona.
func (fx pulseFixture) fetchAs(t *testing.T, persona, path string) (int, *goquery.Document, string) {
	t.Helper()
	c := client(t)
	signIn(t, fx.ts, c, persona+"@test.nhs.uk")
	res, err := c.Get(fx.ts.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	doc, _ := goquery.NewDocumentFromReader(bytes.NewReader(b))
	return res.StatusCode, doc, string(b)
}

func csvRecords(t *testing.T, body string) [][]string {
	t.Helper()
	recs, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

func text(s *goquery.Selection) string { return strings.Join(strings.Fields(s.Text()), " ") }

// A group of 4 is never shown, on any page or in any file, at any level, nor can it be
// recovered by differencing: a PCN of 4 answers (all 1s) beside a PCN of 6 in the same
// ICB; in the other ICB a PCN whose nursing group of 4 (all 1s) is merged.
func TestPulseSuppression(t *testing.T) {
	t.Parallel()
	fx := newPulseFixture(t)
	small, big := "U60057", fx.pcnInICB(t, "QOC", "U60057")
	const groups = "U47425"

	r1, tok1 := fx.open(t, small, repeat(workforce.GroupPharmacy, 6)...)
	for _, tok := range tok1[workforce.GroupPharmacy][:4] {
		fx.answer(t, tok, [4]int{1, 1, 1, 1}, "small pcn comment "+tok[:4])
	}
	r2, tok2 := fx.open(t, big, repeat(workforce.GroupFirstContact, 8)...)
	for i, tok := range tok2[workforce.GroupFirstContact][:6] {
		fx.answer(t, tok, [4]int{5, 4, 2 + i%3, 3}, "")
	}
	r3, tok3 := fx.open(t, groups, append(append(repeat(workforce.GroupPharmacy, 5), repeat(workforce.GroupFirstContact, 6)...), repeat(workforce.GroupNursing, 4)...)...)
	for _, tok := range tok3[workforce.GroupPharmacy] {
		fx.answer(t, tok, [4]int{4, 4, 4, 4}, "pharmacy says hello")
	}
	for _, tok := range tok3[workforce.GroupFirstContact] {
		fx.answer(t, tok, [4]int{5, 5, 5, 5}, "")
	}
	for _, tok := range tok3[workforce.GroupNursing] {
		fx.answer(t, tok, [4]int{1, 1, 1, 1}, "nursing secret")
	}

	// While open: counts only, no figures.
	_, doc, _ := fx.fetchAs(t, "manager", "/pcns/"+small+"/pulse")
	if got := text(doc.Find(`[data-testid="pulse-open-count"]`)); !strings.Contains(got, "4 of 6 answered") {
		t.Errorf("open count %q", got)
	}
	if doc.Find(`[data-testid="pulse-total"]`).Length() != 0 {
		t.Error("figures of an open round")
	}
	fx.close(t, small, r1)
	fx.close(t, big, r2)
	fx.close(t, groups, r3)

	// The small PCN: its count, no figures, on its manager's and director's pages.
	for _, persona := range []string{"manager", "director", "lead", "admin"} {
		code, doc, body := fx.fetchAs(t, persona, "/pcns/"+small+"/pulse")
		if code != 200 {
			t.Fatalf("%s: %d", persona, code)
		}
		if got := text(doc.Find(`[data-testid="pulse-latest-count"]`)); !strings.Contains(got, "4 of 6 answered") {
			t.Errorf("%s: count %q", persona, got)
		}
		if doc.Find(`[data-testid="pulse-suppressed"]`).Length() != 1 || doc.Find(`[data-testid="pulse-total"]`).Length() != 0 {
			t.Errorf("%s: the small PCN's figures are shown", persona)
		}
		if strings.Contains(body, "small pcn comment") {
			t.Errorf("%s: a suppressed comment is shown", persona)
		}
		if own := text(doc.Find(`[data-testid="context-autonomy"] td`).First()); own != "not shown" {
			t.Errorf("%s: the PCN's context %q", persona, own)
		}
	}

	// The ICB of the two: the small PCN not shown, the average equal to the big one's.
	code, doc, _ := fx.fetchAs(t, "lead", "/icbs/QOC/pulse")
	if code != 200 {
		t.Fatalf("icb page: %d", code)
	}
	smallRow, bigRow := doc.Find(`[data-testid="icb-pcn-`+small+`"] td`), doc.Find(`[data-testid="icb-pcn-`+big+`"] td`)
	// Every PCN of the ICB, named with its code, by name.
	var names []string
	doc.Find(`[data-testid^="icb-pcn-"]`).Each(func(_ int, row *goquery.Selection) {
		code := strings.TrimPrefix(row.AttrOr("data-testid", ""), "icb-pcn-")
		name := text(row.Find("th").First())
		if !strings.HasSuffix(name, " ("+code+")") {
			t.Errorf("the ICB's row of %s is named %q, without its code", code, name)
		}
		names = append(names, strings.ToLower(name))
	})
	if len(names) < 2 || !slices.IsSorted(names) {
		t.Errorf("the ICB's PCNs are not by name: %v", names)
	}
	if !strings.Contains(text(smallRow), "4 of 6") || !strings.Contains(text(smallRow), "not shown (fewer than 5)") || strings.Contains(text(smallRow), "%") {
		t.Errorf("small PCN row %q", text(smallRow))
	}
	avg := doc.Find(`[data-testid="icb-average"] td`)
	for i := 2; i < 6; i++ {
		if a, b := text(avg.Eq(i)), text(bigRow.Eq(i)); a != b || !strings.HasSuffix(a, "%") {
			t.Errorf("column %d: ICB average %q, the shown PCN %q: must be equal", i, a, b)
		}
	}
	if got := text(doc.Find(`[data-testid="pulse-pools"]`)); !strings.Contains(got, "pools 1 PCN (6 answers); 1 PCN with fewer than 5 answers is left out") {
		t.Errorf("pools %q", got)
	}
	// England pools the big PCN and the grouped one (6 + 15), leaving the small out.
	if got := text(doc.Find(`[data-testid="england-average"] td`).Eq(1)); got != "21" {
		t.Errorf("England pools %q answers, want 21", got)
	}

	// The grouped PCN: nursing's 4 merged with pharmacy, so first contact and the
	// merged cell partition the total; no cell holds nursing alone.
	code, doc, body := fx.fetchAs(t, "other-manager", "/pcns/"+groups+"/pulse")
	if code != 200 {
		t.Fatalf("grouped: %d", code)
	}
	var cellNs int
	doc.Find(`[data-testid^="pulse-cell-"] caption`).Each(func(_ int, s *goquery.Selection) {
		c := text(s)
		if strings.Contains(c, "Nursing (") {
			t.Errorf("nursing shown alone: %q", c)
		}
		n, _ := strconv.Atoi(strings.Fields(c[strings.LastIndex(c, "(")+1:])[0])
		if n < workforce.PulseMinGroup {
			t.Errorf("a cell of %d: %q", n, c)
		}
		cellNs += n
	})
	// The merged cell is "Smaller groups combined", naming none of its groups: naming
	// nursing would say that a nurse answered.
	mergedCells := 0
	doc.Find(`[data-testid^="pulse-cell-"]`).Each(func(_ int, s *goquery.Selection) {
		if text(s.Find("h3")) != workforce.GroupMerged.Label() {
			return
		}
		mergedCells++
		c := s.Clone()
		c.Find("details").Remove() // the manager's comments
		for _, g := range workforce.RoleGroups {
			if strings.Contains(text(c), g.Label()) {
				t.Errorf("the merged cell names %s: %q", g.Label(), text(c))
			}
		}
	})
	if mergedCells != 1 {
		t.Errorf("%d merged cells, want 1", mergedCells)
	}
	if cellNs != 15 || doc.Find(`[data-testid="pulse-merged"]`).Length() != 1 {
		t.Errorf("cells hold %d answers of 15, merged note %d", cellNs, doc.Find(`[data-testid="pulse-merged"]`).Length())
	}
	if strings.Contains(body, ">0%<") || strings.Contains(body, ">1.0<") {
		t.Error("a figure of the nursing group alone (0% agree, mean 1.0) is shown")
	}
	// The manager reads comments under their cell; the merged cell's include nursing's.
	if !strings.Contains(text(doc.Find(`[data-testid^="pulse-comments-"]`)), "nursing secret") {
		t.Error("the manager does not see the merged cell's comments")
	}
	for _, persona := range []string{"other-lead", "admin"} {
		if _, _, body := fx.fetchAs(t, persona, "/pcns/"+groups+"/pulse"); strings.Contains(body, "nursing secret") || strings.Contains(body, "pharmacy says hello") {
			t.Errorf("%s sees comments", persona)
		}
	}
	_, _, body = fx.fetchAs(t, "director", "/pcns/"+big+"/pulse")
	if strings.Contains(body, "data-testid=\"pulse-comments-") {
		t.Error("a director sees comments")
	}

	// Files: the small PCN's round has its count and empty figures; no group row; no comment.
	mc := client(t)
	signIn(t, fx.ts, mc, "manager@test.nhs.uk")
	_, pcnCSV := getBody(t, mc, fx.ts.URL+"/pcns/"+small+"/pulse.csv")
	recs := csvRecords(t, pcnCSV)
	if strings.Join(recs[0], ",") != "pcn_code,round_opened,round_closed,group,links_issued,responses,shown,autonomy_agree_pct,autonomy_mean,belonging_agree_pct,belonging_mean,contribution_agree_pct,contribution_mean,staying_agree_pct,staying_mean" {
		t.Errorf("header %v", recs[0])
	}
	today, opened := fx.s.today().Format(time.DateOnly), fx.openedOn().Format(time.DateOnly)
	if len(recs) != 2 || strings.Join(recs[1], ",") != small+","+opened+","+today+",all,6,4,0,,,,,,,," {
		t.Errorf("small PCN's file %v", recs)
	}
	if strings.Contains(pcnCSV, "comment") {
		t.Error("a comment in the file")
	}
	_, xlsx := getBody(t, mc, fx.ts.URL+"/pcns/"+small+"/pulse.xlsx")
	if rows := sheettest.Open(t, []byte(xlsx)).Rows("Pulse"); len(rows) != 2 || strings.Join(rows[1][:7], ",") != small+","+opened+","+today+",all,6,4,0" || len(rows[1]) > 7 && strings.Join(rows[1][7:], "") != "" {
		t.Errorf("small PCN's workbook %v", rows)
	}
	oc := client(t)
	signIn(t, fx.ts, oc, "other-manager@test.nhs.uk")
	_, groupsCSV := getBody(t, oc, fx.ts.URL+"/pcns/"+groups+"/pulse.csv")
	var gs []string
	for _, r := range csvRecords(t, groupsCSV)[1:] {
		gs = append(gs, r[3]+"="+r[5])
	}
	if strings.Join(gs, ",") != "all=15,first_contact=6,merged=9" || strings.Contains(groupsCSV, "nursing") {
		t.Errorf("grouped PCN's rows %v", gs)
	}

	// The ICB file: the small PCN empty, the ICB row equal to the big PCN's figures, England without the small one.
	lc := client(t)
	signIn(t, fx.ts, lc, "lead@test.nhs.uk")
	_, icbCSV := getBody(t, lc, fx.ts.URL+"/icbs/QOC/pulse.csv")
	byCode := map[string][]string{}
	for _, r := range csvRecords(t, icbCSV)[1:] {
		byCode[r[0]+":"+r[1]] = r
	}
	if r := byCode["pcn:"+small]; r == nil || strings.Join(r[5:], ",") != "6,4,0,,,,,,,," {
		t.Errorf("small PCN in the ICB file %v", r)
	}
	b, i := byCode["pcn:"+big], byCode["icb:QOC"]
	if b == nil || i == nil || strings.Join(b[6:], ",") != strings.Join(i[6:], ",") || i[5] != "8" {
		t.Errorf("ICB row %v must equal the shown PCN's %v (links 8)", i, b)
	}
	if e := byCode["england:"+workforce.EnglandCode]; e == nil || e[6] != "21" {
		t.Errorf("England row %v", e)
	}
	_, icbXLSX := getBody(t, lc, fx.ts.URL+"/icbs/QOC/pulse.xlsx")
	if rows := sheettest.Open(t, []byte(icbXLSX)).Rows("Pulse"); len(rows) != len(csvRecords(t, icbCSV)) {
		t.Errorf("workbook rows %d", len(rows))
	}
}

func getBody(t *testing.T, c *http.Client, u string) (int, string) {
	t.Helper()
	res, err := c.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if res.StatusCode != 200 {
		t.Fatalf("GET %s: %d", u, res.StatusCode)
	}
	return res.StatusCode, string(b)
}

// The pulse's rows of the authorisation matrix, run on their own (the lead adds them
// to TestAuthorisationMatrix).
func TestPulseMatrix(t *testing.T) {
	t.Parallel()
	fx := newPulseFixture(t)
	clients := map[string]*http.Client{"anon": client(t)}
	for _, p := range everyone[1:] {
		clients[p] = client(t)
		signIn(t, fx.ts, clients[p], p+"@test.nhs.uk")
	}
	covered := map[string]bool{}
	for _, c := range pulseMatrixCases() {
		covered[c.route] = true
	}
	for route := range fx.s.rules {
		if strings.Contains(route, "pulse") && !covered[route] {
			t.Errorf("route %s has no pulse matrix row", route)
		}
	}
	for _, c := range pulseMatrixCases() {
		if _, ok := fx.s.rules[c.route]; !ok {
			t.Errorf("no route %s", c.route)
		}
		method := strings.SplitN(c.route, " ", 2)[0]
		for _, p := range everyone {
			if got := matrixStatus(t, clients[p], method, fx.ts.URL+c.path); got != c.want[p] {
				t.Errorf("%s %s as %s: %d, want %d", method, c.path, p, got, c.want[p])
			}
		}
	}
}

// The ICB's page and its comparison link to the ICB's pulse page, for those who may
// open it.
func TestPulseICBLinks(t *testing.T) {
	t.Parallel()
	fx := newPulseFixture(t)
	for _, path := range []string{"/icbs/QOC", "/icbs/QOC/compare"} {
		code, doc, _ := fx.fetchAs(t, "lead", path)
		link := doc.Find(`main a[href="/icbs/QOC/pulse"]`)
		if code != 200 || link.Length() != 1 || text(link) != "Staff pulse of the ICB's PCNs" {
			t.Errorf("%s: %d, %d links to the ICB's pulse %q", path, code, link.Length(), text(link))
		}
	}
	if code, doc, _ := fx.fetchAs(t, "other-lead", "/icbs/QOC"); code == 200 && doc.Find(`a[href="/icbs/QOC/pulse"]`).Length() != 0 {
		t.Error("another ICB's lead is offered the ICB's pulse")
	}
}
