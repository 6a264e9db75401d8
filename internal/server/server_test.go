package server

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/arrs-planner/arrs/internal/config"
	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/ingest"
	"github.com/arrs-planner/arrs/internal/refdata"
	"github.com/arrs-planner/arrs/internal/store"
)

var (
	demoOnce sync.Once
	demoDB   *store.DB
	demoErr  error
)

// demo returns a server on one database holding the full Nov 2025 workforce, shared
// by the read-only page tests of this package (imported once: it takes seconds).
func demo(t *testing.T) *Server {
	t.Helper()
	demoOnce.Do(func() {
		db := dbtest.New(&onceTB{T: t})
		f, err := refdata.Open(refdata.DemoWorkforceFile)
		if err != nil {
			demoErr = err
			return
		}
		defer f.Close()
		_, demoErr = ingest.NWRS(context.Background(), db, "pcnwf_individual_nov2025.csv.gz", f, store.Actor{Name: "test"}, nil, time.Now())
		demoDB = db
	})
	if demoErr != nil {
		t.Fatal(demoErr)
	}
	return New(demoDB, config.Config{Dev: true}, slog.New(slog.NewTextHandler(io.Discard, nil)))
}

// onceTB keeps the shared database alive past the test that created it: its cleanup
// runs when the whole package is done (TestMain).
type onceTB struct{ *testing.T }

var sharedCleanups []func()

func (o *onceTB) Cleanup(f func()) { sharedCleanups = append(sharedCleanups, f) }

func TestMain(m *testing.M) {
	code := m.Run()
	for _, f := range sharedCleanups {
		f()
	}
	os.Exit(code)
}

var (
	adminOnce   sync.Once
	adminTS     *httptest.Server
	adminClient *http.Client
)

// get requests a page as the demo database's admin and parses it.
func get(t *testing.T, s *Server, path string) (int, *goquery.Document) {
	t.Helper()
	adminOnce.Do(func() {
		addPersonas(t, demoDB)
		adminTS = httptest.NewServer(s.Routes())
		sharedCleanups = append(sharedCleanups, adminTS.Close)
		adminClient = client(t)
		signIn(t, adminTS, adminClient, "admin@test.nhs.uk")
	})
	res, err := adminClient.Get(adminTS.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	doc, err := goquery.NewDocumentFromReader(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res.StatusCode, doc
}

func testID(doc *goquery.Document, id string) string {
	return strings.Join(strings.Fields(doc.Find(`[data-testid="`+id+`"]`).Text()), " ")
}

func TestPages(t *testing.T) {
	t.Parallel()
	s := demo(t)
	cases := []struct {
		path   string
		status int
		want   map[string]string // data-testid → text it must contain
	}{
		{"/", 200, map[string]string{"arrs-fte": "26,826.3", "non-arrs-fte": "3,749.7", "pcns": "1,297", "target-fte": "26,000", "role-all-arrs": "26,826.3", "role-clinical_pharmacist": "5,589.6"}},
		{"/regions/Y60", 200, map[string]string{"arrs-fte": "5,488.4", "child-QOC": "NHS Shropshire, Telford and Wrekin"}},
		{"/icbs/QOC", 200, map[string]string{"child-U60057": "SHREWSBURY PCN"}},
		{"/icbs/qoc", 200, map[string]string{"child-U60057": "SHREWSBURY PCN"}},
		{"/pcns/U60057", 200, map[string]string{"arrs-fte": "49.0", "role-clinical_pharmacist": "6.89", "practices": "11", "staff-link": "Staff records"}},
		{"/pcns/U60057/staff", 200, map[string]string{"arrs-fte": "49.0", "group-total-clinical_pharmacist": "6.89"}},
		{"/roles", 200, map[string]string{"role-clinical_pharmacist": "£66,972", "role-physician_associate": "None known"}},
		{"/roles/clinical_pharmacist", 200, map[string]string{"fte": "5,589.6", "cap-now": "£66,972", "added": "1 July 2019", "nwrs": "Pharmacists"}},
		{"/imports", 200, map[string]string{"import-1": "38,696"}},
		{"/?sort=arrs&dir=desc", 200, nil},
		{"/regions/Y99", 404, nil},
		{"/icbs/XXX", 404, nil},
		{"/pcns/U00001", 404, nil},
		{"/roles/nurse", 404, nil},
		{"/no/such/page", 404, nil},
		{"/?sort=salary", 400, nil},
		{"/?dir=sideways", 400, nil},
		{"/?at=30-11-2025", 400, nil},
	}
	for _, c := range cases {
		t.Run(c.path, func(t *testing.T) {
			t.Parallel()
			status, doc := get(t, s, c.path)
			if status != c.status {
				t.Fatalf("status %d, want %d", status, c.status)
			}
			for id, want := range c.want {
				if got := testID(doc, id); !strings.Contains(got, want) {
					t.Errorf("[data-testid=%s] = %q, want it to contain %q", id, got, want)
				}
			}
			if doc.Find("h1").Length() != 1 {
				t.Errorf("want one h1, found %d", doc.Find("h1").Length())
			}
		})
	}
}

func TestSortingByLink(t *testing.T) {
	t.Parallel()
	s := demo(t)
	_, doc := get(t, s, "/?sort=arrs&dir=desc")
	first := doc.Find(`#children tbody tr`).First().AttrOr("data-testid", "")
	if first != "child-Y60" { // the Midlands has the most ARRS FTE (5,488.4)
		t.Errorf("first region by ARRS FTE descending: %s", first)
	}
	_, doc = get(t, s, "/?sort=arrs&dir=asc")
	if first := doc.Find(`#children tbody tr`).First().AttrOr("data-testid", ""); first != "child-Y58" {
		t.Errorf("first region by ARRS FTE ascending: %s", first)
	}
	if got := doc.Find(`#children th[aria-sort="ascending"]`).Text(); !strings.Contains(got, "ARRS FTE") {
		t.Errorf("sorted column header %q", got)
	}
}

// A day before any PCN existed (ARRS began with the PCNs on 1 July 2019) is no day a
// page can describe: refused naming the first day, not a page of zeros.
func TestAtADateBeforeAnyStaff(t *testing.T) {
	t.Parallel()
	s := demo(t)
	status, doc := get(t, s, "/?at=2019-03-31")
	if status != 400 || !strings.Contains(doc.Text(), "1 July 2019") {
		t.Errorf("status %d, want 400 naming 1 July 2019", status)
	}
}

func TestHealth(t *testing.T) {
	t.Parallel()
	s := demo(t)
	for _, path := range []string{"/healthz", "/readyz"} {
		rec := httptest.NewRecorder()
		s.Routes().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		if rec.Code != 200 {
			t.Errorf("%s: %d", path, rec.Code)
		}
	}
}

func TestReadyzWhenTheDatabaseIsGone(t *testing.T) {
	t.Parallel()
	db := dbtest.New(t)
	s := New(db, config.Config{}, slog.New(slog.NewTextHandler(io.Discard, nil)))
	db.Close()
	rec := httptest.NewRecorder()
	s.Routes().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/readyz", nil))
	if rec.Code != http.StatusServiceUnavailable {
		t.Errorf("readyz with the database closed: %d", rec.Code)
	}
	rec = httptest.NewRecorder()
	s.Routes().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/healthz", nil))
	if rec.Code != 200 {
		t.Errorf("healthz must not depend on the database: %d", rec.Code)
	}
	rec = httptest.NewRecorder()
	s.Routes().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/roles", nil))
	if rec.Code != 500 || strings.Contains(rec.Body.String(), "goroutine") || strings.Contains(rec.Body.String(), "closed pool") {
		t.Errorf("a failing page must be a plain 500 page: %d", rec.Code)
	}
}

func TestStaticAssetsAreEmbedded(t *testing.T) {
	t.Parallel()
	s := demo(t)
	for _, path := range []string{"/static/nhsuk/nhsuk-frontend.min.css", "/static/nhsuk/nhsuk-frontend.min.js", "/static/app.css", "/static/app.js"} {
		rec := httptest.NewRecorder()
		s.Routes().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		if rec.Code != 200 || rec.Body.Len() == 0 {
			t.Errorf("%s: %d (run make assets)", path, rec.Code)
		}
	}
}

func TestSecurityHeaders(t *testing.T) {
	t.Parallel()
	s := demo(t)
	rec := httptest.NewRecorder()
	s.Routes().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/roles", nil))
	csp := rec.Header().Get("Content-Security-Policy")
	if !strings.Contains(csp, "frame-ancestors 'none'") || strings.Contains(csp, "unsafe-inline") {
		t.Errorf("CSP %q", csp)
	}
	if rec.Header().Get("X-Content-Type-Options") != "nosniff" {
		t.Error("missing nosniff")
	}
}
