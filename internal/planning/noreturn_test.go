package planning

import "testing"

// TestNoReturn adds P3, which made no return for the 30 November 2025 census
// (PLANNING.md, "No return"), to gapInputs measured on that day: it has no records, so
// it counts 0 FTE; its share is 10 × 25,000 / 125,000 = 2.0, all of it short. Its row
// is flagged and every area counts it: England has 3 PCNs, all short (P1: share 4.8 −
// (2 in post − 1 baseline) = 3.8; P2: 3.2 − (3 − 0.5) = 0.7; P3: 2.0), 1 of which made
// no return. Before the data start it is not
// flagged: that day's return is not known either.
func TestNoReturn(t *testing.T) {
	t.Parallel()
	in := gapInputs()
	in.At = in.AsOf
	in.PCNs = append(in.PCNs, PCN{Code: "P3", ICB: "I2", Region: "R1", Population: 25000, NoReturn: true})
	r := GapReport(in)
	p3 := r.PCNs[2]
	if p3.Code != "P3" || p3.InPostFTE != 0 || p3.GapFTE != 2 || p3.NoReturnPCNs != 1 || p3.NoReturnShort != 1 {
		t.Errorf("P3 = %+v, want no return, 0 in post, gap 2", p3)
	}
	if p1 := r.PCNs[0]; p1.NoReturnPCNs != 0 || p1.NoReturnShort != 0 {
		t.Errorf("P1 made a return: %+v", p1)
	}
	e := r.England
	if e.PCNs != 3 || e.PCNsShort != 3 || e.NoReturnPCNs != 1 || e.NoReturnShort != 1 {
		t.Errorf("England: %d PCNs, %d short, %d no return (%d short)", e.PCNs, e.PCNsShort, e.NoReturnPCNs, e.NoReturnShort)
	}
	if i1 := r.ICBs[0]; i1.Code != "I1" || i1.NoReturnPCNs != 0 {
		t.Errorf("I1 counts %d without a return", i1.NoReturnPCNs)
	}
	in.DataStart, in.At = day("2025-11-30"), day("2024-03-31")
	if e := GapReport(in).England; e.NoReturnPCNs != 0 {
		t.Errorf("before the data start %d PCNs are flagged", e.NoReturnPCNs)
	}
}
