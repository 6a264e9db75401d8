package dashboard

import "testing"

// The rate per 10,000 names the population it is of: a network whose registered list
// stands in for its weighted population has its rate per registered patients.
func TestPer10kNamesThePatients(t *testing.T) {
	t.Parallel()
	for listSize, want := range map[bool]string{
		false: "ARRS FTE per 10,000 weighted patients",
		true:  "ARRS FTE per 10,000 registered patients",
	} {
		w := Workforce{ListSize: listSize, HasPerTenThousand: true, PerTenThousand: 0.3}
		found := false
		for _, r := range w.summary().Rows {
			found = found || r.Key == want
		}
		if !found {
			t.Errorf("list size %v: no row %q", listSize, want)
		}
	}
}
