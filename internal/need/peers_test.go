package need

import (
	"slices"
	"sync"
	"testing"
)

// Five comparable PCNs that differ only in IMD score: 3, 11, 15, 19, 27 (mean 15,
// deviations −12 −4 0 4 12, population SD √((144+16+0+16+144)/5) = √64 = 8), so their
// z-scores are −1.5, −0.5, 0, 0.5, 1.5, exact in binary. The age shares and list are
// the same everywhere (z 0). From M (z 0): C and Y at 0.5, A and Z at 1.5; ties by
// code. N has no score and O no age data: neither is anyone's peer nor has peers.
func handPeers() *Result {
	same := func(code string, imd float64) PCNNeed {
		return PCNNeed{Code: code, Registered: 1000, AgeShares: []float64{0.25, 0.75}, IMD: imd, IMDKnown: true}
	}
	pcns := map[string]PCNNeed{
		"Z": same("Z", 3), "Y": same("Y", 11), "M": same("M", 15), "C": same("C", 19), "A": same("A", 27),
		"N": {Code: "N", Registered: 1000, AgeShares: []float64{0.25, 0.75}},
		"O": {Code: "O", Registered: 1000, IMD: 15, IMDKnown: true},
	}
	return &Result{PCNs: pcns, Weights: tinyWeights, peers: &peerCache{}}
}

func TestPeersByHand(t *testing.T) {
	t.Parallel()
	r := handPeers()
	cases := []struct {
		code string
		n    int
		want []Peer
	}{
		{"M", 4, []Peer{{"C", 0.5}, {"Y", 0.5}, {"A", 1.5}, {"Z", 1.5}}},
		{"M", 3, []Peer{{"C", 0.5}, {"Y", 0.5}, {"A", 1.5}}},
		{"M", 10, []Peer{{"C", 0.5}, {"Y", 0.5}, {"A", 1.5}, {"Z", 1.5}}}, // only four others
		{"Z", 2, []Peer{{"Y", 1}, {"M", 1.5}}},                            // −0.5 − (−1.5), 0 − (−1.5)
		{"N", 3, nil}, {"O", 3, nil}, {"nowhere", 3, nil}, {"M", 0, nil},
	}
	for _, c := range cases {
		if got := r.Peers(c.code, c.n); !slices.Equal(got, c.want) {
			t.Errorf("Peers(%q, %d) = %v, want %v", c.code, c.n, got, c.want)
		}
	}
}

// The same peers every time, from one Result or another, alone or concurrently; never
// the PCN itself; nearest first, ties by code.
func TestPeersDeterministic(t *testing.T) {
	t.Parallel()
	w, ps, pcns := england(3)
	r1, r2 := Compute(w, ps, pcns), Compute(w, ps, pcns)
	var wg sync.WaitGroup
	got := make([][]Peer, 8)
	for i := range got {
		wg.Go(func() { got[i] = r1.Peers("U00100", PeerCount) })
	}
	wg.Wait()
	want := r2.Peers("U00100", PeerCount)
	if len(want) != PeerCount {
		t.Fatalf("%d peers, want %d", len(want), PeerCount)
	}
	for i, g := range got {
		if !slices.Equal(g, want) {
			t.Fatalf("call %d: %v, want %v", i, g, want)
		}
	}
	for i, p := range want {
		if p.Code == "U00100" {
			t.Error("a PCN is its own peer")
		}
		if i > 0 && (p.Distance < want[i-1].Distance || p.Distance == want[i-1].Distance && p.Code < want[i-1].Code) {
			t.Errorf("peers out of order: %v then %v", want[i-1], p)
		}
	}
}

// A PCN with no member practice (no age data) has no peers and is no one's.
func TestPeersWithoutAgeData(t *testing.T) {
	t.Parallel()
	ps, pcns := tinyPractices()
	r := Compute(tinyWeights, ps, pcns)
	if got := r.Peers("P2", 5); got != nil {
		t.Errorf("P2 (no member) has peers %v", got)
	}
	if got := r.Peers("P3", 5); got != nil { // E has no score
		t.Errorf("P3 (no score) has peers %v", got)
	}
	if got := r.Peers("P1", 5); len(got) != 0 { // the only PCN with age data and a score
		t.Errorf("P1 has peers %v, want none", got)
	}
}
