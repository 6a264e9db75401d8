package datacache

import (
	"context"
	"maps"
	"slices"
	"testing"
)

// A PerPCN reads all of England first and after a national change, else only the PCNs
// whose version moved; a map it returned never changes.
func TestPerPCNReadsOnlyWhatMoved(t *testing.T) {
	ctx := context.Background()
	data := map[string]int{"A": 1, "B": 2}
	var asked [][]string
	read := func(_ context.Context, pcns []string) (map[string]int, error) {
		asked = append(asked, slices.Sorted(slices.Values(pcns)))
		out := map[string]int{}
		for p, x := range data {
			if pcns == nil || slices.Contains(pcns, p) {
				out[p] = x
			}
		}
		return out, nil
	}
	var c PerPCN[int]
	get := func(v *Versions) map[string]int {
		t.Helper()
		got, err := c.Get(ctx, v, read)
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	first := get(&Versions{National: 1, PCN: map[string]int64{"A": 1, "B": 1}})
	get(&Versions{National: 1, PCN: map[string]int64{"A": 1, "B": 1}})
	data["B"], data["C"] = 20, 3
	second := get(&Versions{National: 1, PCN: map[string]int64{"A": 1, "B": 2, "C": 1}})
	if !maps.Equal(second, map[string]int{"A": 1, "B": 20, "C": 3}) || first["B"] != 2 {
		t.Errorf("after B and C moved: %v (the first map now %v)", second, first)
	}
	delete(data, "A")
	if got := get(&Versions{National: 1, PCN: map[string]int64{"A": 2, "B": 2, "C": 1}}); !maps.Equal(got, map[string]int{"B": 20, "C": 3}) {
		t.Errorf("after A lost its records: %v", got)
	}
	// An older reading is served what is kept, which is newer: never stale.
	get(&Versions{National: 1, PCN: map[string]int64{"A": 1, "B": 1}})
	get(&Versions{National: 2, PCN: map[string]int64{"A": 2, "B": 2, "C": 1}})
	want := [][]string{nil, {"B", "C"}, {"A"}, nil}
	if len(asked) != len(want) {
		t.Fatalf("reads %v, want %v", asked, want)
	}
	for i := range want {
		if !slices.Equal(asked[i], want[i]) {
			t.Fatalf("reads %v, want %v", asked, want)
		}
	}
	if e, p := c.Reads(); e != 2 || p != 3 {
		t.Errorf("Reads() = %d, %d; want 2, 3", e, p)
	}
}
