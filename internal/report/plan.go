package report

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"

	"github.com/xuri/excelize/v2"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// A plan file is one version of a PCN's plan in the plan-lines format of PLANNING.md,
// the format importer.ReadPlanFile reads: a downloaded file uploads back to the same
// lines, so FTE keep every decimal stored and costs their pence.

// PlanHeader is the header of a plan lines file; a download always names each line's
// funding stream.
var PlanHeader = []string{"pcn_code", "role_code", "quarter", "starters_fte", "leavers_fte", "annual_cost_gbp", "funding_stream"}

// WritePlan writes a PCN's plan lines as the plan page's download, CSV or XLSX, text
// escaped against formula injection.
func WritePlan(w io.Writer, f Format, pcn string, lines []workforce.PlanLine) error {
	recs := planRecords(pcn, lines)
	if f == XLSX {
		book, err := planWorkbook(recs)
		if err != nil {
			return fmt.Errorf("report: the plan workbook of %s: %w", pcn, err)
		}
		_, err = w.Write(book)
		return err
	}
	var b bytes.Buffer
	if err := csv.NewWriter(&b).WriteAll(recs); err != nil {
		return fmt.Errorf("report: the plan of %s: %w", pcn, err)
	}
	_, err := w.Write(b.Bytes())
	return err
}

// planRecords are the rows of a plan file, header first.
func planRecords(pcn string, lines []workforce.PlanLine) [][]string {
	recs := [][]string{PlanHeader}
	for _, l := range lines {
		recs = append(recs, []string{escapeFormula(pcn), escapeFormula(l.RoleCode), escapeFormula(workforce.QuarterOf(l.QuarterStart).String()),
			strconv.FormatFloat(l.StartersFTE, 'f', -1, 64), strconv.FormatFloat(l.LeaversFTE, 'f', -1, 64), planCost(l.AnnualCostPence),
			string(l.FundingStream())})
	}
	return recs
}

// planCost is a cost as the plan page's grid shows it for editing: plain pounds, pence
// when any, "" when not known.
func planCost(p *workforce.Pence) string {
	if p == nil {
		return ""
	}
	return p.Input()
}

// planWorkbook writes the rows to a workbook's one sheet, FTE and costs as numbers and
// an unknown cost as no cell.
func planWorkbook(recs [][]string) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "Plan"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return nil, err
	}
	for i, rec := range recs {
		row := make([]any, len(rec))
		for j, cell := range rec {
			row[j] = cell
			if v, err := strconv.ParseFloat(cell, 64); err == nil && i > 0 && j >= 3 {
				row[j] = v
			} else if cell == "" {
				row[j] = nil
			}
		}
		if err := f.SetSheetRow(sheet, "A"+strconv.Itoa(i+1), &row); err != nil {
			return nil, err
		}
	}
	if err := freezeHeader(f, sheet); err != nil {
		return nil, err
	}
	return workbookBytes(f)
}
