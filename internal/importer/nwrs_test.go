package importer

import (
	"bytes"
	"compress/gzip"
	"errors"
	"strings"
	"testing"
)

const header = "Data_source,CENSUS_YEAR,CENSUS_MONTH,PCN_CODE,PCN_NAME,SUB_ICB_CODE,SUB_ICB_NAME,ICB_CODE,ICB_NAME,COMM_REGION_CODE,COMM_REGION_NAME,STAFF_GROUP,STAFF_ROLE,DETAILED_STAFF_ROLE,FTE,UNIQUE_IDENTIFIER"

var mapping = map[string]string{"Pharmacists": "clinical_pharmacist"}

func row(fte, id string) string {
	return "NWRS Staff,2025,11,U60057,SHREWSBURY PCN,M2L0M,Sub,QOC,NHS Shropshire ICB,Y60,Midlands,Other Direct Patient Care staff,Pharmacists,Pharmacist," + fte + "," + id
}

func TestReadNWRSFormats(t *testing.T) {
	t.Parallel()
	body := header + "\n" + row("0.946667", "1") + "\n" +
		`"NWRS contracted services",2025,11,U60057,"SHREWSBURY PCN","M2L0M","Sub, with comma",QOC,ICB,Y60,Midlands,Other Admin/Non-clinical staff,Receptionists,Receptionist,2,` + "\n"
	variants := map[string]string{
		"LF":               body,
		"CRLF":             strings.ReplaceAll(body, "\n", "\r\n"),
		"BOM":              "\ufeff" + body,
		"no final newline": strings.TrimSuffix(body, "\n"),
	}
	for name, text := range variants {
		snap, err := ReadNWRS("f.csv", strings.NewReader(text), mapping)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if snap.Rows != 2 || len(snap.Records) != 2 || snap.Census.Format("2006-01-02") != "2025-11-30" {
			t.Errorf("%s: rows %d records %d census %s", name, snap.Rows, len(snap.Records), snap.Census)
		}
		if got := snap.Records[0]; got.FTE != 0.946667 || got.RoleCode != "clinical_pharmacist" || got.UniqueIdentifier != "1" {
			t.Errorf("%s: first record %+v", name, got)
		}
		if got := snap.Records[1]; got.RoleCode != "" || got.Source != "NWRS contracted services" || got.FTE != 2 {
			t.Errorf("%s: contracted record %+v", name, got)
		}
		if snap.ARRSFTE != 0.946667 || snap.FTE != 2.946667 {
			t.Errorf("%s: FTE %v ARRS %v", name, snap.FTE, snap.ARRSFTE)
		}
	}
}

func TestReadNWRSColumnsInAnyOrder(t *testing.T) {
	t.Parallel()
	text := "FTE,extra,UNIQUE_IDENTIFIER,Data_source,CENSUS_YEAR,CENSUS_MONTH,PCN_CODE,PCN_NAME,SUB_ICB_CODE,SUB_ICB_NAME,ICB_CODE,ICB_NAME,COMM_REGION_CODE,COMM_REGION_NAME,STAFF_GROUP,STAFF_ROLE,DETAILED_STAFF_ROLE\n" +
		"0.5,ignored,7,NWRS Staff,2025,11,U10001,P,S,SN,I,IN,Y60,R,G,Pharmacists,Pharmacist\n"
	snap, err := ReadNWRS("f.csv", strings.NewReader(text), mapping)
	if err != nil {
		t.Fatal(err)
	}
	if r := snap.Records[0]; r.FTE != 0.5 || r.UniqueIdentifier != "7" || r.PCNCode != "U10001" || r.RoleCode != "clinical_pharmacist" {
		t.Errorf("record %+v", r)
	}
}

func TestReadNWRSGzip(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write([]byte(header + "\n" + row("1", "1") + "\n"))
	zw.Close()
	snap, err := ReadNWRS("f.csv.gz", &buf, mapping)
	if err != nil || snap.Rows != 1 {
		t.Fatalf("gzip: %v %+v", err, snap)
	}
}

func TestReadNWRSSumsOnePersonsContractsInOneRole(t *testing.T) {
	t.Parallel()
	text := header + "\n" + row("0.4", "9") + "\n" + row("0.3", "9") + "\n" + row("1", "10") + "\n"
	snap, err := ReadNWRS("f.csv", strings.NewReader(text), mapping)
	if err != nil {
		t.Fatal(err)
	}
	if len(snap.Records) != 2 || snap.Records[0].FTE != 0.7 || snap.Records[0].SourceRows != 2 {
		t.Errorf("records %+v", snap.Records)
	}
}

func TestReadNWRSRejects(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, text string
		line       int
		column     string
		reason     string
	}{
		{"empty file", "", 1, "", "empty"},
		{"header only", header + "\n", 2, "", "no rows"},
		{"missing column", strings.Replace(header, ",FTE", "", 1) + "\n", 1, "FTE", "missing"},
		{"semicolons", strings.ReplaceAll(header, ",", ";") + "\n", 1, "", "semicolons"},
		{"non-numeric FTE", header + "\n" + row("1", "1") + "\n" + row("one", "2") + "\n", 3, "FTE", "expected a number"},
		{"negative FTE", header + "\n" + row("-0.5", "1") + "\n", 2, "FTE", "negative"},
		{"huge FTE", header + "\n" + row("500", "1") + "\n", 2, "FTE", "more than"},
		{"bad census month", header + "\n" + strings.Replace(row("1", "1"), ",2025,11,", ",2025,13,", 1) + "\n", 2, "CENSUS_MONTH", "1 to 12"},
		{"census month not a number", header + "\n" + strings.Replace(row("1", "1"), ",2025,11,", ",2025,Nov,", 1) + "\n", 2, "CENSUS_MONTH", "1 to 12"},
		{"mixed census months", header + "\n" + row("1", "1") + "\n" + strings.Replace(row("1", "2"), ",2025,11,", ",2025,10,", 1) + "\n", 3, "CENSUS_MONTH", "differs"},
		{"truncated line", header + "\n" + row("1", "1") + "\n" + "NWRS Staff,2025,11,U60057,SHREWSBURY PCN\n", 3, "", "wrong number of fields"},
		{"unknown data source", header + "\n" + strings.Replace(row("1", "1"), "NWRS Staff", "Other", 1) + "\n", 2, "Data_source", "expected"},
		{"staff row without identifier", header + "\n" + row("1", "") + "\n", 2, "UNIQUE_IDENTIFIER", "empty"},
		{"invalid UTF-8", header + "\n" + strings.Replace(row("1", "1"), "SHREWSBURY", "SHREWSBURY\xff", 1) + "\n", 2, "PCN_NAME", "UTF-8"},
		{"unclosed quote", header + "\n" + row("1", "1") + "\n" + `NWRS Staff,"2025,11` + "\n", 3, "", "quote"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			snap, err := ReadNWRS("bad.csv", strings.NewReader(c.text), mapping)
			var re *RowError
			if !errors.As(err, &re) {
				t.Fatalf("want a RowError, got %v (snapshot %v)", err, snap)
			}
			if snap != nil {
				t.Error("a rejected file must return no snapshot")
			}
			if re.Line != c.line || !strings.EqualFold(re.Column, c.column) || !strings.Contains(re.Reason, c.reason) {
				t.Errorf("got %q (line %d, column %q); want line %d, column %q, reason containing %q", err, re.Line, re.Column, c.line, c.column, c.reason)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("the message must be one line: %q", err)
			}
		})
	}
}
