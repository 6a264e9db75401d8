package server

import (
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

// The history lists every version with who and when, and the lines added, removed and
// changed between two versions.
func TestPlanHistory(t *testing.T) {
	t.Parallel()
	e := newPlanEnv(t)
	e.save("manager", map[string]string{"s-paramedic-2026-2": "1", "s-dietitian-2027-1": "1", "c-dietitian-2027-1": "48000"})
	e.moveAll(t)
	e.saveAt("manager", "/pcns/U60057/plan?edit=1", map[string]string{
		"s-paramedic-2026-2":        "",  // removed
		"s-dietitian-2027-1":        "2", // changed
		"s-care_coordinator-2026-4": "1", // added
		"c-care_coordinator-2026-4": "30000",
	})
	ps := e.plans()
	v1, v2 := strconv.FormatInt(ps[1].ID, 10), strconv.FormatInt(ps[0].ID, 10)

	status, doc := e.page("director", "/pcns/U60057/plan/history")
	if status != 200 {
		t.Fatalf("history: %d", status)
	}
	first := testID(doc, "version-"+v1)
	for _, want := range []string{"Version 1", "Accepted", "Started by manager@test.nhs.uk", "Submitted by manager@test.nhs.uk",
		"Signed off by director@test.nhs.uk", "Accepted by lead@test.nhs.uk", "Current plan"} {
		if !strings.Contains(first, want) {
			t.Errorf("version 1 row %q lacks %q", first, want)
		}
	}
	if got := testID(doc, "version-"+v2); !strings.Contains(got, "Version 2") || !strings.Contains(got, "Draft") {
		t.Errorf("version 2 row %q", got)
	}
	if events := doc.Find("#events tbody tr").Length(); events < 7 {
		t.Errorf("%d steps listed", events)
	}
	if !strings.Contains(doc.Find("#events").Text(), "copied from version 1") {
		t.Error("the new draft does not say what it was copied from")
	}

	_, doc = e.page("lead", "/pcns/U60057/plan/history?from="+v1+"&to="+v2)
	for id, want := range map[string]string{
		"diff-added":   "Care coordinator | 2026/27 Q4 | None | 1 starting, 0 leaving at £30,000 a year",
		"diff-removed": "Paramedic | 2026/27 Q2 | 1 starting, 0 leaving | None",
		"diff-changed": "Dietitian | 2027/28 Q1 | 1 starting, 0 leaving at £48,000 a year | 2 starting, 0 leaving at £48,000 a year",
	} {
		if got := tableRows(doc, `[data-testid="`+id+`"]`); len(got) != 1 || got[0] != want {
			t.Errorf("%s: %q, want %q", id, got, want)
		}
	}
	if _, doc = e.page("lead", "/pcns/U60057/plan/history?from="+v1+"&to="+v1); testID(doc, "diff-none") == "" {
		t.Error("a version compared with itself shows differences")
	}
	if status, _ := e.page("lead", "/pcns/U60057/plan/history?from=x&to="+v2); status != http.StatusBadRequest {
		t.Errorf("a bad version to compare: %d", status)
	}
	// Versions of another network are not this one's.
	if status, _ := e.page("admin", "/pcns/U47425/plan/history?from="+v1+"&to="+v2); status != http.StatusBadRequest {
		t.Errorf("comparing another network's versions: %d", status)
	}
	if status, _ := e.page("admin", "/pcns/U47425/plan?version="+v1); status != http.StatusNotFound {
		t.Errorf("another network's version: %d", status)
	}
}

// tableRows are the body rows of the tables under a selector, cells joined by " | ".
func tableRows(doc *goquery.Document, sel string) []string {
	var out []string
	doc.Find(sel + " tbody tr").Each(func(_ int, tr *goquery.Selection) {
		var cells []string
		tr.Children().Each(func(_ int, c *goquery.Selection) {
			cells = append(cells, strings.Join(strings.Fields(c.Text()), " "))
		})
		out = append(out, strings.Join(cells, " | "))
	})
	return out
}
