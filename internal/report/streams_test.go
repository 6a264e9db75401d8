package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/funding"
	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// The cash-flow report has PLANNING.md's columns, then staff_data_from; pounds with 2
// decimals (negative positions too), one row a month; its XLSX holds the same cells.
// A month before the staff data (funding.CashKnown) has empty cells, null in JSON,
// never 0.00, and every row names the census.
func TestWriteCashFlow(t *testing.T) {
	t.Parallel()
	y := funding.PCNYear{PCN: "U60057", Year: funding.Year{Year: 2026}}
	for m, start := range y.Year.Year.MonthStarts() {
		y.CashFlow.Months[m].Month = start
	}
	y.CashFlow.Months[0] = planning.CashMonth{Month: time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC), Earned: 416667, CostsPaid: 833333, Net: -833333, Position: -833333}
	var b bytes.Buffer
	if err := WriteCashFlowFile(&b, CSV, CashFlowRows(y)); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&b).ReadAll()
	if err != nil || len(recs) != 13 {
		t.Fatalf("%v: %d rows", err, len(recs))
	}
	if got := strings.Join(recs[0], ","); got != "pcn_code,month,claims_earned_gbp,claims_received_gbp,staff_costs_paid_gbp,net_gbp,cash_position_gbp,staff_data_from" {
		t.Errorf("header %q", got)
	}
	if got := strings.Join(recs[1], ","); got != "U60057,2026-04,4166.67,0.00,8333.33,-8333.33,-8333.33," {
		t.Errorf("April %q", got)
	}
	b.Reset()
	if err := WriteCashFlowFile(&b, XLSX, CashFlowRows(y)); err != nil || !bytes.HasPrefix(b.Bytes(), []byte("PK")) {
		t.Errorf("xlsx: %v", err)
	}

	// The staff data start at the census of 28 February 2026, lag 2: April's receipt
	// (February's claims) is not known, and so no position.
	y.DataStart, y.CashFlow.Lag = time.Date(2026, 2, 28, 0, 0, 0, 0, time.UTC), 2
	b.Reset()
	if err := WriteCashFlow(&b, CSV, CashFlowRows(y)); err != nil {
		t.Fatal(err)
	}
	recs, _ = csv.NewReader(&b).ReadAll()
	for m, want := range map[int]string{1: "U60057,2026-04,4166.67,,8333.33,,,2026-02-28", 2: "U60057,2026-05,0.00,0.00,0.00,0.00,,2026-02-28"} {
		if got := strings.Join(recs[m], ","); got != want {
			t.Errorf("row %d: %q, want %q", m, got, want)
		}
	}
	b.Reset()
	if err := WriteCashFlow(&b, JSON, CashFlowRows(y)[:1]); err != nil {
		t.Fatal(err)
	}
	var out []map[string]any
	if err := json.Unmarshal(b.Bytes(), &out); err != nil || out[0]["claims_received_gbp"] != nil || out[0]["cash_position_gbp"] != nil ||
		out[0]["claims_earned_gbp"] != 4166.67 || out[0]["staff_data_from"] != "2026-02-28" {
		t.Errorf("json %v %s", err, b.String())
	}
}

// The funding report leaves empty (null in JSON), never 0.00, what is not known or
// does not apply: the practice GP scheme's entitlement and headroom with no rate or no
// list, other money's headroom.
func TestWriteFundingUnknown(t *testing.T) {
	t.Parallel()
	rows := []funding.AreaYear{
		{Level: workforce.LevelPCN, Code: "U1", Year: 2025, Stream: workforce.StreamPracticeGP, Committed: 100, Headroom: -100},
		{Level: workforce.LevelPCN, Code: "U2", Year: 2026, Stream: workforce.StreamPracticeGP, Entitlement: 4570000, EntitlementKnown: true,
			Committed: 100, Headroom: 4569900, NoList: 1},
		{Level: workforce.LevelPCN, Code: "U3", Year: 2026, Stream: workforce.StreamOther, EntitlementKnown: true, Committed: 3000000, Headroom: -3000000},
	}
	var b bytes.Buffer
	if err := WriteFunding(&b, CSV, rows); err != nil {
		t.Fatal(err)
	}
	recs, _ := csv.NewReader(&b).ReadAll()
	for i, want := range []string{"pcn,U1,,2025/26,,1.00,0.00,,0,0,", "pcn,U2,,2026/27,45700.00,1.00,0.00,45699.00,0,0,",
		"pcn,U3,,2026/27,0.00,30000.00,0.00,,0,0,"} {
		if got := strings.Join(recs[i+1], ","); got != want {
			t.Errorf("row %d: %q, want %q", i+1, got, want)
		}
	}
	b.Reset()
	if err := WriteFunding(&b, JSON, rows); err != nil {
		t.Fatal(err)
	}
	var out []map[string]any
	if err := json.Unmarshal(b.Bytes(), &out); err != nil || out[0]["entitlement_gbp"] != nil || out[0]["headroom_gbp"] != nil ||
		out[2]["headroom_gbp"] != nil || out[2]["entitlement_gbp"] != 0.0 || out[1]["headroom_gbp"] != 45699.0 {
		t.Errorf("json %v %s", err, b.String())
	}
}

// The practices' file leaves what is not known empty (null in JSON), never 0, and
// escapes names.
func TestWritePractices(t *testing.T) {
	t.Parallel()
	list, pct := 6000, 60.0
	costs := workforce.Pence(123456)
	rows := []funding.PracticeRow{
		{PCN: "U60057", Code: "ZZ0001", Name: "=ABBEY", Year: 2026, Basis: funding.SplitByList, List: &list, Percent: &pct, CostsPence: &costs},
		{PCN: "U60057", Code: "ZZ0004", Name: "DALE", Year: 2026, Basis: funding.SplitByList},
	}
	var b bytes.Buffer
	if err := WritePracticesFile(&b, CSV, rows); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(recs[1], ","); got != "U60057,ZZ0001,'=ABBEY,2026/27,list,60,6000,1234.56,,,," {
		t.Errorf("ZZ0001 %q", got)
	}
	if got := strings.Join(recs[2], ","); got != "U60057,ZZ0004,DALE,2026/27,list,,,,,,," {
		t.Errorf("ZZ0004 %q", got)
	}
	b.Reset()
	if err := WritePractices(&b, JSON, rows[1:]); err != nil {
		t.Fatal(err)
	}
	var out []map[string]any
	if err := json.Unmarshal(b.Bytes(), &out); err != nil || out[0]["list_size"] != nil || out[0]["costs_gbp"] != nil {
		t.Errorf("json %v %s", err, b.String())
	}
}
