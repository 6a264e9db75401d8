package server

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// supervisionScenario is U60057 on 23 November 2026:
//
//	staff  p  pharmacist 1.0        needs clinical supervision
//	       m  paramedic 0.8         needs it
//	       n  trainee nursing associate 1.0, a trainee role, needs it
//	       c  care coordinator 0.5  needs none
//	       a  physician associate, starts 1 January 2027: not in post
//	       x  pharmacist who left on 1 June 2026: not in post
//	supervisors  Ahmed GP 1.0 FTE 6 h, Brown GP 0.5 FTE 10 h, Cole GP 0.2 FTE 4 h
//	links  Ahmed → p clinical 4 h; Ahmed → n educational 3 h   7 of 6 h: 117%, overloaded
//	       Brown → m clinic/practice 2 h (not clinical: m is uncovered)
//	       Brown → n clinical 2 h; Brown → m clinical 2 h ended 1 January 2026
//	                                                           4 of 10 h: 40%
//	       Cole → p educational 1 h: 1 trainee > 4 × 0.2 = 0.8   25%, over the ratio
//
// Coverage 2 of 3 (p and n): 67%. Hours 4 + 3 + 2 + 2 + 1 = 12 a month, 12 ÷ 4⅙ =
// 2.88 GP sessions, shown 2.9.
type supervisionScenario struct {
	staff       map[string]int64
	supervisors map[string]int64
	links       map[string]int64
}

func addSupervisionScenario(t *testing.T, e *capEnv) supervisionScenario {
	t.Helper()
	ctx := context.Background()
	sc := supervisionScenario{staff: map[string]int64{
		"p": e.staff("U60057", "clinical_pharmacist", 1, "2025-01-01", ""),
		"m": e.staff("U60057", "paramedic", 0.8, "2025-01-01", ""),
		"n": e.staff("U60057", "trainee_nursing_associate", 1, "2025-01-01", ""),
		"c": e.staff("U60057", "care_coordinator", 0.5, "2025-01-01", ""),
		"a": e.staff("U60057", "physician_associate", 1, "2027-01-01", ""),
		"x": e.staff("U60057", "clinical_pharmacist", 1, "2024-01-01", "2026-06-01"),
	}, supervisors: map[string]int64{}, links: map[string]int64{}}
	for _, s := range []workforce.Supervisor{
		{Name: "Dr Ahmed", FTE: 1, HoursPerMonth: 6}, {Name: "Dr Brown", FTE: 0.5, HoursPerMonth: 10}, {Name: "Dr Cole", FTE: 0.2, HoursPerMonth: 4},
	} {
		s.PCNCode, s.Profession = "U60057", "GP"
		saved, err := e.db.CreateSupervisor(ctx, s, capBy)
		if err != nil {
			t.Fatal(err)
		}
		sc.supervisors[strings.TrimPrefix(s.Name, "Dr ")] = saved.ID
	}
	for name, l := range map[string]struct {
		sup, staff string
		kind       workforce.SupervisionKind
		hours      float64
		start, end string
	}{
		"ahmed-p":       {"Ahmed", "p", workforce.SupervisionClinical, 4, "2025-01-01", ""},
		"ahmed-n":       {"Ahmed", "n", workforce.SupervisionEducational, 3, "2025-01-01", ""},
		"brown-m":       {"Brown", "m", workforce.SupervisionClinicPractice, 2, "2025-01-01", ""},
		"brown-n":       {"Brown", "n", workforce.SupervisionClinical, 2, "2025-01-01", ""},
		"brown-m-ended": {"Brown", "m", workforce.SupervisionClinical, 2, "2025-01-01", "2026-01-01"},
		"cole-p":        {"Cole", "p", workforce.SupervisionEducational, 1, "2025-06-01", ""},
	} {
		link := workforce.SupervisionLink{PCNCode: "U60057", SupervisorID: sc.supervisors[l.sup], SuperviseeID: sc.staff[l.staff],
			Kind: l.kind, HoursPerMonth: l.hours, Start: capDay(t, l.start)}
		if l.end != "" {
			link.End = capDay(t, l.end)
		}
		saved, err := e.db.CreateSupervisionLink(ctx, link, capBy)
		if err != nil {
			t.Fatal(err)
		}
		sc.links[name] = saved.ID
	}
	return sc
}

func capDay(t *testing.T, s string) time.Time {
	t.Helper()
	d, err := workforce.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestSupervisionPage(t *testing.T) {
	t.Parallel()
	e := newCapEnv(t)
	sc := addSupervisionScenario(t, e)
	code, doc := e.get("director", "/pcns/U60057/supervision")
	if code != http.StatusOK {
		t.Fatalf("status %d", code)
	}
	id := func(sup string) string { return "supervisor-" + strconv.FormatInt(sc.supervisors[sup], 10) }
	figures := map[string]string{
		"coverage-needing": "3", "coverage-covered": "2", "coverage": "67%",
		"linked-hours": "12.0", "gp-sessions": "2.9", "overloaded-count": "1", "over-ratio-count": "1",
		"trainee-places":      "3 of 6.8",
		id("Ahmed") + "-load": "117%", id("Ahmed") + "-trainees": "1 of 4.0",
		id("Brown") + "-load": "40%", id("Brown") + "-trainees": "1 of 2.0",
		id("Cole") + "-load": "25%", id("Cole") + "-trainees": "1 of 0.8",
	}
	for tid, want := range figures {
		if got := testID(doc, tid); got != want {
			t.Errorf("%s = %q, want %q", tid, got, want)
		}
	}
	flags := map[string]bool{
		"coverage-flag": true, "overloaded-count-flag": true, "over-ratio-count-flag": true,
		id("Ahmed") + "-load-flag": true, id("Brown") + "-load-flag": false, id("Cole") + "-load-flag": false,
		id("Ahmed") + "-trainees-flag": false, id("Cole") + "-trainees-flag": true,
		"uncovered-" + strconv.FormatInt(sc.staff["m"], 10): true, "uncovered-" + strconv.FormatInt(sc.staff["p"], 10): false,
	}
	for tid, want := range flags {
		if got := capHas(doc, tid); got != want {
			t.Errorf("%s shown: %v, want %v", tid, got, want)
		}
	}
	if got := testID(doc, "link-"+strconv.FormatInt(sc.links["brown-m-ended"], 10)); !strings.Contains(got, "Ended") {
		t.Errorf("the ended link reads %q", got)
	}
	// The director sees, the manager changes.
	if doc.Find(`a[href="/pcns/U60057/supervision/supervisors/new"]`).Length() != 0 {
		t.Error("the clinical director is offered to add a supervisor")
	}
	if _, doc := e.get("manager", "/pcns/U60057/supervision"); doc.Find(`a[href="/pcns/U60057/supervision/supervisors/new"]`).Length() != 1 {
		t.Error("the PCN manager is not offered to add a supervisor")
	}
	// The overview links to the page.
	if _, doc := e.get("director", "/pcns/U60057"); doc.Find(`[data-testid="capacity-links"] a[href="/pcns/U60057/supervision"]`).Length() != 1 {
		t.Error("the PCN overview does not link to supervision")
	}
}

func TestSupervisorForm(t *testing.T) {
	t.Parallel()
	e := newCapEnv(t)
	sc := addSupervisionScenario(t, e)
	valid := url.Values{"name": {"Dr Dhillon"}, "profession": {"GP"}, "fte": {"0.6"}, "hours": {"6"}}
	if code, _ := e.post("manager", "/pcns/U60057/supervision/supervisors/new", valid); code != http.StatusSeeOther {
		t.Fatalf("valid supervisor: %d", code)
	}
	if a := e.audits("supervisor.create"); len(a) != 4 || a[0].PCN != "U60057" || a[0].Actor != "manager@test.nhs.uk" {
		t.Errorf("audit of the creation: %+v", a)
	}
	bad := []struct {
		form url.Values
		msg  string
	}{
		{url.Values{"name": {""}, "profession": {"GP"}, "fte": {"1"}, "hours": {"6"}}, "Enter the supervisor's name"},
		{url.Values{"name": {"Dr E"}, "profession": {"GP"}, "fte": {"lots"}, "hours": {"6"}}, "FTE must be a number"},
		{url.Values{"name": {"Dr E"}, "profession": {"GP"}, "fte": {"2.5"}, "hours": {"6"}}, "FTE must be more than 0 and no more than 2"},
		{url.Values{"name": {"Dr E"}, "profession": {"GP"}, "fte": {"0.2"}, "hours": {"40"}}, "no more than their working hours (32.5 a month at 0.2 FTE)"},
		{url.Values{"name": {"Dr E"}, "profession": {"GP"}, "fte": {"1"}, "hours": {"-1"}}, "Hours available a month must be 0 or more"},
	}
	for _, b := range bad {
		code, doc := e.post("manager", "/pcns/U60057/supervision/supervisors/new", b.form)
		if code != http.StatusUnprocessableEntity || !strings.Contains(capErrors(doc), b.msg) {
			t.Errorf("%v: %d, summary %q, want 422 with %q", b.form, code, capErrors(doc), b.msg)
		}
		if !strings.HasPrefix(doc.Find("title").Text(), "Error: ") {
			t.Errorf("%v: the title does not start Error:", b.form)
		}
		if got, _ := doc.Find("#fte").Attr("value"); got != b.form.Get("fte") {
			t.Errorf("%v: the FTE typed is not kept: %q", b.form, got)
		}
	}
	if n := len(e.audits("supervisor.create")); n != 4 {
		t.Errorf("refused forms wrote audit entries: %d creations", n)
	}

	// Ahmed still has links: he cannot stop supervising.
	ahmed := "/pcns/U60057/supervision/supervisors/" + strconv.FormatInt(sc.supervisors["Ahmed"], 10)
	stop := url.Values{"name": {"Dr Ahmed"}, "profession": {"GP"}, "fte": {"1"}, "hours": {"6"}, "version": {"1"}}
	if code, doc := e.post("manager", ahmed, stop); code != http.StatusUnprocessableEntity || !strings.Contains(capErrors(doc), "end them first") {
		t.Errorf("stopping a supervisor with links: %d %q", code, capErrors(doc))
	}
	more := url.Values{"name": {"Dr Ahmed"}, "profession": {"GP"}, "fte": {"1"}, "hours": {"8"}, "active": {"yes"}, "version": {"1"}}
	if code, _ := e.post("manager", ahmed, more); code != http.StatusSeeOther {
		t.Fatalf("valid change: %d", code)
	}
	if a := e.audits("supervisor.update"); len(a) != 1 || a[0].PCN != "U60057" {
		t.Errorf("audit of the change: %+v", a)
	}
	// The same form again names version 1, now stale: 409, input kept, the saved figures shown.
	more.Set("hours", "9")
	code, doc := e.post("manager", ahmed, more)
	if code != http.StatusConflict || !capHas(doc, "conflict") {
		t.Errorf("stale save: %d", code)
	}
	if got, _ := doc.Find("#hours").Attr("value"); got != "9" {
		t.Errorf("stale save keeps hours %q, want 9", got)
	}
	if got, _ := doc.Find(`input[name="version"]`).Attr("value"); got != "2" {
		t.Errorf("stale save carries version %q, want 2", got)
	}
}

func TestLinkForms(t *testing.T) {
	t.Parallel()
	e := newCapEnv(t)
	sc := addSupervisionScenario(t, e)
	elsewhere := e.staff("U47425", "paramedic", 1, "2025-01-01", "")
	otherSup, err := e.db.CreateSupervisor(context.Background(), workforce.Supervisor{PCNCode: "U47425", Name: "Dr Far", Profession: "GP", FTE: 1, HoursPerMonth: 8}, capBy)
	if err != nil {
		t.Fatal(err)
	}
	form := func(supervisee, supervisor int64, edit func(url.Values)) url.Values {
		v := url.Values{"supervisee": {strconv.FormatInt(supervisee, 10)}, "supervisor": {strconv.FormatInt(supervisor, 10)},
			"kind": {"clinical"}, "hours": {"2"}, "start[day]": {"1"}, "start[month]": {"11"}, "start[year]": {"2026"}}
		if edit != nil {
			edit(v)
		}
		return v
	}
	brown := sc.supervisors["Brown"]
	if code, _ := e.post("manager", "/pcns/U60057/supervision/links/new", form(sc.staff["m"], brown, nil)); code != http.StatusSeeOther {
		t.Fatalf("valid link: %d", code)
	}
	if a := e.audits("supervision_link.create"); len(a) != 7 || a[0].PCN != "U60057" {
		t.Errorf("audit of the link: %d entries", len(a))
	}
	// The paramedic is covered now: 3 of 3.
	if _, doc := e.get("manager", "/pcns/U60057/supervision"); testID(doc, "coverage") != "100%" || capHas(doc, "coverage-flag") {
		t.Errorf("coverage after the new link: %q", testID(doc, "coverage"))
	}
	bad := []struct {
		form url.Values
		msg  string
	}{
		{form(elsewhere, brown, nil), "Select a member of staff of this PCN"},
		{form(sc.staff["m"], otherSup.ID, nil), "Select a supervisor of this PCN"},
		{form(sc.staff["m"], brown, func(v url.Values) { v.Set("kind", "") }), "Select the kind of supervision"},
		{form(sc.staff["m"], brown, func(v url.Values) { v.Set("hours", "81") }), "no more than 80"},
		{form(sc.staff["m"], brown, func(v url.Values) { v.Set("start[month]", "") }), "Start date must include a month"},
		{form(sc.staff["m"], brown, func(v url.Values) {
			v.Set("end[day]", "1")
			v.Set("end[month]", "10")
			v.Set("end[year]", "2026")
		}), "End date must be after the start date"},
	}
	for _, b := range bad {
		code, doc := e.post("manager", "/pcns/U60057/supervision/links/new", b.form)
		if code != http.StatusUnprocessableEntity || !strings.Contains(capErrors(doc), b.msg) {
			t.Errorf("%v: %d, summary %q, want 422 with %q", b.form, code, capErrors(doc), b.msg)
		}
		if got, _ := doc.Find("#hours").Attr("value"); got != b.form.Get("hours") {
			t.Errorf("%v: hours typed not kept: %q", b.form, got)
		}
	}

	// End Ahmed's clinical link of the pharmacist: they are uncovered again.
	end := "/pcns/U60057/supervision/links/" + strconv.FormatInt(sc.links["ahmed-p"], 10) + "/end"
	if code, doc := e.post("manager", end, url.Values{"version": {"1"}}); code != http.StatusUnprocessableEntity || !strings.Contains(capErrors(doc), "Enter the end date") {
		t.Errorf("end without a date: %d %q", code, capErrors(doc))
	}
	ends := url.Values{"version": {"1"}, "end[day]": {"23"}, "end[month]": {"11"}, "end[year]": {"2026"}}
	if code, _ := e.post("manager", end, ends); code != http.StatusSeeOther {
		t.Fatalf("end: %d", code)
	}
	if a := e.audits("supervision_link.end"); len(a) != 1 || a[0].PCN != "U60057" {
		t.Errorf("audit of the end: %+v", a)
	}
	if _, doc := e.get("manager", "/pcns/U60057/supervision"); testID(doc, "coverage") != "67%" {
		t.Errorf("coverage after the end: %q", testID(doc, "coverage"))
	}
	if code, _ := e.post("manager", end, ends); code != http.StatusConflict {
		t.Errorf("ending again at the old version: %d, want 409", code)
	}
}

// The day of the links in force is called today only when it is today: a ?at= day is
// named as itself (issue 11, "One clock").
func TestSupervisionAtLabel(t *testing.T) {
	t.Parallel()
	e := newCapEnv(t)
	for _, c := range []struct{ path, want, not string }{
		{"/pcns/U60057/supervision", "in force as of today, 23 November 2026.", ""},
		{"/pcns/U60057/supervision?at=2027-03-01", "in force on 1 March 2027.", "today"},
		{"/pcns/U60057/supervision?at=2026-11-23", "in force as of today, 23 November 2026.", ""},
	} {
		code, doc := e.get("director", c.path)
		if code != http.StatusOK {
			t.Fatalf("%s: status %d", c.path, code)
		}
		got := testID(doc, "supervision-days")
		if !strings.Contains(got, c.want) || (c.not != "" && strings.Contains(got, c.not)) {
			t.Errorf("%s: %q, want %q", c.path, got, c.want)
		}
	}
}

// The link form's pickers name each person by role, FTE and start (records carry no
// names), by role then start, and each supervisor by profession and time: a manager
// picks a colleague, not an NWRS number (issue 13).
func TestLinkPickers(t *testing.T) {
	t.Parallel()
	e := newCapEnv(t)
	sc := addSupervisionScenario(t, e)
	code, doc := e.get("manager", "/pcns/U60057/supervision/links/new")
	if code != http.StatusOK {
		t.Fatalf("status %d", code)
	}
	var got []string
	doc.Find("#supervisee option").Each(func(_ int, o *goquery.Selection) {
		if v := o.AttrOr("value", ""); v != "" {
			got = append(got, o.Text())
		}
	})
	rec := func(k string) string { return " (record " + strconv.FormatInt(sc.staff[k], 10) + ")" }
	want := []string{ // x left on 1 June 2026: not offered for a new link
		"Care coordinator, 0.5 FTE, from 1 Jan 2025" + rec("c"),
		"Clinical pharmacist, 1 FTE, from 1 Jan 2025" + rec("p"),
		"Paramedic, 0.8 FTE, from 1 Jan 2025" + rec("m"),
		"Physician associate, 1 FTE, from 1 Jan 2027" + rec("a"),
		"Trainee nursing associate, 1 FTE, from 1 Jan 2025" + rec("n"),
	}
	if !slices.Equal(got, want) {
		t.Errorf("supervisee options:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if sup := doc.Find("#supervisor option").Eq(1).Text(); sup != "Dr Ahmed, GP, 1 FTE, 6 hours a month for supervision" {
		t.Errorf("first supervisor option %q", sup)
	}
}
