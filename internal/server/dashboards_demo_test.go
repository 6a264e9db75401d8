package server

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// TestDashboardsAgreeWithTheirPages traces the demo PCN's dashboard and its row of the
// demo ICB's comparison, on the real November 2025 workforce, to the pages each part
// summarises: every number is the one its own page shows, worked out by the same code
// from the same staff records, plans, supervision links and sites.
func TestDashboardsAgreeWithTheirPages(t *testing.T) {
	t.Parallel()
	s := demo(t)
	page := func(path string) func(id string) string {
		status, doc := get(t, s, path)
		if status != 200 {
			t.Fatalf("%s: %d", path, status)
		}
		// A summary list row's test id is on the row: its value is what counts.
		return func(id string) string {
			sel := doc.Find(`[data-testid="` + id + `"]`)
			if v := sel.Find(".nhsuk-summary-list__value"); v.Length() > 0 {
				sel = v
			}
			return strings.Join(strings.Fields(sel.Text()), " ")
		}
	}
	dash, overview, cmp := page("/pcns/U60057/dashboard"), page("/pcns/U60057"), page("/icbs/QOC/compare")
	funding, sup, rooms := page("/pcns/U60057/funding"), page("/pcns/U60057/supervision"), page("/pcns/U60057/sites")
	year := strconv.Itoa(int(workforce.FinancialYearOf(time.Now().UTC())))
	same := []struct{ what, dashboard, page string }{
		// In post on the census date: the overview's ARRS FTE (49.0).
		{"in post", dash("dash-in-post"), overview("arrs-fte")},
		// The fair share: the overview's gap panel, from the same gap report.
		{"fair share", firstWord(dash("dash-fair-share")), firstWord(overview("gap-fair-share"))},
		// FTE per 10,000: with no weighted populations imported, the registered list
		// stands in, as on the overview.
		{"per 10,000", firstWord(dash("dash-per-10k")), overview("per-10k")},
		{"headroom", strings.TrimPrefix(dash("dash-headroom-"+year), "Headroom "), funding("y" + year + "-headroom")},
		// The demo records no supervision and no sites: every page says so (issue 11).
		{"coverage", dash("dash-coverage"), sup("coverage")},
		{"rooms available", dash("dash-rooms-available"), rooms("rooms-available")},
		{"rooms needed", dash("dash-rooms-needed-now"), rooms("rooms-needed-now")},
		// The comparison's row is the dashboard's figures.
		{"comparison FTE", cmp("cmp-U60057-fte"), dash("dash-in-post")},
		{"comparison per 10,000", cmp("cmp-U60057-per10k"), firstWord(dash("dash-per-10k"))},
		{"comparison reached", cmp("cmp-U60057-reached"), firstWord(dash("dash-reached"))},
		{"comparison coverage", cmp("cmp-U60057-coverage"), "None recorded yet"},
		{"comparison rooms", cmp("cmp-U60057-rooms-now"), "None recorded yet"},
		{"not known", dash("dash-coverage") + "; " + dash("dash-rooms-available"),
			"Not known: no supervision recorded yet; Not known: no sites recorded yet"},
	}
	for _, c := range same {
		if c.dashboard == "" || c.dashboard != c.page {
			t.Errorf("%s: dashboard %q, its page %q", c.what, c.dashboard, c.page)
		}
	}
	if dash("dash-in-post") != "49.0" {
		t.Errorf("in post %q", dash("dash-in-post"))
	}
}

func firstWord(s string) string {
	if f := strings.Fields(s); len(f) > 0 {
		return f[0]
	}
	return ""
}
