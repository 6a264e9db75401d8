package plantemplate

import "github.com/xuri/excelize/v2"

// The workbook's formats: FTE with 2 decimals (as plan files write them), money in
// whole pounds, "no data" in grey italics so that it is never read as a number.
const (
	fteFormat   = 2 // Excel's built-in "0.00"
	moneyFormat = `"£"#,##0;-"£"#,##0`
	paleGrey    = "E8EDEE" // NHS pale grey
	midGrey     = "768692" // NHS mid grey
)

// style names a cell format of the sheet.
type style int

const (
	sTitle style = iota
	sLabel
	sHead
	sYearHead
	sRole
	sFTE
	sMoney
	sNoData
	sNetwork // a role row's FTE at the year end: the network's only, shaded
	sTotalLabel
	sTotalFTE
	sTotalMoney
	sTotalNoData
	sNote
	styleCount
)

// newStyles registers every style of the sheet with the workbook.
func newStyles(f *excelize.File) ([styleCount]int, error) {
	var ids [styleCount]int
	money := moneyFormat
	top := []excelize.Border{{Type: "top", Color: "000000", Style: 2}}
	all := []excelize.Border{{Type: "left", Color: midGrey, Style: 1}, {Type: "right", Color: midGrey, Style: 1},
		{Type: "top", Color: midGrey, Style: 1}, {Type: "bottom", Color: midGrey, Style: 1}}
	head := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{paleGrey}}
	wrap := &excelize.Alignment{WrapText: true, Vertical: "top"}
	defs := [styleCount]excelize.Style{
		sTitle:       {Font: &excelize.Font{Bold: true, Size: 14}},
		sLabel:       {Font: &excelize.Font{Bold: true}},
		sHead:        {Font: &excelize.Font{Bold: true}, Fill: head, Border: all, Alignment: &excelize.Alignment{WrapText: true, Vertical: "bottom"}},
		sYearHead:    {Font: &excelize.Font{Bold: true}, Fill: head, Border: all, Alignment: &excelize.Alignment{Horizontal: "center"}},
		sRole:        {Alignment: wrap},
		sFTE:         {NumFmt: fteFormat},
		sMoney:       {CustomNumFmt: &money},
		sNoData:      {Font: &excelize.Font{Italic: true, Color: midGrey}, Alignment: &excelize.Alignment{Horizontal: "right"}},
		sNetwork:     {Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{paleGrey}}},
		sTotalLabel:  {Font: &excelize.Font{Bold: true}, Border: top},
		sTotalFTE:    {Font: &excelize.Font{Bold: true}, Border: top, NumFmt: fteFormat},
		sTotalMoney:  {Font: &excelize.Font{Bold: true}, Border: top, CustomNumFmt: &money},
		sTotalNoData: {Font: &excelize.Font{Bold: true, Italic: true, Color: midGrey}, Border: top, Alignment: &excelize.Alignment{Horizontal: "right"}},
		sNote:        {Alignment: wrap},
	}
	for i := range defs {
		id, err := f.NewStyle(&defs[i])
		if err != nil {
			return ids, err
		}
		ids[i] = id
	}
	return ids, nil
}
