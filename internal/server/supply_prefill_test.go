package server

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

// TestSupplyFormPrefill: the form of a year with no supply recorded opens with the
// latest earlier year's figures, labelled, and saves nothing until the lead saves.
func TestSupplyFormPrefill(t *testing.T) {
	t.Parallel()
	e := newCapEnv(t)
	y26 := url.Values{"clinical_pharmacist-newly_qualified": {"3"}, "paramedic-newly_qualified": {"1"}, "paramedic-movers": {"0.25"}}
	if code, _ := e.post("lead", "/icbs/QOC/supply/2026-27", y26); code != http.StatusSeeOther {
		t.Fatalf("supply of 2026/27: %d", code)
	}
	value := func(doc *goquery.Document, id string) string { return doc.Find("#"+id).AttrOr("value", "") }

	// 2027/28 has none: 2026/27's figures, labelled, each a new row (version 0).
	code, doc := e.get("lead", "/icbs/QOC/supply/2027-28")
	if code != http.StatusOK {
		t.Fatalf("form of 2027/28: %d", code)
	}
	if got := testID(doc, "supply-prefilled"); !strings.Contains(got, "Pre-filled from 2026/27: check before saving") {
		t.Errorf("prefill note %q", got)
	}
	for id, want := range map[string]string{"paramedic-newly_qualified": "1", "paramedic-movers": "0.25", "clinical_pharmacist-newly_qualified": "3",
		"paramedic-trainees_completing": "0", "care_coordinator-newly_qualified": ""} {
		if got := value(doc, id); got != want {
			t.Errorf("#%s = %q, want %q", id, got, want)
		}
	}
	if got := doc.Find(`input[name="paramedic-version"]`).AttrOr("value", ""); got != "0" {
		t.Errorf("pre-filled row carries version %q, want 0", got)
	}
	if got := strings.TrimSpace(doc.Find(`label[for="paramedic-movers"]`).Text()); got != "Paramedic: movers (FTE), pre-filled from 2026/27" {
		t.Errorf("label %q", got)
	}
	// Opening it saved nothing.
	if n := len(e.audits("supply.save")); n != 1 {
		t.Errorf("%d supply saves audited after opening the form, want 1", n)
	}
	if _, doc := e.get("lead", "/icbs/QOC/supply"); capHas(doc, "supply-2027-28-paramedic") {
		t.Error("2027/28 has paramedic supply before the lead saved it")
	}

	// Two years on, over the gap: still 2026/27's. A year with a record, or none
	// before it, is not pre-filled.
	if _, doc := e.get("lead", "/icbs/QOC/supply/2028-29"); !strings.Contains(testID(doc, "supply-prefilled"), "from 2026/27") {
		t.Error("2028/29 is not pre-filled from 2026/27")
	}
	for path, nq := range map[string]string{"/icbs/QOC/supply/2026-27": "1", "/icbs/QOC/supply/2025-26": ""} {
		_, doc := e.get("lead", path)
		if capHas(doc, "supply-prefilled") || value(doc, "paramedic-newly_qualified") != nq {
			t.Errorf("%s: pre-filled, or paramedics %q, want %q", path, value(doc, "paramedic-newly_qualified"), nq)
		}
	}

	// Saving the form as shown records 2027/28; it is then the stored figures.
	_, doc = e.get("lead", "/icbs/QOC/supply/2027-28")
	save := url.Values{}
	doc.Find("form input").Each(func(_ int, in *goquery.Selection) { save.Set(in.AttrOr("name", ""), in.AttrOr("value", "")) })
	if code, _ := e.post("lead", "/icbs/QOC/supply/2027-28", save); code != http.StatusSeeOther {
		t.Fatalf("saving the pre-filled form: %d", code)
	}
	_, doc = e.get("lead", "/icbs/QOC/supply")
	if got := testID(doc, "supply-2027-28-paramedic-supply"); got != "1.3" {
		t.Errorf("2027/28 paramedic supply %q, want 1.3", got)
	}
	if _, doc := e.get("lead", "/icbs/QOC/supply/2027-28"); capHas(doc, "supply-prefilled") {
		t.Error("a year with a record is still pre-filled")
	}
}
