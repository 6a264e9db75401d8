package datacache

import (
	"context"
	"maps"
	"slices"
	"testing"
)

// Flat joins the PCNs' slices by code once per state, keeps the PCNs' slices as capped
// windows on it, and leaves a map Get returned as it was.
func TestFlatKeepsEnglandOnce(t *testing.T) {
	ctx := context.Background()
	data := map[string][]int{"B": {3, 4}, "A": {1, 2}, "C": nil}
	read := func(_ context.Context, pcns []string) (map[string][]int, error) {
		out := map[string][]int{}
		for p, xs := range data {
			if pcns == nil || slices.Contains(pcns, p) {
				out[p] = slices.Clone(xs)
			}
		}
		return out, nil
	}
	var c PerPCN[[]int]
	v := &Versions{National: 1, PCN: map[string]int64{"A": 1, "B": 1}}
	before, _ := c.Get(ctx, v, read)
	flat, err := Flat(ctx, &c, v, read)
	if err != nil || !slices.Equal(flat, []int{1, 2, 3, 4}) {
		t.Fatalf("flat %v %v", flat, err)
	}
	if again, _ := Flat(ctx, &c, v, read); &again[0] != &flat[0] {
		t.Error("joined again with nothing changed")
	}
	after, _ := c.Get(ctx, v, read)
	if &after["B"][0] != &flat[2] || cap(after["A"]) != 2 {
		t.Errorf("the PCNs' slices are not capped windows on the joined one: %v", after)
	}
	if &before["A"][0] == &flat[0] || !slices.Equal(before["A"], []int{1, 2}) {
		t.Error("a map Get returned was changed")
	}
	data["A"] = []int{9}
	v2 := &Versions{National: 1, PCN: map[string]int64{"A": 2, "B": 1}}
	if flat2, _ := Flat(ctx, &c, v2, read); !slices.Equal(flat2, []int{9, 3, 4}) || !slices.Equal(flat, []int{1, 2, 3, 4}) {
		t.Errorf("after A moved: %v (the first joined now %v)", flat2, flat)
	}
	got, _ := c.Get(ctx, v2, read)
	if !maps.EqualFunc(got, map[string][]int{"A": {9}, "B": {3, 4}, "C": nil}, slices.Equal) {
		t.Errorf("kept %v", got)
	}
}
