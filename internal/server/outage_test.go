package server

import (
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/arrs-planner/arrs/internal/config"
	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/store"
)

// outageProxy stands between the server and Postgres: stop closes its listener and
// every connection through it, as a stopped database does, and start listens again
// on the same port. The cluster the other tests use is not touched.
type outageProxy struct {
	target, addr string
	mu           sync.Mutex
	ln           net.Listener
	conns        map[net.Conn]bool
}

func newOutageProxy(t *testing.T, target string) *outageProxy {
	t.Helper()
	p := &outageProxy{target: target, conns: map[net.Conn]bool{}}
	p.listen(t, "127.0.0.1:0")
	p.addr = p.ln.Addr().String()
	t.Cleanup(p.stop)
	return p
}

func (p *outageProxy) listen(t *testing.T, addr string) {
	t.Helper()
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	p.mu.Lock()
	p.ln = ln
	p.mu.Unlock()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go p.pipe(ln, c)
		}
	}()
}

func (p *outageProxy) pipe(ln net.Listener, c net.Conn) {
	up, err := net.Dial("tcp", p.target)
	if err != nil {
		c.Close()
		return
	}
	p.mu.Lock()
	if p.ln != ln { // stopped meanwhile
		p.mu.Unlock()
		c.Close()
		up.Close()
		return
	}
	p.conns[c], p.conns[up] = true, true
	p.mu.Unlock()
	go func() { io.Copy(up, c); up.Close(); c.Close() }()
	io.Copy(c, up)
	c.Close()
	up.Close()
}

func (p *outageProxy) stop() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.ln != nil {
		p.ln.Close()
		p.ln = nil
	}
	for c := range p.conns {
		c.Close()
	}
	p.conns = map[net.Conn]bool{}
}

func (p *outageProxy) start(t *testing.T) { p.listen(t, p.addr) }

// through is the database URL with the proxy in the way.
func (p *outageProxy) through(t *testing.T, dbURL string) string {
	u, err := url.Parse(dbURL)
	if err != nil {
		t.Fatal(err)
	}
	u.Host = p.addr
	return u.String()
}

func newCapturedServer(t *testing.T, db *store.DB) (*logBuffer, *httptest.Server) {
	t.Helper()
	logs := &logBuffer{}
	s := New(db, config.Config{Dev: true}, slog.New(slog.NewJSONHandler(logs, nil)))
	ts := httptest.NewServer(s.Routes())
	t.Cleanup(ts.Close)
	return logs, ts
}

type outageAnswer struct {
	status     int
	retryAfter string
	doc        *goquery.Document
}

func outageDo(t *testing.T, c *http.Client, method, u string, form url.Values) outageAnswer {
	t.Helper()
	var res *http.Response
	var err error
	if method == http.MethodPost {
		res, err = c.PostForm(u, form)
	} else {
		res, err = c.Get(u)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	doc, err := goquery.NewDocumentFromReader(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return outageAnswer{res.StatusCode, res.Header.Get("Retry-After"), doc}
}

func staffCount(t *testing.T, db *store.DB) int {
	t.Helper()
	var n int
	if err := db.QueryRowForTest(context.Background(), `SELECT count(*) FROM staff`, &n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestOutage stops the database under a running server, then brings it back: health
// stays up, pages and forms say to try again later (the staff form with what was
// typed), nothing is written, everything is logged as structured records, and all of
// it works again without a restart. Not parallel: the proxy listens again on the
// port it let go, which another test's server or connection could take meanwhile.
func TestOutage(t *testing.T) {
	ctx := context.Background()
	db, dbURL := dbtest.NewWithURL(t)
	addPersonas(t, db)
	u, _ := url.Parse(dbURL)
	proxy := newOutageProxy(t, u.Host)
	proxied, err := store.Open(ctx, proxy.through(t, dbURL))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(proxied.Close)
	logs, ts := newCapturedServer(t, proxied)
	manager, anonymous := client(t), client(t)
	signIn(t, ts, manager, "manager@test.nhs.uk")
	// The person opens the form before the database goes.
	if a := outageDo(t, manager, "GET", ts.URL+"/pcns/U60057/staff/new", nil); a.status != 200 {
		t.Fatalf("the staff form: %d", a.status)
	}
	staffBefore := staffCount(t, db)
	typed := goodStaff(map[string]string{"fte": "0.8", "employer": "Castle Surgery", "start[day]": "3"})

	proxy.stop()
	for _, c := range []struct {
		name string
		who  *http.Client
		path string
	}{{"signed in", manager, "/healthz"}, {"signed out", anonymous, "/healthz"}, {"signed in", manager, "/static/app.css"}} {
		if a := outageDo(t, c.who, "GET", ts.URL+c.path, nil); a.status != 200 {
			t.Errorf("%s, %s during the outage: %d, want 200", c.path, c.name, a.status)
		}
	}
	if a := outageDo(t, anonymous, "GET", ts.URL+"/readyz", nil); a.status != 503 {
		t.Errorf("/readyz during the outage: %d, want 503", a.status)
	}
	for _, c := range []struct {
		name string
		who  *http.Client
		path string
	}{{"signed in", manager, "/pcns/U60057"}, {"signed out", anonymous, "/roles"}} {
		a := outageDo(t, c.who, "GET", ts.URL+c.path, nil)
		if a.status != 503 || a.retryAfter == "" {
			t.Errorf("%s, %s during the outage: %d, Retry-After %q; want 503 with Retry-After", c.path, c.name, a.status, a.retryAfter)
		}
		if h1 := a.doc.Find("h1").Text(); h1 != "Sorry, there is a problem with the service" || !strings.Contains(a.doc.Find("main").Text(), "Try again later.") {
			t.Errorf("%s: the service page, got h1 %q", c.path, h1)
		}
	}

	a := outageDo(t, manager, "POST", ts.URL+"/pcns/U60057/staff/new", typed)
	if a.status != 503 || a.retryAfter == "" {
		t.Errorf("the staff form posted during the outage: %d, Retry-After %q", a.status, a.retryAfter)
	}
	if got := testID(a.doc, "unsaved"); !strings.Contains(got, nothingSaved) {
		t.Errorf("the form's banner: %q", got)
	}
	kept := staffFormValues(a.doc)
	for _, k := range []string{"role", "fte", "employer", "start[day]", "start[month]", "start[year]", "band", "cost", "employment_model", "funding_stream"} {
		if kept.Get(k) != typed.Get(k) {
			t.Errorf("the form kept %s = %q, want %q", k, kept.Get(k), typed.Get(k))
		}
	}
	a = outageDo(t, manager, "POST", ts.URL+"/pcns/U60057/sites/new", url.Values{"name": {"Annexe"}, "sessions": {"4"}})
	if a.status != 503 || !strings.Contains(a.doc.Find("main").Text(), "Nothing was saved") {
		t.Errorf("another form posted during the outage: %d, %q", a.status, a.doc.Find("main p").First().Text())
	}

	proxy.start(t)
	if a := outageDo(t, anonymous, "GET", ts.URL+"/readyz", nil); a.status != 200 {
		t.Errorf("/readyz once the database is back: %d", a.status)
	}
	if a := outageDo(t, manager, "GET", ts.URL+"/pcns/U60057", nil); a.status != 200 {
		t.Errorf("a page once the database is back: %d", a.status)
	}
	if n := staffCount(t, db); n != staffBefore {
		t.Errorf("staff rows: %d before, %d after the outage: something was written", staffBefore, n)
	}
	if a := outageDo(t, manager, "POST", ts.URL+"/pcns/U60057/staff/new", kept); a.status != 200 && a.status != http.StatusSeeOther {
		t.Errorf("the kept form sent again: %d", a.status)
	}
	if n := staffCount(t, db); n != staffBefore+1 {
		t.Errorf("staff rows after sending the kept form again: %d, want %d", n, staffBefore+1)
	}
	if !logs.has(t, map[string]string{"msg": "database unreachable", "path": "/pcns/U60057/staff/new", "level": "WARN"}) {
		t.Error("no structured record of the outage")
	}
}
