package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/arrs-planner/arrs/internal/integration"
	"github.com/arrs-planner/arrs/internal/integrationreport"
	"github.com/arrs-planner/arrs/internal/workforce"
)

const integrationHeader = "level,code,name,arrs_staff,no_supervisor,over_two_practices,appraisal_overdue,no_records_access,no_service,pulse_responses"

// integrationRows are a PCN keeping every record with a closed round of the pulse, an
// ICB where only supervision is known (a 0 among them) and none has closed a round,
// and an area keeping nothing.
func integrationRows() []integrationreport.Row {
	all := map[integration.Warning]bool{}
	for _, w := range integration.Warnings {
		all[w] = true
	}
	return []integrationreport.Row{
		{Level: workforce.LevelPCN, Code: "U1", Name: "=North", PulseResponses: 7, PulseKnown: true, Counts: integration.Counts{
			ARRSStaff: 12, Known: all, Count: map[integration.Warning]int{integration.NoSupervisor: 1, integration.OverTwoPractices: 2,
				integration.AppraisalOverdue: 3, integration.NoRecordsAccess: 4, integration.NoService: 5}}},
		{Level: workforce.LevelICB, Code: "QAA", Name: "Supervision only", Counts: integration.Counts{ARRSStaff: 30,
			Known: map[integration.Warning]bool{integration.NoSupervisor: true}, Count: map[integration.Warning]int{}}},
		{Level: workforce.LevelICB, Code: "QBB", Name: "Nothing kept"},
	}
}

func TestWriteIntegration(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	if err := WriteIntegration(&b, CSV, integrationRows()); err != nil {
		t.Fatal(err)
	}
	want := integrationHeader + "\n" +
		"pcn,U1,=North,12,1,2,3,4,5,7\n" +
		"icb,QAA,Supervision only,30,0,,,,,\n" +
		"icb,QBB,Nothing kept,0,,,,,,\n"
	if got := b.String(); got != want {
		t.Errorf("CSV:\n%s\nwant:\n%s", got, want)
	}
	if strings.Join(IntegrationHeader(), ",") != integrationHeader {
		t.Errorf("IntegrationHeader %v", IntegrationHeader())
	}
	b.Reset()
	if err := WriteIntegration(&b, JSON, integrationRows()); err != nil {
		t.Fatal(err)
	}
	var decoded []map[string]any
	if err := json.Unmarshal(b.Bytes(), &decoded); err != nil || len(decoded) != 3 {
		t.Fatalf("JSON: %v %s", err, b.String())
	}
	if d := decoded[0]; d["no_service"] != 5.0 || d["pulse_responses"] != 7.0 || d["arrs_staff"] != 12.0 || d["code"] != "U1" {
		t.Errorf("JSON U1 %v", d)
	}
	if d := decoded[1]; d["no_supervisor"] != 0.0 || d["no_service"] != nil || d["pulse_responses"] != nil {
		t.Errorf("JSON QAA: want 0 known, the rest null: %v", d)
	}
	if v, ok := decoded[2]["over_two_practices"]; !ok || v != nil {
		t.Errorf("JSON QBB over_two_practices = %v (present %v), want null", v, ok)
	}
	b.Reset()
	if err := WriteIntegration(&b, Table, integrationRows()); err != nil || !strings.Contains(b.String(), "no data") {
		t.Errorf("table: %v\n%s", err, b.String())
	}
}

// The download escapes a name a spreadsheet would read as a formula; XLSX is a workbook.
func TestWriteIntegrationFile(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	if err := WriteIntegrationFile(&b, CSV, integrationRows()); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "pcn,U1,'=North,12,") {
		t.Errorf("the name is not escaped:\n%s", b.String())
	}
	b.Reset()
	if err := WriteIntegrationFile(&b, XLSX, integrationRows()); err != nil || !bytes.HasPrefix(b.Bytes(), []byte("PK")) {
		t.Errorf("XLSX: %v", err)
	}
}
