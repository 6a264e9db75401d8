package workforce

import "testing"

func TestTargetValidate(t *testing.T) {
	t.Parallel()
	good := Target{Name: "26,000", FTE: 26000, Baseline: Date(2019, 3, 31), Deadline: Date(2024, 3, 31),
		Milestones: []Milestone{{Due: Date(2022, 3, 31), FTE: 15500}}}
	if p := good.Validate(); len(p) != 0 {
		t.Fatalf("good target refused: %v", p)
	}
	cases := map[string]func(*Target){
		"name":       func(t *Target) { t.Name = " " },
		"fte":        func(t *Target) { t.FTE = 0 },
		"deadline":   func(t *Target) { t.Deadline = t.Baseline },
		"milestones": func(t *Target) { t.Milestones = append(t.Milestones, Milestone{Due: Date(2025, 1, 1), FTE: 1}) },
	}
	for field, spoil := range cases {
		bad := good
		bad.Milestones = append([]Milestone{}, good.Milestones...)
		spoil(&bad)
		p := bad.Validate()
		if len(p) != 1 || p[0].Field != field {
			t.Errorf("%s: %v", field, p)
		}
	}
	twice := good
	twice.Milestones = []Milestone{{Due: Date(2022, 3, 31), FTE: 1}, {Due: Date(2022, 3, 31), FTE: 2}}
	if p := twice.Validate(); len(p) != 1 {
		t.Errorf("two on one day: %v", p)
	}
}
