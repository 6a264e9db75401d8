package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/workforce"
)

func TestFormatPopulation(t *testing.T) {
	t.Parallel()
	for in, want := range map[float64]string{
		45415:         "45415",
		45415.5:       "45415.5",
		45415.125:     "45415.125",
		45415.1254:    "45415.125",
		63706897:      "63706897",
		0.1 + 0.2:     "0.3", // binary noise cleared
		-0.0001:       "0",
		1234567.0005:  "1234567.001", // half away from zero at the 3rd decimal
		100000000.000: "100000000",
	} {
		if got := FormatPopulation(in); got != want {
			t.Errorf("FormatPopulation(%v) = %q, want %q", in, got, want)
		}
	}
}

func TestWriteGaps(t *testing.T) {
	t.Parallel()
	rows := []planning.Gap{
		{Level: workforce.LevelPCN, Code: "U1", WeightedPopulation: 50000.5, TargetFTE: 23.549587, BaselineFTE: 2.5,
			InPostFTE: 11.78, ProjectedFTE: 12.711485, AdditionalFTE: 10.211485, GapFTE: 13.338102, ShortfallFTE: 13.338102, PCNsShort: 1},
		// U2 made no return (PLANNING.md, "No return"): 0 FTE, flagged in no_return.
		{Level: workforce.LevelPCN, Code: "U2", WeightedPopulation: 40000, TargetFTE: 1.005, GapFTE: -0.001, PCNsShort: 0, NoReturnPCNs: 1},
	}
	named := GapRows(rows, func(l workforce.Level, code string) string { return "PCN " + code })
	var b bytes.Buffer
	if err := WriteGaps(&b, CSV, named); err != nil {
		t.Fatal(err)
	}
	want := "level,code,name,weighted_population,target_fte,baseline_fte,in_post_fte,projected_fte,additional_fte,gap_fte,shortfall_fte,pcns_short,no_return\n" +
		"pcn,U1,PCN U1,50000.50,23.55,2.50,11.78,12.71,10.21,13.34,13.34,1,0\n" +
		"pcn,U2,PCN U2,40000.00,1.01,0.00,0.00,0.00,0.00,0.00,0.00,0,1\n" // 1.005 rounds up; -0.001 has no sign
	if got := b.String(); got != want {
		t.Errorf("CSV:\n%s\nwant:\n%s", got, want)
	}
	b.Reset()
	if err := WriteGaps(&b, JSON, named); err != nil {
		t.Fatal(err)
	}
	var decoded []map[string]any
	if err := json.Unmarshal(b.Bytes(), &decoded); err != nil || len(decoded) != 2 || decoded[0]["target_fte"] != 23.549587 || decoded[0]["name"] != "PCN U1" {
		t.Errorf("JSON: %v %s", err, b.String())
	}
	b.Reset()
	if err := WriteGaps(&b, Table, named); err != nil || !strings.Contains(b.String(), "23.5") || strings.Count(b.String(), "\n") != 3 {
		t.Errorf("table: %v\n%s", err, b.String())
	}
}

// TestWriteGapsUnknown writes a PCN row measured before the data start: in post,
// projected, additional, gap, shortfall, PCNs short and no return are empty cells in CSV, never
// 0.00, "no data" in the table and null in JSON; the fair share and baseline stay.
func TestWriteGapsUnknown(t *testing.T) {
	t.Parallel()
	g := planning.Gap{Level: workforce.LevelPCN, Code: "U1", WeightedPopulation: 1000, TargetFTE: 4, BaselineFTE: 0,
		Unknown: planning.Unknown{InPostUnknown: true, ProjectedUnknown: true, ShortfallUnknown: true}}
	named := GapRows([]planning.Gap{g}, func(workforce.Level, string) string { return "P" })
	var b bytes.Buffer
	if err := WriteGaps(&b, CSV, named); err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Split(b.String(), "\n")[1], "pcn,U1,P,1000.00,4.00,0.00,,,,,,,"; got != want {
		t.Errorf("CSV row %q, want %q", got, want)
	}
	b.Reset()
	if err := WriteGaps(&b, Table, named); err != nil || strings.Count(b.String(), "no data") != 7 {
		t.Errorf("table: %v\n%s", err, b.String())
	}
	b.Reset()
	var decoded []map[string]any
	if err := WriteGaps(&b, JSON, named); err != nil || json.Unmarshal(b.Bytes(), &decoded) != nil ||
		decoded[0]["gap_fte"] != nil || decoded[0]["target_fte"] != 4.0 {
		t.Errorf("JSON: %v %s", err, b.String())
	}
}
