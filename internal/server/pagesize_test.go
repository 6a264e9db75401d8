package server

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/auth"
	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/ingest"
	"github.com/arrs-planner/arrs/internal/refdata"
	"github.com/arrs-planner/arrs/internal/store"
)

// maxPageBytes is the most HTML a page may send (issue 17): the big tables are
// filtered and paged on the server, the whole table one download away.
const maxPageBytes = 250 << 10

// bigPages are pages the matrix names only in a lighter form: England's PCN table,
// the lists and the comparison on today's footprints.
var bigPages = []string{"/gaps?level=pcn", "/gaps?level=pcn&region=Y61&sort=name", "/gaps?level=icb", "/pcns", "/need",
	"/icbs/QOC/compare?footprints=current", "/admin/users?q=test", "/audit"}

// TestNoPageOver250KB fetches every GET route of the authorisation matrix (a PCN, an
// ICB and England) as an admin, on the demo reference data with the sample workforce:
// no HTML page is above 250 kB, every compressible answer is gzipped when asked for and
// says it varies with Accept-Encoding, and the pulse's pages (single-use tokens) never
// are.
func TestNoPageOver250KB(t *testing.T) {
	t.Parallel()
	db := dbtest.New(t)
	ctx := context.Background()
	f, _ := refdata.Open(refdata.SampleWorkforceFile)
	if _, err := ingest.NWRS(ctx, db, "sample.csv", f, store.Actor{Name: "test"}, nil, time.Now()); err != nil {
		t.Fatal(err)
	}
	f.Close()
	users := addPersonas(t, db)
	_, ts := newTestServer(t, db)
	cases := append(matrixCases(users["admin"].ID), staffMatrixCases(firstStaffID(t, db, "U60057"), firstStaffID(t, db, "U47425"))...)
	cases = append(cases, planMatrixCases(t, db)...)
	cases = append(cases, fundingMatrixCases(t, db)...)
	cases = append(cases, capacityMatrixCases(t, db)...)
	cases = append(cases, dashboardMatrixCases()...)
	cases = append(cases, searchMatrixCases()...)
	cases = append(cases, needMatrixCases()...)
	cases = append(cases, peersMatrixCases()...)
	cases = append(cases, pulseMatrixCases()...)
	cases = append(cases, integrationMatrixCases(t, db)...)
	paths := append([]string{}, bigPages...)
	for _, c := range cases {
		if strings.HasPrefix(c.route, "GET ") && c.want["admin"] == http.StatusOK {
			paths = append(paths, c.path)
		}
	}
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, Transport: &http.Transport{DisableCompression: true},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	signIn(t, ts, c, "admin@test.nhs.uk")
	for _, p := range paths {
		checkPageSize(t, c, ts.URL, p)
	}
}

// checkPageSize fetches path twice, plain and asking for gzip, and checks the size of
// the plain HTML and the compression of the other.
func checkPageSize(t *testing.T, c *http.Client, base, path string) {
	t.Helper()
	plain, ctype, _ := fetchEncoded(t, c, base+path, "")
	if ctype == "text/html" && len(plain) > maxPageBytes {
		t.Errorf("%s: %d kB of HTML, more than %d kB", path, len(plain)>>10, maxPageBytes>>10)
	}
	gz, _, h := fetchEncoded(t, c, base+path, "gzip")
	pulse := strings.Contains(path, "/pulse/")
	switch enc := h.Get("Content-Encoding"); {
	case pulse && enc != "":
		t.Errorf("%s: the pulse's page (single-use tokens) is sent with %s", path, enc)
	case pulse:
	case compressible(ctype) && enc != "gzip":
		t.Errorf("%s (%s): Content-Encoding %q, want gzip", path, ctype, enc)
	case compressible(ctype) && !strings.Contains(strings.Join(h.Values("Vary"), ","), "Accept-Encoding"):
		t.Errorf("%s: Vary %q, want Accept-Encoding", path, h.Values("Vary"))
	case enc == "gzip":
		r, err := gzip.NewReader(bytes.NewReader(gz))
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if body, _ := io.ReadAll(r); ctype == "text/html" && len(body) == 0 {
			t.Errorf("%s: empty once unzipped", path)
		}
	}
}

// compressible reports whether compress gzips a content type.
func compressible(ctype string) bool {
	for _, c := range compressedTypes {
		if c == ctype {
			return true
		}
	}
	return false
}

// fetchEncoded GETs u with Accept-Encoding enc ("" for none) and returns the body as
// sent, the content type without its parameters and the headers.
func fetchEncoded(t *testing.T, c *http.Client, u, enc string) ([]byte, string, http.Header) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, u, nil)
	if enc != "" {
		req.Header.Set("Accept-Encoding", enc)
	}
	res, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK {
		t.Errorf("%s: %d", u, res.StatusCode)
	}
	ctype, _, _ := strings.Cut(res.Header.Get("Content-Type"), ";")
	return body, ctype, res.Header
}

// TestBigPagesOnTheWholeFile checks the largest pages on the whole Nov 2025 file (the
// demo data): England's PCN table, the lists, England's funnel, and the comparison of
// the ICBs with the most PCNs, on the structure of the census and on today's.
func TestBigPagesOnTheWholeFile(t *testing.T) {
	t.Parallel()
	s := demo(t)
	admin := &auth.User{ID: -1, Name: "Admin", Active: true, Grants: []auth.Grant{{Role: auth.Admin}}}
	for _, path := range []string{"/gaps?level=pcn", "/gaps?level=pcn&sort=name&dir=desc&page=13", "/pcns", "/need",
		"/icbs/QHM/compare", "/icbs/QHM/compare?footprints=current"} {
		req := httptest.NewRequest(http.MethodGet, path, nil)
		req = req.WithContext(context.WithValue(req.Context(), userKey{}, admin))
		rec := httptest.NewRecorder()
		s.Routes().ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			t.Errorf("%s: %d", path, rec.Code)
		}
		if n := rec.Body.Len(); n > maxPageBytes {
			t.Errorf("%s: %d kB of HTML, more than %d kB", path, n>>10, maxPageBytes>>10)
		}
	}
}

// TestCompressLeavesThePulseAlone: the pulse's form and its page of links hold
// single-use tokens, so they are never compressed (BREACH); other HTML is, when asked.
func TestCompressLeavesThePulseAlone(t *testing.T) {
	t.Parallel()
	h := compress(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, strings.Repeat("<p>token abcdefghijklmnop</p>", 100))
	}))
	for path, want := range map[string]string{"/pulse/abcdefghijklmnop": "", "/pcns/U60057/pulse/3/links": "",
		"/pcns/U60057/pulse/new": "", "/pcns/U60057/pulse": "gzip", "/gaps": "gzip"} {
		req := httptest.NewRequest(http.MethodGet, path, nil)
		req.Header.Set("Accept-Encoding", "gzip")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if got := rec.Header().Get("Content-Encoding"); got != want {
			t.Errorf("%s: Content-Encoding %q, want %q", path, got, want)
		}
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/gaps", nil))
	if rec.Header().Get("Content-Encoding") != "" || rec.Header().Get("Vary") != "Accept-Encoding" {
		t.Errorf("not asked: Content-Encoding %q, Vary %q", rec.Header().Get("Content-Encoding"), rec.Header().Get("Vary"))
	}
}
