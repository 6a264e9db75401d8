package practice

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/arrs-planner/arrs/internal/need"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// A practice's page says its need-adjusted population on the day with its list, its
// national deprivation quintile and factor, and links to how need is worked out; a
// practice without age data says its list stands in (the factor not applied), one
// without a score says England's average factor stands in, one in no PCN says it is
// left out of England's sums, and one need has no figure for is "no data".
func TestPracticeNeed(t *testing.T) {
	t.Parallel()
	res := &need.Result{
		Practices: map[string]need.PracticeNeed{
			"A1": {Code: "A1", PCN: "U1", List: 9000, ListKnown: true, AgeData: true, Quintile: 4, Factor: 1.11, Raw: 20000, Need: 10123.6},
			"B2": {Code: "B2", PCN: "U1", List: 5000, ListKnown: true, Quintile: 0, Factor: 1.0634, Need: 5000},
			"C3": {Code: "C3", PCN: "", List: 3000, ListKnown: true, AgeData: true, Quintile: 5, Factor: 1.18, Need: 3500.2},
			"D4": {Code: "D4", PCN: "U1", Quintile: 2, Factor: 1.03},
		},
		PCNs: map[string]need.PCNNeed{"U1": {Code: "U1"}},
	}
	cases := []struct {
		code           string
		need, quintile []string
		notNeed, notQ  []string
	}{
		{"A1", []string{"10,124 on 1 February 2026 (its registered list is 9,000)"}, []string{"4 of 5", "factor 1.11"},
			[]string{"no PCN", "stands in"}, []string{"not applied"}},
		{"B2", []string{"5,000 on 1 February 2026", "no patients by age and sex are published for it, so its registered list stands in"},
			[]string{"No score for the year need uses: England's average factor, 1.0634, stands in", "not applied"}, []string{"no PCN"}, nil},
		{"C3", []string{"3,500 on 1 February 2026", "in no PCN, so it is left out of England's sums"}, []string{"5 of 5", "factor 1.18"}, nil, nil},
		{"D4", []string{"No data: neither its registered list nor its patients by age and sex are published"}, []string{"2 of 5"}, []string{"0 on"}, nil},
		{"E5", []string{"No data: the practice has no place in the structure of PCNs on 1 February 2026"}, []string{"no data"}, nil, nil},
	}
	for _, c := range cases {
		p := Page{Code: c.code, Today: workforce.Date(2026, 2, 1), Need: NeedOf(res, c.code)}
		var b bytes.Buffer
		if err := content(p).Render(context.Background(), &b); err != nil {
			t.Fatal(err)
		}
		doc, err := goquery.NewDocumentFromReader(&b)
		if err != nil {
			t.Fatal(err)
		}
		text := func(id string) string {
			return strings.Join(strings.Fields(doc.Find(`[data-testid="`+id+`"]`).Text()), " ")
		}
		check := func(id string, want, not []string) {
			got := text(id)
			for _, w := range want {
				if !strings.Contains(got, w) {
					t.Errorf("%s %s: %q lacks %q", c.code, id, got, w)
				}
			}
			for _, w := range not {
				if strings.Contains(got, w) {
					t.Errorf("%s %s: %q says %q", c.code, id, got, w)
				}
			}
		}
		check("need", c.need, c.notNeed)
		check("need-quintile", c.quintile, c.notQ)
		if href := doc.Find(`[data-testid="need"] a[data-testid="need-weights-link"]`).AttrOr("href", ""); href != "/need/weights" {
			t.Errorf("%s: link to the need weights %q", c.code, href)
		}
	}
	for x, want := range map[float64]string{1.06: "1.06", 1: "1.00", 1.0634: "1.0634", 1.1: "1.10", 1.00005: "1.0001"} {
		if got := FactorText(x); got != want {
			t.Errorf("FactorText(%v) = %q, want %q", x, got, want)
		}
	}
	if NeedOf(nil, "A1") != nil {
		t.Error("NeedOf(nil) is not nil")
	}
}
