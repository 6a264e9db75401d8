package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// weighted_population is written like every figure of the gap report, whatever stands
// for w: a registered list (whole), an imported weighted population (3 decimals held)
// or a need-adjusted population (unrounded): 2 decimals in CSV, 1 in the table, 3 in
// JSON; never in exponent form, never with more decimals.
func TestWriteGapsPopulationDecimals(t *testing.T) {
	t.Parallel()
	rows := GapRows([]planning.Gap{
		{Level: workforce.LevelPCN, Code: "LIST", WeightedPopulation: 49792},
		{Level: workforce.LevelPCN, Code: "WEIGHTED", WeightedPopulation: 45415.125},
		{Level: workforce.LevelPCN, Code: "NEED", WeightedPopulation: 51295.2874631},
		{Level: workforce.LevelICB, Code: "ICB", WeightedPopulation: 1957273.641},
		{Level: workforce.LevelEngland, Code: "", WeightedPopulation: 63706897.0049999},
	}, func(workforce.Level, string) string { return "N" })
	var b bytes.Buffer
	if err := WriteGaps(&b, CSV, rows); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	for i, want := range []string{"49792.00", "45415.13", "51295.29", "1957273.64", "63706897.00"} {
		if got := strings.Split(lines[i+1], ",")[3]; got != want {
			t.Errorf("CSV row %d weighted_population %q, want %q", i+1, got, want)
		}
	}
	b.Reset()
	if err := WriteGaps(&b, Table, rows); err != nil || !strings.Contains(b.String(), "1957273.6") || strings.Contains(b.String(), "1957273.64") {
		t.Errorf("table: %v\n%s", err, b.String())
	}
	b.Reset()
	var decoded []map[string]any
	if err := WriteGaps(&b, JSON, rows); err != nil || json.Unmarshal(b.Bytes(), &decoded) != nil || decoded[3]["weighted_population"] != 1957273.641 {
		t.Errorf("JSON: %v %s", err, b.String())
	}
}
