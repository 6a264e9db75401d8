package workforce

import (
	"slices"
	"testing"
)

func TestReconcile(t *testing.T) {
	t.Parallel()
	rec := func(id int64, who string, fte float64) Staff {
		return Staff{ID: id, PCNCode: "U1", Source: SourceNWRSStaff, UniqueIdentifier: who, StaffRole: "Pharmacists", DetailedRole: "Pharmacist", FTE: fte}
	}
	contracted := Staff{ID: 9, PCNCode: "U1", Source: SourceNWRSContracted, StaffRole: "Pharmacists", DetailedRole: "Pharmacist", FTE: 2}
	open := []Staff{rec(1, "stays", 1), rec(2, "leaves", 0.5), rec(3, "changes", 0.8), contracted}
	snapshot := []Staff{rec(0, "stays", 1.0000001), rec(0, "changes", 0.6), rec(0, "joins", 1), {PCNCode: "U1", Source: SourceNWRSContracted, StaffRole: "Pharmacists", DetailedRole: "Pharmacist", FTE: 2}}
	r := Reconcile(open, snapshot)
	if !slices.Equal(r.Ended, []int64{2, 3}) {
		t.Errorf("ended %v, want [2 3] (the leaver and the FTE change)", r.Ended)
	}
	var started []string
	for _, s := range r.Starters {
		started = append(started, s.UniqueIdentifier)
	}
	if !slices.Equal(started, []string{"changes", "joins"}) {
		t.Errorf("started %v", started)
	}
	if r.Unchanged != 2 {
		t.Errorf("unchanged %d, want 2 (the stayer, within 6 dp, and the contracted services)", r.Unchanged)
	}
	if again := Reconcile(nil, snapshot); len(again.Starters) != 4 || len(again.Ended) != 0 {
		t.Errorf("first import: %+v", again)
	}
}
