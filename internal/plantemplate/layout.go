package plantemplate

import (
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/arrs-planner/arrs/internal/plansheet"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// Column widths, in characters: the longest role name ("Nursing associate / trainee
// nursing associate"-like names) wraps within roleWidth; a year's four columns fit
// their headings on three lines.
const (
	roleWidth   = 36
	inPostWidth = 14
)

// yearWidths are the widths of a year's four columns.
var yearWidths = [4]float64{11, 11, 16, 13}

// widthChars is the table's width in characters, for the height of a wrapped note.
func (s *sheet) widthChars() float64 {
	w := float64(roleWidth + inPostWidth)
	for range s.t.Years {
		for _, y := range yearWidths {
			w += y
		}
	}
	return w
}

// layout sets the column widths, freezes the header rows and the role column, and
// sets the sheet to print on A4 landscape, one page wide, with the header rows on
// every page and the network and page number in the footer.
func (s *sheet) layout(h plansheet.Header) {
	if s.err != nil {
		return
	}
	s.fail(s.f.SetColWidth(Sheet, "A", "A", roleWidth))
	s.fail(s.f.SetColWidth(Sheet, "B", "B", inPostWidth))
	for i := range s.t.Years {
		for j, w := range yearWidths {
			col, err := excelize.ColumnNumberToName(3 + 4*i + j)
			s.fail(err)
			s.fail(s.f.SetColWidth(Sheet, col, col, w))
		}
	}
	body := s.head + 2
	s.fail(s.f.SetPanes(Sheet, &excelize.Panes{Freeze: true, XSplit: 1, YSplit: body - 1,
		TopLeftCell: "B" + strconv.Itoa(body), ActivePane: "bottomRight"}))
	s.print(h)
}

// print is the page setup: A4 landscape, fit to one page wide (as long as it takes),
// the header rows repeated, the network and the page in the footer.
func (s *sheet) print(h plansheet.Header) {
	a4, landscape, wide, tall, fit := 9, "landscape", 1, 0, true
	s.fail(s.f.SetPageLayout(Sheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &landscape, FitToWidth: &wide, FitToHeight: &tall}))
	s.fail(s.f.SetSheetProps(Sheet, &excelize.SheetPropsOptions{FitToPage: &fit}))
	rows := "$" + strconv.Itoa(s.head) + ":$" + strconv.Itoa(s.head+1)
	s.fail(s.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: "'" + Sheet + "'!" + rows, Scope: Sheet}))
	footer := "&L" + footerText(workforce.Clip(h.Title(), 150)+", version "+strconv.Itoa(h.Version)+" ("+h.Status+")") + "&RPage &P of &N"
	s.fail(s.f.SetHeaderFooter(Sheet, &excelize.HeaderFooterOptions{OddFooter: footer}))
}

// footerText escapes the ampersands of a name, which Excel's header and footer codes
// would read as codes (the footer is at most 255 characters: the title is clipped).
func footerText(s string) string { return strings.ReplaceAll(s, "&", "&&") }
