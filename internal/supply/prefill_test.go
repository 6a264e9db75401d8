package supply

import (
	"maps"
	"slices"
	"testing"

	"github.com/arrs-planner/arrs/internal/workforce"
)

func TestPrefill(t *testing.T) {
	t.Parallel()
	row := func(year, role string, nq float64) workforce.ExpectedSupply {
		return workforce.ExpectedSupply{ICBCode: "QOC", RoleCode: role, FinancialYear: year, NewlyQualified: nq, Movers: 0.5, Version: 3}
	}
	all := []workforce.ExpectedSupply{
		row("2025/26", "paramedic", 1), row("2025/26", "care_coordinator", 4),
		row("2026/27", "paramedic", 2), row("2026/27", "clinical_pharmacist", 3),
		row("2029/30", "paramedic", 9),
	}
	cases := []struct {
		name  string
		year  workforce.FinancialYear
		from  workforce.FinancialYear
		roles []string
		ok    bool
	}{
		{name: "the previous year", year: 2027, from: 2026, roles: []string{"clinical_pharmacist", "paramedic"}, ok: true},
		// The latest earlier year with a record, over a gap; later years never.
		{name: "the latest earlier year", year: 2028, from: 2026, roles: []string{"clinical_pharmacist", "paramedic"}, ok: true},
		{name: "a year with a record", year: 2026},
		{name: "a year with none before it", year: 2024},
		{name: "a year before the scheme's records", year: 2019},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			from, rows, ok := Prefill(all, c.year)
			if ok != c.ok || from != c.from {
				t.Fatalf("from %v (%v), want %v (%v)", from, ok, c.from, c.ok)
			}
			if got := slices.Sorted(maps.Keys(rows)); !slices.Equal(got, c.roles) {
				t.Errorf("roles %v, want %v", got, c.roles)
			}
			for role, x := range rows {
				if x.FinancialYear != c.year.String() || x.Version != 0 || x.Movers != 0.5 || x.ICBCode != "QOC" {
					t.Errorf("%s: %+v, want a new row of %v", role, x, c.year)
				}
			}
		})
	}
	if _, rows, _ := Prefill(all, 2027); rows["paramedic"].NewlyQualified != 2 {
		t.Errorf("paramedics copied %+v, want 2026/27's 2 newly qualified", rows["paramedic"])
	}
}
