package importer

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
)

var known = Known{
	PCNs: map[string]bool{"U60057": true, "U79722": true},
	RoleAdded: map[string]time.Time{
		"clinical_pharmacist": workforce.Date(2019, 7, 1),
		"paramedic":           workforce.Date(2021, 4, 1),
	},
}

func TestReadPopulationsFormats(t *testing.T) {
	body := "pcn_code,weighted_population,effective_date\n" +
		"U60057,51234.5678,2025-01-01\n" +
		`"U79722","40000","2025-01-01"` + "\n" +
		"U60057,52000,2026-01-01\n"
	variants := map[string]string{
		"LF":               body,
		"CRLF":             strings.ReplaceAll(body, "\n", "\r\n"),
		"BOM":              "\ufeff" + body,
		"no final newline": strings.TrimSuffix(body, "\n"),
		"any order, any case, extra column": "Effective_Date,note,PCN_CODE,Weighted_Population\n" +
			"2025-01-01,x,U60057,51234.5678\n2025-01-01,,U79722,40000\n2026-01-01,\"a, b\",U60057,52000\n",
	}
	for name, text := range variants {
		pops, err := ReadPopulations("p.csv", strings.NewReader(text), known)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		want := []workforce.Population{
			{PCNCode: "U60057", EffectiveDate: workforce.Date(2025, 1, 1), Weighted: 51234.568}, // 3 decimals kept
			{PCNCode: "U79722", EffectiveDate: workforce.Date(2025, 1, 1), Weighted: 40000},
			{PCNCode: "U60057", EffectiveDate: workforce.Date(2026, 1, 1), Weighted: 52000},
		}
		if len(pops) != len(want) {
			t.Fatalf("%s: got %d rows", name, len(pops))
		}
		for i := range want {
			if pops[i] != want[i] {
				t.Errorf("%s: row %d = %+v, want %+v", name, i, pops[i], want[i])
			}
		}
	}
}

func TestReadPopulationsRejects(t *testing.T) {
	const h = "pcn_code,weighted_population,effective_date\n"
	cases := []rejectCase{
		{"empty file", "", 1, "", "empty"},
		{"header only", h, 2, "", "no rows"},
		{"missing column", "pcn_code,weighted_population\nU60057,1\n", 1, "effective_date", "missing"},
		{"unknown PCN", h + "U60057,1,2025-01-01\nU99999,1,2025-01-01\n", 3, "pcn_code", `unknown PCN code "U99999"`},
		{"empty PCN", h + ",1,2025-01-01\n", 2, "pcn_code", "empty"},
		{"negative population", h + "U60057,-5,2025-01-01\n", 2, "weighted_population", "negative"},
		{"non-numeric population", h + "U60057,lots,2025-01-01\n", 2, "weighted_population", "expected a number"},
		{"thousands separator", h + `U60057,"51,234",2025-01-01` + "\n", 2, "weighted_population", "expected a number"},
		{"not a number at all", h + "U60057,NaN,2025-01-01\n", 2, "weighted_population", "expected a number"},
		{"huge population", h + "U60057,60000000,2025-01-01\n", 2, "weighted_population", "more than"},
		{"bad date", h + "U60057,1,01/01/2025\n", 2, "effective_date", "YYYY-MM-DD"},
		{"impossible date", h + "U60057,1,2025-02-30\n", 2, "effective_date", "YYYY-MM-DD"},
		{"duplicate", h + "U60057,1,2025-01-01\nU79722,1,2025-01-01\nU60057,2,2025-01-01\n", 4, "effective_date", "duplicate of line 2"},
		{"truncated line", h + "U60057,1\n", 2, "", "wrong number of fields"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			pops, err := ReadPopulations("bad.csv", strings.NewReader(c.text), known)
			if pops != nil {
				t.Error("a rejected file must return nothing")
			}
			c.check(t, err)
		})
	}
}

// rejectCase is a file that must be refused, and where and why.
type rejectCase struct {
	name, text string
	line       int
	column     string
	reason     string
}

func (c rejectCase) check(t *testing.T, err error) {
	t.Helper()
	var re *RowError
	if !errors.As(err, &re) {
		t.Fatalf("want a RowError, got %v", err)
	}
	if re.Line != c.line || !strings.EqualFold(re.Column, c.column) || !strings.Contains(re.Reason, c.reason) {
		t.Errorf("got %q (line %d, column %q); want line %d, column %q, reason containing %q", err, re.Line, re.Column, c.line, c.column, c.reason)
	}
	if strings.Contains(err.Error(), "\n") {
		t.Errorf("the message must be one line: %q", err)
	}
}
