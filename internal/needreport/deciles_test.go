package needreport

import (
	"math"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/need"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// Five PCNs over two censuses, worked by hand. Pharmacists per 10,000 need:
//
//	November: A 1 FTE / 10,000 = 1; B 1 / 20,000 = 0.5; C 3 / 10,000 = 3; D 8 / 40,000 = 2;
//	          E made no return (its 5 FTE entered by hand count for nothing here).
//	          Sorted 0.5, 1, 2, 3 (n = 4, h = 3p): 10th 0.5 + 0.3 × 0.5 = 0.65,
//	          median 1 + 0.5 × 1 = 1.5, 90th 2 + 0.7 × 1 = 2.7.
//	December: A 2 / 10,000 = 2; B 0; C 1 / 10,000 = 1; D 4 / 40,000 = 1; E has no need
//	          (0), F made a return but is no PCN of the day: both left out.
//	          Sorted 0, 1, 1, 2: 10th 0.3, median 1, 90th 1 + 0.7 × 1 = 1.7.
//
// Paramedics: only B, 1 FTE in December (0.5 per 10,000). Physician associates: none
// anywhere, so no chart. Roles keep the catalogue's order.
func TestDecilesByHand(t *testing.T) {
	nov, dec := workforce.Date(2025, 11, 30), workforce.Date(2025, 12, 31)
	pharm, pa, para := workforce.Role{Code: "clinical_pharmacist"}, workforce.Role{Code: "physician_associate"}, workforce.Role{Code: "paramedic"}
	fte := func(pharmacists, paramedics float64) map[string]float64 {
		m := map[string]float64{}
		if pharmacists > 0 {
			m[pharm.Code] = pharmacists
		}
		if paramedics > 0 {
			m[para.Code] = paramedics
		}
		return m
	}
	returned := func(codes ...string) map[string]bool {
		m := map[string]bool{}
		for _, c := range codes {
			m[c] = true
		}
		return m
	}
	staff := []store.CensusRoles{
		{Census: nov, FTE: map[string]map[string]float64{"A": fte(1, 0), "B": fte(1, 0), "C": fte(3, 0), "D": fte(8, 0), "E": fte(5, 0)},
			Returned: returned("A", "B", "C", "D")},
		{Census: dec, FTE: map[string]map[string]float64{"A": fte(2, 0), "B": fte(0, 1), "C": fte(1, 0), "D": fte(4, 0), "E": fte(1, 0), "F": fte(9, 0)},
			Returned: returned("A", "B", "C", "D", "E", "F")},
	}
	needOf := func(lists map[string]float64, source string) *need.Result {
		r := &need.Result{PCNs: map[string]need.PCNNeed{}, Weights: workforce.NeedWeights{AgeSource: workforce.NeedSource{Title: source}}}
		for code, n := range lists {
			r.PCNs[code] = need.PCNNeed{Code: code, Need: n}
		}
		return r
	}
	lists := map[string]float64{"A": 10_000, "B": 20_000, "C": 10_000, "D": 40_000, "E": 10_000}
	decLists := map[string]float64{"A": 10_000, "B": 20_000, "C": 10_000, "D": 40_000, "E": 0}
	s := decilesOf(staff, []*need.Result{needOf(lists, "old"), needOf(decLists, "latest")}, []workforce.Role{pharm, pa, para})

	if len(s.Roles) != 2 || s.Roles[0].Code != pharm.Code || s.Roles[1].Code != para.Code {
		t.Fatalf("roles %v, want pharmacists then paramedics", s.Roles)
	}
	if s.Counted[0] != 4 || s.Counted[1] != 4 {
		t.Errorf("counted %v, want 4 and 4", s.Counted)
	}
	if s.Weights.AgeSource.Title != "latest" {
		t.Errorf("weights of %q, want the latest census's", s.Weights.AgeSource.Title)
	}
	for _, c := range []struct {
		role, census     int
		p10, median, p90 float64
	}{{0, 0, 0.65, 1.5, 2.7}, {0, 1, 0.3, 1, 1.7}, {1, 0, 0, 0, 0}, {1, 1, 0, 0, 0.35}} {
		d := s.England[c.role][c.census]
		if !decileNear(d[0], c.p10) || !decileNear(d[4], c.median) || !decileNear(d[8], c.p90) {
			t.Errorf("role %s census %d: 10th %v median %v 90th %v; want %v %v %v", s.Roles[c.role].Code, c.census, d[0], d[4], d[8], c.p10, c.median, c.p90)
		}
	}

	a := s.Of("A")
	if !a.Counted[0] || !a.Counted[1] || !decileNear(a.Lines[0].Rate[0], 1) || !decileNear(a.Lines[0].Rate[1], 2) || !decileNear(a.Lines[0].FTE[1], 2) {
		t.Errorf("A: counted %v, pharmacists %v per 10,000 (%v FTE); want 1 then 2", a.Counted, a.Lines[0].Rate, a.Lines[0].FTE)
	}
	if b := s.Of("B"); !decileNear(b.Lines[1].Rate[0], 0) || !decileNear(b.Lines[1].Rate[1], 0.5) {
		t.Errorf("B: paramedics %v per 10,000, want 0 then 0.5", b.Lines[1].Rate)
	}
	// E made no return in November and had no need in December: unknown both times,
	// a gap in its line, never 0.
	e := s.Of("E")
	if e.Counted[0] || e.Counted[1] || !math.IsNaN(e.Lines[0].Rate[0]) || !math.IsNaN(e.Lines[0].Rate[1]) || !math.IsNaN(e.Lines[0].FTE[0]) {
		t.Errorf("E: counted %v, pharmacists %v per 10,000 (%v FTE); want no data", e.Counted, e.Lines[0].Rate, e.Lines[0].FTE)
	}
	if !s.Charted() || !s.HasRole(para.Code) || s.HasRole(pa.Code) {
		t.Errorf("charted %v, has paramedics %v, has physician associates %v", s.Charted(), s.HasRole(para.Code), s.HasRole(pa.Code))
	}
}

// With no PCN counted at a census, England's deciles there are unknown.
func TestDecilesNoneCounted(t *testing.T) {
	role := workforce.Role{Code: "paramedic"}
	staff := []store.CensusRoles{{Census: time.Date(2025, 11, 30, 0, 0, 0, 0, time.UTC), FTE: map[string]map[string]float64{"A": {role.Code: 1}}, Returned: map[string]bool{}}}
	s := decilesOf(staff, []*need.Result{{PCNs: map[string]need.PCNNeed{"A": {Code: "A", Need: 100}}}}, []workforce.Role{role})
	if s.Counted[0] != 0 || !math.IsNaN(s.England[0][0][4]) {
		t.Errorf("counted %d, median %v; want 0 and no data", s.Counted[0], s.England[0][0][4])
	}
}

func decileNear(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
