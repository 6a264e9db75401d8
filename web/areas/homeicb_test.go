package areas

import (
	"testing"

	"github.com/arrs-planner/arrs/internal/planning"
)

// The ranking keeps the networks short of their fair share, largest shortfall first
// (ties by code), at most n; a network whose gap is unknown is counted, never ranked.
func TestFurthest(t *testing.T) {
	t.Parallel()
	rows := []planning.Gap{
		{Code: "U1", ShortfallFTE: 2},
		{Code: "U2", ShortfallFTE: 0},
		{Code: "U3", ShortfallFTE: 5},
		{Code: "U4", ShortfallFTE: 2},
		{Code: "U5", Unknown: planning.Unknown{ProjectedUnknown: true}},
		{Code: "U6", ShortfallFTE: 1, NoReturnPCNs: 1},
	}
	name := func(code string) string { return "PCN " + code }
	href := func(code string) string { return "/pcns/" + code }
	cases := []struct {
		n    int
		want []string
	}{
		{2, []string{"U3", "U1"}},
		{10, []string{"U3", "U1", "U4", "U6"}},
		{0, nil},
	}
	for _, c := range cases {
		top, unknown := Furthest(rows, c.n, name, href)
		if unknown != 1 {
			t.Errorf("n=%d: %d unknown, want 1", c.n, unknown)
		}
		var got []string
		for _, f := range top {
			got = append(got, f.Code)
		}
		if len(got) != len(c.want) {
			t.Fatalf("n=%d: ranked %v, want %v", c.n, got, c.want)
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("n=%d: ranked %v, want %v", c.n, got, c.want)
				break
			}
		}
		if len(top) == 4 && (!top[3].NoReturn || top[0].Href != "/pcns/U3" || top[0].Name != "PCN U3") {
			t.Errorf("rows: %+v", top)
		}
	}
}
