package planning

import (
	"strings"
	"testing"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// splitPractices are three member practices with lists 7,000, 5,000 and 3,000 (Σ
// 15,000), given out of order.
var splitPractices = []PracticeInput{
	{Code: "A81003", List: 3000, ListKnown: true},
	{Code: "A81001", List: 7000, ListKnown: true},
	{Code: "A81002", List: 5000, ListKnown: true},
}

// By list: costs 1,000,000p and reimbursed 800,000p.
//
//	costs:      A81001 7,000/15,000 → 466,666 remainder 10,000/15,000; A81002 333,333
//	            r 5,000; A81003 200,000 r 0. 999,999 allocated, the penny left to the
//	            largest remainder, A81001: 466,667 / 333,333 / 200,000.
//	reimbursed: 373,333 r 5,000; 266,666 r 10,000; 160,000 r 0: the penny to A81002:
//	            373,333 / 266,667 / 160,000.
//	net:        93,334 / 66,666 / 40,000 = 200,000.
func TestSplitByList(t *testing.T) {
	t.Parallel()
	s := SplitYear(1000000, 800000, splitPractices, nil)
	want := []struct {
		code                   string
		costs, reimbursed, net workforce.Pence
		percent                float64
	}{
		{"A81001", 466667, 373333, 93334, 100 * 7000.0 / 15000},
		{"A81002", 333333, 266667, 66666, 100 * 5000.0 / 15000},
		{"A81003", 200000, 160000, 40000, 20},
	}
	if !s.Known || s.Agreed || s.AgreedIgnored != "" || len(s.Parts) != 3 {
		t.Fatalf("split %+v", s)
	}
	for i, w := range want {
		p := s.Parts[i]
		if p.Practice.Code != w.code || p.CostsPence != w.costs || p.ReimbursedPence != w.reimbursed || p.NetPence != w.net || !near(p.Percent, w.percent) {
			t.Errorf("part %d %+v, want %+v", i, p, w)
		}
	}
	// A list not known: no split at all.
	unknown := append([]PracticeInput{{Code: "A81004"}}, splitPractices...)
	if s := SplitYear(1000000, 800000, unknown, nil); s.Known || len(s.Parts) != 4 || s.Parts[0].CostsPence != 0 {
		t.Errorf("unknown list: %+v", s)
	}
}

// By agreed percentages 50.5, 29.5 and 20: costs 1,000,001p → 505,000.505,
// 295,000.295, 200,000.2: 1,000,000 allocated, the penny to A81001 (remainder .505);
// negative reimbursement −3p (a refund) → 1.515, 0.885, 0.6 → 1 / 0 / 0 then the two
// pennies to A81002 (.885) and A81003 (.6): −1 / −1 / −1.
func TestSplitAgreed(t *testing.T) {
	t.Parallel()
	agreed := []workforce.PracticeShare{{PracticeCode: "A81002", Percent: 29.5}, {PracticeCode: "A81001", Percent: 50.5},
		{PracticeCode: "A81003", Percent: 20}}
	s := SplitYear(1000001, -3, splitPractices, agreed)
	if !s.Known || !s.Agreed {
		t.Fatalf("split %+v", s)
	}
	want := [][3]workforce.Pence{{505001, -1, 505002}, {295000, -1, 295001}, {200000, -1, 200001}}
	for i, w := range want {
		p := s.Parts[i]
		if p.CostsPence != w[0] || p.ReimbursedPence != w[1] || p.NetPence != w[2] {
			t.Errorf("part %s: %d %d %d, want %v", p.Practice.Code, p.CostsPence, p.ReimbursedPence, p.NetPence, w)
		}
	}
	if s.Parts[0].Percent != 50.5 {
		t.Errorf("percent %v", s.Parts[0].Percent)
	}
}

// A split not adding up to 100 is refused, and the list used instead, saying why.
func TestSplitNotHundred(t *testing.T) {
	t.Parallel()
	for _, last := range []float64{19.9999, 20.0001} {
		agreed := []workforce.PracticeShare{{PracticeCode: "A81001", Percent: 50}, {PracticeCode: "A81002", Percent: 30},
			{PracticeCode: "A81003", Percent: last}}
		s := SplitYear(1000000, 800000, splitPractices, agreed)
		if s.Agreed || !s.Known || !strings.Contains(s.AgreedIgnored, "must add up to exactly 100%") || s.Parts[0].CostsPence != 466667 {
			t.Errorf("%v: %+v", last, s)
		}
	}
}

func TestCheckPracticeShares(t *testing.T) {
	t.Parallel()
	members := []string{"A81001", "A81002", "A81003"}
	type ps = []workforce.PracticeShare
	sh := func(code string, p float64) workforce.PracticeShare {
		return workforce.PracticeShare{PracticeCode: code, Percent: p}
	}
	sum := func(total string) workforce.Problem {
		return workforce.Problem{Field: "shares", Message: "The shares add up to " + total + "%; they must add up to exactly 100%"}
	}
	cases := []struct {
		name   string
		shares ps
		want   workforce.Problems
	}{
		{"exactly 100", ps{sh("A81001", 33.3333), sh("A81002", 33.3333), sh("A81003", 33.3334)}, nil},
		{"a member at 0", ps{sh("A81001", 100), sh("A81002", 0), sh("A81003", 0)}, nil},
		{"99.9999", ps{sh("A81001", 50), sh("A81002", 30), sh("A81003", 19.9999)}, workforce.Problems{sum("99.9999")}},
		{"100.0001", ps{sh("A81001", 50), sh("A81002", 30), sh("A81003", 20.0001)}, workforce.Problems{sum("100.0001")}},
		// 19.99999 rounds to 20.0000 in the sum, which is then 100: only the places.
		{"five places", ps{sh("A81001", 50), sh("A81002", 30), sh("A81003", 19.99999)},
			workforce.Problems{{Field: "share-A81003", Message: "The share of A81003 can have at most 4 decimal places"}}},
		{"over 100", ps{sh("A81001", 120), sh("A81002", -20), sh("A81003", 0)}, workforce.Problems{
			{Field: "share-A81001", Message: "The share of A81001 must be between 0% and 100%"},
			{Field: "share-A81002", Message: "The share of A81002 must be between 0% and 100%"}}},
		{"a member missing, an outsider named", ps{sh("A81001", 50), sh("A81009", 30), sh("A81003", 20)}, workforce.Problems{
			{Field: "share-A81009", Message: "A81009 is not a member practice of the PCN"},
			{Field: "share-A81002", Message: "No share is given for A81002"}}},
		{"named twice", ps{sh("A81001", 50), sh("A81002", 25), sh("A81002", 25)}, workforce.Problems{
			{Field: "share-A81002", Message: "A81002 is named more than once"},
			{Field: "share-A81003", Message: "No share is given for A81003"}}},
		{"none", nil, workforce.Problems{
			{Field: "share-A81001", Message: "No share is given for A81001"},
			{Field: "share-A81002", Message: "No share is given for A81002"},
			{Field: "share-A81003", Message: "No share is given for A81003"}, sum("0")}},
	}
	for _, c := range cases {
		got := CheckPracticeShares(members, c.shares)
		if len(got) != len(c.want) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%s: problem %d %+v, want %+v", c.name, i, got[i], c.want[i])
			}
		}
	}
}

// Largest remainder: equal remainders go to the first in order; a weight of 0 gets
// nothing; the parts always add up.
func TestAllocate(t *testing.T) {
	t.Parallel()
	cases := []struct {
		amount  workforce.Pence
		weights []int64
		want    []workforce.Pence
	}{
		{100, []int64{1, 1, 1}, []workforce.Pence{34, 33, 33}},
		{-100, []int64{1, 1, 1}, []workforce.Pence{-34, -33, -33}},
		{2, []int64{0, 1, 1, 1}, []workforce.Pence{0, 1, 1, 0}},
		{5, []int64{0, 0}, []workforce.Pence{0, 0}},
		{1 << 62, []int64{1 << 40, 3 << 40}, []workforce.Pence{1 << 60, 3 << 60}}, // no overflow
	}
	for _, c := range cases {
		got := allocate(c.amount, c.weights)
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("allocate(%d, %v) = %v, want %v", c.amount, c.weights, got, c.want)
				break
			}
		}
	}
}
