package server

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

// What the staff pages say of a record is what is known of it: a record entered here
// never reads as NWRS's; an imported one is "in the census since" its first census
// (NWRS gives no start date); an ended one shows its end date and offers no "End".
func TestStaffPagesSayWhatIsKnown(t *testing.T) {
	t.Parallel()
	f := newStaffFixture(t)
	id := strconv.FormatInt(f.nwrsID, 10)
	path := "/pcns/U60057/staff/" + id
	_, list := f.get(t, "manager", "/pcns/U60057/staff")
	if got := staffText(list, `[data-testid="since-`+id+`"]`); got != "In the census since 30 Nov 2025" {
		t.Errorf("imported record's list date: %q", got)
	}
	_, doc := f.get(t, "manager", path+"/history")
	if got := staffText(doc, `[data-testid="field-start"]`); !strings.Contains(got, "Not given by NWRS: in the census since 30 November 2025") {
		t.Errorf("imported record's start: %q", got)
	}

	// Entered here: its change form says so, and nothing about NWRS.
	if code, _, _ := f.post(t, "manager", "/pcns/U60057/staff/new", goodStaff(nil)); code != http.StatusSeeOther {
		t.Fatalf("add: %d", code)
	}
	_, list = f.get(t, "manager", "/pcns/U60057/staff")
	var manualPath string
	list.Find(`tr[data-testid^="staff-"]`).Each(func(_ int, row *goquery.Selection) {
		if strings.Contains(row.Text(), "Entered in ARRS Planner") {
			manualPath = row.Find("a").First().AttrOr("href", "")
		}
	})
	if manualPath == "" {
		t.Fatal("the added record is not listed as entered in ARRS Planner")
	}
	_, doc = f.get(t, "manager", manualPath)
	main := staffText(doc, "main")
	if got := staffText(doc, `[data-testid="source"]`); got != "Entered in ARRS Planner." || strings.Contains(main, "comes from NWRS") || strings.Contains(main, "Imported from NWRS") {
		t.Errorf("a record entered here: source %q, page %q", got, main)
	}

	// Ended (from 1 February 2026, after the census of the list): the end date shows,
	// the "End" link does not.
	_, doc = f.get(t, "manager", path+"/end")
	end := staffFormValues(doc)
	end.Set("end[day]", "1")
	end.Set("end[month]", "2")
	end.Set("end[year]", "2026")
	if code, _, _ := f.post(t, "manager", path+"/end", end); code != http.StatusSeeOther {
		t.Fatalf("end: %d", code)
	}
	_, list = f.get(t, "manager", "/pcns/U60057/staff")
	row := list.Find(`[data-testid="staff-` + id + `"]`)
	if got := staffText(list, `[data-testid="end-`+id+`"]`); got != "No longer in post from 1 Feb 2026" {
		t.Errorf("ended record's end date: %q", got)
	}
	if row.Find(`a[href="`+path+`/end"]`).Length() != 0 || row.Find(`a[href="`+path+`"]`).Length() != 1 {
		t.Errorf("ended record's links: %q", staffText(list, `[data-testid="staff-`+id+`"]`))
	}
	_, doc = f.get(t, "manager", path+"/history")
	if doc.Find(`a[href="`+path+`/end"]`).Length() != 0 || !strings.Contains(staffText(doc, `[data-testid="field-end"]`), "1 February 2026") {
		t.Errorf("ended record's history: end %q, End link %d", staffText(doc, `[data-testid="field-end"]`), doc.Find(`a[href="`+path+`/end"]`).Length())
	}
}

// An empty add form shows only the messages that apply; a start date outside the
// scheme's years is refused with the range allowed.
func TestStaffFormMessagesApply(t *testing.T) {
	t.Parallel()
	f := newStaffFixture(t)
	code, doc, _ := f.post(t, "manager", "/pcns/U60057/staff/new", url.Values{"version": {"0"}, "funding_stream": {"arrs"}})
	got := []string{}
	doc.Find(".nhsuk-error-summary li").Each(func(_ int, li *goquery.Selection) { got = append(got, strings.TrimSpace(li.Text())) })
	want := "Select the role|Enter the FTE or the weekly hours|Enter the start date"
	if code != http.StatusUnprocessableEntity || strings.Join(got, "|") != want {
		t.Errorf("empty form: %d %q, want %q", code, got, want)
	}
	for _, year := range []string{"2019", "2062"} {
		code, doc, _ = f.post(t, "manager", "/pcns/U60057/staff/new", goodStaff(map[string]string{"start[year]": year}))
		msg := staffText(doc, ".nhsuk-error-summary a[href='#start-day']")
		if code != http.StatusUnprocessableEntity || !strings.Contains(msg, "Start date must be on or after 1 July 2019, when PCNs and the ARRS began, and no later than") {
			t.Errorf("start 1 April %s: %d %q", year, code, msg)
		}
	}
}
