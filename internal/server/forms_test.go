package server

import (
	"bytes"
	"context"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/ingest"
	"github.com/arrs-planner/arrs/internal/refdata"
	"github.com/arrs-planner/arrs/internal/store"
)

func postForm(t *testing.T, c *http.Client, u string, v url.Values) (int, string) {
	t.Helper()
	res, err := c.PostForm(u, v)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

// auditActions lists the audit trail as "actor action", newest first, leaving out
// sign-ins and the entries of the tests' own setup (capBy's writes through the store).
func auditActions(t *testing.T, db *store.DB) []string {
	t.Helper()
	entries, err := db.AuditLog(context.Background(), store.AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if e.Action != "session.sign_in" && e.Actor != capBy.Name {
			out = append(out, e.Actor+" "+e.Action)
		}
	}
	return out
}

// strongPassword passes the password policy for every test user.
const strongPassword = "violet harbour lantern"

func TestUserForms(t *testing.T) {
	t.Parallel()
	db := dbtest.New(t)
	addPersonas(t, db)
	_, ts := newTestServer(t, db)
	c := client(t)
	signIn(t, ts, c, "admin@test.nhs.uk")

	bad := []struct {
		form url.Values
		msg  string
	}{
		{url.Values{"email": {"not-an-email"}, "name": {"A"}, "password": {strongPassword}, "grants": {"admin"}}, "correct format"},
		{url.Values{"email": {"a@b.nhs.uk"}, "name": {""}, "password": {strongPassword}, "grants": {"admin"}}, "full name"},
		{url.Values{"email": {"a@b.nhs.uk"}, "name": {"A"}, "password": {"short"}, "grants": {"admin"}}, "12 characters or more"},
		{url.Values{"email": {"a@b.nhs.uk"}, "name": {"A"}, "password": {""}, "grants": {"admin"}}, "Enter a password"},
		{url.Values{"email": {"a@b.nhs.uk"}, "name": {"A"}, "password": {"0123456789ab"}, "grants": {"admin"}}, "harder to guess"},
		{url.Values{"email": {"florence.nightingale@nhs.net"}, "name": {"Florence Nightingale"}, "password": {"nightingale lamp 1854"}, "grants": {"admin"}}, "must not contain the person&#39;s name"},
		{url.Values{"email": {"a@b.nhs.uk"}, "name": {"A"}, "password": {strongPassword}, "grants": {"pcn_manager QOC"}}, "PCN code"},
		{url.Values{"email": {"a@b.nhs.uk"}, "name": {"A"}, "password": {strongPassword}, "grants": {"pcn_manager U00001"}}, "no organisation"},
		{url.Values{"email": {"a@b.nhs.uk"}, "name": {"A"}, "password": {strongPassword}, "grants": {""}}, "at least one grant"},
		{url.Values{"email": {"a@b.nhs.uk"}, "name": {"A"}, "password": {strongPassword}, "grants": {"pcn_manager U60057\nclinical_director U60057"}}, "cannot be both the PCN manager and a clinical director of U60057"},
		{url.Values{"email": {"manager@test.nhs.uk"}, "name": {"A"}, "password": {strongPassword}, "grants": {"admin"}}, "already a user"},
	}
	for _, b := range bad {
		code, body := postForm(t, c, ts.URL+"/admin/users/new", b.form)
		if code != http.StatusUnprocessableEntity || !strings.Contains(body, b.msg) || !strings.Contains(body, "<title>Error: ") {
			t.Errorf("%v: %d, message %q shown: %v", b.form, code, b.msg, strings.Contains(body, b.msg))
		}
		if name := b.form.Get("name"); name != "" && !strings.Contains(body, `value="`+name+`"`) {
			t.Errorf("%v: the input was not kept", b.form)
		}
	}
	if got := auditActions(t, db); len(got) != 0 {
		t.Errorf("refused forms wrote audit entries: %v", got)
	}

	code, _ := postForm(t, c, ts.URL+"/admin/users/new", url.Values{"email": {"New.Person@nhs.net"}, "name": {"New Person"}, "password": {strongPassword}, "grants": {"pcn_manager U60057\nclinical_director U47425"}})
	if code != http.StatusSeeOther {
		t.Fatalf("valid new user: %d", code)
	}
	if got := auditActions(t, db); len(got) != 1 || got[0] != "admin@test.nhs.uk user.create" {
		t.Errorf("audit after one change: %v", got)
	}
	u, err := db.UserByEmail(context.Background(), "new.person@nhs.net")
	if err != nil || len(u.Grants) != 2 {
		t.Fatalf("%+v %v", u, err)
	}

	// Two admins edit the same user; the second save is refused and keeps its input.
	edit := url.Values{"name": {"Renamed Once"}, "grants": {"pcn_manager U60057"}, "active": {"yes"}, "version": {strconv.Itoa(u.Version)}}
	if code, _ := postForm(t, c, ts.URL+"/admin/users/"+strconv.FormatInt(u.ID, 10), edit); code != http.StatusSeeOther {
		t.Fatalf("first edit: %d", code)
	}
	edit.Set("name", "Renamed Twice")
	code, body := postForm(t, c, ts.URL+"/admin/users/"+strconv.FormatInt(u.ID, 10), edit)
	if code != http.StatusConflict || !strings.Contains(body, "Someone else changed this user") || !strings.Contains(body, "Renamed Twice") {
		t.Errorf("stale edit: %d", code)
	}
	// Deactivation signs the person out.
	pc := client(t)
	if code, _ := postForm(t, c, ts.URL+"/admin/users/"+strconv.FormatInt(u.ID, 10), url.Values{"name": {"Renamed Once"}, "grants": {"pcn_manager U60057"}, "version": {strconv.Itoa(u.Version + 1)}}); code != http.StatusSeeOther {
		t.Fatalf("deactivate: %d", code)
	}
	res, _ := pc.PostForm(ts.URL+"/login", url.Values{"email": {"new.person@nhs.net"}, "password": {strongPassword}})
	res.Body.Close()
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("a deactivated user signed in: %d", res.StatusCode)
	}
}

func upload(t *testing.T, c *http.Client, u, name string, content []byte) (int, string) {
	t.Helper()
	var b bytes.Buffer
	w := multipart.NewWriter(&b)
	fw, _ := w.CreateFormFile("file", name)
	fw.Write(content)
	w.Close()
	res, err := c.Post(u, w.FormDataContentType(), &b)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(body)
}

func TestNWRSUpload(t *testing.T) {
	t.Parallel()
	db := dbtest.New(t)
	addPersonas(t, db)
	_, ts := newTestServer(t, db)
	c := client(t)
	signIn(t, ts, c, "lead@test.nhs.uk")
	f, _ := refdata.Open(refdata.SampleWorkforceFile)
	sample, _ := io.ReadAll(f)
	f.Close()
	bad := bytes.Replace(sample, []byte(",0.64,"), []byte(",-0.64,"), 1)
	code, body := upload(t, c, ts.URL+"/imports/nwrs", "bad.csv", bad)
	if code != http.StatusUnprocessableEntity || !strings.Contains(body, "line 2, column FTE: is negative") {
		t.Errorf("bad file: %d", code)
	}
	if n, _ := db.Imports(context.Background()); len(n) != 0 {
		t.Error("a refused upload wrote an import")
	}
	// An ICB lead imports only their own ICB's rows: the two-ICB sample is refused whole.
	code, body = upload(t, c, ts.URL+"/imports/nwrs", "sample.csv", sample)
	if code != http.StatusUnprocessableEntity || !strings.Contains(body, "is in ICB QSL, not one of yours (QOC)") {
		t.Errorf("another ICB's rows: %d", code)
	}
	var qoc []string
	for i, line := range strings.Split(strings.TrimSpace(string(sample)), "\n") {
		if i == 0 || strings.Contains(line, ",QOC,") {
			qoc = append(qoc, line)
		}
	}
	// A lead corrects their ICB's rows of the latest national census (PLANNING.md).
	if _, err := ingest.NWRS(context.Background(), db, "national.csv", bytes.NewReader(sample), store.Actor{Name: "admin"}, nil, time.Now()); err != nil {
		t.Fatal(err)
	}
	code, _ = upload(t, c, ts.URL+"/imports/nwrs", "sample.csv", []byte(strings.Join(qoc, "\n")))
	if code != http.StatusSeeOther {
		t.Fatalf("good file: %d", code)
	}
	res, _ := c.Get(ts.URL + "/imports")
	page, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if !strings.Contains(string(page), "Imported sample.csv") || !strings.Contains(string(page), "lead@test.nhs.uk") {
		t.Error("the import log does not show the upload and who made it")
	}
	if got := auditActions(t, db); len(got) != 2 || got[0] != "lead@test.nhs.uk nwrs.import" {
		t.Errorf("audit: %v", got)
	}
	// The same file again is no failure: it says so and changes nothing.
	code, _ = upload(t, c, ts.URL+"/imports/nwrs", "sample.csv", []byte(strings.Join(qoc, "\n")))
	if code != http.StatusSeeOther {
		t.Fatalf("the same file again: %d", code)
	}
	res, _ = c.Get(ts.URL + "/imports")
	page, _ = io.ReadAll(res.Body)
	res.Body.Close()
	if !strings.Contains(string(page), "sample.csv: already imported; nothing changed.") {
		t.Error("the same file again: no 'already imported; nothing changed'")
	}
	if got := auditActions(t, db); len(got) != 2 {
		t.Errorf("the same file again changed the audit: %v", got)
	}
	// A manager may upload plans of their own PCN only.
	m := client(t)
	signIn(t, ts, m, "manager@test.nhs.uk")
	plan := "pcn_code,role_code,quarter,starters_fte,leavers_fte,annual_cost_gbp\nU60057,paramedic,2026/27 Q2,1,0,50000\nU47425,paramedic,2026/27 Q2,1,0,50000\n"
	code, body = upload(t, m, ts.URL+"/imports/plans", "plan.csv", []byte(plan))
	if code != http.StatusUnprocessableEntity || !strings.Contains(body, "line 3, column pcn_code: PCN U47425 is not one of the networks you may change") {
		t.Errorf("another network's plan: %d", code)
	}
	code, _ = upload(t, m, ts.URL+"/imports/plans", "plan.csv", []byte(plan[:strings.LastIndex(strings.TrimSpace(plan), "\n")+1]))
	if code != http.StatusSeeOther {
		t.Errorf("own plan: %d", code)
	}
}

func TestTargetForm(t *testing.T) {
	t.Parallel()
	db := dbtest.New(t)
	addPersonas(t, db)
	_, ts := newTestServer(t, db)
	c := client(t)
	signIn(t, ts, c, "admin@test.nhs.uk")
	good := url.Values{"name": {"Manifesto 6,000"}, "fte": {"6000"}, "baseline": {"2020-03-31"}, "deadline": {"2024-03-31"}, "milestones": {"2022-03-31 3000 Halfway"}}
	bad := []struct {
		field, value, msg string
	}{
		{"name", "", "Enter a name"},
		{"fte", "lots", "as a number"},
		{"fte", "-5", "positive number"},
		{"baseline", "31/03/2020", "YYYY-MM-DD"},
		{"deadline", "2019-01-01", "after the baseline"},
		{"milestones", "2030-01-01 5 Too late", "on or before the deadline"},
		{"milestones", "soon", "Line 1 of the milestones"},
	}
	for _, b := range bad {
		v := url.Values{}
		for k, x := range good {
			v[k] = x
		}
		v.Set(b.field, b.value)
		code, body := postForm(t, c, ts.URL+"/admin/targets", v)
		if code != http.StatusUnprocessableEntity || !strings.Contains(body, b.msg) || !strings.Contains(body, "<title>Error: ") {
			t.Errorf("%s=%q: %d, message %q shown: %v", b.field, b.value, code, b.msg, strings.Contains(body, b.msg))
		}
	}
	if code, _ := postForm(t, c, ts.URL+"/admin/targets", good); code != http.StatusSeeOther {
		t.Fatalf("good target: %d", code)
	}
	saved, err := db.TargetByName(context.Background(), "Manifesto 6,000")
	if err != nil || saved.FTE != 6000 || len(saved.Milestones) != 1 || saved.Milestones[0].Label != "Halfway" {
		t.Errorf("%+v %v", saved, err)
	}
	if got := auditActions(t, db); len(got) != 1 || got[0] != "admin@test.nhs.uk target.save" {
		t.Errorf("audit: %v", got)
	}
}
