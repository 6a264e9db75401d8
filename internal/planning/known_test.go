package planning

import (
	"testing"

	"github.com/arrs-planner/arrs/internal/workforce"
)

func TestDefaultAt(t *testing.T) {
	t.Parallel()
	cases := []struct{ deadline, asOf, want string }{
		{"2027-03-31", "2025-11-30", "2027-03-31"}, // deadline ahead: measured on it
		{"2024-03-31", "2025-11-30", "2025-11-30"}, // passed: measured on the latest data
		{"2025-11-30", "2025-11-30", "2025-11-30"}, // D = A has passed too
	}
	for _, c := range cases {
		if got := DefaultAt(day(c.deadline), day(c.asOf)); !got.Equal(day(c.want)) {
			t.Errorf("DefaultAt(%s, %s) = %s, want %s", c.deadline, c.asOf, got.Format(workforce.DateLayout), c.want)
		}
	}
}

func TestKnownAndCensusNeeded(t *testing.T) {
	t.Parallel()
	start := day("2025-11-30")
	for _, c := range []struct {
		d    string
		want bool
	}{{"2019-06-30", true}, {"2019-07-01", false}, {"2024-03-31", false}, {"2025-11-29", false}, {"2025-11-30", true}, {"2026-03-31", true}} {
		if got := Known(day(c.d), start); got != c.want {
			t.Errorf("Known(%s) = %v, want %v", c.d, got, c.want)
		}
	}
	for d, want := range map[string]string{"2024-03-31": "2024-03-31", "2024-03-15": "2024-02-29", "2025-01-01": "2024-12-31"} {
		if got := CensusNeeded(day(d)); !got.Equal(day(want)) {
			t.Errorf("CensusNeeded(%s) = %s, want %s", d, got.Format(workforce.DateLayout), want)
		}
	}
}

// TestGapsBeforeDataStart measures gapInputs on 31 March 2024 with the data starting
// at the 30 November 2025 census: in post, projected, additional, gap and shortfall
// are unknown for every PCN and area, never 0 FTE; the baseline (31 March 2019, before
// the scheme) stays known. P1's care coordinator, entered with a 2024 start, does not
// make the day known.
func TestGapsBeforeDataStart(t *testing.T) {
	t.Parallel()
	in := gapInputs()
	in.DataStart, in.At = day("2025-11-30"), day("2024-03-31")
	r := GapReport(in)
	for _, g := range append(r.PCNs, r.England) {
		want := Unknown{InPostUnknown: true, ProjectedUnknown: true, ShortfallUnknown: true}
		if g.Unknown != want || !g.GapUnknown() {
			t.Errorf("%s unknown = %+v, want %+v", g.Code, g.Unknown, want)
		}
		if g.InPostFTE != 0 || g.GapFTE != 0 || g.ShortfallFTE != 0 || g.PCNsShort != 0 {
			t.Errorf("%s: unknown figures hold values: %+v", g.Code, g)
		}
	}
	if p1 := r.PCNs[0]; p1.BaselineFTE != 1 || p1.TargetFTE != 6 {
		t.Errorf("P1 baseline %v share %v, want 1 and 6: both are known", p1.BaselineFTE, p1.TargetFTE)
	}
	// A baseline after the scheme began and before the data start is unknown too.
	in.Target.Baseline, in.At = day("2020-03-31"), day("2026-11-30")
	p1 := Gaps(in)[0]
	if !p1.BaselineUnknown || p1.InPostUnknown || p1.ProjectedUnknown || !p1.GapUnknown() || p1.ProjectedFTE != 3.8 {
		t.Errorf("baseline in 2020: %+v", p1)
	}
}

// TestGapsDefaultAtPassed leaves At zero with the deadline before the as-of date: the
// gap is measured on the as-of date, on the staff in post then, with no pace.
func TestGapsDefaultAtPassed(t *testing.T) {
	t.Parallel()
	in := gapInputs()
	in.At, in.Target.Deadline, in.DataStart = dayOrZero(""), day("2024-03-31"), day("2025-11-30")
	r := GapReport(in)
	// P1: 6 − (2 − 1) = 5; P2: 4 − (3 − 0.5) = 1.5; England 6.5, both short.
	if e := r.England; !near(e.GapFTE, 6.5) || !near(e.ShortfallFTE, 6.5) || e.PCNsShort != 2 || !e.DeadlinePassed || e.RequiredPace != 0 || e.AnyUnknown() {
		t.Errorf("England %+v", e)
	}
}
