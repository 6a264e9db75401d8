package workforce

import (
	"math"
	"strconv"
	"strings"
	"testing"
)

// publishedBands are docs/need.md's seven bands with their weights (men the age rate
// ratio of Mukhtar et al. 2018, Table 3; women × 1.21), factors 1.00 to 1.18.
func publishedBands() NeedWeights {
	return NeedWeights{
		Age: []NeedAgeWeight{
			{"0 to 4", 0, 4, 1.88, 2.2748}, {"5 to 14", 5, 14, 1.00, 1.2100},
			{"15 to 24", 15, 24, 1.65, 1.9965}, {"25 to 44", 25, 44, 1.88, 2.2748},
			{"45 to 64", 45, 64, 2.22, 2.6862}, {"65 to 74", 65, 74, 2.89, 3.4969},
			{"75 and over", 75, -1, 3.97, 4.8037},
		},
		Deprivation: [5]float64{1.00, 1.03, 1.06, 1.11, 1.18},
	}
}

// Every 5-year band of NHS England's file lands in the published band that holds it.
func TestBandOf(t *testing.T) {
	t.Parallel()
	w := publishedBands()
	want := map[string]int{
		"0_4": 0, "5_9": 1, "10_14": 1, "15_19": 2, "20_24": 2,
		"25_29": 3, "30_34": 3, "35_39": 3, "40_44": 3,
		"45_49": 4, "50_54": 4, "55_59": 4, "60_64": 4, "65_69": 5, "70_74": 5,
		"75_79": 6, "80_84": 6, "85_89": 6, "90_94": 6, "95+": 6,
	}
	for label, band := range want {
		if got, ok := w.BandOf(label); !ok || got != band {
			t.Errorf("BandOf(%q) = %d, %v; want %d (%s)", label, got, ok, band, w.Age[band].Label)
		}
	}
	// Not a band, or split between two of the published ones.
	for _, label := range []string{"ALL", "", "0-4", "4_0", "a_b", "0_9", "70_79", "70+", "-5_4", "+"} {
		if got, ok := w.BandOf(label); ok {
			t.Errorf("BandOf(%q) = %d, want none", label, got)
		}
	}
}

// Check refuses every kind of unusable set of weights, saying what is wrong.
func TestNeedWeightsCheck(t *testing.T) {
	t.Parallel()
	if err := publishedBands().Check(); err != nil {
		t.Fatalf("published weights refused: %v", err)
	}
	cases := []struct {
		name  string
		edit  func(w *NeedWeights)
		wants string
	}{
		{"no band", func(w *NeedWeights) { w.Age = nil }, "no age band"},
		{"not from 0", func(w *NeedWeights) { w.Age[0].From = 1 }, "must start at 0"},
		{"gap", func(w *NeedWeights) { w.Age[2].From = 16 }, "no gap"},
		{"overlap", func(w *NeedWeights) { w.Age[2].From = 14 }, "no overlap"},
		{"top not open", func(w *NeedWeights) { w.Age[6].To = 120 }, "must be open"},
		{"open in the middle", func(w *NeedWeights) { w.Age[3].To = -1 }, "not the last"},
		{"ends before it starts", func(w *NeedWeights) { w.Age[1].To = 3; w.Age[2].From = 4 }, "before it starts"},
		{"empty label", func(w *NeedWeights) { w.Age[4].Label = " " }, "empty label"},
		{"repeated label", func(w *NeedWeights) { w.Age[5].Label = w.Age[4].Label }, "repeated"},
		{"weight 0", func(w *NeedWeights) { w.Age[0].Male = 0 }, "above 0"},
		{"weight negative", func(w *NeedWeights) { w.Age[6].Female = -1 }, "above 0"},
		{"weight NaN", func(w *NeedWeights) { w.Age[3].Female = math.NaN() }, "above 0"},
		{"weight above 100", func(w *NeedWeights) { w.Age[2].Male = 100.5 }, "at most 100"},
		// Bands that do not line up with NHS England's 5-year bands.
		{"ends inside a 5-year band", func(w *NeedWeights) { w.Age[1].To = 12; w.Age[2].From = 13 }, "ends at 12: want the last year of one of NHS England's 5-year bands"},
		{"ends at a multiple of 5", func(w *NeedWeights) { w.Age[0].To = 5; w.Age[1].From = 6 }, "ends at 5"},
		{"open band after 95", func(w *NeedWeights) { w.Age[5].To = 99; w.Age[6].From = 100 }, "must start at 95 or below"},
		{"one-year bands", func(w *NeedWeights) {
			w.Age = []NeedAgeWeight{{"0", 0, 0, 1, 1}, {"1 and over", 1, -1, 1, 1}}
		}, "ends at 0"},
		{"factor 0", func(w *NeedWeights) { w.Deprivation[2] = 0 }, "quintile 3"},
		{"factor above 100", func(w *NeedWeights) { w.Deprivation[4] = 101 }, "quintile 5"},
	}
	for _, c := range cases {
		w := publishedBands()
		c.edit(&w)
		err := w.Check()
		if err == nil || !strings.Contains(err.Error(), c.wants) {
			t.Errorf("%s: Check() = %v, want an error saying %q", c.name, err, c.wants)
		}
	}
	// Bands that line up are allowed, down to the 5-year bands themselves and an open
	// band from 95; BandOf then places every 5-year band in the one holding its first age.
	for _, ages := range [][]int{{0, 95}, {0, 50, 95}, {0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90, 95}, {0}} {
		w := publishedBands()
		w.Age = nil
		for i, from := range ages {
			to := -1
			if i+1 < len(ages) {
				to = ages[i+1] - 1
			}
			w.Age = append(w.Age, NeedAgeWeight{Label: strconv.Itoa(from), From: from, To: to, Male: 1, Female: 1})
		}
		if err := w.Check(); err != nil {
			t.Errorf("bands from %v refused: %v", ages, err)
			continue
		}
		for i, label := range FiveYearBands {
			want := 0
			for j, b := range w.Age {
				if b.From <= 5*i {
					want = j
				}
			}
			if got, ok := w.BandOf(label); !ok || got != want {
				t.Errorf("bands from %v: BandOf(%q) = %d, %v; want %d", ages, label, got, ok, want)
			}
		}
	}
	// 100 itself is allowed.
	w := publishedBands()
	w.Age[0].Male, w.Deprivation[0] = 100, 100
	if err := w.Check(); err != nil {
		t.Errorf("weight and factor of 100 refused: %v", err)
	}
}
