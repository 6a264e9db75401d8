package report

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/arrs-planner/arrs/internal/funding"
)

// The files the pages offer for download, which the command line writes too: CSV as
// the reports write it, and XLSX holding the same cells in a workbook of one sheet
// (xlsx.go), so the two cannot differ. A file is opened in a spreadsheet, so its text
// cells are escaped against formula injection; numbers never are.

// XLSX is the Excel workbook offered beside each CSV.
const XLSX Format = "xlsx"

// ParseFileFormat accepts the formats of a downloadable file: csv or xlsx.
func ParseFileFormat(s string) (Format, error) {
	switch f := Format(s); f {
	case CSV, XLSX:
		return f, nil
	}
	return "", fmt.Errorf("--format must be csv or xlsx, not %q", s)
}

// escapeFormula keeps a spreadsheet from reading a text cell as a formula (OWASP,
// "CSV injection"): a cell starting with = + - @, a tab or a carriage return gets a
// leading single quote.
func escapeFormula(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// sheet is how a file's CSV becomes a workbook: the sheet's name and the columns that
// hold text; every other column holds numbers.
type sheet struct {
	name string
	text map[string]bool
}

// write writes the CSV (already escaped) as it is, or as a workbook of the sheet.
func (sh sheet) write(w io.Writer, f Format, csvData []byte) error {
	if f == XLSX {
		book, err := csvToSheet(csvData, sh.name, sh.text)
		if err != nil {
			return fmt.Errorf("report: the %s workbook: %w", strings.ToLower(sh.name), err)
		}
		csvData = book
	}
	_, err := w.Write(csvData)
	return err
}

// gapSheet is the gap report's workbook: level, code and name are text.
var gapSheet = sheet{name: "Gaps", text: map[string]bool{"level": true, "code": true, "name": true}}

// WriteGapsFile writes the gap rows as the pages' download: the CSV of WriteGaps, or
// its cells as XLSX; names and codes escaped against formula injection.
func WriteGapsFile(w io.Writer, f Format, rows []GapRow) error {
	escaped := make([]GapRow, len(rows))
	for i, r := range rows {
		r.Name, r.Code = escapeFormula(r.Name), escapeFormula(r.Code)
		escaped[i] = r
	}
	var csvData bytes.Buffer
	if err := WriteGaps(&csvData, CSV, escaped); err != nil {
		return err
	}
	return gapSheet.write(w, f, csvData.Bytes())
}

// claimSheet is the claim schedule's workbook: codes, names, months and flags are text.
var claimSheet = sheet{name: "Claims", text: map[string]bool{"pcn_code": true, "staff_record": true, "role_code": true,
	"stream": true, "month": true, "flag": true}}

// WriteClaimsFile writes a claim schedule as the funding page's download: the CSV of
// WriteClaims, or its cells as XLSX; staff and role escaped against formula injection.
func WriteClaimsFile(w io.Writer, f Format, rows []funding.Claim) error {
	escaped := make([]funding.Claim, len(rows))
	for i, r := range rows {
		r.Staff, r.Role = escapeFormula(r.Staff), escapeFormula(r.Role)
		escaped[i] = r
	}
	var csvData bytes.Buffer
	if err := WriteClaims(&csvData, CSV, escaped); err != nil {
		return err
	}
	return claimSheet.write(w, f, csvData.Bytes())
}
