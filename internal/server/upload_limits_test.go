package server

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/binary"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/arrs-planner/arrs/internal/importer"
	"github.com/arrs-planner/arrs/internal/report"
	"github.com/arrs-planner/arrs/internal/sheettest"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// hostileUpload is a file built to cost the server as much as it can (issue 9), the
// status and message that refuse it, and the limit the security log names ("" for a
// file refused as malformed).
type hostileUpload struct {
	name   string
	data   []byte
	status int
	msg    string
	limit  importer.Limit
}

// planColumnsLine is a plan file's header line.
const planColumnsLine = "pcn_code,role_code,quarter,starters_fte,leavers_fte,annual_cost_gbp\n"

func hostileUploads(t *testing.T) []hostileUpload {
	planHeader := planColumnsLine
	return []hostileUpload{
		{"sparse.xlsx", cellWorkbook(t, "XFD1"), http.StatusUnprocessableEntity, "sparse.xlsx: row 1 has 16,384 columns", importer.LimitColumns},
		{"tall.xlsx", cellWorkbook(t, "A60000"), http.StatusUnprocessableEntity, "tall.xlsx: the sheet has more than 10,000 rows (the limit)", importer.LimitRows},
		{"declared.xlsx", declaredHuge(t), http.StatusRequestEntityTooLarge, `declared.xlsx: the part "xl/worksheets/sheet1.xml" of the workbook unpacks to 3.75 GB`, importer.LimitUnpackedSize},
		{"line.csv.gz", gzipOf(t, strings.Repeat("a", 5<<20)), http.StatusUnprocessableEntity, "line.csv.gz: line 1 is longer than 65,536 characters (the limit)", importer.LimitLineLength},
		{"wide.csv", []byte(strings.Repeat(",", 1_000_000) + "\n"), http.StatusUnprocessableEntity, "wide.csv: line 1 is longer than 65,536 characters (the limit)", importer.LimitLineLength},
		{"huge.csv", bytes.Repeat([]byte("a\n"), importer.MaxUploadBytes/2+1<<20), http.StatusRequestEntityTooLarge, "the upload is 34 MB, 2 MB more than the limit of 32 MB", importer.LimitUploadSize},
		{"over.csv", bytes.Repeat([]byte("a\n"), importer.MaxUploadBytes/2+1<<18), http.StatusRequestEntityTooLarge, "over.csv: the file is 32.5 MB, 512 KB more than the limit of 32 MB", importer.LimitUploadSize},
		{"big.xlsx", make([]byte, importer.MaxWorkbookBytes+1<<20), http.StatusRequestEntityTooLarge, "big.xlsx: the workbook is 9 MB, 1 MB more than the limit of 8 MB", importer.LimitUploadSize},
		{"broken.xlsx", []byte("PK\x03\x04 not really a workbook"), http.StatusUnprocessableEntity, "broken.xlsx: not a readable Excel (XLSX) workbook", ""},
		{"many.csv", []byte(planHeader + manyPlanLines(1000)), http.StatusUnprocessableEntity, "lines (the limit): one per role, quarter and funding stream", importer.LimitPlanLines},
	}
}

// TestHostilePlanUploadsRefused: on the plan page, each hostile file is refused with its
// status and message, the draft is unchanged and the refusal is in the security log.
func TestHostilePlanUploadsRefused(t *testing.T) {
	t.Parallel()
	e := newPlanEnv(t)
	logs := captureSecurity(e.s)
	e.save("manager", map[string]string{"s-paramedic-2026-2": "1"})
	before, plans := e.lines(e.plans()[0].ID), len(e.plans())
	for _, h := range hostileUploads(t) {
		if strings.HasSuffix(h.name, ".gz") {
			continue // the plan page takes CSV and XLSX; gzip is for /imports
		}
		code, body := e.uploadPlan("manager", h.name, h.data)
		if code != h.status || !strings.Contains(errorSummary(body), h.msg) {
			t.Errorf("%s: %d %q, want %d %q", h.name, code, errorSummary(body), h.status, h.msg)
		}
		if h.limit != "" && !logs.has(t, map[string]string{"msg": "security", "event": "upload_refused", "limit": string(h.limit),
			"user": "manager@test.nhs.uk", "path": "/pcns/U60057/plan/upload", "level": "WARN"}) {
			t.Errorf("%s: no upload_refused record for %s", h.name, h.limit)
		}
	}
	checkObserved(t, logs)
	if got := e.lines(e.plans()[0].ID); strings.Join(got, "|") != strings.Join(before, "|") || len(e.plans()) != plans {
		t.Errorf("a refused upload changed the plan: %v, want %v", got, before)
	}
}

// TestHostileImportsRefused: the import routes refuse the same files with the same
// limits, and nothing is imported.
func TestHostileImportsRefused(t *testing.T) {
	t.Parallel()
	e := newPlanEnv(t)
	logs := captureSecurity(e.s)
	imported := importCount(t, e.db)
	for _, route := range []string{"/imports/plans", "/imports/populations", "/imports/nwrs"} {
		for _, h := range hostileUploads(t) {
			if strings.HasSuffix(h.name, ".xlsx") || (h.limit == importer.LimitPlanLines && route != "/imports/plans") {
				continue // imports take CSV, plain or gzip
			}
			code, body := upload(t, e.as("admin"), e.ts.URL+route, h.name, h.data)
			if code != h.status || !strings.Contains(errorSummary(body), h.msg) {
				t.Errorf("%s %s: %d %q, want %d %q", route, h.name, code, errorSummary(body), h.status, h.msg)
			}
			if !logs.has(t, map[string]string{"event": "upload_refused", "limit": string(h.limit), "path": route, "user": "admin@test.nhs.uk"}) {
				t.Errorf("%s %s: no upload_refused record", route, h.name)
			}
		}
	}
	checkObserved(t, logs)
	if got := importCount(t, e.db); got != imported {
		t.Errorf("refused files were imported: %d imports, want %d", got, imported)
	}
	if ps := e.plans(); len(ps) != 0 {
		t.Errorf("a refused plan file wrote a draft: %+v", ps)
	}
}

// checkObserved: every upload_refused record says what the file held, or "more than"
// the limit where reading stopped; never 0.
func checkObserved(t *testing.T, logs *logBuffer) {
	t.Helper()
	want := map[string]string{"line_length": "more than 65536", "columns": "16384", "rows": "more than 10000"}
	n := 0
	for _, rec := range logs.records(t) {
		if rec["event"] != "upload_refused" {
			continue
		}
		n++
		got, _ := rec["got"].(string)
		limit, _ := rec["limit"].(string)
		if got == "" || got == "0" || (want[limit] != "" && got != want[limit]) {
			t.Errorf("%s: got=%v, want %q", limit, rec["got"], want[limit])
		}
	}
	if n == 0 {
		t.Error("no upload_refused record")
	}
}

// TestQuotedRecordImportRefused: a small gzip whose one quoted field spans 63,000 lines,
// each within the line limit, is refused at the record limit, nothing imported.
func TestQuotedRecordImportRefused(t *testing.T) {
	t.Parallel()
	e := newPlanEnv(t)
	logs := captureSecurity(e.s)
	var b bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	zw.Write([]byte(planColumnsLine + `"`))
	line := []byte(strings.Repeat("x", 999) + "\n")
	for range 63_000 {
		zw.Write(line)
	}
	zw.Write([]byte(`",clinical_pharmacist,2026/27 Q1,1,0,60000` + "\n"))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	code, body := upload(t, e.as("admin"), e.ts.URL+"/imports/plans", "quoted.csv.gz", b.Bytes())
	if want := "quoted.csv.gz: the record starting at line 2 is longer than 65,536 characters (the limit)"; code != http.StatusUnprocessableEntity || !strings.Contains(errorSummary(body), want) {
		t.Errorf("%d %q, want 422 %q", code, errorSummary(body), want)
	}
	if !logs.has(t, map[string]string{"event": "upload_refused", "limit": "line_length", "got": "more than 65536"}) {
		t.Error("no upload_refused record")
	}
	if ps := e.plans(); len(ps) != 0 {
		t.Errorf("a refused plan file wrote a draft: %+v", ps)
	}
}

// TestDamagedWorkbookUploadsRefused: a plan workbook whose zip declares its sheet
// shorter than it is, or whose sheet XML is cut short (its CRC that of the cut), is
// refused whole (422), not read as its first rows; the same workbook undamaged is read.
func TestDamagedWorkbookUploadsRefused(t *testing.T) {
	t.Parallel()
	e := newPlanEnv(t)
	rows := [][]any{{"pcn_code", "role_code", "quarter", "starters_fte", "leavers_fte", "annual_cost_gbp"}}
	for i := range 8 {
		role := []string{"paramedic", "clinical_pharmacist"}[i%2]
		rows = append(rows, []any{"U60057", role, fmt.Sprintf("2026/27 Q%d", i/2+1), 1, 0, 45000})
	}
	good := sheettest.Build(t, rows)
	sheet := zipPart(t, good, "xl/worksheets/sheet1.xml")
	at := bytes.Index(sheet, []byte(`<row r="5"`))
	if at < 0 {
		t.Fatal("no fifth row")
	}
	e.save("manager", map[string]string{"s-paramedic-2026-2": "1"})
	before := e.lines(e.plans()[0].ID)
	for name, data := range map[string][]byte{
		"declared-before-row.xlsx": withSheetSize(t, good, at),
		"declared-mid-row.xlsx":    withSheetSize(t, good, at+12),
		"cut-before-row.xlsx":      withPart(t, good, "xl/worksheets/sheet1.xml", sheet[:at]),
		"cut-mid-row.xlsx":         withPart(t, good, "xl/worksheets/sheet1.xml", sheet[:at+12]),
	} {
		code, body := e.uploadPlan("manager", name, data)
		if want := name + ": not a readable Excel (XLSX) workbook: a part is damaged"; code != http.StatusUnprocessableEntity || !strings.Contains(errorSummary(body), want) {
			t.Errorf("%s: %d %q, want 422 %q", name, code, errorSummary(body), want)
		}
	}
	if got := e.lines(e.plans()[0].ID); strings.Join(got, "|") != strings.Join(before, "|") {
		t.Errorf("a damaged workbook changed the plan: %v, want %v", got, before)
	}
	if code, body := e.uploadPlan("manager", "good.xlsx", good); code != http.StatusSeeOther {
		t.Fatalf("the undamaged workbook: %d %q", code, errorSummary(body))
	}
	if got := e.lines(e.plans()[0].ID); len(got) != 8 {
		t.Errorf("the undamaged workbook: %d lines, want 8: %v", len(got), got)
	}
}

// zipPart is one part of a zip, unpacked.
func zipPart(t *testing.T, data []byte, name string) []byte {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := zr.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// withPart is the zip with one part's content replaced, zipped afresh (size and CRC
// those of the new content).
func withPart(t *testing.T, data []byte, name string, content []byte) []byte {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, f := range zr.File {
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		part := content
		if f.Name != name {
			part = zipPart(t, data, f.Name)
		}
		w.Write(part)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// withSheetSize is the workbook with its sheet's unpacked size, in the local header and
// the zip's directory, declared as size.
func withSheetSize(t *testing.T, zipped []byte, size int) []byte {
	data := bytes.Clone(zipped)
	name := []byte("xl/worksheets/sheet1.xml")
	patched := 0
	for i := 0; i+46 < len(data); i++ {
		switch binary.LittleEndian.Uint32(data[i:]) {
		case 0x04034b50: // local header: name at 30, unpacked size at 22
			if bytes.HasPrefix(data[i+30:], name) {
				binary.LittleEndian.PutUint32(data[i+22:], uint32(size))
				patched++
			}
		case 0x02014b50: // directory: name at 46, unpacked size at 24
			if bytes.HasPrefix(data[i+46:], name) {
				binary.LittleEndian.PutUint32(data[i+24:], uint32(size))
				patched++
			}
		}
	}
	if patched != 2 {
		t.Fatalf("patched %d headers", patched)
	}
	return data
}

// TestPlanFormLinesCapped: a grid save that would make the plan longer than
// importer.MaxPlanLines is refused, nothing saved.
func TestPlanFormLinesCapped(t *testing.T) {
	t.Parallel()
	e := newPlanEnv(t)
	roles, err := e.db.Roles(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	// An earlier plan holding the most lines a plan may, all in quarters before the
	// editor's window, as a file of 2016 to 2025 could have made them.
	var lines []workforce.PlanLine
	for q := (workforce.Quarter{Year: 2000, N: 1}); len(lines) < importer.MaxPlanLines(len(roles)); q = q.Next() {
		for _, r := range roles {
			if len(lines) < importer.MaxPlanLines(len(roles)) {
				lines = append(lines, workforce.PlanLine{RoleCode: r.Code, QuarterStart: q.Start(), StartersFTE: 1})
			}
		}
	}
	if _, err := e.db.SaveDraft(context.Background(), store.DraftSave{PCN: "U60057", Lines: lines, Action: workforce.ActionUpload, By: store.Actor{Name: "test"}}); err != nil {
		t.Fatal(err)
	}
	p := e.plans()[0]
	code, body := e.post("manager", "/pcns/U60057/plan", e.gridForm("manager", "/pcns/U60057/plan", map[string]string{"s-paramedic-2026-2": "1"}))
	if want := fmt.Sprintf("more than the limit of %d", len(lines)); code != http.StatusUnprocessableEntity || !strings.Contains(errorSummary(body), want) {
		t.Errorf("a save past the cap: %d %q, want %q", code, errorSummary(body), want)
	}
	if after := e.plans()[0]; after.Version != p.Version || len(e.lines(p.ID)) != len(lines) {
		t.Errorf("the refused save changed the plan: %+v", after)
	}
}

func importCount(t *testing.T, db *store.DB) int {
	t.Helper()
	logs, err := db.Imports(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return len(logs)
}

// cellWorkbook is a workbook of a plan's header and one cell at ref.
func cellWorkbook(t *testing.T, ref string) []byte {
	u := sheettest.NewUpload(t)
	var header []any
	for _, c := range report.PlanHeader {
		header = append(header, c)
	}
	u.Row(1, header...)
	u.Cell(ref, "x")
	return u.Bytes()
}

// declaredHuge is a small workbook whose zip directory says its sheet unpacks to
// 3.75 GiB.
func declaredHuge(t *testing.T) []byte {
	data := cellWorkbook(t, "A2")
	name := []byte("xl/worksheets/sheet1.xml")
	for i := 0; i+46 < len(data); i++ {
		if binary.LittleEndian.Uint32(data[i:]) == 0x02014b50 && bytes.HasPrefix(data[i+46:], name) {
			binary.LittleEndian.PutUint32(data[i+24:], 0xF000_0000)
			return data
		}
	}
	t.Fatal("no directory entry for the sheet")
	return nil
}

func gzipOf(t *testing.T, text string) []byte {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(text))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// manyPlanLines is n lines of U60057's plan, one role in successive quarters.
func manyPlanLines(n int) string {
	var b strings.Builder
	q := workforce.Quarter{Year: 2030, N: 1}
	for range n {
		fmt.Fprintf(&b, "U60057,clinical_pharmacist,%s,1,0,\n", q)
		q = q.Next()
	}
	return b.String()
}
