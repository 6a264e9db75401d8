// Package sheettest is workbooks for tests: open a downloaded workbook and read its
// cells raw with their types, build an upload. It keeps excelize out of the server's
// tests, as the server itself leaves files to internal/importer and internal/report.
package sheettest

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"
)

// Book is a workbook opened for reading; every failure to read it fails the test.
type Book struct {
	tb testing.TB
	f  *excelize.File
}

// Open reads a workbook, closed when the test ends.
func Open(tb testing.TB, data []byte) *Book {
	tb.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		tb.Fatalf("sheettest: open the workbook: %v", err)
	}
	tb.Cleanup(func() { f.Close() })
	return &Book{tb: tb, f: f}
}

// Sheets are the workbook's sheet names, in order.
func (b *Book) Sheets() []string { return b.f.GetSheetList() }

// Rows are a sheet's cells as stored, numbers unformatted (45000.5, not "45,000.50"),
// so that a test compares a workbook with the CSV of the same figures.
func (b *Book) Rows(sheet string) [][]string {
	return b.rows(sheet, excelize.Options{RawCellValue: true})
}

// FormattedRows are a sheet's cells as Excel shows them, number formats applied.
func (b *Book) FormattedRows(sheet string) [][]string { return b.rows(sheet) }

func (b *Book) rows(sheet string, opts ...excelize.Options) [][]string {
	b.tb.Helper()
	rows, err := b.f.GetRows(sheet, opts...)
	if err != nil {
		b.tb.Fatalf("sheettest: rows of sheet %q: %v", sheet, err)
	}
	return rows
}

// IsNumber says whether the cell at ref (such as "D2") holds a number. excelize writes
// a number without a type, which Excel reads as a number, so an untyped cell counts.
func (b *Book) IsNumber(sheet, ref string) bool {
	typ := b.cellType(sheet, ref)
	return typ == excelize.CellTypeNumber || typ == excelize.CellTypeUnset
}

// IsText says whether the cell at ref holds text, shared or inline.
func (b *Book) IsText(sheet, ref string) bool {
	typ := b.cellType(sheet, ref)
	return typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString
}

func (b *Book) cellType(sheet, ref string) excelize.CellType {
	b.tb.Helper()
	typ, err := b.f.GetCellType(sheet, ref)
	if err != nil {
		b.tb.Fatalf("sheettest: type of %s!%s: %v", sheet, ref, err)
	}
	return typ
}

// Formula is the formula in the cell at ref, "" for none.
func (b *Book) Formula(sheet, ref string) string {
	b.tb.Helper()
	formula, err := b.f.GetCellFormula(sheet, ref)
	if err != nil {
		b.tb.Fatalf("sheettest: formula of %s!%s: %v", sheet, ref, err)
	}
	return formula
}

// CellName is the reference of a cell counted from 0, as Rows indexes it: CellName(0, 1)
// is "A2".
func CellName(col, row int) string {
	name, err := excelize.CoordinatesToCellName(col+1, row+1)
	if err != nil {
		panic("sheettest: " + err.Error()) // only a negative index gets here
	}
	return name
}
