package server

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// projectionRow is one row of the dashboard's projection table, as the page shows it.
type projectionRow struct {
	quarter         string
	with, fairShare float64
}

// projectionRows reads the table beside the projection chart: the series the chart
// draws, the fair share its line.
func projectionRows(t *testing.T, doc *goquery.Document) []projectionRow {
	t.Helper()
	var out []projectionRow
	doc.Find(`#dash-projection tbody tr`).Each(func(_ int, tr *goquery.Selection) {
		cells := tr.Children()
		num := func(i int) float64 {
			v, err := strconv.ParseFloat(strings.ReplaceAll(strings.TrimSpace(cells.Eq(i).Text()), ",", ""), 64)
			if err != nil {
				t.Fatalf("projection row %q: %v", tr.Text(), err)
			}
			return v
		}
		out = append(out, projectionRow{quarter: strings.TrimSpace(cells.Eq(0).Text()), with: num(2), fairShare: num(4)})
	})
	return out
}

// firstBelow is the first quarter of this financial year and next (of day d) whose
// projection with the plan is below the fair share, "" for none.
func firstBelow(rows []projectionRow, d time.Time) string {
	this := workforce.FinancialYearOf(d)
	for _, r := range rows {
		if r.with < r.fairShare && (strings.HasPrefix(r.quarter, this.String()) || strings.HasPrefix(r.quarter, (this+1).String())) {
			return r.quarter
		}
	}
	return ""
}

// TestDashboardOutlookOfTheDemo: on the demo PCN (U60057, the November 2025
// workforce), the line the dashboard opens with names the first quarter of this year
// and next whose projection with the plan, in the chart's own table, is below the
// fair share, and says whether each year's spending passes its entitlement as the
// funding table does.
func TestDashboardOutlookOfTheDemo(t *testing.T) {
	t.Parallel()
	s := demo(t)
	status, doc := get(t, s, "/pcns/U60057/dashboard")
	if status != 200 {
		t.Fatalf("status %d", status)
	}
	if next := doc.Find("h1").Next(); next.AttrOr("data-testid", "") != "dash-outlook" {
		t.Errorf("the h1 is followed by %q, want the outlook", next.AttrOr("data-testid", goquery.NodeName(next)))
	}
	sentence := testID(doc, "dash-outlook-sentence")
	rows := projectionRows(t, doc)
	if len(rows) != workforce.PlanQuarters {
		t.Fatalf("%d rows in the projection table", len(rows))
	}
	below := firstBelow(rows, time.Now())
	t.Logf("%s (first quarter below in the chart: %q)", sentence, below)
	switch {
	case below != "" && !strings.Contains(sentence, "from "+below+" the projection"):
		t.Errorf("the chart falls below the fair share from %s; the line says %q", below, sentence)
	case below == "" && strings.Contains(sentence, "falls below"):
		t.Errorf("the chart never falls below the fair share this year or next; the line says %q", sentence)
	}
	if below != "" && !strings.Contains(testID(doc, "dash-outlook-first-below"), below) {
		t.Errorf("first quarter below %q, want %s", testID(doc, "dash-outlook-first-below"), below)
	}
	if fair := strconv.FormatFloat(rows[0].fairShare, 'f', 1, 64); testID(doc, "dash-outlook-fair-share") != fair+" FTE" {
		t.Errorf("fair share %q, the chart's %s", testID(doc, "dash-outlook-fair-share"), fair)
	}
	year := workforce.FinancialYearOf(time.Now())
	for _, y := range []workforce.FinancialYear{year, year + 1} {
		cells := strings.Split(cellsText(doc, "dash-funding-"+strconv.Itoa(int(y))), " | ")
		if len(cells) != 5 {
			t.Fatalf("funding row of %v: %q", y, cells)
		}
		over := strings.HasPrefix(cells[4], "−")
		if said := strings.Contains(sentence, y.String()+" spending exceeds the entitlement by "+strings.TrimPrefix(cells[4], "−")); said != over {
			t.Errorf("%v headroom %s; the line says %q", y, cells[4], sentence)
		}
		if got := testID(doc, "dash-outlook-entitlement-"+strconv.Itoa(int(y))); got != cells[1] {
			t.Errorf("%v entitlement %q, the funding table's %q", y, got, cells[1])
		}
	}
	onTrackThisYear := !strings.HasPrefix(below, year.String()) && !strings.Contains(sentence, year.String()+" spending exceeds")
	if strings.HasPrefix(sentence, "On track this year") != onTrackThisYear {
		t.Errorf("on track this year: %v; the line says %q", onTrackThisYear, sentence)
	}
}

// TestDashboardOutlookOfTheScenario is the hand-worked scenario of TestDashboard: 3.0
// FTE in post against a fair share of 40.8, so below it from the first quarter, with
// money to spare.
func TestDashboardOutlookOfTheScenario(t *testing.T) {
	t.Parallel()
	e := newCapEnv(t)
	addDashScenario(t, e)
	_, doc := e.get("director", "/pcns/U60057/dashboard")
	want := map[string]string{
		"dash-outlook-sentence": "Not on track this year: from 2026/27 Q1 the projection with the plan falls below the fair share " +
			"(2.8 FTE against a fair share of 40.8 FTE) and spending stays within the entitlement in 2026/27 and 2027/28.",
		"dash-outlook-fair-share":       "40.8 FTE",
		"dash-outlook-first-below":      "2026/27 Q1, projected at 2.8 FTE",
		"dash-outlook-end-2026":         "3.6 FTE",
		"dash-outlook-entitlement-2027": "£2,663,100",
		"dash-outlook-spend-2027":       "£202,801",
	}
	for id, w := range want {
		if got := testID(doc, id); got != w {
			t.Errorf("[data-testid=%s] = %q, want %q", id, got, w)
		}
	}
	for _, id := range []string{"dash-outlook-first-below-flag", "dash-outlook-end-2026-flag", "dash-outlook-end-2027-flag"} {
		if !capHas(doc, id) {
			t.Errorf("%s is not flagged", id)
		}
	}
	if capHas(doc, "dash-outlook-spend-2027-flag") {
		t.Error("2027/28 spending is flagged over")
	}
	if capHas(doc, "dash-outlook-end-2028") {
		t.Error("the year after next is judged")
	}
}

// Before any import, the line says what is not known and never "on track".
func TestDashboardOutlookBeforeAnyImport(t *testing.T) {
	t.Parallel()
	e := newCapEnv(t)
	_, doc := e.get("director", "/pcns/U60057/dashboard")
	got := testID(doc, "dash-outlook-sentence")
	if !strings.HasPrefix(got, "Not known whether the network is on track this year: no workforce data has been imported") {
		t.Errorf("sentence %q", got)
	}
	if testID(doc, "dash-outlook-fair-share") != "Not known: no workforce data imported" || testID(doc, "dash-outlook-end-2026") != "Not known" {
		t.Errorf("figures behind: %q, %q", testID(doc, "dash-outlook-fair-share"), testID(doc, "dash-outlook-end-2026"))
	}
}
