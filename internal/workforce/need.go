package workforce

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// NeedAgeWeight is one published age band with its need weights for men and women
// (PLANNING.md, "Need and fair comparison"): ages From to To in whole years, To < 0 for
// the open top band ("75 and over").
type NeedAgeWeight struct {
	Label        string
	From, To     int
	Male, Female float64
}

// NeedSource is where a set of need figures comes from, shown wherever they are used.
type NeedSource struct {
	Title, Citation, URL, Note string
	UpdatedBy                  string
	UpdatedAt                  time.Time
	Version                    int
}

// NeedWeights is the reference data of need: age-sex weights by band (contiguous from
// 0, the last open), and deprivation factors by national quintile 1 (least deprived)
// to 5, each set with its source.
type NeedWeights struct {
	Age         []NeedAgeWeight
	Deprivation [5]float64
	AgeSource   NeedSource
	DepSource   NeedSource
}

// NeedPractice is one practice's need inputs on a day: its PCN ("" for none), its
// registered list (ListKnown false: no published total), its patients by the weights'
// age bands (Male[i] and Female[i] for NeedWeights.Age[i]; both nil when the practice
// has no age data), and its deprivation score (IMDKnown false when none is published).
type NeedPractice struct {
	Code, PCN    string
	List         int
	ListKnown    bool
	Male, Female []int
	IMD          float64
	IMDKnown     bool
}

// FiveYearBands are the age bands of NHS England's 5-year practice list file
// (AGE_GROUP_5), in age order: FiveYearBands[i] holds ages 5i to 5i+4, the last ("95+")
// 95 and over. The store keeps each practice's patients of a sex in this order
// (migration 000019, practice_bands).
var FiveYearBands = [...]string{
	"0_4", "5_9", "10_14", "15_19", "20_24", "25_29", "30_34", "35_39", "40_44", "45_49",
	"50_54", "55_59", "60_64", "65_69", "70_74", "75_79", "80_84", "85_89", "90_94", "95+",
}

// BandOf maps one of NHS England's 5-year age bands ("0_4", "25_29", "95+") onto the
// index of the weights' band that holds all of it; false when none does (a label that is
// not a band, such as "ALL", or a band split between two of the weights' bands). The
// open "95+" fits only the open top band (PLANNING.md, "Need and fair comparison").
func (w NeedWeights) BandOf(fiveYear string) (int, bool) {
	from, to, ok := parseFiveYear(fiveYear)
	if !ok {
		return 0, false
	}
	for i, b := range w.Age {
		if from >= b.From && (b.To < 0 || (to >= 0 && to <= b.To)) {
			return i, true
		}
	}
	return 0, false
}

// parseFiveYear reads "A_B" (ages A to B) or "A+" (A and over, to = -1).
func parseFiveYear(s string) (from, to int, ok bool) {
	if a, open := strings.CutSuffix(s, "+"); open {
		from, err := strconv.Atoi(a)
		return from, -1, err == nil && from >= 0
	}
	a, b, found := strings.Cut(s, "_")
	if !found {
		return 0, 0, false
	}
	from, errA := strconv.Atoi(a)
	to, errB := strconv.Atoi(b)
	return from, to, errA == nil && errB == nil && from >= 0 && to >= from
}

// Check says what is wrong with a set of weights (no band, bands not contiguous from 0,
// the last not open, a band that does not line up with NHS England's 5-year bands, a
// label empty or repeated, a weight or factor not above 0 or above 100), nil when they
// can be used. Bands that line up — each ends on the year before a multiple of 5, so
// that (contiguous from 0) each starts on one, and the open band starts at 95 or below —
// hold whole 5-year bands: BandOf places every one of FiveYearBands, in the band that
// holds its first age, and there are at most 20 bands.
func (w NeedWeights) Check() error {
	if len(w.Age) == 0 {
		return fmt.Errorf("need weights: no age band")
	}
	labels := make(map[string]bool, len(w.Age))
	for i, b := range w.Age {
		if err := b.check(i, len(w.Age), w.Age); err != nil {
			return fmt.Errorf("need weights: age band %d (%q): %w", i+1, b.Label, err)
		}
		if labels[b.Label] {
			return fmt.Errorf("need weights: age band %d: label %q repeated", i+1, b.Label)
		}
		labels[b.Label] = true
	}
	for q, f := range w.Deprivation {
		if !inWeightRange(f) {
			return fmt.Errorf("need weights: deprivation factor of quintile %d is %v: want above 0 and at most 100", q+1, f)
		}
	}
	return nil
}

// check says what is wrong with band i of n (its predecessor in all).
func (b NeedAgeWeight) check(i, n int, all []NeedAgeWeight) error {
	last := i == n-1
	switch {
	case strings.TrimSpace(b.Label) == "":
		return fmt.Errorf("empty label")
	case i == 0 && b.From != 0:
		return fmt.Errorf("starts at %d: the first band must start at 0", b.From)
	case i > 0 && all[i-1].To >= 0 && b.From != all[i-1].To+1:
		return fmt.Errorf("starts at %d: want %d, the year after the band before (no gap, no overlap)", b.From, all[i-1].To+1)
	case last && b.To >= 0:
		return fmt.Errorf("ends at %d: the last band must be open (and over)", b.To)
	case !last && b.To < 0:
		return fmt.Errorf("is open but is not the last band")
	case !last && b.To < b.From:
		return fmt.Errorf("ends at %d, before it starts at %d", b.To, b.From)
	case !last && (b.To+1)%5 != 0:
		return fmt.Errorf("ends at %d: want the last year of one of NHS England's 5-year bands (4, 9, 14, … 94)", b.To)
	case last && b.From > openFrom:
		return fmt.Errorf("starts at %d: the open band must start at %d or below, as NHS England's last 5-year band is %d and over", b.From, openFrom, openFrom)
	case !inWeightRange(b.Male) || !inWeightRange(b.Female):
		return fmt.Errorf("weights %v (men) and %v (women): want each above 0 and at most 100", b.Male, b.Female)
	}
	return nil
}

// openFrom is the first age of NHS England's open 5-year band, "95+".
const openFrom = 95

// inWeightRange is whether a weight or factor is above 0 and at most 100 (NaN is not).
func inWeightRange(v float64) bool { return v > 0 && v <= 100 }
