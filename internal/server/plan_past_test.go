package server

import (
	"net/http"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestPlanPastQuarters: on 7 December 2026 the quarters 2026/27 Q1 and Q2 have ended.
// The editor shows their lines but offers no input for them; a save from the grid keeps
// them as they were; a save that posts a change to one is refused (422) with a message
// naming the quarter, and nothing is saved.
func TestPlanPastQuarters(t *testing.T) {
	e := newPlanEnv(t)
	e.save("manager", map[string]string{"s-paramedic-2026-1": "1", "s-paramedic-2026-2": "2", "s-paramedic-2026-3": "3"})
	e.s.now = func() time.Time { return time.Date(2026, 12, 7, 10, 0, 0, 0, time.UTC) }
	e.clients = map[string]*http.Client{} // the sessions of May have expired: sign in again

	status, doc := e.page("manager", "/pcns/U60057/plan")
	if status != http.StatusOK {
		t.Fatalf("plan page: %d", status)
	}
	for _, name := range []string{"s-paramedic-2026-1", "s-paramedic-2026-2"} {
		if doc.Find(`input[name="`+name+`"]`).Length() != 0 {
			t.Errorf("%s is an input in an ended quarter", name)
		}
	}
	if got := strings.TrimSpace(doc.Find(`[data-testid="cell-s-paramedic-2026-2"]`).Text()); got != "2" {
		t.Errorf("2026/27 Q2's starters show %q, want 2", got)
	}
	if doc.Find(`input[name="s-paramedic-2026-3"]`).Length() != 1 {
		t.Error("2026/27 Q3, under way, is not editable")
	}
	if got := strings.Join(strings.Fields(doc.Find(`[data-testid="plan-ended"]`).Text()), " "); !strings.Contains(got, "Quarters up to 2026/27 Q2 have ended") {
		t.Errorf("ended note %q", got)
	}

	// A save from the grid as shown keeps the past quarters.
	form := e.gridForm("manager", "/pcns/U60057/plan", map[string]string{"s-paramedic-2026-3": "4"})
	if code, body := e.post("manager", "/pcns/U60057/plan", form); code != http.StatusSeeOther {
		t.Fatalf("save: %d %s", code, errorSummary(body))
	}
	want := []string{"paramedic 2026/27 Q1 1 0 -", "paramedic 2026/27 Q2 2 0 -", "paramedic 2026/27 Q3 4 0 -"}
	got := e.lines(e.plans()[0].ID)
	slices.Sort(got)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("saved %v, want %v", got, want)
	}

	// A crafted post that changes Q1 is refused, naming the quarter.
	form = e.gridForm("manager", "/pcns/U60057/plan", map[string]string{"s-paramedic-2026-1": "5", "s-paramedic-2026-3": "6"})
	code, body := e.post("manager", "/pcns/U60057/plan", form)
	if code != http.StatusUnprocessableEntity {
		t.Fatalf("changing an ended quarter: %d, want 422", code)
	}
	if msg := errorSummary(body); !strings.Contains(msg, "Paramedic, 2026/27 Q1: the quarter ended on 30 June 2026") {
		t.Errorf("summary %q", msg)
	}
	got = e.lines(e.plans()[0].ID)
	slices.Sort(got)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("after the refused save %v, want %v", got, want)
	}
}
