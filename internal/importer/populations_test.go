package importer

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
)

var known = Known{
	PCNs: withManyPCNs(map[string]bool{"U60057": true, "U79722": true}),
	RoleAdded: map[string]time.Time{
		"clinical_pharmacist": workforce.Date(2019, 7, 1),
		"paramedic":           workforce.Date(2021, 4, 1),
	},
}

// manyPCNs is how many PCNs, U10000 upwards, the tests know besides U60057 and
// U79722: enough for manyPopulationRow to write the longest files the tests need.
const manyPCNs = 100

func withManyPCNs(pcns map[string]bool) map[string]bool {
	for i := range manyPCNs {
		pcns[fmt.Sprintf("U1%04d", i)] = true
	}
	return pcns
}

// manyPopulationRow is row i of a long valid populations file: each of the many PCNs
// in turn, a day later each round, from the scheme's first day.
func manyPopulationRow(i int) string {
	return fmt.Sprintf("U1%04d,1000,%s", i%manyPCNs, schemeStart.AddDate(0, 0, i/manyPCNs).Format(time.DateOnly))
}

// popBounds is the day the tests run on, and U60057's registered list (U79722's is unknown).
var popBounds = PopulationBounds{Today: workforce.Date(2026, 12, 7), ListSizes: map[string]int{"U60057": 105122}}

func TestReadPopulationsFormats(t *testing.T) {
	t.Parallel()
	body := "pcn_code,weighted_population,effective_date\n" +
		"U60057,61234.5678,2025-01-01\n" +
		`"U79722","40000","2025-01-01"` + "\n" +
		"U60057,262000,2028-03-07\n"
	variants := map[string]string{
		"LF":               body,
		"CRLF":             strings.ReplaceAll(body, "\n", "\r\n"),
		"BOM":              "\ufeff" + body,
		"no final newline": strings.TrimSuffix(body, "\n"),
		"any order, any case, extra column": "Effective_Date,note,PCN_CODE,Weighted_Population\n" +
			"2025-01-01,x,U60057,61234.5678\n2025-01-01,,U79722,40000\n2028-03-07,\"a, b\",U60057,262000\n",
	}
	for name, text := range variants {
		pops, err := ReadPopulations("p.csv", strings.NewReader(text), known, popBounds)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		want := []workforce.Population{
			{PCNCode: "U60057", EffectiveDate: workforce.Date(2025, 1, 1), Weighted: 61234.568}, // 3 decimals kept
			{PCNCode: "U79722", EffectiveDate: workforce.Date(2025, 1, 1), Weighted: 40000},
			{PCNCode: "U60057", EffectiveDate: workforce.Date(2028, 3, 7), Weighted: 262000}, // 2.49× its list, 15 months ahead
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
	t.Parallel()
	const h = "pcn_code,weighted_population,effective_date\n"
	cases := []rejectCase{
		{"empty file", "", 1, "", "empty"},
		{"header only", h, 2, "", "no rows"},
		{"missing column", "pcn_code,weighted_population\nU60057,1\n", 1, "effective_date", "missing"},
		{"unknown PCN", h + "U79722,1,2025-01-01\nU99999,1,2025-01-01\n", 3, "pcn_code", `unknown PCN code "U99999"`},
		{"empty PCN", h + ",1,2025-01-01\n", 2, "pcn_code", "empty"},
		{"negative population", h + "U60057,-5,2025-01-01\n", 2, "weighted_population", "negative"},
		{"non-numeric population", h + "U60057,lots,2025-01-01\n", 2, "weighted_population", "expected a number"},
		{"thousands separator", h + `U60057,"51,234",2025-01-01` + "\n", 2, "weighted_population", "expected a number"},
		{"not a number at all", h + "U60057,NaN,2025-01-01\n", 2, "weighted_population", "expected a number"},
		{"huge population", h + "U60057,60000000,2025-01-01\n", 2, "weighted_population", "more than 1,000,000 patients"},
		{"past the cap, list unknown", h + "U79722,1000000.5,2025-01-01\n", 2, "weighted_population", "more than 1,000,000 patients"},
		{"ten million", h + "U79722,1,2025-01-01\nU60057,9999999,2025-01-01\n", 3, "weighted_population", "is 9999999, more than 1,000,000 patients"},
		{"just over 2.5× the list", h + "U60057,262806,2025-01-01\n", 2, "weighted_population", "262806 is not plausible for PCN U60057, whose registered list is 105,122 patients: a weighted population is normally within 30% of the list, and one outside 0.5× to 2.5× of it (52,561 to 262,805) is refused"},
		{"under half the list", h + "U60057,52560,2025-01-01\n", 2, "weighted_population", "not plausible"},
		{"before the scheme", h + "U60057,100000,2019-06-30\n", 2, "effective_date", "2019-06-30 is before the ARRS began (2019-07-01)"},
		{"far future", h + "U60057,100000,2100-01-01\n", 2, "effective_date", "2100-01-01 is more than 15 months after today (2026-12-07): the latest allowed is 2028-03-07"},
		{"a day past the window", h + "U60057,100000,2028-03-08\n", 2, "effective_date", "more than 15 months"},
		{"bad date", h + "U79722,1,01/01/2025\n", 2, "effective_date", "YYYY-MM-DD"},
		{"impossible date", h + "U79722,1,2025-02-30\n", 2, "effective_date", "YYYY-MM-DD"},
		{"duplicate", h + "U79722,1,2025-01-01\nU60057,100000,2025-01-01\nU79722,2,2025-01-01\n", 4, "effective_date", "duplicate of line 2"},
		{"truncated line", h + "U60057,1\n", 2, "", "wrong number of fields"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			pops, err := ReadPopulations("bad.csv", strings.NewReader(c.text), known, popBounds)
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
