package importer

import (
	"strings"
	"testing"

	"github.com/arrs-planner/arrs/internal/workforce"
)

func TestReadPlansFormats(t *testing.T) {
	t.Parallel()
	body := "pcn_code,role_code,quarter,starters_fte,leavers_fte,annual_cost_gbp\n" +
		"U60057,clinical_pharmacist,2026/27 Q1,2,0,55000.505\n" +
		`"U60057","paramedic","2026/27 Q3","1.2345678","0.5",""` + "\n" +
		"U79722,clinical_pharmacist,2026/27 Q1,1,0,10000\n"
	variants := map[string]string{
		"LF":               body,
		"CRLF":             strings.ReplaceAll(body, "\n", "\r\n"),
		"BOM":              "\ufeff" + body,
		"no final newline": strings.TrimSuffix(body, "\n"),
		"any order and case": "Annual_Cost_GBP,Quarter,PCN_Code,leavers_fte,Role_Code,starters_fte,note\n" +
			"55000.505,2026/27 Q1,U60057,0,clinical_pharmacist,2,\"x, y\"\n" +
			",2026/27 Q3,U60057,0.5,paramedic,1.2345678,\n" +
			"10000,2026/27 Q1,U79722,0,clinical_pharmacist,1,\n",
	}
	q1, q3 := workforce.Quarter{Year: 2026, N: 1}, workforce.Quarter{Year: 2026, N: 3}
	for name, text := range variants {
		plan, err := ReadPlans("plan.csv", strings.NewReader(text), known)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(plan) != 3 {
			t.Fatalf("%s: got %d lines", name, len(plan))
		}
		first, second, third := plan[0], plan[1], plan[2]
		if first.PCNCode != "U60057" || first.RoleCode != "clinical_pharmacist" || !first.QuarterStart.Equal(q1.Start()) ||
			first.StartersFTE != 2 || first.LeaversFTE != 0 || first.AnnualCostPence == nil || *first.AnnualCostPence != 5500051 {
			t.Errorf("%s: first line %+v (cost %v): £55,000.505 rounds half away from zero to 5,500,051p", name, first, first.AnnualCostPence)
		}
		if !second.QuarterStart.Equal(q3.Start()) || second.StartersFTE != 1.234568 || second.LeaversFTE != 0.5 || second.AnnualCostPence != nil {
			t.Errorf("%s: second line %+v: FTE keeps 6 decimals, an empty cost is nil", name, second)
		}
		if third.AnnualCostPence == nil || *third.AnnualCostPence != 10_000_00 {
			t.Errorf("%s: a cost of £10,000 is the lowest allowed: %v", name, third.AnnualCostPence)
		}
	}
}

func TestReadPlansRejects(t *testing.T) {
	t.Parallel()
	const h = "pcn_code,role_code,quarter,starters_fte,leavers_fte,annual_cost_gbp\n"
	good := "U60057,clinical_pharmacist,2026/27 Q1,1,0,50000\n"
	cases := []rejectCase{
		{"empty file", "", 1, "", "empty"},
		{"header only", h, 2, "", "no rows"},
		{"missing column", strings.Replace(h, ",leavers_fte", "", 1) + "U60057,clinical_pharmacist,2026/27 Q1,1,5\n", 1, "leavers_fte", "missing"},
		{"unknown PCN", h + good + "U99999,clinical_pharmacist,2026/27 Q1,1,0,\n", 3, "pcn_code", `unknown PCN code "U99999"`},
		{"unknown role", h + "U60057,pharmacist,2026/27 Q1,1,0,\n", 2, "role_code", `unknown role code "pharmacist"`},
		{"bad quarter", h + "U60057,clinical_pharmacist,2026-27 Q1,1,0,\n", 2, "quarter", "want YYYY/YY"},
		{"quarter 5", h + "U60057,clinical_pharmacist,2026/27 Q5,1,0,\n", 2, "quarter", "YYYY/YY Qn"},
		{"years that do not follow", h + "U60057,clinical_pharmacist,2026/28 Q1,1,0,\n", 2, "quarter", "does not follow"},
		{"before the role joined ARRS", h + "U60057,paramedic,2020/21 Q4,1,0,\n", 2, "quarter", "2020/21 Q4 starts on 2021-01-01, before paramedic joined ARRS on 2021-04-01"},
		{"negative starters", h + "U60057,clinical_pharmacist,2026/27 Q1,-1,0,\n", 2, "starters_fte", "negative"},
		{"non-numeric leavers", h + "U60057,clinical_pharmacist,2026/27 Q1,1,two,\n", 2, "leavers_fte", "expected an FTE"},
		{"empty starters", h + "U60057,clinical_pharmacist,2026/27 Q1,,0,\n", 2, "starters_fte", "write 0"},
		{"starters above 50", h + "U60057,clinical_pharmacist,2026/27 Q1,50.5,0,\n", 2, "starters_fte", "more than 50"},
		{"negative cost", h + "U60057,clinical_pharmacist,2026/27 Q1,1,0,-5\n", 2, "annual_cost_gbp", "negative"},
		{"non-numeric cost", h + "U60057,clinical_pharmacist,2026/27 Q1,1,0,lots\n", 2, "annual_cost_gbp", "expected pounds"},
		{"cost with a pound sign", h + "U60057,clinical_pharmacist,2026/27 Q1,1,0,£50000\n", 2, "annual_cost_gbp", "expected pounds"},
		{"cost in pence", h + "U60057,clinical_pharmacist,2026/27 Q1,1,0,5000000\n", 2, "annual_cost_gbp", "between £10,000 and £250,000"},
		{"cost of nothing", h + "U60057,clinical_pharmacist,2026/27 Q1,1,0,0\n", 2, "annual_cost_gbp", "between £10,000 and £250,000"},
		{"cost above the plan page's", h + "U60057,clinical_pharmacist,2026/27 Q1,1,0,250000.01\n", 2, "annual_cost_gbp", "is 250000.01; the annual cost"},
		{"duplicate", h + good + "U60057,paramedic,2026/27 Q1,1,0,\n" + good, 4, "quarter", "duplicate of line 2"},
		{"invalid UTF-8", h + "U60057,clinical_pharmacist,2026/27 Q1,1,0,\xff\n", 2, "annual_cost_gbp", "UTF-8"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			plan, err := ReadPlans("bad.csv", strings.NewReader(c.text), known)
			if plan != nil {
				t.Error("a rejected file must return nothing")
			}
			c.check(t, err)
		})
	}
}

func TestReadPlansQuarterOnTheDayTheRoleJoined(t *testing.T) {
	t.Parallel()
	// Paramedics joined on 1 April 2021, the first day of 2021/22 Q1: allowed.
	text := "pcn_code,role_code,quarter,starters_fte,leavers_fte,annual_cost_gbp\nU60057,paramedic,2021/22 Q1,1,0,\n"
	if _, err := ReadPlans("p.csv", strings.NewReader(text), known); err != nil {
		t.Error(err)
	}
}
