package sheettest

import (
	"bytes"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"
)

// Upload is a workbook being built to upload, with the one sheet "Sheet1" a new
// workbook in Excel has. Every failure to build it fails the test.
type Upload struct {
	tb testing.TB
	f  *excelize.File
}

// NewUpload starts an empty workbook.
func NewUpload(tb testing.TB) *Upload {
	f := excelize.NewFile()
	tb.Cleanup(func() { f.Close() })
	return &Upload{tb: tb, f: f}
}

// Build is a workbook of rows, the first in row 1; a nil value leaves its cell empty.
func Build(tb testing.TB, rows [][]any) []byte {
	tb.Helper()
	u := NewUpload(tb)
	for i, r := range rows {
		u.Row(i+1, r...)
	}
	return u.Bytes()
}

// Row sets row n (from 1) to values, from column A.
func (u *Upload) Row(n int, values ...any) {
	u.tb.Helper()
	if err := u.f.SetSheetRow("Sheet1", "A"+strconv.Itoa(n), &values); err != nil {
		u.tb.Fatalf("sheettest: row %d: %v", n, err)
	}
}

// Cell sets the cell at ref, such as "XFD1", however far it lies from the others: a
// hostile upload is one lone cell far out.
func (u *Upload) Cell(ref string, value any) {
	u.tb.Helper()
	if err := u.f.SetCellValue("Sheet1", ref, value); err != nil {
		u.tb.Fatalf("sheettest: cell %s: %v", ref, err)
	}
}

// Bytes is the workbook as a file.
func (u *Upload) Bytes() []byte {
	u.tb.Helper()
	var b bytes.Buffer
	if err := u.f.Write(&b); err != nil {
		u.tb.Fatalf("sheettest: write the workbook: %v", err)
	}
	return b.Bytes()
}
