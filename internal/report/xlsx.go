package report

import (
	"bytes"
	"encoding/csv"
	"errors"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// csvToSheet copies a CSV into a workbook of one sheet, cell for cell, numbers as
// numbers: the XLSX cannot differ from the CSV.
func csvToSheet(data []byte, sheet string, text map[string]bool) ([]byte, error) {
	recs, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil || len(recs) == 0 {
		return nil, errors.Join(errors.New("xlsx: reading the report"), err)
	}
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return nil, err
	}
	header := recs[0]
	for i, rec := range recs {
		row := make([]any, len(rec))
		for j, cell := range rec {
			row[j] = xlsxValue(cell, i == 0 || text[header[j]])
		}
		if err := f.SetSheetRow(sheet, "A"+strconv.Itoa(i+1), &row); err != nil {
			return nil, err
		}
	}
	if err := styleSheet(f, sheet, header, len(recs)); err != nil {
		return nil, err
	}
	return workbookBytes(f)
}

// xlsxValue is a CSV cell as a workbook value: a number in a numeric column, text
// (already escaped) otherwise; an empty cell stays empty.
func xlsxValue(cell string, text bool) any {
	if text || cell == "" {
		return cell
	}
	if v, err := strconv.ParseFloat(cell, 64); err == nil {
		return v
	}
	return cell
}

// styleSheet shows FTE and pounds with 2 decimals, as the CSV writes them, and
// freezes the header row.
func styleSheet(f *excelize.File, sheet string, header []string, rows int) error {
	twoDP, err := f.NewStyle(&excelize.Style{NumFmt: 2}) // 0.00
	if err != nil {
		return err
	}
	for j, name := range header {
		if !twoDecimals(name) || rows < 2 {
			continue
		}
		col, err := excelize.ColumnNumberToName(j + 1)
		if err != nil {
			return err
		}
		if err := f.SetCellStyle(sheet, col+"2", col+strconv.Itoa(rows), twoDP); err != nil {
			return err
		}
	}
	return freezeHeader(f, sheet)
}

// twoDecimals reports whether a column holds FTE or pounds.
func twoDecimals(column string) bool {
	return column == "fte" || strings.HasSuffix(column, "_fte") || strings.HasSuffix(column, "_gbp")
}

// freezeHeader keeps the header row in view as the sheet scrolls.
func freezeHeader(f *excelize.File, sheet string) error {
	return f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}

// workbookBytes is the workbook as a file.
func workbookBytes(f *excelize.File) ([]byte, error) {
	var out bytes.Buffer
	if err := f.Write(&out); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}
