package importer

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/xuri/excelize/v2"
)

// A hostile file is built to cost a reader as much as it can for its size (issue 9):
// each must be refused by the named limit, quickly and with little memory (see
// BenchmarkHostileFiles for the time and the heap).
type hostileFile struct {
	name  string
	build func(tb testing.TB) []byte
	read  func(data []byte) error
	limit Limit
	msg   string // the message holds this
}

var planHeader = strings.Join(planColumns, ",") + "\n"

func readPlanCSV(data []byte) error {
	_, err := ReadPlans("plan.csv", bytes.NewReader(data), known)
	return err
}

func readPlanXLSX(data []byte) error {
	_, err := ReadPlanWorkbook("plan.xlsx", bytes.NewReader(data), known)
	return err
}

func readNWRS(data []byte) error {
	_, err := ReadNWRS("nwrs.csv", bytes.NewReader(data), mapping)
	return err
}

func readPopulations(data []byte) error {
	_, err := ReadPopulations("pops.csv", bytes.NewReader(data), known, popBounds)
	return err
}

func hostileFiles() []hostileFile {
	return append([]hostileFile{
		{"sparse sheet: a cell at XFD1", sparseSheet("XFD1"), readPlanXLSX, LimitColumns,
			"plan.xlsx: row 1 has 16,384 columns, 16,128 more than the limit of 256 columns"},
		{"sparse sheet: a cell at A60000", sparseSheet("A60000"), readPlanXLSX, LimitRows,
			"plan.xlsx: the sheet has more than 10,000 rows (the limit)"},
		{"sparse sheet: cells at XFD1 and A60000", sparseSheet("XFD1", "A60000"), readPlanXLSX, LimitColumns,
			"row 1 has 16,384 columns"},
		{"false declared size", falseDeclaredSize, readPlanXLSX, LimitUnpackedSize,
			`plan.xlsx: the part "xl/worksheets/sheet1.xml" of the workbook unpacks to 3.75 GB`},
		{"huge sheet", hugeSheet(800_000), readPlanXLSX, LimitUnpackedSize,
			`the part "xl/worksheets/sheet1.xml" of the workbook unpacks to 19.84 MB, 15.84 MB more than the limit of 4 MB`},
		{"sheet of a million columns", millionColumnSheet, readPlanXLSX, LimitUnpackedSize,
			`the part "xl/worksheets/sheet1.xml" of the workbook unpacks to`},
		{"sheet unpacking 100 times its size", compressibleSheet, readPlanXLSX, LimitUnpackedSize,
			"unpacks to 3.16 MB"},
		{"styles of 4 MB", stylesOf(4 << 20), readPlanXLSX, LimitUnpackedSize,
			"plan.xlsx: the XML of the workbook other than its sheets unpacks to 4"},
		{"shared strings of 4 MB", sharedStringsOf(4 << 20), readPlanXLSX, LimitUnpackedSize,
			"plan.xlsx: the XML of the workbook other than its sheets unpacks to 4"},
		{"styles just within the limit (read, then refused for its rows)", stylesOf(MaxWorkbookDecodedBytes - 64<<10), readPlanXLSX, "",
			"plan.xlsx: row 2: the file has a header but no rows"},
		{"workbook of 2,000 parts", manyParts(2000), readPlanXLSX, LimitWorkbookParts,
			"plan.xlsx: the workbook has 2,000 parts, 1,000 more than the limit of 1,000 parts"},
		{"workbook larger than its limit", zeros(MaxWorkbookBytes + 1<<20), readPlanXLSX, LimitUploadSize,
			"plan.xlsx: the workbook is 9 MB, 1 MB more than the limit of 8 MB"},
		{"workbook larger than its limit, unseekable", zeros(MaxWorkbookBytes + 1), func(data []byte) error {
			_, err := ReadPlanWorkbook("plan.xlsx", io.MultiReader(bytes.NewReader(data)), known)
			return err
		}, LimitUploadSize, "plan.xlsx: the workbook is larger than 8 MB (the limit)"},
		{"gzip of one long line", gzipped(longLine(50 << 20)), readPlanCSV, LimitLineLength,
			"plan.csv: line 1 is longer than 65,536 characters (the limit)"},
		{"gzip of one quoted field of 63,000 lines", gzipped(quotedFieldOfLines(63_000, 1000)), readPlanCSV, LimitLineLength,
			"plan.csv: the record starting at line 2 is longer than 65,536 characters (the limit)"},
		{"long line after good ones", text(planHeader + "U60057,paramedic,2026/27 Q1,1,0,\nU60057,paramedic,2026/27 Q2,1,0,\nU60057,paramedic,2026/27 Q3,1,0,\n" + strings.Repeat("x", 70_000)), readPlanCSV, LimitLineLength,
			"plan.csv: line 5 is longer than 65,536 characters (the limit)"},
		{"a million columns", text(strings.Repeat(",", 1_000_000) + "\n"), readPlanCSV, LimitLineLength,
			"plan.csv: line 1 is longer than 65,536 characters (the limit)"},
		{"60,000 columns", text(planHeader[:len(planHeader)-1] + strings.Repeat(",", 60_000) + "\n"), readPlanCSV, LimitColumns,
			"plan.csv: line 1 has 60,006 columns, 59,750 more than the limit of 256 columns"},
		{"rows past the cap", populationRows(MaxPopulationRows + 1), readPopulations, LimitRows,
			"pops.csv: the file has more than 100,000 rows (the limit)"},
		{"gzip bomb of wide rows", wideRowsBomb, readPopulations, LimitUnpackedSize,
			"pops.csv: the file unpacks to more than 64 MB (the limit)"},
		{"file larger than its limit", nwrsOfWideRows, readNWRS, LimitUploadSize,
			"nwrs.csv: the file is 32 MB, 1.14 KB more than the limit of 32 MB"},
		{"file larger than its limit, unseekable", nwrsOfWideRows, func(data []byte) error {
			_, err := ReadNWRS("nwrs.csv", io.MultiReader(bytes.NewReader(data)), mapping)
			return err
		}, LimitUploadSize, "nwrs.csv: the file is larger than 32 MB (the limit)"},
		{"a long cell", text(planHeader + "U60057," + strings.Repeat("é", 1500) + ",2026/27 Q1,1,0,\n"), readPlanCSV, LimitCellLength,
			"plan.csv: line 2, column ROLE_CODE holds 1,500 characters, 500 more than the limit of 1,000 characters"},
		{"a plan of more lines than roles × quarters × streams", text(planOfManyQuarters(MaxPlanLines(2) + 1)), readPlanCSV, LimitPlanLines,
			"plan.csv: line 74: the plan of U60057 has more than 72 lines (the limit): one per role, quarter and funding stream"},
		{"a workbook plan of more lines than roles × quarters × streams", workbookOf(planOfManyQuarters(MaxPlanLines(2) + 1)), readPlanXLSX, LimitPlanLines,
			"plan.xlsx: row 74: the plan of U60057 has more than 72 lines"},
		{"gzip of blank lines", gzipped(func() io.Reader {
			return io.MultiReader(strings.NewReader(planHeader), io.LimitReader(repeatReader('\n'), 2*MaxUnpackedBytes))
		}), readPlanCSV, LimitBlankLines, "plan.csv: the file has more than 1,000 blank lines (the limit)"},
	}, hostilePracticeFiles()...)
}

func TestHostileFilesRefused(t *testing.T) {
	t.Parallel()
	for _, h := range hostileFiles() {
		t.Run(h.name, func(t *testing.T) {
			err := h.read(built(t, h))
			var le *LimitError
			if re := (*RowError)(nil); h.limit == "" && errors.As(err, &re) {
				if !strings.Contains(err.Error(), h.msg) {
					t.Errorf("got %q, want %q", err, h.msg)
				}
				return
			}
			if !errors.As(err, &le) {
				t.Fatalf("want a LimitError, got %v", err)
			}
			if le.Limit != h.limit || !strings.Contains(err.Error(), h.msg) {
				t.Errorf("got %s (%q), want %s with %q", le.Limit, err, h.limit, h.msg)
			}
			if strings.Contains(err.Error(), "\n") || len(err.Error()) > 300 {
				t.Errorf("the message must be one short line: %q", err)
			}
		})
	}
}

// A workbook at the limits' edges is read: a sheet of MaxSheetRows rows (the blank
// ones skipped), the last holding a cell in the last column allowed.
func TestWorkbookAtTheLimits(t *testing.T) {
	t.Parallel()
	f := excelize.NewFile()
	cols := make([]any, len(planColumns))
	for i, c := range planColumns {
		cols[i] = c
	}
	must(t, f.SetSheetRow("Sheet1", "A1", &cols))
	must(t, f.SetSheetRow("Sheet1", "A2", &[]any{"U60057", "paramedic", "2026/27 Q2", 1, 0, 45000}))
	last := "A" + strconv.Itoa(MaxSheetRows)
	must(t, f.SetSheetRow("Sheet1", last, &[]any{"U60057", "paramedic", "2026/27 Q3", 1, 0, nil}))
	note, _ := excelize.CoordinatesToCellName(MaxColumns, MaxSheetRows)
	must(t, f.SetCellValue("Sheet1", note, "a note"))
	plan, err := ReadPlanWorkbook("edge.xlsx", bytes.NewReader(write(t, f)), known)
	if err != nil || len(plan) != 2 {
		t.Fatalf("%v %+v", err, plan)
	}
	if row := plan[0]; row.RoleCode != "paramedic" || *row.AnnualCostPence != 45_000_00 {
		t.Errorf("%+v", row)
	}
}

// A line of exactly MaxLineBytes in a file of MaxColumns columns is read.
func TestCSVAtTheLimits(t *testing.T) {
	t.Parallel()
	extra := MaxColumns - len(planColumns)
	head := planHeader[:len(planHeader)-1] + strings.Repeat(",", extra) + "\n"
	line := "U60057,paramedic,2026/27 Q2,1,0,"
	fill := MaxLineBytes - len(line) - extra
	for i := 0; i < extra; i++ {
		n := fill / extra
		if i < fill%extra {
			n++
		}
		line += "," + strings.Repeat("n", n)
	}
	if len(line) != MaxLineBytes {
		t.Fatalf("line of %d bytes", len(line))
	}
	if _, err := ReadPlans("edge.csv", strings.NewReader(head+line+"\n"), known); err != nil {
		t.Fatalf("a file at the limits is refused: %v", err)
	}
}

// A record is counted whole, across the line breaks of its quoted fields, and only
// while it lasts: quotes escaped as "" and line breaks outside quotes are followed.
// (The long cells are then refused for their length, a limit checked after the record
// is read.)
func TestCSVRecordLength(t *testing.T) {
	t.Parallel()
	head := "pcn_code,role_code,quarter,starters_fte,leavers_fte,annual_cost_gbp,note\n"
	row := "U60057,paramedic,2026/27 Q2,1,0,,"
	half := strings.Repeat("n", MaxLineBytes/2)
	cases := []struct {
		name, text, err string
	}{
		{"quoted lines within the limit", head + row + `"` + half + "\n" + half[:len(half)-len(row)-3] + `"` + "\n", ""},
		{"quoted lines past the limit", head + row + `"` + half + "\n" + half + `"` + "\n",
			"plan.csv: the record starting at line 2 is longer than 65,536 characters (the limit)"},
		{"escaped quotes keep the field open", head + row + `"a""` + "\n" + `""b` + half + "\n" + half + `"` + "\n",
			"plan.csv: the record starting at line 2 is longer than"},
		{"a closed quote ends the count at the line break", head + row + `"a""b"` + "\n" + row + half + "\n" + row + half + "\n", ""},
		{"a long line after a quoted record", head + row + "\"a\nb\"\n" + row + half + half + "\n",
			"plan.csv: line 4 is longer than 65,536 characters (the limit)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ReadPlans("plan.csv", strings.NewReader(c.text), known)
			var le *LimitError
			switch {
			case c.err == "" && errors.As(err, &le) && le.Limit == LimitLineLength: // the cell cap refuses it later
				t.Errorf("refused: %v", err)
			case c.err != "" && (!errors.As(err, &le) || !strings.Contains(err.Error(), c.err)):
				t.Errorf("got %v, want %q", err, c.err)
			}
		})
	}
}

func TestMalformedWorkbooksRefused(t *testing.T) {
	t.Parallel()
	good := workbookOf(planHeader + "U60057,paramedic,2026/27 Q2,1,0,\n")(t)
	eight := workbookOf(planOfManyQuarters(8))(t)
	if plan, err := ReadPlanWorkbook("plan.xlsx", bytes.NewReader(eight), known); err != nil || len(plan) != 8 {
		t.Fatalf("the workbook of 8 lines: %v, %d lines", err, len(plan))
	}
	const damaged = "plan.xlsx: not a readable Excel (XLSX) workbook: a part is damaged (xl/worksheets/sheet1.xml)"
	cases := []struct {
		name string
		data []byte
		msg  string
	}{
		{"not a zip", []byte("pcn_code,role_code\nnot a workbook"), "plan.xlsx: not a readable Excel (XLSX) workbook"},
		{"empty", nil, "plan.xlsx: not a readable Excel (XLSX) workbook"},
		{"a zip without a workbook", zipOf(t, map[string][]byte{"readme.txt": []byte("hello")}), "plan.xlsx: "},
		{"garbage workbook XML", replacePart(t, good, "xl/workbook.xml", []byte("<workbook><sheets><sheet name=")), "plan.xlsx: "},
		{"garbage sheet XML", replacePart(t, good, "xl/worksheets/sheet1.xml", []byte("<worksheet><sheetData><row><c r=\"ZZZZZZ1\"><v>1")), "plan.xlsx: "},
		{"a cell reference past XFD", replacePart(t, good, "xl/worksheets/sheet1.xml", []byte(`<worksheet><sheetData><row r="1"><c r="XFE1"><v>1</v></c></row></sheetData></worksheet>`)), "plan.xlsx: "},
		{"a row number past Excel's", replacePart(t, good, "xl/worksheets/sheet1.xml", []byte(`<worksheet><sheetData><row r="2000000"><c><v>1</v></c></row></sheetData></worksheet>`)), "plan.xlsx: "},
		{"truncated", good[:len(good)/2], "plan.xlsx: not a readable Excel (XLSX) workbook"},
		{"sheet declared shorter, cut before a row", declaredShorter(t, eight, 0), damaged},
		{"sheet declared shorter, cut mid-row", declaredShorter(t, eight, 12), damaged},
		{"sheet declared shorter, compressed size too", declaredShorter(t, eight, -1), damaged},
		{"sheet XML cut before a row, CRC of the cut", cutSheet(t, eight, 0), damaged},
		{"sheet XML cut mid-row, CRC of the cut", cutSheet(t, eight, 12), damaged},
		{"sheet XML with a row unclosed", brokenSheet(t, eight, "</row>", ""), damaged},
		{"sheet XML with an undefined entity", brokenSheet(t, eight, "</v>", "&nbsp;</v>"), damaged},
		{"a CRC that does not match", patchHeaders(t, eight, sheetPart, 16, 14, 0xDEADBEEF), damaged},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			plan, err := ReadPlanWorkbook("plan.xlsx", bytes.NewReader(c.data), known)
			if err == nil || plan != nil {
				t.Fatalf("read %+v", plan)
			}
			var re *RowError
			var le *LimitError
			if !errors.As(err, &re) && !errors.As(err, &le) {
				t.Errorf("want a RowError or LimitError, got %T %v", err, err)
			}
			if !strings.HasPrefix(err.Error(), c.msg) {
				t.Errorf("got %q, want %q", err, c.msg)
			}
		})
	}
}

// A bad value is echoed at most MaxEcho characters long.
func TestErrorsClipValues(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("Z", 900)
	cases := map[string]string{
		"role":    planHeader + "U60057," + long + ",2026/27 Q1,1,0,\n",
		"quarter": planHeader + "U60057,paramedic," + long + ",1,0,\n",
		"pcn":     planHeader + long + ",paramedic,2026/27 Q1,1,0,\n",
		"fte":     planHeader + "U60057,paramedic,2026/27 Q1," + long + ",0,\n",
		"cost":    planHeader + "U60057,paramedic,2026/27 Q1,1,0," + long + "\n",
	}
	for name, text := range cases {
		_, err := ReadPlans(strings.Repeat("f", 500)+".csv", strings.NewReader(text), known)
		if err == nil {
			t.Fatalf("%s: read", name)
		}
		if n := strings.Count(err.Error(), "Z"); n == 0 || n > MaxEcho {
			t.Errorf("%s: %d characters of the value echoed: %q", name, n, err)
		}
		if n := strings.Count(err.Error(), "f"); n > MaxEcho+5 {
			t.Errorf("%s: %d characters of the file name echoed", name, n)
		}
	}
}

// --- builders of hostile files ------------------------------------------------------

var builtFiles sync.Map // name → []byte, so that a benchmark builds each file once

func built(tb testing.TB, h hostileFile) []byte {
	if b, ok := builtFiles.Load(h.name); ok {
		return b.([]byte)
	}
	b := h.build(tb)
	builtFiles.Store(h.name, b)
	return b
}

func must(tb testing.TB, err error) {
	tb.Helper()
	if err != nil {
		tb.Fatal(err)
	}
}

func write(tb testing.TB, f *excelize.File) []byte {
	var b bytes.Buffer
	must(tb, f.Write(&b))
	return b.Bytes()
}

// sparseSheet is a workbook of a plan's header and one cell at each of cells, written
// as an attacker would, by hand: a few hundred bytes of XML.
func sparseSheet(cells ...string) func(testing.TB) []byte {
	return func(tb testing.TB) []byte {
		rows := map[int]string{}
		var order []int
		add := func(ref, text string) {
			_, r, err := excelize.CellNameToCoordinates(ref)
			must(tb, err)
			if _, ok := rows[r]; !ok {
				order = append(order, r)
			}
			rows[r] += fmt.Sprintf(`<c r="%s" t="inlineStr"><is><t>%s</t></is></c>`, ref, text)
		}
		for i, c := range planColumns {
			ref, _ := excelize.CoordinatesToCellName(i+1, 1)
			add(ref, c)
		}
		for _, c := range cells {
			add(c, "x")
		}
		var b strings.Builder
		for _, r := range order {
			fmt.Fprintf(&b, `<row r="%d">%s</row>`, r, rows[r])
		}
		return replacePart(tb, write(tb, excelize.NewFile()), "xl/worksheets/sheet1.xml", sheetXML(b.String()))
	}
}

// workbookOf is a workbook whose first sheet holds a CSV text's cells.
func workbookOf(text string) func(testing.TB) []byte {
	return func(tb testing.TB) []byte {
		f := excelize.NewFile()
		for i, line := range strings.Split(strings.TrimSuffix(text, "\n"), "\n") {
			cells := strings.Split(line, ",")
			row := make([]any, len(cells))
			for j, c := range cells {
				row[j] = c
			}
			must(tb, f.SetSheetRow("Sheet1", "A"+strconv.Itoa(i+1), &row))
		}
		return write(tb, f)
	}
}

const sheetPart = "xl/worksheets/sheet1.xml"

// falseDeclaredSize is a small valid workbook whose zip directory (and local header)
// say that its sheet unpacks to 3.75 GiB.
func falseDeclaredSize(tb testing.TB) []byte {
	return patchHeaders(tb, sparseSheet()(tb), sheetPart, 22, 24, 0xF000_0000)
}

// patchHeaders is a copy of a zip whose local and central headers of a part have v at
// the given offsets: the unpacked size is at 22 and 24, the compressed size at 18 and
// 20, the CRC at 14 and 16.
func patchHeaders(tb testing.TB, zipped []byte, part string, local, central int, v uint32) []byte {
	data := bytes.Clone(zipped)
	patched := 0
	for i := 0; i+46 < len(data); i++ {
		switch binary.LittleEndian.Uint32(data[i:]) {
		case 0x04034b50: // local file header: name length at 26, name at 30
			n := int(binary.LittleEndian.Uint16(data[i+26:]))
			if string(data[i+30:i+30+n]) == part {
				binary.LittleEndian.PutUint32(data[i+local:], v)
				patched++
			}
		case 0x02014b50: // central directory: name length at 28, name at 46
			n := int(binary.LittleEndian.Uint16(data[i+28:]))
			if string(data[i+46:i+46+n]) == part {
				binary.LittleEndian.PutUint32(data[i+central:], v)
				patched++
			}
		}
	}
	if patched != 2 {
		tb.Fatalf("patched %d headers", patched)
	}
	return data
}

// sheetCut is the offset in a workbook's sheet XML of its fifth row, plus extra.
func sheetCut(tb testing.TB, data []byte, extra int) ([]byte, int) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	must(tb, err)
	for _, f := range zr.File {
		if f.Name == sheetPart {
			sheet := readPart(tb, f)
			at := bytes.Index(sheet, []byte(`<row r="5"`))
			if at < 0 {
				tb.Fatal("no fifth row")
			}
			return sheet, at + extra
		}
	}
	tb.Fatal("no sheet")
	return nil, 0
}

// declaredShorter is the workbook with its zip's headers declaring that the sheet
// ends extra bytes into its fifth row, as a damaged copy could; with extra -1, at the
// row, and the compressed size cut to what deflating that much takes.
func declaredShorter(tb testing.TB, data []byte, extra int) []byte {
	_, at := sheetCut(tb, data, max(extra, 0))
	data = patchHeaders(tb, data, sheetPart, 22, 24, uint32(at))
	if extra < 0 {
		data = patchHeaders(tb, data, sheetPart, 18, 20, uint32(at/4))
	}
	return data
}

// cutSheet is the workbook with its sheet's XML cut extra bytes into its fifth row,
// zipped whole (its size and CRC those of the cut XML).
func cutSheet(tb testing.TB, data []byte, extra int) []byte {
	sheet, at := sheetCut(tb, data, extra)
	return replacePart(tb, data, sheetPart, sheet[:at])
}

// brokenSheet is the workbook with the first old in its sheet's XML from the fifth row
// on replaced by new.
func brokenSheet(tb testing.TB, data []byte, old, new string) []byte {
	sheet, at := sheetCut(tb, data, 0)
	if !bytes.Contains(sheet[at:], []byte(old)) {
		tb.Fatalf("no %q in the sheet", old)
	}
	fixed := append(bytes.Clone(sheet[:at]), bytes.Replace(sheet[at:], []byte(old), []byte(new), 1)...)
	return replacePart(tb, data, sheetPart, fixed)
}

// hugeSheet is a workbook whose sheet is rows copies of one short row.
func hugeSheet(rows int) func(testing.TB) []byte {
	return func(tb testing.TB) []byte {
		xml := sheetXML(strings.Repeat("<row><c><v>1</v></c></row>", rows))
		return replacePart(tb, sparseSheet()(tb), "xl/worksheets/sheet1.xml", xml)
	}
}

// millionColumnSheet is a workbook whose sheet's first row has a million cells.
func millionColumnSheet(tb testing.TB) []byte {
	xml := sheetXML("<row>" + strings.Repeat("<c><v>1</v></c>", 1_000_000) + "</row>")
	return replacePart(tb, sparseSheet()(tb), "xl/worksheets/sheet1.xml", xml)
}

// compressibleSheet is within the part limit, but unpacks to far more than its size.
func compressibleSheet(tb testing.TB) []byte {
	xml := sheetXML(`<row r="1"><c r="A1" t="inlineStr"><is><t>pcn_code</t></is></c></row>` + strings.Repeat("<row></row>", 300_000))
	return replacePart(tb, sparseSheet()(tb), "xl/worksheets/sheet1.xml", xml)
}

func sheetXML(rows string) []byte {
	return []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
		rows + `</sheetData></worksheet>`)
}

// stylesOf is a workbook whose styles part is n bytes of cell formats, each different
// (so that the part deflates little): excelize decodes styles whole.
func stylesOf(n int) func(testing.TB) []byte {
	return func(tb testing.TB) []byte {
		r := rand.New(rand.NewPCG(1, 2))
		var b strings.Builder
		b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs>`)
		for b.Len() < n-100 {
			fmt.Fprintf(&b, `<xf numFmtId="%d"/>`, r.IntN(1_000_000))
		}
		b.WriteString(`</cellXfs></styleSheet>`)
		return replacePart(tb, sparseSheet()(tb), "xl/styles.xml", []byte(b.String()))
	}
}

// sharedStringsOf is a workbook whose shared strings part is n bytes of short strings,
// and whose sheet uses them.
func sharedStringsOf(n int) func(testing.TB) []byte {
	return func(tb testing.TB) []byte {
		r := rand.New(rand.NewPCG(3, 4))
		var b strings.Builder
		b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`)
		for b.Len() < n-100 {
			fmt.Fprintf(&b, `<si><t>%d</t></si>`, r.IntN(1_000_000))
		}
		b.WriteString(`</sst>`)
		sheet := sheetXML(`<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c></row>`)
		data := replacePart(tb, sparseSheet()(tb), "xl/sharedStrings.xml", []byte(b.String()))
		return replacePart(tb, data, "xl/worksheets/sheet1.xml", sheet)
	}
}

// manyParts is a valid workbook with n parts in all.
func manyParts(n int) func(testing.TB) []byte {
	return func(tb testing.TB) []byte {
		data := sparseSheet()(tb)
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		must(tb, err)
		parts := map[string][]byte{}
		for _, f := range zr.File {
			parts[f.Name] = readPart(tb, f)
		}
		for i := len(parts); i < n; i++ {
			parts[fmt.Sprintf("xl/media/p%d.bin", i)] = nil
		}
		return zipOf(tb, parts)
	}
}

// replacePart is the workbook data with one part's content replaced.
func replacePart(tb testing.TB, data []byte, name string, content []byte) []byte {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	must(tb, err)
	parts := map[string][]byte{}
	for _, f := range zr.File {
		parts[f.Name] = readPart(tb, f)
	}
	parts[name] = content
	return zipOf(tb, parts)
}

func readPart(tb testing.TB, f *zip.File) []byte {
	rc, err := f.Open()
	must(tb, err)
	defer rc.Close()
	b, err := io.ReadAll(rc)
	must(tb, err)
	return b
}

// zipOf zips the parts, [Content_Types].xml first as Excel writes it.
func zipOf(tb testing.TB, parts map[string][]byte) []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	names := []string{}
	if _, ok := parts["[Content_Types].xml"]; ok {
		names = append(names, "[Content_Types].xml")
	}
	for n := range parts {
		if n != "[Content_Types].xml" {
			names = append(names, n)
		}
	}
	for _, n := range names {
		w, err := zw.Create(n)
		must(tb, err)
		_, err = w.Write(parts[n])
		must(tb, err)
	}
	must(tb, zw.Close())
	return b.Bytes()
}

// quotedFieldOfLines is a plan whose one row's first field is quoted and spans lines
// lines of width characters, each line within MaxLineBytes, the record far past it.
func quotedFieldOfLines(lines, width int) func() io.Reader {
	return func() io.Reader {
		line := strings.Repeat("x", width-1) + "\n"
		return io.MultiReader(strings.NewReader(planHeader+`"`), &cycle{s: line, left: int64(lines * len(line))},
			strings.NewReader(`",clinical_pharmacist,2026/27 Q1,1,0,60000`+"\n"))
	}
}

// cycle reads s over and over, left bytes in all.
type cycle struct {
	s    string
	left int64
	at   int
}

func (c *cycle) Read(p []byte) (int, error) {
	if c.left <= 0 {
		return 0, io.EOF
	}
	n := 0
	for n < len(p) && c.left > 0 {
		k := copy(p[n:min(len(p), n+int(min(c.left, int64(len(c.s)-c.at))))], c.s[c.at:])
		n, c.left, c.at = n+k, c.left-int64(k), (c.at+k)%len(c.s)
	}
	return n, nil
}

// gzipped is a text's gzip.
func gzipped(text func() io.Reader) func(testing.TB) []byte {
	return func(tb testing.TB) []byte {
		var b bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
		_, err := io.Copy(zw, text())
		must(tb, err)
		must(tb, zw.Close())
		return b.Bytes()
	}
}

// longLine is n bytes of 'a' and no line break.
func longLine(n int64) func() io.Reader {
	return func() io.Reader { return io.LimitReader(repeatReader('a'), n) }
}

type repeatReader byte

func (r repeatReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(r)
	}
	return len(p), nil
}

func text(s string) func(testing.TB) []byte {
	return func(testing.TB) []byte { return []byte(s) }
}

// nwrsOfWideRows is a valid NWRS file of one row repeated, each with an ignored column
// of 1,000 characters, to more than MaxUploadBytes.
func nwrsOfWideRows(testing.TB) []byte {
	line := row("0.5", "1") + "," + strings.Repeat("x", 1000) + "\n"
	return []byte(header + ",note\n" + strings.Repeat(line, MaxUploadBytes/len(line)+1))
}

func zeros(n int) func(testing.TB) []byte {
	return func(testing.TB) []byte { return make([]byte, n) }
}

// populationRows is a valid populations file of n rows.
func populationRows(n int) func(testing.TB) []byte {
	return func(testing.TB) []byte {
		var b bytes.Buffer
		b.WriteString("pcn_code,weighted_population,effective_date\n")
		for i := 0; i < n; i++ {
			fmt.Fprintln(&b, manyPopulationRow(i))
		}
		return b.Bytes()
	}
}

// wideRowsBomb is a gzip of valid population rows, each with 60 ignored columns of 1,000
// characters, unpacking to far more than MaxUnpackedBytes.
func wideRowsBomb(tb testing.TB) []byte {
	extra := strings.Repeat(","+strings.Repeat("x", 1000), 60)
	return gzipped(func() io.Reader {
		pr, pw := io.Pipe()
		go func() {
			fmt.Fprintf(pw, "pcn_code,weighted_population,effective_date%s\n", strings.Repeat(",note", 60))
			for i := 0; i < 2*MaxUnpackedBytes/len(extra); i++ {
				fmt.Fprintf(pw, "%s%s\n", manyPopulationRow(i), extra)
			}
			pw.Close()
		}()
		return pr
	})(tb)
}

// planOfManyQuarters is a plan for one PCN of n lines, one per role and quarter.
func planOfManyQuarters(n int) string {
	var b strings.Builder
	b.WriteString(planHeader)
	roles := []string{"clinical_pharmacist", "paramedic"}
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "U60057,%s,%d/%02d Q%d,1,0,\n", roles[i%2], 2030+i/8, (2031+i/8)%100, i/2%4+1)
	}
	return b.String()
}
