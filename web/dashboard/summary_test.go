package dashboard

import (
	"testing"

	"github.com/arrs-planner/arrs/internal/need"
)

// The rate per 10,000 names the population it is divided by: need-adjusted patients,
// whatever stands in for the network's weighted population in its fair share
// (docs/need.md), or registered patients when none of its practices has age data.
func TestPer10kNamesThePatients(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		d        need.Denominator
		listSize bool
		want     string
	}{
		{need.Need, false, "ARRS FTE per 10,000 need-adjusted patients"},
		{need.Need, true, "ARRS FTE per 10,000 need-adjusted patients"},
		{need.List, false, "ARRS FTE per 10,000 registered patients (none of its practices has age data)"},
	} {
		w := Workforce{Denominator: c.d, ListSize: c.listSize, HasPerTenThousand: true, PerTenThousand: 0.3}
		found := false
		for _, r := range w.summary().Rows {
			found = found || r.Key == c.want
		}
		if !found {
			t.Errorf("denominator %q, list size %v: no row %q", c.d, c.listSize, c.want)
		}
	}
}
