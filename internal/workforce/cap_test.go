package workforce

import (
	"strings"
	"testing"
)

func TestCapValidate(t *testing.T) {
	t.Parallel()
	paramedic := Role{Code: "paramedic", Name: "Paramedic", Added: Date(2020, 4, 1)}
	good := Cap{RoleCode: "paramedic", EffectiveFrom: Date(2026, 4, 1), Pence: 55_000_00}
	for _, c := range []struct {
		name  string
		cap   func(Cap) Cap
		field string
		msg   string
	}{
		{"good", func(c Cap) Cap { return c }, "", ""},
		{"variant", func(c Cap) Cap { c.Variant = "Experienced"; return c }, "variant", "lower-case"},
		{"before the role", func(c Cap) Cap { c.EffectiveFrom = Date(2019, 4, 1); return c }, "from", "Paramedic could only be claimed from 1 April 2020"},
		{"far future", func(c Cap) Cap { c.EffectiveFrom = Date(2101, 1, 1); return c }, "from", "before 2100"},
		{"too small", func(c Cap) Cap { c.Pence = MinCapPence - 1; return c }, "amount", "between £10,000 and £250,000"},
		{"too large", func(c Cap) Cap { c.Pence = MaxCapPence + 1; return c }, "amount", "between £10,000 and £250,000"},
	} {
		ps := c.cap(good).Validate(paramedic)
		if c.field == "" {
			if len(ps) != 0 {
				t.Errorf("%s: %v", c.name, ps)
			}
			continue
		}
		if len(ps) != 1 || ps[0].Field != c.field || !strings.Contains(ps[0].Message, c.msg) {
			t.Errorf("%s: %v, want %s: %q", c.name, ps, c.field, c.msg)
		}
	}
	if got := (Cap{Variant: "experienced"}).Name("General practice nurse"); got != "General practice nurse (experienced)" {
		t.Errorf("Name: %q", got)
	}
	if r, ok := RoleOf([]Role{paramedic}, "paramedic"); !ok || r.Name != "Paramedic" {
		t.Error("RoleOf")
	}
}
