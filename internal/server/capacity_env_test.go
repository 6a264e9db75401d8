package server

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/store"
)

// capNow is the clock of the supervision, rooms and supply tests: 23 November 2026,
// in 2026/27 Q3.
var capNow = time.Date(2026, time.November, 23, 12, 0, 0, 0, time.UTC)

// capEnv is a fresh database with the personas and no workforce, a server on it at
// capNow, and a signed-in client per persona.
type capEnv struct {
	t       *testing.T
	db      *store.DB
	s       *Server
	ts      *httptest.Server
	clients map[string]*http.Client
}

func newCapEnv(t *testing.T) *capEnv {
	t.Helper()
	db := dbtest.New(t)
	addPersonas(t, db)
	s, ts := newTestServer(t, db)
	s.now = func() time.Time { return capNow }
	return &capEnv{t: t, db: db, s: s, ts: ts, clients: map[string]*http.Client{}}
}

func (e *capEnv) as(persona string) *http.Client {
	if c, ok := e.clients[persona]; ok {
		return c
	}
	c := client(e.t)
	signIn(e.t, e.ts, c, persona+"@test.nhs.uk")
	e.clients[persona] = c
	return c
}

func (e *capEnv) get(persona, path string) (int, *goquery.Document) {
	e.t.Helper()
	res, doc := fetch(e.t, e.as(persona), e.ts.URL+path)
	return res.StatusCode, doc
}

func (e *capEnv) post(persona, path string, v url.Values) (int, *goquery.Document) {
	e.t.Helper()
	code, body := postForm(e.t, e.as(persona), e.ts.URL+path, v)
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(body))
	if err != nil {
		e.t.Fatal(err)
	}
	return code, doc
}

// staff adds a staff record entered by hand and returns its id; end "" is open.
func (e *capEnv) staff(pcn, role string, fte float64, start, end string) int64 {
	e.t.Helper()
	endSQL := "NULL"
	if end != "" {
		endSQL = "'" + end + "'"
	}
	var id int64
	sql := fmt.Sprintf(`INSERT INTO staff (pcn_code, role_code, staff_role, source, fte, start_date, end_date)
		VALUES ('%s', '%s', '%s', 'manual', %v, '%s', %s) RETURNING id`, pcn, role, role, fte, start, endSQL)
	if err := e.db.QueryRowForTest(context.Background(), sql, &id); err != nil {
		e.t.Fatal(err)
	}
	return id
}

// audits lists the audit entries of one action, newest first.
func (e *capEnv) audits(action string) []store.AuditEntry {
	e.t.Helper()
	all, err := e.db.AuditLog(context.Background(), store.AuditFilter{})
	if err != nil {
		e.t.Fatal(err)
	}
	var out []store.AuditEntry
	for _, a := range all {
		if a.Action == action {
			out = append(out, a)
		}
	}
	return out
}

// capHas reports whether the page has an element with the test id.
func capHas(doc *goquery.Document, id string) bool {
	return doc.Find(`[data-testid="`+id+`"]`).Length() > 0
}

// capErrors is the text of the page's error summary.
func capErrors(doc *goquery.Document) string {
	return strings.Join(strings.Fields(doc.Find(".nhsuk-error-summary").Text()), " ")
}

// capBy is who the tests' direct writes are by.
var capBy = store.Actor{Name: "test"}
