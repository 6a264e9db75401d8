package planning

import (
	"testing"

	"github.com/arrs-planner/arrs/internal/workforce"
)

func TestNumberCap(t *testing.T) {
	t.Parallel()
	cases := []struct {
		role  string
		year  workforce.FinancialYear
		list  int
		limit float64
		ok    bool
	}{
		{"pharmacy_technician", 2020, 45_000, 1, true},
		{"pharmacy_technician", 2020, 100_000, 2, true},
		{"pharmacy_technician", 2021, 45_000, 0, false},
		{"advanced_practitioner", 2022, 99_999, 2, true},
		{"advanced_practitioner", 2023, 120_000, 6, true},
		{"advanced_practitioner", 2024, 45_000, 0, false},
		{"digital_transformation_lead", 2021, 45_000, 0, false},
		{"digital_transformation_lead", 2022, 45_000, 1, true},
		{"digital_transformation_lead", 2028, 150_000, 1, true},
		{"enhanced_practice_nurse", 2024, 100_000, 2, true},
		{"enhanced_practice_nurse", 2025, 100_000, 0, false},
		{"clinical_pharmacist", 2026, 45_000, 0, false},
	}
	for _, c := range cases {
		limit, ok := NumberCap(c.role, c.year, c.list)
		if limit != c.limit || ok != c.ok {
			t.Errorf("NumberCap(%s, %s, %d) = %v, %v; want %v, %v", c.role, c.year, c.list, limit, ok, c.limit, c.ok)
		}
	}
}
