package server

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// staffFixture is a server whose demo PCN U60057 holds one NWRS record (a clinical
// pharmacist of the census of 30 November 2025), with the personas signed in.
type staffFixture struct {
	db      *store.DB
	dbURL   string
	ts      *httptest.Server
	clients map[string]*http.Client
	nwrsID  int64
}

func newStaffFixture(t *testing.T) staffFixture {
	t.Helper()
	db, dbURL := dbtest.NewWithURL(t)
	ctx := context.Background()
	pharmacist := workforce.Staff{PCNCode: "U60057", RoleCode: "clinical_pharmacist", StaffGroup: "Direct Patient Care",
		StaffRole: "Pharmacists", DetailedRole: "Clinical Pharmacist", Source: workforce.SourceNWRSStaff, UniqueIdentifier: "1001", SourceRows: 1, FTE: 1}
	if _, err := db.ImportNWRS(ctx, store.NWRSImport{FileName: "nov.csv", SHA256: "nov", Census: workforce.Date(2025, 11, 30),
		Rows: 1, FTE: 1, ARRSFTE: 1, Records: []workforce.Staff{pharmacist}, By: capBy}); err != nil {
		t.Fatal(err)
	}
	addPersonas(t, db)
	_, ts := newTestServer(t, db)
	f := staffFixture{db: db, dbURL: dbURL, ts: ts, clients: map[string]*http.Client{}, nwrsID: firstStaffID(t, db, "U60057")}
	for _, p := range everyone[1:] {
		f.clients[p] = client(t)
		signIn(t, ts, f.clients[p], p+"@test.nhs.uk")
	}
	return f
}

func (f staffFixture) post(t *testing.T, persona, path string, v url.Values) (int, *goquery.Document, string) {
	t.Helper()
	res, err := f.clients[persona].PostForm(f.ts.URL+path, v)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	return res.StatusCode, staffParse(t, res.Body), res.Header.Get("Location")
}

func (f staffFixture) get(t *testing.T, persona, path string) (int, *goquery.Document) {
	t.Helper()
	res, err := f.clients[persona].Get(f.ts.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	return res.StatusCode, staffParse(t, res.Body)
}

func staffParse(t *testing.T, r io.Reader) *goquery.Document {
	t.Helper()
	doc, err := goquery.NewDocumentFromReader(r)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// goodStaff is a valid new record; set changes fields ("" removes one).
func goodStaff(set map[string]string) url.Values {
	v := url.Values{"role": {"paramedic"}, "fte": {"1"}, "start[day]": {"1"}, "start[month]": {"4"}, "start[year]": {"2025"},
		"band": {"7"}, "cost": {"55000"}, "employment_model": {"host_practice"}, "employer": {"Riverside Surgery"}, "funding_stream": {"arrs"}}
	for k, x := range set {
		if x == "" {
			v.Del(k)
		} else {
			v.Set(k, x)
		}
	}
	return v
}

// staffFormValues reads back a page's form as it would be submitted: what the person sees
// is what they send.
func staffFormValues(doc *goquery.Document) url.Values {
	v := url.Values{}
	doc.Find("form[method=post] input[name], form[method=post] select[name]").Each(func(_ int, s *goquery.Selection) {
		name := s.AttrOr("name", "")
		switch {
		case goquery.NodeName(s) == "select":
			if opt := s.Find("option[selected]"); opt.Length() > 0 {
				v.Set(name, opt.AttrOr("value", ""))
			}
		case s.AttrOr("type", "") == "radio" || s.AttrOr("type", "") == "checkbox":
			if _, on := s.Attr("checked"); on {
				v.Set(name, s.AttrOr("value", ""))
			}
		default:
			v.Set(name, s.AttrOr("value", ""))
		}
	})
	return v
}

func staffText(doc *goquery.Document, sel string) string {
	return strings.Join(strings.Fields(doc.Find(sel).Text()), " ")
}

func TestStaffCreateRefusesEachInvalidInput(t *testing.T) {
	t.Parallel()
	f := newStaffFixture(t)
	cases := []struct {
		set   map[string]string
		field string // the id the error summary links to
		msg   string
	}{
		{map[string]string{"role": ""}, "role", "Select the role"},
		{map[string]string{"role": "nurse"}, "role", "Select the role"},
		{map[string]string{"role": "other", "funding_stream": "other"}, "staff_role", "Enter their role"},
		{map[string]string{"role": "other", "staff_role": "Practice Manager"}, "funding_stream", "Only a post in an ARRS role or in one of the PCN's approved additional roles"},
		{map[string]string{"fte": ""}, "fte", "Enter the FTE or the weekly hours"},
		{map[string]string{"hours": "30"}, "fte", "not both"},
		{map[string]string{"fte": "lots"}, "fte", "FTE must be a number"},
		{map[string]string{"fte": "0"}, "fte", "more than 0 and no more than 2"},
		{map[string]string{"fte": "-1"}, "fte", "more than 0 and no more than 2"},
		{map[string]string{"fte": "2.5"}, "fte", "more than 0 and no more than 2"},
		{map[string]string{"fte": "", "hours": "80"}, "hours", "no more than 75"},
		{map[string]string{"fte": "", "hours": "full"}, "hours", "Weekly hours must be a number"},
		{map[string]string{"start[day]": "", "start[month]": "", "start[year]": ""}, "start-day", "Enter the start date"},
		{map[string]string{"start[month]": ""}, "start-month", "Start date must include a month"},
		{map[string]string{"start[day]": "31", "start[month]": "2"}, "start-day", "Start date must be a real date"},
		{map[string]string{"end[day]": "1", "end[month]": "4", "end[year]": "2025"}, "end-day", "End date must be after the start date"},
		{map[string]string{"end[day]": "1", "end[year]": "2026"}, "end-month", "End date must include a month"},
		{map[string]string{"band": "12"}, "band", "Select a band"},
		{map[string]string{"cost": "a lot"}, "cost", "amount in pounds"},
		{map[string]string{"cost": "0"}, "cost", "between £10,000 and £250,000"},
		{map[string]string{"cost": "5000"}, "cost", "between £10,000 and £250,000"},
		{map[string]string{"cost": "£300,000"}, "cost", "between £10,000 and £250,000"},
		{map[string]string{"employment_model": "agency"}, "employment_model", "Select an employment model"},
		{map[string]string{"employer": strings.Repeat("x", 201)}, "employer", "200 characters or fewer"},
		{map[string]string{"funding_stream": ""}, "funding_stream", "Select how the post is paid for"},
		{map[string]string{"funding_stream": "practice_gp", "practice_code": "ZZ0001"}, "funding_stream", "Only a GP can be paid through the practice GP scheme"},
		{map[string]string{"role": "gp", "funding_stream": "practice_gp"}, "practice_code", "Select the member practice that claims for this GP"},
		{map[string]string{"role": "gp", "funding_stream": "practice_gp", "practice_code": strings.Repeat("Z", 21)}, "practice_code", "20 characters or fewer"},
		{map[string]string{"role": "other", "staff_role": "Care navigator", "approved_role_id": "abc"}, "approved_role_id", "Select one of the PCN's approved additional roles"},
		// A role before the scheme added it.
		{map[string]string{"role": "consultant_nurse", "band": "8c", "start[year]": "2024"}, "role", "Consultant nurse could only be claimed from 1 April 2025"},
		{map[string]string{"role": "digital_transformation_lead", "start[year]": "2022", "start[month]": "9"}, "role", "from 1 October 2022"},
	}
	for _, c := range cases {
		code, doc, _ := f.post(t, "manager", "/pcns/U60057/staff/new", goodStaff(c.set))
		summary := doc.Find(".nhsuk-error-summary a[href='#" + c.field + "']")
		if code != http.StatusUnprocessableEntity || !strings.Contains(summary.Text(), c.msg) || !strings.HasPrefix(doc.Find("title").Text(), "Error: ") {
			t.Errorf("%v: %d, summary link to #%s %q, want %q", c.set, code, c.field, summary.Text(), c.msg)
		}
		if msg := staffText(doc, ".nhsuk-form-group--error .nhsuk-error-message"); !strings.Contains(msg, c.msg) {
			t.Errorf("%v: no message %q next to the field (%q)", c.set, c.msg, msg)
		}
		if got := doc.Find("#employer").AttrOr("value", ""); c.field != "employer" && got != "Riverside Surgery" {
			t.Errorf("%v: the input was not kept: employer %q", c.set, got)
		}
	}
	if got := auditActions(t, f.db); len(got) != 0 {
		t.Errorf("refused forms wrote audit entries: %v", got)
	}
}

func TestStaffCreateSavesAndWarns(t *testing.T) {
	t.Parallel()
	f := newStaffFixture(t)
	code, _, loc := f.post(t, "manager", "/pcns/U60057/staff/new", goodStaff(map[string]string{"fte": "", "hours": "30"}))
	if code != http.StatusSeeOther || loc != "/pcns/U60057/staff" {
		t.Fatalf("valid record: %d to %q", code, loc)
	}
	if got := auditActions(t, f.db); len(got) != 1 || got[0] != "manager@test.nhs.uk staff.create" {
		t.Errorf("audit: %v", got)
	}
	recs, err := f.db.StaffRecordsInPost(context.Background(), "U60057", workforce.Date(2025, 11, 30))
	if err != nil || len(recs) != 2 {
		t.Fatalf("%v %v", recs, err)
	}
	var added workforce.StaffRecord
	for _, r := range recs {
		if r.Source == workforce.SourceManual {
			added = r
		}
	}
	if added.RoleCode != "paramedic" || added.FTE != 0.8 || added.AnnualCostPence != 55_000_00 || added.EmploymentModel != workforce.HostPractice || added.Stream != workforce.StreamARRS {
		t.Errorf("saved: %+v", added)
	}
	_, doc := f.get(t, "manager", "/pcns/U60057/staff")
	if got := staffText(doc, ".nhsuk-notification-banner"); !strings.Contains(got, "Added the record: Paramedic, 0.8 FTE from 1 April 2025") {
		t.Errorf("banner: %q", got)
	}
	if doc.Find(`[data-testid="warnings"]`).Length() != 0 {
		t.Error("a record within its cap was warned about")
	}

	// Above the cap in force on the start date: saved, with a warning.
	code, _, _ = f.post(t, "manager", "/pcns/U60057/staff/new", goodStaff(map[string]string{"role": "clinical_pharmacist", "cost": "70000", "start[month]": "5"}))
	if code != http.StatusSeeOther {
		t.Fatalf("over the cap: %d", code)
	}
	_, doc = f.get(t, "manager", "/pcns/U60057/staff")
	if got := staffText(doc, `[data-testid="warnings"]`); !strings.Contains(got, "above the maximum for Clinical pharmacist, £66,972 per full-time post in force on 1 May 2025") || !strings.Contains(got, "the PCN pays the difference, £3,028") {
		t.Errorf("cap warning: %q", got)
	}
	_, doc = f.get(t, "manager", "/pcns/U60057/staff")
	if doc.Find(`[data-testid="warnings"]`).Length() != 0 {
		t.Error("the warning was shown twice")
	}
	// A form shown again with errors also shows its warnings.
	_, doc, _ = f.post(t, "manager", "/pcns/U60057/staff/new", goodStaff(map[string]string{"role": "clinical_pharmacist", "cost": "70000", "employer": strings.Repeat("x", 201)}))
	if got := staffText(doc, `[data-testid="warnings"]`); !strings.Contains(got, "£66,972") {
		t.Errorf("warning on the refused form: %q", got)
	}

	// One digital and transformation lead per PCN: a second is saved, with a warning.
	dtl := goodStaff(map[string]string{"role": "digital_transformation_lead", "band": "8a", "cost": "70000"})
	if code, _, _ = f.post(t, "manager", "/pcns/U60057/staff/new", dtl); code != http.StatusSeeOther {
		t.Fatalf("first DTL: %d", code)
	}
	_, doc = f.get(t, "manager", "/pcns/U60057/staff")
	if doc.Find(`[data-testid="warnings"]`).Length() != 0 {
		t.Errorf("the first DTL was warned about: %q", staffText(doc, `[data-testid="warnings"]`))
	}
	if code, _, _ = f.post(t, "admin", "/pcns/U60057/staff/new", dtl); code != http.StatusSeeOther {
		t.Fatalf("second DTL: %d", code)
	}
	_, doc = f.get(t, "admin", "/pcns/U60057/staff")
	if got := staffText(doc, `[data-testid="warnings"]`); !strings.Contains(got, "the PCN has 2.00 FTE of Digital and transformation lead claimed from the ARRS on 1 April 2025, more than the 1 per PCN the scheme funds in 2025/26") {
		t.Errorf("DTL warning: %q", got)
	}
	if got := auditActions(t, f.db); len(got) != 4 {
		t.Errorf("audit after four records: %v", got)
	}
}

func TestStaffEditNWRSRecordKeepsItsSource(t *testing.T) {
	t.Parallel()
	f := newStaffFixture(t)
	path := "/pcns/U60057/staff/" + strconv.FormatInt(f.nwrsID, 10)
	_, list := f.get(t, "director", "/pcns/U60057/staff")
	row := staffText(list, `[data-testid="staff-`+strconv.FormatInt(f.nwrsID, 10)+`"]`)
	if !strings.Contains(row, "Imported from NWRS, census 30 Nov 2025") || !strings.Contains(row, "History") || strings.Contains(row, "Change") {
		t.Errorf("the director's list row: %q", row)
	}
	if list.Find(`a[href="/pcns/U60057/staff/new"]`).Length() != 0 {
		t.Error("a clinical director is offered to add a record")
	}
	_, list = f.get(t, "manager", "/pcns/U60057/staff")
	if row := staffText(list, `[data-testid="staff-`+strconv.FormatInt(f.nwrsID, 10)+`"]`); !strings.Contains(row, "Change") || !strings.Contains(row, "End") {
		t.Errorf("the manager's list row: %q", row)
	}

	code, doc := f.get(t, "manager", path)
	if code != 200 || !strings.Contains(staffText(doc, `[data-testid="source"]`), "Imported from NWRS, census 30 Nov 2025") {
		t.Fatalf("edit page: %d, source %q", code, staffText(doc, `[data-testid="source"]`))
	}
	if doc.Find("select#role").Length() != 0 || !strings.Contains(staffText(doc, `[data-testid="nwrs-role"]`), "Clinical pharmacist, NWRS identifier 1001") {
		t.Errorf("an NWRS record's role must be shown, not offered: %q", staffText(doc, `[data-testid="nwrs-role"]`))
	}
	v := staffFormValues(doc)
	v.Set("fte", "0.8")
	v.Set("band", "8a")
	v.Set("cost", "62000")
	v.Set("employment_model", "subcontract_federation")
	v.Set("role", "paramedic") // ignored: NWRS owns the role
	if code, _, _ := f.post(t, "manager", path, v); code != http.StatusSeeOther {
		t.Fatalf("save: %d", code)
	}
	rec, err := f.db.StaffRecord(context.Background(), "U60057", f.nwrsID)
	if err != nil || rec.Source != workforce.SourceNWRSStaff || rec.RoleCode != "clinical_pharmacist" || rec.FTE != 0.8 || rec.Version != 2 ||
		rec.Band != "8a" || rec.EmploymentModel != workforce.SubcontractFederation || !rec.Census.Equal(workforce.Date(2025, 11, 30)) {
		t.Errorf("after the edit: %+v %v", rec, err)
	}
	if got := auditActions(t, f.db); len(got) != 1 || got[0] != "manager@test.nhs.uk staff.update" {
		t.Errorf("audit: %v", got)
	}

	// Everyone who sees the PCN's staff sees the history; only the manager may change.
	code, doc = f.get(t, "director", path+"/history")
	if code != 200 || doc.Find(`a[href="`+path+`"]`).Length() != 0 {
		t.Errorf("director's history: %d, change link %d", code, doc.Find(`a[href="`+path+`"]`).Length())
	}
	if got := staffText(doc, `[data-testid="version-2"]`); !strings.Contains(got, "FTE: 1 → 0.8") || !strings.Contains(got, "manager@test.nhs.uk") || !strings.Contains(got, "Band: Not recorded → Band 8a") {
		t.Errorf("version 2: %q", got)
	}
	if got := staffText(doc, `[data-testid="version-1"]`); !strings.Contains(got, "Imported from NWRS, census 30 Nov 2025") {
		t.Errorf("version 1: %q", got)
	}
	_, doc = f.get(t, "manager", path+"/history")
	if doc.Find(`a[href="`+path+`"]`).Length() != 1 {
		t.Error("the manager's history has no change link")
	}
}

func TestStaffChangesRefusedToViewersAndOtherPCNs(t *testing.T) {
	t.Parallel()
	f := newStaffFixture(t)
	path := "/pcns/U60057/staff/" + strconv.FormatInt(f.nwrsID, 10)
	_, doc := f.get(t, "admin", path)
	edit := staffFormValues(doc)
	edit.Set("fte", "0.5")
	end := url.Values{"version": {edit.Get("version")}, "end[day]": {"1"}, "end[month]": {"1"}, "end[year]": {"2026"}}
	for _, p := range []string{"director", "lead", "other-manager", "other-lead"} {
		for _, c := range []struct {
			path string
			form url.Values
		}{{"/pcns/U60057/staff/new", goodStaff(nil)}, {path, edit}, {path + "/end", end}} {
			if code, _, _ := f.post(t, p, c.path, c.form); code != http.StatusForbidden {
				t.Errorf("%s POST %s: %d, want 403", p, c.path, code)
			}
		}
	}
	rec, _ := f.db.StaffRecord(context.Background(), "U60057", f.nwrsID)
	if rec.Version != 1 || len(auditActions(t, f.db)) != 0 {
		t.Errorf("a refused change changed something: %+v", rec)
	}
}

// Two people change the same record: the second save is refused with both inputs
// kept (the first saved, the second on the page), and saving again keeps both in the
// history.
func TestStaffConcurrentEditLosesNothing(t *testing.T) {
	t.Parallel()
	f := newStaffFixture(t)
	path := "/pcns/U60057/staff/" + strconv.FormatInt(f.nwrsID, 10)
	_, mine := f.get(t, "manager", path)
	_, theirs := f.get(t, "admin", path)
	first, second := staffFormValues(mine), staffFormValues(theirs)
	first.Set("fte", "0.5")
	first.Set("employer", "Shrewsbury Federation")
	if code, _, _ := f.post(t, "manager", path, first); code != http.StatusSeeOther {
		t.Fatalf("first save: %d", code)
	}
	second.Set("fte", "0.7")
	second.Set("cost", "64000")
	code, doc, _ := f.post(t, "admin", path, second)
	if code != http.StatusConflict || !strings.HasPrefix(doc.Find("title").Text(), "Error: ") {
		t.Fatalf("second save: %d", code)
	}
	if got := strings.Join(gapCells(doc, "change-fte"), "|"); got != "FTE|0.5|0.7" {
		t.Errorf("the FTE change: %q", got)
	}
	if got := strings.Join(gapCells(doc, "change-employer"), "|"); got != "Employer|Shrewsbury Federation|Not recorded" {
		t.Errorf("the employer change: %q", got)
	}
	if !strings.Contains(staffText(doc, `[data-testid="conflict"]`), "manager@test.nhs.uk saved it") {
		t.Errorf("who saved: %q", staffText(doc, `[data-testid="conflict"]`))
	}
	again := staffFormValues(doc)
	if again.Get("fte") != "0.7" || again.Get("cost") != "64000" || again.Get("version") != "2" {
		t.Errorf("the second person's input was not kept: %v", again)
	}
	rec, _ := f.db.StaffRecord(context.Background(), "U60057", f.nwrsID)
	if rec.FTE != 0.5 || rec.Employer != "Shrewsbury Federation" {
		t.Errorf("the first save was lost: %+v", rec)
	}
	// Saving the page again replaces the first save knowingly; both stay in the history.
	if code, _, _ := f.post(t, "admin", path, again); code != http.StatusSeeOther {
		t.Fatalf("saving again: %d", code)
	}
	hist, err := f.db.StaffHistory(context.Background(), "U60057", f.nwrsID)
	if err != nil || len(hist) != 2 || hist[0].FTE != 0.5 || hist[0].Employer != "Shrewsbury Federation" || hist[1].FTE != 1 {
		t.Errorf("history: %+v %v", hist, err)
	}
	if got := auditActions(t, f.db); len(got) != 2 {
		t.Errorf("audit: %v", got)
	}
}

func TestStaffEnd(t *testing.T) {
	t.Parallel()
	f := newStaffFixture(t)
	path := "/pcns/U60057/staff/" + strconv.FormatInt(f.nwrsID, 10)
	_, doc := f.get(t, "manager", path+"/end")
	endForm := staffFormValues(doc)
	bad := []struct {
		day, month, year, field, msg string
	}{
		{"", "", "", "end-day", "Enter the end date"},
		{"1", "", "2026", "end-month", "End date must include a month"},
		{"30", "2", "2026", "end-day", "End date must be a real date"},
		{"30", "11", "2025", "end-day", "End date must be after the start date, 30 November 2025"},
	}
	for _, b := range bad {
		v := url.Values{"version": {endForm.Get("version")}, "end[day]": {b.day}, "end[month]": {b.month}, "end[year]": {b.year}}
		code, doc, _ := f.post(t, "manager", path+"/end", v)
		if code != http.StatusUnprocessableEntity || !strings.Contains(doc.Find(".nhsuk-error-summary a[href='#"+b.field+"']").Text(), b.msg) {
			t.Errorf("%v: %d, %q", b, code, staffText(doc, ".nhsuk-error-summary"))
		}
		if got := doc.Find("#end-year").AttrOr("value", ""); got != b.year {
			t.Errorf("%v: the year typed was not kept: %q", b, got)
		}
	}
	// Someone changes the record while the end page is open: refused, the date kept.
	_, doc = f.get(t, "admin", path)
	edit := staffFormValues(doc)
	edit.Set("fte", "0.6")
	if code, _, _ := f.post(t, "admin", path, edit); code != http.StatusSeeOther {
		t.Fatal("admin's edit")
	}
	v := url.Values{"version": {endForm.Get("version")}, "end[day]": {"1"}, "end[month]": {"2"}, "end[year]": {"2026"}}
	code, doc, _ := f.post(t, "manager", path+"/end", v)
	if code != http.StatusConflict || strings.Join(gapCells(doc, "change-fte"), "|") != "FTE|1|0.6" || doc.Find("#end-month").AttrOr("value", "") != "2" {
		t.Fatalf("stale end: %d, %q", code, gapCells(doc, "change-fte"))
	}
	code, _, loc := f.post(t, "manager", path+"/end", staffFormValues(doc))
	if code != http.StatusSeeOther || loc != "/pcns/U60057/staff" {
		t.Fatalf("end: %d", code)
	}
	rec, _ := f.db.StaffRecord(context.Background(), "U60057", f.nwrsID)
	if !rec.End.Equal(workforce.Date(2026, 2, 1)) || rec.FTE != 0.6 || rec.Version != 3 {
		t.Errorf("ended: %+v", rec)
	}
	if got := auditActions(t, f.db); len(got) != 2 || got[0] != "manager@test.nhs.uk staff.end" {
		t.Errorf("audit: %v", got)
	}
}
