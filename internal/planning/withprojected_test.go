package planning

import (
	"testing"

	"github.com/arrs-planner/arrs/internal/workforce"
)

func TestGapWithProjected(t *testing.T) {
	t.Parallel()
	rows := Gaps(gapInputs())
	p1, p2 := rows[0], rows[1] // P1: target 6, baseline 1; P2: target 4, baseline 0.5
	months := p1.MonthsLeft
	passed := p1
	passed.MonthsLeft = 0
	cases := []struct {
		name string
		row  Gap
		p    float64
		want Gap
	}{
		// The report's own projection gives the report's row back.
		{"P1 unchanged", p1, p1.ProjectedFTE, p1},
		{"P2 unchanged", p2, p2.ProjectedFTE, p2},
		// P1 at 6.5: additional 5.5, gap 0.5, still short.
		{"still short", p1, 6.5, with(p1, 6.5, 5.5, 0.5, 0.5, 1, 0.5/months, false)},
		// P1 at 8: additional 7, gap −1; the shortfall, PCNs short and pace clear.
		{"no longer short", p1, 8, with(p1, 8, 7, -1, 0, 0, 0, false)},
		// P2 at 2: additional 1.5, gap 2.5; a row above its share becomes short.
		{"becomes short", p2, 2, with(p2, 2, 1.5, 2.5, 2.5, 1, 2.5/months, false)},
		// No months left and short: no pace, the deadline has passed.
		{"deadline passed", passed, 3.8, with(passed, 3.8, 2.8, 3.2, 3.2, 1, 0, true)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			checkGap(t, c.row.WithProjected(c.p), c.want)
		})
	}
}

// with is row with the figures WithProjected works out replaced.
func with(row Gap, projected, additional, gap, shortfall float64, short int, pace float64, passed bool) Gap {
	row.ProjectedFTE, row.AdditionalFTE, row.GapFTE, row.ShortfallFTE = projected, additional, gap, shortfall
	row.PCNsShort, row.RequiredPace, row.DeadlinePassed = short, pace, passed
	return row
}

func TestDiffersFTE(t *testing.T) {
	t.Parallel()
	cases := []struct {
		a, b float64
		want bool
	}{
		{3.8, 3.8, false},
		{0.1 + 0.2, 0.3, false}, // binary noise is no difference
		{1.004, 1, false},       // both 1.00
		{1.005, 1, true},        // 1.01 against 1.00: half rounds away from zero
		{1, 1.01, true},
		{-0.004, 0, false},
	}
	for _, c := range cases {
		if got := workforce.DiffersFTE(c.a, c.b); got != c.want {
			t.Errorf("workforce.DiffersFTE(%v, %v) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}
