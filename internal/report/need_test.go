package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/arrs-planner/arrs/internal/need"
	"github.com/arrs-planner/arrs/internal/needreport"
	"github.com/arrs-planner/arrs/internal/workforce"
)

const needHeader = "level,code,name,registered_patients,need_population,denominator,observed_fte,expected_fte,ratio,lower_95,upper_95,lower_998,upper_998,outside_998"

// needRows are a PCN outside its 99.8% limits, one with no age data inside them, an
// area before the data start (no observed or expected) and one with no expected FTE.
func needRows() []needreport.Row {
	return []needreport.Row{
		{Level: workforce.LevelPCN, Code: "U1", Name: "=North", Registered: 50000, Need: 61234.5678, Denominator: need.Need,
			Known: true, Observed: 2.5, Expected: 12.345678, HasRatio: true, Ratio: 2.5 / 12.345678,
			Limits: need.Limits{Lower95: 0.512345, Upper95: 1.61234, Lower998: 0.3456789, Upper998: 1.98765}, Outside998: true},
		{Level: workforce.LevelPCN, Code: "U2", Name: "South", Registered: 40000, Need: 40000, Denominator: need.List,
			Known: true, Observed: 10.005, Expected: 9.8, HasRatio: true, Ratio: 10.005 / 9.8,
			Limits: need.Limits{Lower95: 0.5, Upper95: 1.7, Lower998: 0.3, Upper998: 2.1}},
		{Level: workforce.LevelICB, Code: "QAA", Name: "Before", Registered: 90000, Need: 101234.5678, Denominator: need.Need},
		{Level: workforce.LevelICB, Code: "QBB", Name: "Empty", Denominator: need.List, Known: true},
	}
}

func TestWriteNeed(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	if err := WriteNeed(&b, CSV, needRows()); err != nil {
		t.Fatal(err)
	}
	want := needHeader + "\n" +
		"pcn,U1,=North,50000,61234.57,need,2.50,12.35,0.2025,0.5123,1.6123,0.3457,1.9877,1\n" +
		"pcn,U2,South,40000,40000.00,list,10.01,9.80,1.0209,0.5000,1.7000,0.3000,2.1000,0\n" +
		"icb,QAA,Before,90000,101234.57,need,,,,,,,,\n" +
		"icb,QBB,Empty,0,0.00,list,0.00,0.00,,,,,,\n"
	if got := b.String(); got != want {
		t.Errorf("CSV:\n%s\nwant:\n%s", got, want)
	}
	if strings.Join(NeedHeader(), ",") != needHeader {
		t.Errorf("NeedHeader %v", NeedHeader())
	}
	b.Reset()
	if err := WriteNeed(&b, JSON, needRows()); err != nil {
		t.Fatal(err)
	}
	var decoded []map[string]any
	if err := json.Unmarshal(b.Bytes(), &decoded); err != nil || len(decoded) != 4 {
		t.Fatalf("JSON: %v %s", err, b.String())
	}
	if d := decoded[0]; d["registered_patients"] != 50000.0 || d["outside_998"] != true || d["ratio"] != 0.2025 || d["need_population"] != 61234.5678 {
		t.Errorf("JSON U1 %v", d)
	}
	if d := decoded[2]; d["observed_fte"] != nil || d["ratio"] != nil || d["outside_998"] != nil || d["need_population"] != 101234.5678 {
		t.Errorf("JSON QAA (before the data start) %v", d)
	}
	b.Reset()
	if err := WriteNeed(&b, Table, needRows()); err != nil || !strings.Contains(b.String(), "no data") || !strings.Contains(b.String(), "0.2025") {
		t.Errorf("table: %v\n%s", err, b.String())
	}
}

// The download escapes a name a spreadsheet would read as a formula; the command's CSV
// writes it as it is.
func TestWriteNeedFile(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	if err := WriteNeedFile(&b, CSV, needRows()); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "pcn,U1,'=North,50000,") {
		t.Errorf("the name is not escaped:\n%s", b.String())
	}
	b.Reset()
	if err := WriteNeedFile(&b, XLSX, needRows()); err != nil || !bytes.HasPrefix(b.Bytes(), []byte("PK")) {
		t.Errorf("xlsx: %v, %d bytes", err, b.Len())
	}
}
