package planning

import (
	"reflect"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// TestPlanWarnings: a cost above the highest cap of the role's variants in force on
// the quarter's start, and a role over its cap on numbers (once, at the first quarter
// over), outside the window ignored.
func TestPlanWarnings(t *testing.T) {
	t.Parallel()
	d := workforce.Date
	cost := func(p workforce.Pence) *workforce.Pence { return &p }
	caps := []workforce.Cap{
		{RoleCode: "gpn", Variant: "new", EffectiveFrom: d(2025, time.April, 1), Pence: 4000000},
		{RoleCode: "gpn", Variant: "experienced", EffectiveFrom: d(2025, time.April, 1), Pence: 4500000},
		{RoleCode: "gpn", Variant: "experienced", EffectiveFrom: d(2026, time.October, 1), Pence: 4600000},
	}
	lines := []workforce.PlanLine{
		{RoleCode: "gpn", QuarterStart: d(2026, time.April, 1), StartersFTE: 1, AnnualCostPence: cost(4550000)},   // above 45,000
		{RoleCode: "gpn", QuarterStart: d(2026, time.October, 1), StartersFTE: 1, AnnualCostPence: cost(4550000)}, // within 46,000
		{RoleCode: "gpn", QuarterStart: d(2025, time.April, 1), StartersFTE: 1, AnnualCostPence: cost(9000000)},   // outside the window
		{RoleCode: "digital_transformation_lead", QuarterStart: d(2026, time.July, 1), StartersFTE: 0.5},
		{RoleCode: "digital_transformation_lead", QuarterStart: d(2027, time.January, 1), StartersFTE: 0.5},
	}
	c := PlanChecks{Lines: lines, Caps: caps, Window: workforce.PlanWindowAt(d(2026, time.May, 1)),
		Roles: []workforce.Role{{Code: "gpn"}, {Code: "digital_transformation_lead"}}, AsOf: d(2026, time.March, 31),
		InPost: map[string]float64{"digital_transformation_lead": 0.5}, ListSize: 120_000}
	want := []PlanWarning{
		{RoleCode: "gpn", Quarter: workforce.Quarter{Year: 2026, N: 1}, CostPence: 4550000, CapPence: 4500000},
		{RoleCode: "digital_transformation_lead", Quarter: workforce.Quarter{Year: 2026, N: 4}, OverNumbers: true, FTE: 1.5, LimitFTE: 1},
	}
	if got := PlanWarnings(c); !reflect.DeepEqual(got, want) {
		t.Errorf("warnings %+v\nwant     %+v", got, want)
	}
	c.AsOf = time.Time{} // no census: no caps on numbers
	if got := PlanWarnings(c); len(got) != 1 {
		t.Errorf("without a census: %+v", got)
	}
}

// TestPlanWarningsARRSOnly: a £120,000 GP on the practice scheme or on other money is
// not "above the ARRS cap" (£105,882): only ARRS lines are claimed against it.
func TestPlanWarningsARRSOnly(t *testing.T) {
	t.Parallel()
	cost := workforce.Pence(12000000)
	q := workforce.Date(2026, time.July, 1)
	caps := []workforce.Cap{{RoleCode: "gp", EffectiveFrom: workforce.Date(2025, time.April, 1), Pence: 10588200}}
	window := workforce.PlanWindowAt(workforce.Date(2026, time.May, 1))
	for _, c := range []struct {
		stream workforce.Stream
		want   int
	}{{workforce.StreamARRS, 1}, {workforce.StreamPracticeGP, 0}, {workforce.StreamOther, 0}} {
		lines := []workforce.PlanLine{{RoleCode: "gp", QuarterStart: q, StartersFTE: 1, AnnualCostPence: &cost, Stream: c.stream}}
		if got := len(PlanWarnings(PlanChecks{Lines: lines, Caps: caps, Window: window})); got != c.want {
			t.Errorf("%s: %d warnings, want %d", c.stream, got, c.want)
		}
	}
}

// TestPlanWarningsBandCap: a GP's own cap is £92,462 from October 2024, its band's
// £105,882 from April 2025 (DOMAIN.md): the later one is the cap, as the money claims
// it, so £100,000 in 2027 is within it and £110,000 above it.
func TestPlanWarningsBandCap(t *testing.T) {
	t.Parallel()
	caps := []workforce.Cap{{RoleCode: "gp", EffectiveFrom: workforce.Date(2024, time.October, 1), Pence: 9246200}}
	bands := []workforce.BandCap{{Band: "GP", EffectiveFrom: workforce.Date(2025, time.April, 1), Pence: 10588200}}
	q := workforce.Date(2027, time.April, 1)
	window := workforce.PlanWindowAt(workforce.Date(2026, time.December, 7))
	for _, c := range []struct {
		cost workforce.Pence
		want []PlanWarning
	}{
		{10000000, nil},
		{11000000, []PlanWarning{{RoleCode: "gp", Quarter: workforce.QuarterOf(q), CostPence: 11000000, CapPence: 10588200}}},
	} {
		lines := []workforce.PlanLine{{RoleCode: "gp", QuarterStart: q, StartersFTE: 1, AnnualCostPence: &c.cost}}
		if got := PlanWarnings(PlanChecks{Lines: lines, Caps: caps, BandCaps: bands, Window: window}); !reflect.DeepEqual(got, c.want) {
			t.Errorf("£%d: %+v, want %+v", c.cost/100, got, c.want)
		}
	}
}
