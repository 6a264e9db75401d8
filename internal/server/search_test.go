package server

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/jackc/pgx/v5"

	"github.com/arrs-planner/arrs/internal/auth"
	"github.com/arrs-planner/arrs/internal/config"
	"github.com/arrs-planner/arrs/internal/dbtest"
)

// finder is a signed-in user with no grant beyond their own PCN: finding a place
// needs none.
var finder = &auth.User{ID: -13, Name: "Finder", Active: true, Grants: []auth.Grant{{Role: auth.PCNManager, Org: "U60057"}}}

// searchServer is a server on 7 December 2026 over the reference data, U60057 with the
// practices of practicesOfShrewsbury and two more (SHREWSBURY HEALTH CENTRE, ZZ0020,
// and THE 100% PRACTICE, ZZ0021, in no PCN), a deprivation score for ZZ0001, and
// U47425 with no list known.
func searchServer(t *testing.T) *Server {
	t.Helper()
	db, dbURL := dbtest.NewWithURL(t)
	practicesOfShrewsbury(t, dbURL)
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, `
		INSERT INTO practices (code, name, postcode) VALUES
			('ZZ0020', 'SHREWSBURY HEALTH CENTRE', 'SY1 9ZZ'), ('ZZ0021', 'THE 100% PRACTICE', 'SY2 9ZZ');
		INSERT INTO practice_spans (practice_code, pcn_code, sub_icb_code, icb_code, valid_from)
		SELECT x.code, x.pcn, s.sub_icb_code, s.icb_code, date '2019-07-01'
		FROM (VALUES ('ZZ0020', 'U60057'), ('ZZ0021', NULL)) AS x(code, pcn)
		CROSS JOIN (SELECT sub_icb_code, icb_code FROM pcn_spans WHERE pcn_code = 'U60057' AND valid_to IS NULL) s;
		INSERT INTO practice_deprivation (practice_code, year, score, source) VALUES ('ZZ0001', 2025, 18.25, 'IMD 2025');
		UPDATE practice_spans SET pcn_code = NULL WHERE pcn_code = 'U47425';
		UPDATE pcns SET registered_patients = 0 WHERE code = 'U47425'`); err != nil {
		t.Fatal(err)
	}
	s := New(db, config.Config{Dev: true}, slog.New(slog.NewTextHandler(io.Discard, nil)))
	s.now = func() time.Time { return time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC) }
	return s
}

// findPage fetches a page as finder.
func findPage(t *testing.T, s *Server, path string) (int, *goquery.Document) {
	t.Helper()
	return reorgPage(t, s, finder, path)
}

// The search finds each kind by name or code, any case, with its parent, and counts
// what it found; % is a character to find; an over-long text is refused naming the
// limit; no text shows the box and what it takes.
func TestSearchPage(t *testing.T) {
	t.Parallel()
	s := searchServer(t)
	long := strings.Repeat("a", maxSearchLength+1)
	cases := []struct {
		path   string
		status int
		want   map[string]string // data-testid → text it must contain
		none   []string          // data-testids that must be absent
	}{
		{"/search?q=Shrewsbury", 200, map[string]string{
			"hit-U60057": "SHREWSBURY PCN U60057 ICB: NHS Shropshire, Telford and Wrekin", "hit-ZZ0020": "SHREWSBURY HEALTH CENTRE ZZ0020 PCN: SHREWSBURY PCN",
			"hit-ZZ0001":     "ABBEY SURGERY ZZ0001 PCN: SHREWSBURY PCN",
			"search-summary": "5 results for ‘Shrewsbury’: 1 PCN and 4 practices."}, []string{"group-icbs", "group-regions"}},
		{"/search?q=QOC", 200, map[string]string{"hit-QOC": "NHS Shropshire, Telford and Wrekin Integrated Care Board QOC Region: Midlands",
			"search-summary": "1 result"}, []string{"group-pcns", "group-practices"}},
		{"/search?q=++qoc++", 200, map[string]string{"hit-QOC": "Region: Midlands"}, nil},
		{"/search?q=Y60", 200, map[string]string{"group-regions": "Midlands"}, nil},
		{"/search?q=zz0001", 200, map[string]string{"hit-ZZ0001": "ABBEY SURGERY ZZ0001 PCN: SHREWSBURY PCN"}, nil},
		{"/search?q=100%25", 200, map[string]string{"hit-ZZ0021": "THE 100% PRACTICE ZZ0021 In no PCN", "search-summary": "1 result"}, nil},
		{"/search?q=%25", 200, map[string]string{"search-summary": "1 result for ‘%’: 1 practice."}, nil},
		{"/search?q=_", 200, map[string]string{"search-summary": "No PCN, practice, ICB or region matches ‘_’."}, nil},
		// Most PCNs' names end in "PCN": 50 are listed, all are counted.
		{"/search?q=pcn", 200, map[string]string{"shown-pcns": "Showing 50 of 1,"}, nil},
		{"/search?q=", 200, map[string]string{"search-form": "Up to 100 characters", "browse": "All PCNs"}, []string{"search-summary"}},
		{"/search", 200, map[string]string{"browse": "All ICBs"}, []string{"search-summary"}},
		{"/search?q=" + long, 400, map[string]string{"search-form": "100 characters or fewer"}, []string{"search-summary"}},
	}
	for _, c := range cases {
		t.Run(c.path, func(t *testing.T) {
			status, doc := findPage(t, s, c.path)
			if status != c.status {
				t.Fatalf("status %d, want %d", status, c.status)
			}
			for id, want := range c.want {
				if got := testID(doc, id); !strings.Contains(got, want) {
					t.Errorf("[data-testid=%s] = %q, want it to contain %q", id, got, want)
				}
			}
			for _, id := range c.none {
				if doc.Find(`[data-testid="`+id+`"]`).Length() != 0 {
					t.Errorf("[data-testid=%s] is shown", id)
				}
			}
			if doc.Find("h1").Length() != 1 || doc.Find(".nhsuk-breadcrumb__link").Length() == 0 {
				t.Error("want one h1 and breadcrumbs")
			}
		})
	}
	_, doc := findPage(t, s, "/search?q="+long)
	if !strings.Contains(doc.Find(".nhsuk-error-summary").Text(), "100 characters or fewer") || !strings.HasPrefix(doc.Find("title").Text(), "Error: ") {
		t.Error("an over-long search has no error summary naming the limit, or its title does not start Error:")
	}
	if href := doc.Find(".nhsuk-error-summary a").AttrOr("href", ""); href != "#q" || doc.Find("input#q").Length() != 1 {
		t.Errorf("the error links to %q, want the box #q", href)
	}
}

// Every page a signed-in user sees has the header's search box, a GET form to /search;
// signed out there is none.
func TestHeaderSearchBox(t *testing.T) {
	t.Parallel()
	s := searchServer(t)
	for _, path := range []string{"/", "/pcns/U60057", "/search?q=QOC", "/roles"} {
		_, doc := findPage(t, s, path)
		form := doc.Find("header search form#search")
		if form.AttrOr("action", "") != "/search" || form.AttrOr("method", "") != "get" || form.Find(`input[name="q"]#search-field`).Length() != 1 ||
			form.Find(`label[for="search-field"]`).Length() != 1 {
			t.Errorf("%s: no header search box posting q to /search", path)
		}
	}
	rec := httptest.NewRecorder()
	s.Routes().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/roles", nil))
	doc, _ := goquery.NewDocumentFromReader(rec.Body)
	if doc.Find("header search").Length() != 0 {
		t.Error("signed out, the header has a search box")
	}
}

// /pcns lists every PCN of today's structure with its ICB and list ("no data" when
// none is known), or one ICB's (?icb=, checked before anything is read).
func TestPCNList(t *testing.T) {
	t.Parallel()
	s := searchServer(t)
	var all, qoc int
	if err := s.db.QueryRowForTest(context.Background(), `SELECT count(*), count(*) FILTER (WHERE icb_code = 'QOC')
		FROM pcn_spans WHERE valid_from <= '2026-12-07' AND (valid_to IS NULL OR valid_to > '2026-12-07')`, &all, &qoc); err != nil {
		t.Fatal(err)
	}
	status, doc := findPage(t, s, "/pcns")
	if status != 200 {
		t.Fatalf("/pcns: %d", status)
	}
	// 100 a page: U60057 (Shropshire, Telford and Wrekin) is on page 11 of 13, by ICB
	// then name.
	if n := doc.Find("#pcns tbody tr").Length(); n != 100 || all != 1297 {
		t.Errorf("/pcns lists %d PCNs of %d, want the first 100 of 1,297", n, all)
	}
	if got := doc.Find(`[data-testid="pcns-showing"]`).Text(); got != "Showing 1–100 of 1,297 PCNs" {
		t.Errorf("showing %q", got)
	}
	_, last := findPage(t, s, "/pcns?page=99")
	if got := last.Find(`[data-testid="pcns-showing"]`).Text(); got != "Showing 1,201–1,297 of 1,297 PCNs" {
		t.Errorf("a page past the last shows the last: %q", got)
	}
	rowOf := func(code string) string { // the row on whichever page holds it
		for page := 1; page <= 13; page++ {
			_, d := findPage(t, s, "/pcns?page="+strconv.Itoa(page))
			if d.Find(`[data-testid="pcn-`+code+`"]`).Length() > 0 {
				return cellsText(d, "pcn-"+code)
			}
		}
		return ""
	}
	if got := rowOf("U60057"); got != "SHREWSBURY PCN | U60057 | NHS Shropshire, Telford and Wrekin Integrated Care Board | 11,000" {
		t.Errorf("U60057's row: %q", got)
	}
	if got := rowOf("U47425"); !strings.HasSuffix(got, "| no data") {
		t.Errorf("a PCN with no list known: %q, want no data", got)
	}
	if doc.Find(`[data-testid="pcns-box"][role="region"][tabindex="0"]`).Length() != 1 {
		t.Error("the table does not scroll inside its own focusable region")
	}
	for _, path := range []string{"/pcns?icb=QOC", "/pcns?icb=qoc"} {
		_, doc = findPage(t, s, path)
		if n := doc.Find("#pcns tbody tr").Length(); n != qoc || !strings.Contains(doc.Find("h1").Text(), "Shropshire") {
			t.Errorf("%s: %d rows, h1 %q; want %d of QOC", path, n, doc.Find("h1").Text(), qoc)
		}
		if doc.Find(`select#icb option[value="QOC"][selected]`).Length() != 1 {
			t.Errorf("%s: the filter does not show QOC chosen", path)
		}
	}
	for path, want := range map[string]string{
		"/pcns?icb=QZZ":                               "no ICB with the code QZZ",
		"/pcns?icb=" + strings.Repeat("Q", 21):        "at most 20 characters",
		"/pcns?icb=Q%3Cb%3E":                          "letters and digits",
		"/pcns?icb=QOC&icb=QSL":                       "", // the first is taken
		"/pcns?icb=" + strings.Repeat("%20", 3) + "Q": "no ICB with the code Q",
	} {
		status, doc := findPage(t, s, path)
		if want == "" {
			if status != 200 {
				t.Errorf("%s: %d", path, status)
			}
			continue
		}
		if status != 400 || !strings.Contains(doc.Text(), want) {
			t.Errorf("%s: %d, want 400 saying %q", path, status, want)
		}
	}
}

// /icbs lists today's ICBs with region and PCNs; after the April 2026 change the
// dissolved ones follow, with their last day and successors, linking to their pages.
func TestICBList(t *testing.T) {
	t.Parallel()
	s := searchServer(t)
	var qoc int
	if err := s.db.QueryRowForTest(context.Background(), `SELECT count(*) FROM pcn_spans WHERE icb_code = 'QOC' AND valid_to IS NULL`, &qoc); err != nil {
		t.Fatal(err)
	}
	status, doc := findPage(t, s, "/icbs")
	if status != 200 || doc.Find("#icbs tbody tr").Length() != 42 || doc.Find("#dissolved").Length() != 0 {
		t.Fatalf("/icbs before any change: %d, %d ICBs", status, doc.Find("#icbs tbody tr").Length())
	}
	if got, want := cellsText(doc, "icb-QOC"), "| QOC | Midlands | "+strconv.Itoa(qoc)+" PCNs in"; !strings.Contains(got, want) {
		t.Errorf("QOC's row %q, want %q", got, want)
	}
	if href := doc.Find(`[data-testid="icb-QOC"] a[href^="/pcns"]`).AttrOr("href", ""); href != "/pcns?icb=QOC" {
		t.Errorf("QOC's PCNs link to %q", href)
	}

	r := reorgServer(t)
	_, doc = reorgPage(t, r, finder, "/icbs")
	if n := doc.Find("#icbs tbody tr").Length(); n != 36 {
		t.Errorf("%d ICBs today, want 36", n)
	}
	frimley := cellsText(doc, "dissolved-QNQ")
	for _, want := range []string{"NHS Frimley Integrated Care Board", "31 March 2026", "NHS Thames Valley Integrated Care Board"} {
		if !strings.Contains(frimley, want) {
			t.Errorf("Frimley's row %q lacks %q", frimley, want)
		}
	}
	if doc.Find(`[data-testid="dissolved-QNQ"] a[href="/icbs/QNQ"]`).Length() != 1 {
		t.Error("a dissolved ICB does not link to its page")
	}
	_, doc = reorgPage(t, r, finder, "/search?q=frimley")
	if got := testID(doc, "hit-QNQ"); !strings.Contains(got, "Dissolved on 1 April 2026") {
		t.Errorf("search for Frimley: %q, want it marked dissolved", got)
	}
}

// A practice's page shows its place, list and deprivation, "no data" where unknown;
// an unknown code, or one that cannot be a code, is a 404.
func TestPracticePage(t *testing.T) {
	t.Parallel()
	s := searchServer(t)
	cases := []struct {
		path   string
		status int
		want   map[string]string
	}{
		{"/practices/ZZ0001", 200, map[string]string{"pcn": "SHREWSBURY PCN (U60057)", "icb": "QOC", "sub-icb": "Shropshire",
			"patients": "11,000 on 1 February 2026", "deprivation": "18.3 (IMD 2025, 2025", "postcode": "SY1 1AA"}},
		{"/practices/zz0001", 200, map[string]string{"code": "ZZ0001"}},
		{"/practices/ZZ0003", 200, map[string]string{"patients": "no data", "deprivation": "no data"}},
		{"/practices/ZZ0021", 200, map[string]string{"pcn": "In no PCN"}},
		{"/practices/ZZ9999", 404, nil},
		{"/practices/" + strings.Repeat("Z", 21), 404, nil},
		{"/practices/ZZ%2500", 404, nil},
	}
	for _, c := range cases {
		status, doc := findPage(t, s, c.path)
		if status != c.status {
			t.Errorf("%s: %d, want %d", c.path, status, c.status)
			continue
		}
		for id, want := range c.want {
			if got := testID(doc, id); !strings.Contains(got, want) {
				t.Errorf("%s: [data-testid=%s] = %q, want %q", c.path, id, got, want)
			}
		}
	}
	_, doc := findPage(t, s, "/practices/ZZ0001")
	if h1 := doc.Find("h1").Text(); h1 != "ABBEY SURGERY" {
		t.Errorf("h1 %q", h1)
	}
	got := doc.Find(".nhsuk-breadcrumb__link").Map(func(_ int, a *goquery.Selection) string { return a.AttrOr("href", "") })
	if strings.Join(got, " ") != "/ /regions/Y60 /icbs/QOC /pcns/U60057" {
		t.Errorf("breadcrumbs %v", got)
	}
}

// Finding a place is for signed-in users: a signed-out visitor is sent to sign in and
// comes back to the page asked for.
func TestFindingNeedsSignIn(t *testing.T) {
	t.Parallel()
	s := searchServer(t)
	for _, path := range []string{"/search?q=QOC", "/pcns", "/icbs", "/practices/ZZ0001"} {
		rec := httptest.NewRecorder()
		s.Routes().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		if loc := rec.Header().Get("Location"); rec.Code != http.StatusSeeOther || !strings.HasPrefix(loc, "/login?") {
			t.Errorf("%s signed out: %d to %q, want 303 to sign in", path, rec.Code, loc)
		}
	}
}

// With NHS England's November 2025 practice files loaded (pcnDayServer, where
// U60057's practices are taken out of it), "Shrewsbury" finds the PCN and SHREWSBURY
// ROAD SURGERY (in London) by its own name; "SW Shropshire" finds U52026 and its
// practices by their PCN's name; a real practice's page has its published list.
func TestSearchRealPractices(t *testing.T) {
	t.Parallel()
	s := pcnDayServer(t)
	_, doc := findPage(t, s, "/search?q=shrewsbury")
	if got := testID(doc, "search-summary"); got != "2 results for ‘shrewsbury’: 1 PCN and 1 practice." || doc.Find(`[data-testid="hit-F84006"]`).Length() != 1 {
		t.Errorf("Shrewsbury: %q", got)
	}
	_, doc = findPage(t, s, "/search?q=sw+shropshire")
	if got := testID(doc, "hit-M82046"); got != "CRAVEN ARMS SURGERY M82046 PCN: SW SHROPSHIRE PCN" || doc.Find(`[data-testid="hit-U52026"]`).Length() != 1 {
		t.Errorf("SW Shropshire: M82046 %q", got)
	}
	_, doc = findPage(t, s, "/practices/M82046")
	if got := testID(doc, "patients"); !strings.HasSuffix(got, "3,973 on 1 November 2025") {
		t.Errorf("M82046's list %q", got)
	}
}
