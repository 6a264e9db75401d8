package importer

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/arrs-planner/arrs/internal/plansheet"
	"github.com/arrs-planner/arrs/internal/plantemplate"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// The plan page's template.xlsx (the planning-template layout) uploaded as a plan is
// named for what it is, with the file to upload instead; another workbook without
// the plan-lines columns still names the missing column.
func TestReadPlanWorkbookNamesTheTemplateLayout(t *testing.T) {
	t.Parallel()
	year := []plansheet.Cells{{Starters: 1}}
	var b bytes.Buffer
	err := plantemplate.Write(&b, plansheet.Header{Network: "Shrewsbury PCN", Code: "U60057", Version: 1, Status: "Draft"}, plansheet.Table{
		Years: []workforce.FinancialYear{2026}, Rows: []plansheet.Row{{Role: "paramedic", Name: "Paramedic", Years: year}}, Total: plansheet.Row{Years: year}})
	if err != nil {
		t.Fatal(err)
	}
	const want = "U60057 plan template.xlsx: this is the plan in the planning-template layout, which is for reading and printing: " +
		"upload the plan-lines file (plan.csv or plan.xlsx from the plan page) instead"
	_, err = ReadPlanFile("U60057 plan template.xlsx", bytes.NewReader(b.Bytes()), known)
	if err == nil || err.Error() != want {
		t.Errorf("the template uploaded:\n%v\nwant\n%s", err, want)
	}
	// Renamed, its title still tells it.
	data := replaceSheetName(t, b.Bytes())
	if _, err := ReadPlanWorkbook("renamed.xlsx", bytes.NewReader(data), known); err == nil || !strings.Contains(err.Error(), "planning-template layout") {
		t.Errorf("the template with its sheet renamed: %v", err)
	}
	other := workbookOf("Role,Starters\nParamedic,1\n")(t)
	_, err = ReadPlanWorkbook("other.xlsx", bytes.NewReader(other), known)
	var row *RowError
	if !errors.As(err, &row) || row.Column != "pcn_code" || row.Reason != "required column is missing from the header" {
		t.Errorf("another workbook without the columns: %v", err)
	}
}

// replaceSheetName is a workbook with its first sheet renamed "Plan".
func replaceSheetName(t *testing.T, data []byte) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	must(t, f.SetSheetName(f.GetSheetList()[0], "Plan"))
	return write(t, f)
}
