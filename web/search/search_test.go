package search

import "testing"

// The summary counts every kind found, in the page's order, in plain English.
func TestSummary(t *testing.T) {
	pcns := Group{ID: "pcns", Title: "PCNs", One: "PCN", Many: "PCNs"}
	icbs := Group{ID: "icbs", Title: "ICBs", One: "ICB", Many: "ICBs"}
	practices := Group{ID: "practices", Title: "GP practices", One: "practice", Many: "practices"}
	with := func(g Group, n int) Group { g.Total = n; return g }
	cases := []struct {
		groups []Group
		want   string
	}{
		{nil, "No PCN, practice, ICB or region matches ‘x’."},
		{[]Group{with(pcns, 0), with(icbs, 1)}, "1 result for ‘x’: 1 ICB."},
		{[]Group{with(pcns, 1), with(practices, 4)}, "5 results for ‘x’: 1 PCN and 4 practices."},
		{[]Group{with(pcns, 1297), with(icbs, 2), with(practices, 6000)}, "7,299 results for ‘x’: 1,297 PCNs, 2 ICBs and 6,000 practices."},
	}
	for _, c := range cases {
		if got := (Page{Query: "x", Groups: c.groups}).summary(); got != c.want {
			t.Errorf("summary %q, want %q", got, c.want)
		}
	}
	g := with(practices, 312)
	g.Hits = make([]Hit, 50)
	if got := g.shown(); got != "Showing 50 of 312 practices. Type more of the name, or the code, to find fewer." || !g.cut() {
		t.Errorf("shown %q", got)
	}
}
