package report

import (
	"bytes"
	"reflect"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/importer"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// A downloaded plan uploads back to the same lines, from CSV and from XLSX: FTE keep
// their 6 decimals, costs their pence, an unknown cost stays unknown, each line its
// funding stream.
func TestPlanFileRoundTrip(t *testing.T) {
	t.Parallel()
	cost := workforce.Pence(4_800_050)
	lines := []workforce.PlanLine{
		{PCNCode: "U60057", RoleCode: "paramedic", QuarterStart: workforce.Date(2026, 4, 1), StartersFTE: 1.234568, LeaversFTE: 0.5, AnnualCostPence: &cost, Stream: workforce.StreamARRS},
		{PCNCode: "U60057", RoleCode: "clinical_pharmacist", QuarterStart: workforce.Date(2026, 7, 1), StartersFTE: 2, Stream: workforce.StreamARRS},
		{PCNCode: "U60057", RoleCode: "gp", QuarterStart: workforce.Date(2026, 7, 1), StartersFTE: 1, Stream: workforce.StreamPracticeGP},
		{PCNCode: "U60057", RoleCode: "clinical_pharmacist", QuarterStart: workforce.Date(2026, 7, 1), StartersFTE: 0.5, Stream: workforce.StreamOther},
	}
	known := importer.Known{PCNs: map[string]bool{"U60057": true},
		RoleAdded: map[string]time.Time{"paramedic": workforce.Date(2021, 4, 1), "clinical_pharmacist": workforce.Date(2019, 4, 1), "gp": workforce.Date(2024, 10, 1)}}
	for _, f := range []Format{CSV, XLSX} {
		var b bytes.Buffer
		if err := WritePlan(&b, f, "U60057", lines); err != nil {
			t.Fatal(err)
		}
		got, err := importer.ReadPlanFile("plan."+string(f), bytes.NewReader(b.Bytes()), known)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if !reflect.DeepEqual(got, lines) {
			t.Errorf("%s: read back %+v, want %+v", f, got, lines)
		}
	}
}
