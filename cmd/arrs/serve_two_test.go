package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/ingest"
	"github.com/arrs-planner/arrs/internal/refdata"
	"github.com/arrs-planner/arrs/internal/store"
)

const twoPassword = "kestrel-harbour-lantern-9"

// Two `arrs serve` processes on one database behind a round-robin proxy, as
// docker-compose.yml runs them, act as one server: a session started on one is good
// on the other and ended on one is ended on both; a save on one is in the other's next
// page, though each keeps its own caches (keyed on versions stored in Postgres).
func TestTwoInstancesActAsOne(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and starts the binary")
	}
	db, dbURL := dbtest.NewWithURL(t)
	loadTwoFixture(t, db)
	bin := buildArrs(t)
	e := &twoEnv{db: db, c: newTwoClient(t)}
	for i := range e.inst {
		e.inst[i] = startServe(t, bin, dbURL)
	}
	e.proxy = roundRobin(t, e.inst[0].url, e.inst[1].url)

	served := e.signInThroughProxy(t)
	// The gaps of an ICB in another region (QSL, South West) from nothing cached, on
	// the instance that has only signed in.
	cold := queries(t, e.c.mustGet(t, e.inst[served].url+otherICB))
	e.staffSaveSeenAcross(t, cold)
	e.planSaveSeenAcross(t)
	e.signOutSeenAcross(t)
}

// otherICB is a page of another region than U60057's (QOC, Midlands): QSL's gaps.
const otherICB = "/gaps/icbs/QSL"

// twoEnv is the two instances, the proxy in front and a browser signed in as
// U60057's manager.
type twoEnv struct {
	db    *store.DB
	inst  [2]*instance
	proxy *httptest.Server
	c     twoClient
}

// signInThroughProxy signs in through the proxy, checks the instance that did not
// answer knows the session, and returns the one that did.
func (e *twoEnv) signInThroughProxy(t *testing.T) int {
	t.Helper()
	res := e.c.post(t, e.proxy.URL+"/login", url.Values{"email": {"manager@two.test"}, "password": {twoPassword}})
	if res.code != http.StatusSeeOther {
		t.Fatalf("sign in through the proxy: %d", res.code)
	}
	served, err := strconv.Atoi(res.header.Get("X-Test-Backend"))
	if err != nil {
		t.Fatalf("the proxy did not say which instance answered: %v", err)
	}
	if got := e.c.get(t, e.inst[1-served].url+"/"); got.code != http.StatusOK {
		t.Fatalf("signed in on instance %d, then / on instance %d: %d, want 200", served, 1-served, got.code)
	}
	if a, b := e.c.get(t, e.proxy.URL+"/readyz").header.Get("X-Test-Backend"), e.c.get(t, e.proxy.URL+"/readyz").header.Get("X-Test-Backend"); a == b {
		t.Errorf("the proxy sent two requests in a row to instance %s: not round robin", a)
	}
	return served
}

// staffSaveSeenAcross warms both instances' caches, changes an FTE on instance 0,
// and checks instance 1's next pages show it. cold is otherICB's query count from
// nothing cached.
func (e *twoEnv) staffSaveSeenAcross(t *testing.T, cold int) {
	t.Helper()
	before := [2]twoFigures{}
	for i, in := range e.inst {
		e.c.mustGet(t, in.url+"/gaps?level=pcn")
		e.c.mustGet(t, in.url+otherICB)
		before[i] = readFigures(t, e.c, in.url)
	}
	if before[0] != before[1] {
		t.Fatalf("the two instances disagree before any save: %+v and %+v", before[0], before[1])
	}
	id, fte := paramedic(t, e.db)
	path := "/pcns/U60057/staff/" + id
	form := formValues(e.c.mustGet(t, e.inst[0].url+path).doc, `form:has(input[name="fte"])`)
	form.Set("fte", "0.37")
	if got := e.c.post(t, e.inst[0].url+path, form); got.code != http.StatusSeeOther {
		t.Fatalf("saving an FTE on instance 0: %d\n%s", got.code, got.text("main"))
	}
	// The save in U60057 does not throw away every cached figure on instance 1, as one
	// data version for all of England did: what did not change (the national data)
	// stays cached, so the page costs fewer queries than from nothing. The count cannot
	// tell one PCN re-read from all of them (the same queries, another filter); the
	// benchmark's SQL times do.
	if n := queries(t, e.c.mustGet(t, e.inst[1].url+otherICB)); n >= cold {
		t.Errorf("%s on instance 1 after a save in another region: %d queries, as many as from nothing cached (%d)", otherICB, n, cold)
	} else {
		t.Logf("%s: %d queries from nothing cached, %d after a save in another region", otherICB, cold, n)
	}
	after := readFigures(t, e.c, e.inst[1].url)
	if want := "0.37"; !strings.Contains(after.staffRow(id), want) {
		t.Errorf("instance 1's staff page after a save on instance 0: row %q, want FTE %s", after.staffRow(id), want)
	}
	// England's figure has one decimal: 0.63 less shows as 0.6 or 0.7 less.
	if change := after.inPost - before[1].inPost; change == 0 || !near(change, 0.37-fte) {
		t.Errorf("instance 1's /gaps after a save on instance 0: in post %.1f, %.1f before; want %.2f less", after.inPost, before[1].inPost, fte-0.37)
	}
	if again := readFigures(t, e.c, e.inst[0].url); again != after {
		t.Errorf("the instances disagree after the save: %+v on 0, %+v on 1", again, after)
	}
}

// planSaveSeenAcross saves a plan cell on instance 1 and reads it on instance 0.
func (e *twoEnv) planSaveSeenAcross(t *testing.T) {
	t.Helper()
	cell, year := savePlanCell(t, e.c, e.inst[1].url, "3")
	page := e.c.mustGet(t, e.inst[0].url+"/pcns/U60057/plan?year="+year)
	if got := page.doc.Find(`form[data-testid="plan-form"] input[name="`+cell+`"]`).AttrOr("value", ""); got != "3" {
		t.Errorf("instance 0's plan page after a save on instance 1: %s = %q, want 3", cell, got)
	}
}

// signOutSeenAcross signs out on instance 1; instance 0 then answers the same cookie
// with the sign-in page.
func (e *twoEnv) signOutSeenAcross(t *testing.T) {
	t.Helper()
	cookie := e.c.sessionCookie(t, e.proxy.URL)
	if got := e.c.post(t, e.inst[1].url+"/logout", nil); got.code != http.StatusSeeOther || got.header.Get("Location") != "/login" {
		t.Fatalf("sign out on instance 1: %d to %q", got.code, got.header.Get("Location"))
	}
	req, _ := http.NewRequest(http.MethodGet, e.inst[0].url+"/", nil)
	req.AddCookie(cookie)
	got := e.c.do(t, req)
	if got.code == http.StatusOK || !strings.HasPrefix(got.header.Get("Location"), "/login") {
		t.Errorf("instance 0 with the cookie signed out on instance 1: %d to %q, want the sign-in page", got.code, got.header.Get("Location"))
	}
}

// loadTwoFixture loads the sample workforce (two ICBs; U60057 is one of QOC's PCNs)
// and a manager of U60057: the demo seed would do too, but takes several times as
// long.
func loadTwoFixture(t *testing.T, db *store.DB) {
	t.Helper()
	ctx := context.Background()
	f, err := refdata.Open(refdata.SampleWorkforceFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := ingest.NWRS(ctx, db, "sample.csv", f, store.Actor{Name: "test"}, nil, time.Now()); err != nil {
		t.Fatal(err)
	}
	u, _, err := newUser("manager@two.test", "Two Instances", "pcn_manager", "U60057", twoPassword)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := addUser(ctx, db, u, store.Actor{Name: "test"}); err != nil {
		t.Fatal(err)
	}
}

// paramedic is U60057's paramedic of the census (an ARRS role, in post) and its FTE.
func paramedic(t *testing.T, db *store.DB) (string, float64) {
	t.Helper()
	var id int64
	var fte float64
	if err := db.QueryRowForTest(context.Background(), `SELECT id, fte::float8 FROM staff
		WHERE pcn_code = 'U60057' AND unique_identifier = '76332'`, &id, &fte); err != nil {
		t.Fatal(err)
	}
	return strconv.FormatInt(id, 10), fte
}

// buildArrs builds the binary into the test's folder (the build cache makes it quick).
func buildArrs(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "arrs")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// instance is a running `arrs serve`.
type instance struct {
	url string
	cmd *exec.Cmd
	log *syncBuffer
}

// startServe starts `arrs serve` on a free port and waits until /readyz answers. A
// port taken between choosing and listening is tried once more on another.
func startServe(t *testing.T, bin, dbURL string) *instance {
	t.Helper()
	in, err := tryServe(t, bin, dbURL)
	if err != nil {
		t.Logf("starting arrs serve: %v; once more on another port", err)
		if in, err = tryServe(t, bin, dbURL); err != nil {
			t.Fatal(err)
		}
	}
	return in
}

func tryServe(t *testing.T, bin, dbURL string) (*instance, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	addr := l.Addr().String()
	l.Close()
	cmd := exec.Command(bin, "serve")
	in := &instance{url: "http://" + addr, cmd: cmd, log: &syncBuffer{}}
	cmd.Env = append(os.Environ(), "DATABASE_URL="+dbURL, "ADDR="+addr, "ARRS_DEV=1",
		"ARRS_PROXY_HEADER=X-Forwarded-For", "ARRS_PUBLIC_URL=", "ARRS_SERVER_TIMING=1")
	cmd.Stdout, cmd.Stderr = in.log, in.log
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	stop := func() {
		cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-exited:
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
			<-exited
		}
	}
	for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		select {
		case err := <-exited:
			return nil, fmt.Errorf("arrs serve on %s stopped: %v\n%s", addr, err, in.log)
		default:
		}
		if res, err := http.Get(in.url + "/readyz"); err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				t.Cleanup(func() {
					stop()
					if t.Failed() {
						t.Logf("arrs serve on %s wrote:\n%s", addr, in.log)
					}
				})
				return in, nil
			}
		}
	}
	stop()
	return nil, fmt.Errorf("arrs serve on %s was not ready in 15 s:\n%s", addr, in.log)
}

// syncBuffer is a child's output, written by its copying goroutine and read by the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// roundRobin is a reverse proxy sending each request to the next instance in turn,
// keeping the Host (the app's cross-origin check compares Origin with it) and adding
// X-Forwarded-For, as deploy/Caddyfile does. It names the instance that answered in
// the response's X-Test-Backend.
func roundRobin(t *testing.T, backends ...string) *httptest.Server {
	t.Helper()
	var targets []*url.URL
	for _, b := range backends {
		u, err := url.Parse(b)
		if err != nil {
			t.Fatal(err)
		}
		targets = append(targets, u)
	}
	var next atomic.Uint64
	rp := &httputil.ReverseProxy{
		Rewrite: func(pr *httputil.ProxyRequest) {
			i := int((next.Add(1) - 1) % uint64(len(targets)))
			pr.SetURL(targets[i])
			pr.Out.Host = pr.In.Host
			pr.SetXForwarded()
			pr.Out.Header.Set("X-Test-Backend", strconv.Itoa(i))
		},
		ModifyResponse: func(res *http.Response) error {
			res.Header.Set("X-Test-Backend", res.Request.Header.Get("X-Test-Backend"))
			return nil
		},
	}
	ts := httptest.NewServer(rp)
	t.Cleanup(ts.Close)
	return ts
}

// twoClient is a browser: one cookie jar for every port of 127.0.0.1 (cookies are not
// scoped by port), the Origin of the page on each form it posts, and no redirect
// followed, so each answer is seen as it was sent.
type twoClient struct{ *http.Client }

func newTwoClient(t *testing.T) twoClient {
	t.Helper()
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return twoClient{&http.Client{
		Jar:           jar,
		Transport:     originTransport{},
		Timeout:       30 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}}
}

type originTransport struct{}

func (originTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.Method == http.MethodPost {
		r = r.Clone(r.Context())
		r.Header.Set("Origin", r.URL.Scheme+"://"+r.URL.Host)
	}
	return http.DefaultTransport.RoundTrip(r)
}

// answer is a response read whole.
type answer struct {
	code   int
	header http.Header
	doc    *goquery.Document
}

func (a answer) text(sel string) string {
	return strings.Join(strings.Fields(a.doc.Find(sel).Text()), " ")
}

func (c twoClient) do(t *testing.T, req *http.Request) answer {
	t.Helper()
	res, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	return answer{code: res.StatusCode, header: res.Header, doc: doc}
}

func (c twoClient) get(t *testing.T, u string) answer {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		t.Fatal(err)
	}
	return c.do(t, req)
}

// mustGet is get that fails the test on anything but 200.
func (c twoClient) mustGet(t *testing.T, u string) answer {
	t.Helper()
	a := c.get(t, u)
	if a.code != http.StatusOK {
		t.Fatalf("GET %s: %d", u, a.code)
	}
	return a
}

func (c twoClient) post(t *testing.T, u string, v url.Values) answer {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, u, strings.NewReader(v.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return c.do(t, req)
}

// sessionCookie is the session cookie the jar holds for u.
func (c twoClient) sessionCookie(t *testing.T, u string) *http.Cookie {
	t.Helper()
	pu, _ := url.Parse(u)
	for _, ck := range c.Jar.Cookies(pu) {
		if ck.Name == "session" {
			return ck
		}
	}
	t.Fatal("no session cookie")
	return nil
}

// twoFigures are what a person sees of U60057's staff and England's gaps on one
// instance: the figures a save must move on every instance.
type twoFigures struct {
	staff  string  // the staff page's table, as text
	inPost float64 // England's ARRS FTE in post on /gaps
}

func (f twoFigures) staffRow(id string) string {
	for _, line := range strings.Split(f.staff, "\n") {
		if strings.HasPrefix(line, id+":") {
			return line
		}
	}
	return ""
}

func readFigures(t *testing.T, c twoClient, base string) twoFigures {
	t.Helper()
	var f twoFigures
	var rows []string
	c.mustGet(t, base+"/pcns/U60057/staff").doc.Find(`[data-testid^="staff-"]`).Each(func(_ int, s *goquery.Selection) {
		id := strings.TrimPrefix(s.AttrOr("data-testid", ""), "staff-")
		rows = append(rows, id+": "+strings.Join(strings.Fields(s.Text()), " "))
	})
	f.staff = strings.Join(rows, "\n")
	if len(rows) == 0 {
		t.Fatalf("%s: no staff rows", base)
	}
	gaps := c.mustGet(t, base+"/gaps")
	v, err := inPostFTE(gaps)
	if err != nil {
		t.Fatalf("%s/gaps: %v", base, err)
	}
	f.inPost = v
	return f
}

// inPostFTE reads England's ARRS FTE in post from /gaps ("528.4 FTE").
func inPostFTE(a answer) (float64, error) {
	cell := a.text(`[data-testid="in-post-fte"] dd`)
	if cell == "" {
		return 0, errors.New(`no [data-testid="in-post-fte"]`)
	}
	return strconv.ParseFloat(strings.ReplaceAll(strings.Fields(cell)[0], ",", ""), 64)
}

// serverTiming reads the count of SQL queries from an answer's Server-Timing
// (ARRS_SERVER_TIMING=1): `db;dur=0.8;desc="3 queries", app;dur=1.7`.
var serverTiming = regexp.MustCompile(`desc="(\d+) queries"`)

func queries(t *testing.T, a answer) int {
	t.Helper()
	m := serverTiming.FindStringSubmatch(a.header.Get("Server-Timing"))
	if m == nil {
		t.Fatalf("no query count in Server-Timing %q", a.header.Get("Server-Timing"))
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// near is a == b to within the rounding of two figures shown with one decimal.
func near(a, b float64) bool { return a-b <= 0.1 && b-a <= 0.1 }

// savePlanCell saves one cell of the plan's editor on an instance (the first starters
// cell of the year it opens on) and returns the cell's name and the year.
func savePlanCell(t *testing.T, c twoClient, base, value string) (cell, year string) {
	t.Helper()
	page := c.mustGet(t, base+"/pcns/U60057/plan")
	form := formValues(page.doc, `form[data-testid="plan-form"]`)
	year = form.Get("year")
	page.doc.Find(`form[data-testid="plan-form"] input[name^="s-"]`).EachWithBreak(func(_ int, s *goquery.Selection) bool {
		cell = s.AttrOr("name", "")
		return false
	})
	if cell == "" || year == "" || form.Get("version") == "" {
		t.Fatalf("%s's plan page has no editor: cell %q, year %q", base, cell, year)
	}
	form.Set(cell, value)
	if got := c.post(t, base+"/pcns/U60057/plan", form); got.code != http.StatusSeeOther {
		t.Fatalf("saving the plan on %s: %d\n%s", base, got.code, got.text(".nhsuk-error-summary"))
	}
	return cell, year
}

// formValues reads a form as it would be submitted: what the person sees is what they
// send.
func formValues(doc *goquery.Document, form string) url.Values {
	v := url.Values{}
	doc.Find(form).First().Find("input[name], select[name]").Each(func(_ int, s *goquery.Selection) {
		name := s.AttrOr("name", "")
		switch typ := s.AttrOr("type", ""); {
		case goquery.NodeName(s) == "select":
			if opt := s.Find("option[selected]"); opt.Length() > 0 {
				v.Set(name, opt.AttrOr("value", ""))
			}
		case typ == "radio" || typ == "checkbox":
			if _, on := s.Attr("checked"); on {
				v.Set(name, s.AttrOr("value", ""))
			}
		case typ == "submit":
		default:
			v.Set(name, s.AttrOr("value", ""))
		}
	})
	return v
}
