package refdata

import (
	"math"
	"strings"
	"testing"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// TestNeedWeights checks need_*.csv against the figures of Mukhtar et al. 2018, Table 3
// (docs/need.md): the 7 published bands, a man's weight the age rate ratio, a woman's
// that × 1.21 to 4 decimal places, the quintile factors, and a source for each set.
func TestNeedWeights(t *testing.T) {
	t.Parallel()
	ref, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	w := ref.Need
	if err := w.Check(); err != nil {
		t.Fatal(err)
	}
	want := []workforce.NeedAgeWeight{
		{Label: "0 to 4", From: 0, To: 4, Male: 1.88}, {Label: "5 to 14", From: 5, To: 14, Male: 1},
		{Label: "15 to 24", From: 15, To: 24, Male: 1.65}, {Label: "25 to 44", From: 25, To: 44, Male: 1.88},
		{Label: "45 to 64", From: 45, To: 64, Male: 2.22}, {Label: "65 to 74", From: 65, To: 74, Male: 2.89},
		{Label: "75 and over", From: 75, To: -1, Male: 3.97},
	}
	if len(w.Age) != len(want) {
		t.Fatalf("%d age bands, want %d", len(w.Age), len(want))
	}
	for i, b := range w.Age {
		female := math.Round(want[i].Male*1.21*1e4) / 1e4
		if b.Label != want[i].Label || b.From != want[i].From || b.To != want[i].To || b.Male != want[i].Male || b.Female != female {
			t.Errorf("band %d: %+v, want %+v with female %.4f", i, b, want[i], female)
		}
	}
	if w.Deprivation != [5]float64{1, 1.03, 1.06, 1.11, 1.18} {
		t.Errorf("deprivation factors %v", w.Deprivation)
	}
	for kind, s := range map[string]workforce.NeedSource{NeedSourceAgeSex: w.AgeSource, NeedSourceDeprivation: w.DepSource} {
		if !strings.HasPrefix(s.Title, "Mukhtar et al. 2018") || !strings.Contains(s.Citation, "doi:10.3399/bjgp18X695981") ||
			!strings.Contains(s.Note, "praqtis") || s.URL == "" || len(s.Note) > 2000 || len(s.Citation) > 1000 {
			t.Errorf("%s source: %+v", kind, s)
		}
	}
}
