package compare

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/arrs-planner/arrs/internal/planning"
)

// The per-10,000 rate is "of weighted patients" only when every network has a
// weighted population; of registered patients when every list stands in.
func TestPer10kLabels(t *testing.T) {
	rows := []Row{{Code: "U1"}, {Code: "U2"}}
	for _, c := range []struct {
		listSize        int
		per10k, patient string
	}{
		{0, "ARRS FTE per 10,000 weighted patients", "Weighted patients"},
		{2, "ARRS FTE per 10,000 registered patients", "Registered patients"},
		{1, "ARRS FTE per 10,000 patients", "Patients"},
	} {
		head := Page{Rows: rows, ListSizePCNs: c.listSize}.table().Head
		if head[1].Text != c.patient || head[3].Text != c.per10k {
			t.Errorf("%d of 2 by list size: headers %q, %q", c.listSize, head[1].Text, head[3].Text)
		}
	}
	// England's deciles: every PCN's list stands in here, so the caption says so.
	e := NewEngland(&planning.Positions{ByPCN: map[string]planning.Position{"U1": {ListSize: true}, "U2": {ListSize: true}}})
	if e.ListSizePCNs != 2 {
		t.Fatalf("ListSizePCNs %d, want 2", e.ListSizePCNs)
	}
	var b bytes.Buffer
	if err := england(e).Render(context.Background(), &b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "ARRS FTE per 10,000 registered patients: England&#39;s deciles") || strings.Contains(b.String(), "weighted patients") {
		t.Errorf("England's deciles caption: %s", b.String())
	}
}
