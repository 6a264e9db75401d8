package pcn

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// Unless a role is asked for, the section charts the PCN's largest roles at the latest
// census it is counted in (a census it made no return for is skipped), England's
// median breaking ties; a role asked for is charted alone.
func TestDecilesShown(t *testing.T) {
	nan := math.NaN()
	line := func(code string, fte []float64, median float64) DecileLine {
		var m [9]float64
		m[4] = median
		return DecileLine{Role: workforce.Role{Code: code}, FTE: fte, England: [][9]float64{m, m, m}}
	}
	d := Deciles{
		Censuses: []time.Time{workforce.Date(2025, 10, 31), workforce.Date(2025, 11, 30), workforce.Date(2025, 12, 31)},
		Counted:  []bool{true, true, false},
		Lines: []DecileLine{
			line("a", []float64{9, 1, nan}, 1), line("b", []float64{0, 3, nan}, 1), line("c", []float64{0, 0, nan}, 2),
			line("d", []float64{0, 2, nan}, 1), line("e", []float64{0, 0, nan}, 5),
		},
	}
	var got []string
	for _, l := range d.shown() {
		got = append(got, l.Role.Code)
	}
	if strings.Join(got, " ") != "b d a" {
		t.Errorf("shown %v, want b d a (November's largest)", got)
	}
	d.Counted[1] = false
	got = got[:0]
	for _, l := range d.shown() {
		got = append(got, l.Role.Code)
	}
	if strings.Join(got, " ") != "a e c" {
		t.Errorf("shown %v, want a e c (October's largest, then England's median)", got)
	}
	d.Role = "c"
	if s := d.shown(); len(s) != 1 || s[0].Role.Code != "c" {
		t.Errorf("asked for c: %v", s)
	}
	if got := (Deciles{}).pending(); got != "Deciles over time appear once more than one census is loaded (none loaded yet)." {
		t.Errorf("no census: %q", got)
	}
}
