package need

import (
	"math"
	"testing"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// tinyWeights has two bands, 0–64 (men 1, women 2) and 65+ (men 3, women 4), and
// factors 1.0, 1.1, 1.2, 1.3, 1.5 for quintiles 1 to 5.
var tinyWeights = workforce.NeedWeights{
	Age: []workforce.NeedAgeWeight{
		{Label: "0 to 64", From: 0, To: 64, Male: 1, Female: 2},
		{Label: "65 and over", From: 65, To: -1, Male: 3, Female: 4},
	},
	Deprivation: [5]float64{1.0, 1.1, 1.2, 1.3, 1.5},
}

// tinyPractices, by hand (bands are [0–64, 65+]):
//
//	A in P1: list 100, men [30 10], women [40 20], IMD 10
//	B in P1: list 200, men [60 40], women [60 40], IMD 30
//	C in P1: list 50, no age data (stands in with its list), IMD 20
//	D in no PCN: list 150, men [50 25], women [50 25], IMD 40
//	E in P3: no published list (Σ bands = 20 stands for it), men [10 0], women [10 0], no IMD
//	F in P4: no list, no age data, no IMD (adds 0; P4's own list stands in)
//
// PCNs: P1; P2 with no member practice (registered 80); P3; P4 (registered 70).
func tinyPractices() ([]workforce.NeedPractice, []PCNInput) {
	ps := []workforce.NeedPractice{
		{Code: "A", PCN: "P1", List: 100, ListKnown: true, Male: []int{30, 10}, Female: []int{40, 20}, IMD: 10, IMDKnown: true},
		{Code: "B", PCN: "P1", List: 200, ListKnown: true, Male: []int{60, 40}, Female: []int{60, 40}, IMD: 30, IMDKnown: true},
		{Code: "C", PCN: "P1", List: 50, ListKnown: true, IMD: 20, IMDKnown: true},
		{Code: "D", List: 150, ListKnown: true, Male: []int{50, 25}, Female: []int{50, 25}, IMD: 40, IMDKnown: true},
		{Code: "E", PCN: "P3", Male: []int{10, 0}, Female: []int{10, 0}},
		{Code: "F", PCN: "P4"},
	}
	return ps, []PCNInput{{Code: "P1", Registered: 999}, {Code: "P2", Registered: 80}, {Code: "P3", Registered: 999}, {Code: "P4", Registered: 70}}
}

// Quintiles: the scored practices by score are A (10, list 100), C (20, 50), B (30, 200),
// D (40, 150), 500 patients. Cumulative shares c: A 100/500 = 0.2 → ceil(1.0) = 1;
// C 150/500 = 0.3 → ceil(1.5) = 2; B 350/500 = 0.7 → ceil(3.5) = 4; D 1 → 5. Quintile 3
// is empty, so its cut is quintile 2's: cuts [10 20 20 30].
// Factors: A 1.0, C 1.1, B 1.3, D 1.5; E (no score) takes England's patient-weighted
// mean (100×1.0 + 50×1.1 + 200×1.3 + 150×1.5) / 500 = 640/500 = 1.28.
// Raw: A (30×1 + 40×2 + 10×3 + 20×4) × 1.0 = 220; B (60 + 120 + 120 + 160) × 1.3 = 598;
// D (50 + 100 + 75 + 100) × 1.5 = 487.5; E (10 + 20) × 1.28 = 38.4.
// k over P1–P4's members with age data (A, B, E; not D, in no PCN):
// (100 + 200 + 20) / (220 + 598 + 38.4) = 320 / 856.4 = 0.373657169546941.
// Need: A 220k = 82.2045773; B 598k = 223.4469874; E 38.4k = 14.3484353;
// D 487.5k = 182.1578702 (shown, in no sum); C stands in with 50.
func TestComputeByHand(t *testing.T) {
	t.Parallel()
	ps, pcns := tinyPractices()
	r := Compute(tinyWeights, ps, pcns)
	k := 320 / 856.4
	near(t, "k", r.Scale, k)
	if r.Cuts != [4]float64{10, 20, 20, 30} {
		t.Errorf("cuts = %v, want [10 20 20 30]", r.Cuts)
	}
	wantPractices := []PracticeNeed{
		{Code: "A", PCN: "P1", List: 100, ListKnown: true, AgeData: true, Quintile: 1, Factor: 1.0, Raw: 220, Need: 220 * k},
		{Code: "B", PCN: "P1", List: 200, ListKnown: true, AgeData: true, Quintile: 4, Factor: 1.3, Raw: 598, Need: 598 * k},
		{Code: "C", PCN: "P1", List: 50, ListKnown: true, Quintile: 2, Factor: 1.1, Need: 50},
		{Code: "D", List: 150, ListKnown: true, AgeData: true, Quintile: 5, Factor: 1.5, Raw: 487.5, Need: 487.5 * k},
		{Code: "E", PCN: "P3", List: 20, ListKnown: true, AgeData: true, Factor: 1.28, Raw: 38.4, Need: 38.4 * k},
		{Code: "F", PCN: "P4", Factor: 1.28},
	}
	for _, want := range wantPractices {
		samePractice(t, r.Practices[want.Code], want)
	}
	// P1: registered 100 + 200 + 50 = 350; need (220 + 598)k + 50 = 261760/856.4 + 50
	// = 355.6515647; age shares band 0 (30+40 + 60+60) / 300 = 190/300, band 1 110/300
	// (C has no bands); IMD (100×10 + 200×30 + 50×20) / 350 = 8000/350 = 22.857.
	// P2: no member: its own 80 for both, denominator list.
	// P3: E alone: registered 20, need 14.3484353, shares [1 0], no IMD.
	// P4: F has no list: its own 70 for both, denominator list.
	wantPCNs := []PCNNeed{
		{Code: "P1", Registered: 350, Need: 818*k + 50, Denominator: Need, Practices: 3, StandIns: 1, AgeShares: []float64{190.0 / 300, 110.0 / 300}, IMD: 8000.0 / 350, IMDKnown: true},
		{Code: "P2", Registered: 80, Need: 80, Denominator: List},
		{Code: "P3", Registered: 20, Need: 38.4 * k, Denominator: Need, Practices: 1, AgeShares: []float64{1, 0}},
		{Code: "P4", Registered: 70, Need: 70, Denominator: List, Practices: 1, StandIns: 1},
	}
	for _, want := range wantPCNs {
		samePCN(t, r.PCNs[want.Code], want)
	}
	// Totals: 350 + 80 + 20 + 70 = 520 registered; need (818 + 38.4)k + 50 + 80 + 70
	// = 856.4 × 320/856.4 + 200 = 520. No age data: P2, P4. No IMD: E, F. No list: F.
	near(t, "total list", r.TotalList, 520)
	near(t, "total need", r.TotalNeed, 520)
	if r.NoAgeData != 2 || r.NoIMD != 2 || r.NoList != 1 {
		t.Errorf("counts: no age data %d, no IMD %d, no list %d; want 2, 2, 1", r.NoAgeData, r.NoIMD, r.NoList)
	}
}

func samePractice(t *testing.T, got, want PracticeNeed) {
	t.Helper()
	if got.Code != want.Code || got.PCN != want.PCN || got.List != want.List || got.ListKnown != want.ListKnown ||
		got.AgeData != want.AgeData || got.Quintile != want.Quintile {
		t.Errorf("practice %s = %+v, want %+v", want.Code, got, want)
	}
	near(t, want.Code+" factor", got.Factor, want.Factor)
	near(t, want.Code+" raw", got.Raw, want.Raw)
	near(t, want.Code+" need", got.Need, want.Need)
}

func samePCN(t *testing.T, got, want PCNNeed) {
	t.Helper()
	if got.Code != want.Code || got.Denominator != want.Denominator || got.Practices != want.Practices ||
		got.StandIns != want.StandIns || got.IMDKnown != want.IMDKnown || len(got.AgeShares) != len(want.AgeShares) {
		t.Errorf("PCN %s = %+v, want %+v", want.Code, got, want)
	}
	near(t, want.Code+" registered", got.Registered, want.Registered)
	near(t, want.Code+" need", got.Need, want.Need)
	near(t, want.Code+" IMD", got.IMD, want.IMD)
	for i := range min(len(got.AgeShares), len(want.AgeShares)) {
		near(t, want.Code+" age share", got.AgeShares[i], want.AgeShares[i])
	}
}

// near fails unless got is want to 1e-9, relative to the larger of 1 and |want|.
func near(t *testing.T, what string, got, want float64) {
	t.Helper()
	if math.Abs(got-want) > 1e-9*max(1, math.Abs(want)) {
		t.Errorf("%s = %.12g, want %.12g", what, got, want)
	}
}

// England's need equals England's list (PLANNING.md): Σ need over the PCNs = Σ their
// registered lists, and practices in no PCN change neither the scale nor any sum.
func TestNormalisation(t *testing.T) {
	t.Parallel()
	w, ps, pcns := england(7)
	r := Compute(w, ps, pcns)
	var need, list float64
	for _, p := range r.PCNs {
		need += p.Need
		list += p.Registered
	}
	if math.Abs(need-list) > 1e-9*list || math.Abs(r.TotalNeed-r.TotalList) > 1e-9*list {
		t.Fatalf("Σ need %v (total %v), Σ registered %v (total %v)", need, r.TotalNeed, list, r.TotalList)
	}
	outside := 0
	for i := range ps {
		if ps[i].PCN == "" && ps[i].ListKnown { // their lists make the quintiles: keep them
			outside++
			ps[i].Male = nil // their raw need changes, no PCN's
		}
	}
	again := Compute(w, ps, pcns)
	if outside == 0 || again.Scale != r.Scale || again.TotalList != r.TotalList || again.TotalNeed != r.TotalNeed {
		t.Errorf("%d practices in no PCN changed the sums: k %v → %v, list %v → %v", outside, r.Scale, again.Scale, r.TotalList, again.TotalList)
	}
}

func TestParseDenominator(t *testing.T) {
	t.Parallel()
	cases := []struct {
		in      string
		def     Denominator
		want    Denominator
		refused bool
	}{
		{"", List, List, false}, {"", Need, Need, false},
		{"list", Need, List, false}, {"need", List, Need, false},
		{"Need", List, "", true}, {"weighted", List, "", true},
	}
	for _, c := range cases {
		got, err := ParseDenominator(c.in, c.def)
		if got != c.want || (err != nil) != c.refused {
			t.Errorf("ParseDenominator(%q, %q) = %q, %v", c.in, c.def, got, err)
		}
	}
}
