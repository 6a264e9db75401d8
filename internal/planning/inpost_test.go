package planning

import (
	"math"
	"testing"

	"github.com/arrs-planner/arrs/internal/workforce"
)

func TestInPost(t *testing.T) {
	t.Parallel()
	s := workforce.Staff{RoleCode: "paramedic", FTE: 1, Start: day("2025-04-01"), End: day("2025-11-30")}
	cases := []struct {
		d    string
		want bool
	}{
		{"2025-03-31", false}, // before the start
		{"2025-04-01", true},  // start ≤ d
		{"2025-11-29", true},  // the last day in post
		{"2025-11-30", false}, // d < end fails on the end date itself
	}
	for _, c := range cases {
		if got := s.InPost(day(c.d)); got != c.want {
			t.Errorf("InPost(%s) = %v, want %v", c.d, got, c.want)
		}
	}
	open := workforce.Staff{RoleCode: "paramedic", Start: day("2025-04-01")}
	if !open.InPost(day("2099-01-01")) {
		t.Error("a record with no end date stays in post")
	}
}

func TestInPostFTE(t *testing.T) {
	t.Parallel()
	staff := []workforce.Staff{
		{RoleCode: "clinical_pharmacist", FTE: 0.946667, Start: day("2020-01-01")},
		{RoleCode: "clinical_pharmacist", FTE: 0.5, Start: day("2021-01-01"), End: day("2025-11-30")},
		{RoleCode: "care_coordinator", FTE: 1, Start: day("2025-11-30")},
		{RoleCode: "", FTE: 1, Start: day("2019-01-01")}, // a PCN manager: outside ARRS
	}
	cases := []struct {
		d      string
		want   float64
		byRole map[string]float64
	}{
		// 0.946667 + 0.5; the manager never counts.
		{"2025-11-29", 1.446667, map[string]float64{"clinical_pharmacist": 1.446667}},
		// The 0.5 has ended; the care coordinator starts on the day.
		{"2025-11-30", 1.946667, map[string]float64{"clinical_pharmacist": 0.946667, "care_coordinator": 1}},
		{"2019-06-01", 0, map[string]float64{}},
	}
	for _, c := range cases {
		if got := InPostFTE(staff, day(c.d)); math.Abs(got-c.want) > 1e-12 {
			t.Errorf("InPostFTE(%s) = %v, want %v", c.d, got, c.want)
		}
		got := InPostByRole(staff, day(c.d))
		if len(got) != len(c.byRole) {
			t.Errorf("InPostByRole(%s) = %v, want %v", c.d, got, c.byRole)
		}
		for r, want := range c.byRole {
			if math.Abs(got[r]-want) > 1e-12 {
				t.Errorf("InPostByRole(%s)[%s] = %v, want %v", c.d, r, got[r], want)
			}
		}
	}
}
