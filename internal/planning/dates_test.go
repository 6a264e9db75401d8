package planning

import (
	"math"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// day parses an ISO date for the tests' tables.
func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// near compares FTE computed in floating point with a hand-worked figure.
func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// pence is a known annual cost of a plan line.
func pence(n workforce.Pence) *workforce.Pence { return &n }
