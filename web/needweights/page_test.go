package needweights

import (
	"bytes"
	"context"
	"maps"
	"math"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/a-h/templ"

	"github.com/arrs-planner/arrs/internal/need"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/layout"
)

func sampleWeights() workforce.NeedWeights {
	return workforce.NeedWeights{
		Age: []workforce.NeedAgeWeight{
			{Label: "0 to 44", From: 0, To: 44, Male: 1.88, Female: 2.2748},
			{Label: "45 and over", From: 45, To: -1, Male: 3.97, Female: 4.8037},
		},
		Deprivation: [5]float64{1, 1.03, 1.06, 1.11, 1.18},
		AgeSource:   workforce.NeedSource{Title: "Mukhtar 2018", Citation: "Br J Gen Pract 2018", URL: "https://doi.org/10.3399/bjgp18X695981", Version: 3},
		DepSource:   workforce.NeedSource{Title: "Mukhtar 2018", Citation: "Br J Gen Pract 2018", UpdatedBy: "admin@test.nhs.uk", Version: 1},
	}
}

func renderDoc(t *testing.T, c templ.Component) *goquery.Document {
	t.Helper()
	var b bytes.Buffer
	if err := c.Render(context.Background(), &b); err != nil {
		t.Fatal(err)
	}
	doc, err := goquery.NewDocumentFromReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// text is the words of the element of data-testid id, a row's cells joined by "|".
func text(doc *goquery.Document, id string) string {
	sel := doc.Find(`[data-testid="` + id + `"]`)
	if cells := sel.Find("th, td"); goquery.NodeName(sel) == "tr" && cells.Length() > 0 {
		var out []string
		cells.Each(func(_ int, c *goquery.Selection) { out = append(out, strings.Join(strings.Fields(c.Text()), " ")) })
		return strings.Join(out, "|")
	}
	return strings.Join(strings.Fields(sel.Text()), " ")
}

// The page shows the weights to 4 places, each quintile's scores of the day, k, and
// what stands in for member practices without age data or a score.
func TestPage(t *testing.T) {
	t.Parallel()
	res := &need.Result{Scale: 0.41234, Cuts: [4]float64{10, 15.5, 21.25, 30.125}, TotalList: 10000, TotalNeed: 10000, NoAgeData: 1,
		Practices: map[string]need.PracticeNeed{
			"A": {Code: "A", PCN: "P1", AgeData: true, Quintile: 2, Factor: 1.03},
			"B": {Code: "B", PCN: "P1", AgeData: false, Quintile: 0, Factor: 1.0712},
			"C": {Code: "C", PCN: "", AgeData: false, Quintile: 0, Factor: 1.0712},
		}}
	p := NewPage(layout.PageParams{Title: Title}, sampleWeights(), workforce.Date(2026, time.March, 1), res, "", true)
	doc := renderDoc(t, View(p))
	for id, want := range map[string]string{
		"band-1": "45 and over|3.9700|4.8037", "factor-1": "1 (least deprived)|up to 10.000|1.0000",
		"factor-3": "3|above 15.500, up to 21.250|1.0600", "factor-5": "5 (most deprived)|above 30.125|1.1800",
		"scale": "k = 0.4123", "source-deprivation-changed": "admin@test.nhs.uk", "source-deprivation-url": "None",
		"missing": "(1 member practice on 1 March 2026)",
	} {
		if got := text(doc, id); !strings.Contains(got, want) {
			t.Errorf("%s: %q, want %q", id, got, want)
		}
	}
	if !strings.Contains(text(doc, "missing"), "1.0712 on 1 March 2026, 1 member practice") {
		t.Errorf("missing: %q", text(doc, "missing"))
	}
	if doc.Find(`[data-testid="source-age_sex-url"] a[href="https://doi.org/10.3399/bjgp18X695981"]`).Length() != 1 || doc.Find(`a[href="/admin/need-weights"]`).Length() != 1 {
		t.Error("the source's link or the admins' link is missing")
	}
	// An empty lower quintile (small data) has no cut: "none", never NaN; quintile 1's
	// factor other than 1 is said to be what the factors are relative to; a source
	// written by arrs seed was loaded with the reference data.
	res.Cuts[0] = math.NaN()
	w := sampleWeights()
	w.Deprivation[0], w.AgeSource.UpdatedBy = 1.05, SeedActor
	p = NewPage(layout.PageParams{Title: Title}, w, workforce.Date(2026, time.March, 1), res, "", true)
	p.AgeUncited = &Change{By: "Test admin", At: time.Date(2026, time.May, 4, 9, 0, 0, 0, time.UTC)}
	doc = renderDoc(t, View(p))
	for id, want := range map[string]string{
		"factor-1": "up to none", "factor-2": "above none, up to 15.500",
		"factors-relative":       "Quintile 1's factor is 1.0500, not 1. The factors are relative to quintile 1's",
		"source-age_sex-changed": "Loaded with the reference data on ",
		"source-age_sex-uncited": "The figures were changed by Test admin on 4 May 2026 since",
		"weights-day":            "of 1 March 2026, today: no workforce census",
	} {
		if got := text(doc, id); !strings.Contains(got, want) || strings.Contains(got, "NaN") {
			t.Errorf("%s: %q, want %q", id, got, want)
		}
	}
	if text(doc, "source-deprivation-uncited") != "" {
		t.Error("the deprivation source is said to be uncited")
	}
	// No scores on the day: no quintile column.
	p = NewPage(layout.PageParams{Title: Title}, sampleWeights(), workforce.Date(2026, time.March, 1), &need.Result{}, "/icbs/QOC/compare", false)
	doc = renderDoc(t, View(p))
	if text(doc, "no-cuts") == "" || !strings.Contains(text(doc, "scale"), "compared on its registered list") || strings.Contains(text(doc, "factor-1"), "up to") || doc.Find(`a[href="/admin/need-weights"]`).Length() != 0 ||
		doc.Find(`a[data-testid="compare-link"][href="/icbs/QOC/compare"]`).Length() != 1 {
		t.Errorf("without scores: factor %q", text(doc, "factor-1"))
	}
}

// The form shows what was typed with each field's message, linked from the summary.
func TestEditForm(t *testing.T) {
	t.Parallel()
	w := sampleWeights()
	v := url.Values{"age-0-male": {"1e1"}, "age-0-female": {"2.2748"}, "age-1-male": {"3.97"}, "age-1-female": {""},
		"factor-1": {"1"}, "factor-2": {"1.03"}, "factor-3": {"1.06"}, "factor-4": {"1.11"}, "factor-5": {"101"},
		"age-title": {"T"}, "age-citation": {"C"}, "age-url": {"javascript:alert(1)"}, "dep-title": {""}, "dep-citation": {"C"}}
	f, _ := ReadForm(v, w, 3, 1)
	if len(f.Errors) != 5 {
		t.Errorf("errors: %v", f.Errors)
	}
	doc := renderDoc(t, Edit(f.Framed(layout.PageParams{Title: EditTitle})))
	for _, id := range []string{"age-0-male", "age-1-female", "factor-5", "age-url", "dep-title"} {
		if doc.Find(`.nhsuk-error-summary a[href="#`+id+`"]`).Length() != 1 || doc.Find(`#`+id+`-error`).Length() != 1 {
			t.Errorf("%s: not in the summary or without its message", id)
		}
	}
	if doc.Find(`input[name="age-0-male"]`).AttrOr("value", "") != "1e1" || doc.Find(`input[name="age-version"]`).AttrOr("value", "") != "3" {
		t.Error("the form lost what was typed or its version")
	}
	ok := maps.Clone(v)
	ok.Set("age-0-male", "1.88")
	ok.Set("age-1-female", "9.6074")
	ok.Set("factor-5", "1.2")
	ok.Set("age-url", "")
	ok.Set("dep-title", "D")
	f, got := ReadForm(ok, w, 3, 1)
	if len(f.Errors) != 0 || got.Age[1].Female != 9.6074 || got.Deprivation[4] != 1.2 || got.AgeSource.Version != 3 || got.Age[1].To != -1 || got.DepSource.Title != "D" {
		t.Errorf("a good form: %v %+v", f.Errors, got)
	}
}
