package importer

import (
	"bytes"
	"errors"
	"strings"

	"github.com/xuri/excelize/v2"
)

// The planning-template layout (internal/plantemplate, the plan page's template.xlsx):
// its one sheet's name, and the start of its title in A1.
const (
	templateSheet = "Workforce plan"
	templateTitle = "ARRS workforce plan"
)

// templateLayout is err, a workbook's header without the plan-lines columns, said
// plainly when the workbook is the plan in the planning-template layout: people
// download it from the plan page, change it and upload it, and "required column is
// missing" would not tell them which file to upload instead.
func templateLayout(file string, data []byte, err error) error {
	var row *RowError
	if !errors.As(err, &row) || row.Line != 1 || !strings.HasPrefix(row.Reason, "required column is missing") || !planningTemplate(data) {
		return err
	}
	return &RowError{File: file, Reason: "this is the plan in the planning-template layout, which is for reading and printing: " +
		"upload the plan-lines file (plan.csv or plan.xlsx from the plan page) instead"}
}

// planningTemplate reports whether a workbook, already opened once within the limits,
// is in the planning-template layout: its first sheet is templateSheet, or its A1
// starts with templateTitle.
func planningTemplate(data []byte) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	book, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit: MaxWorkbookUnpackedBytes, UnzipXMLSizeLimit: MaxWorkbookPartBytes})
	if err != nil {
		return false
	}
	defer book.Close()
	sheets := book.GetSheetList()
	if len(sheets) == 0 {
		return false
	}
	title, err := book.GetCellValue(sheets[0], "A1")
	return sheets[0] == templateSheet || err == nil && strings.HasPrefix(title, templateTitle)
}
