package plantemplate

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/arrs-planner/arrs/internal/plansheet"
)

// Sheet is the name of the workbook's one sheet.
const Sheet = "Workforce plan"

// Write writes the table as an Excel workbook (XLSX).
func Write(w io.Writer, h plansheet.Header, t plansheet.Table) error {
	f, err := Workbook(h, t)
	if err != nil {
		return err
	}
	defer f.Close()
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		return fmt.Errorf("plantemplate: writing the workbook of %s: %w", h.Code, err)
	}
	_, err = w.Write(b.Bytes())
	return err
}

// Workbook lays the table out on one sheet: the title block, the header rows, a row
// per role, the totals and the notes; headers and the role column frozen; set to
// print on A4 landscape, one page wide, the header rows repeated on each page.
func Workbook(h plansheet.Header, t plansheet.Table) (*excelize.File, error) {
	f := excelize.NewFile()
	s := &sheet{f: f, t: t}
	err := s.write(h)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("plantemplate: the workbook of %s: %w", h.Code, err)
	}
	return f, nil
}

// sheet is the sheet being written: the next row, and the first error met (each step
// is skipped once one is).
type sheet struct {
	f     *excelize.File
	t     plansheet.Table
	style [styleCount]int
	row   int
	head  int // the first of the two header rows
	err   error
}

func (s *sheet) write(h plansheet.Header) error {
	if err := s.f.SetSheetName("Sheet1", Sheet); err != nil {
		return err
	}
	if s.style, s.err = newStyles(s.f); s.err != nil {
		return s.err
	}
	s.titleBlock(h)
	s.headers()
	for _, r := range s.t.Rows {
		s.tableRow(r, roleStyles)
	}
	s.tableRow(s.t.Total, totalStyles)
	s.row++ // a blank row before the notes
	s.notes()
	s.layout(h)
	return s.err
}

// columns is how many columns the table spans: role, in post, four a year.
func (s *sheet) columns() int { return 2 + 4*len(s.t.Years) }

// cell is the reference of a column (from 1) in the current row.
func (s *sheet) cell(col int) string {
	ref, err := excelize.CoordinatesToCellName(col, s.row)
	s.fail(err)
	return ref
}

func (s *sheet) fail(err error) {
	if s.err == nil && err != nil {
		s.err = err
	}
}

// put writes a value to a column of the current row in a style.
func (s *sheet) put(col int, v any, st style) {
	if s.err != nil {
		return
	}
	ref := s.cell(col)
	s.fail(s.f.SetCellValue(Sheet, ref, v))
	s.fail(s.f.SetCellStyle(Sheet, ref, ref, s.style[st]))
}

// titleBlock writes whose plan it is, its version and status, who moved it and when,
// and when the file was made.
func (s *sheet) titleBlock(h plansheet.Header) {
	s.row = 1
	s.put(1, h.Title(), sTitle)
	facts := [][2]string{
		{"Network", h.Network + " (" + h.Code + ")"},
		{"ICB", strings.TrimSpace(h.ICB + " (" + h.ICBCode + ")")},
		{"Plan version", strconv.Itoa(h.Version) + ": " + h.Status},
	}
	for _, st := range h.Stamps {
		facts = append(facts, [2]string{st.What, st.Text()})
	}
	asOf := plansheet.NoData
	if !s.t.AsOf.IsZero() {
		asOf = day(s.t.AsOf)
	}
	facts = append(facts, [2]string{"Staff data as of", asOf}, [2]string{"Generated", plansheet.When(h.Generated)})
	for _, fact := range facts {
		s.row++
		s.put(1, fact[0], sLabel)
		s.put(2, fact[1], sRole)
	}
	s.row += 2
}

// headers writes the two header rows: the role and in-post columns, then each year's
// group of four.
func (s *sheet) headers() {
	s.head = s.row
	inPost := "In post (FTE)"
	if !s.t.AsOf.IsZero() {
		inPost = "In post on " + s.t.AsOf.Format("2 Jan 2006") + " (FTE)"
	}
	for col, text := range []string{"Role", inPost} {
		s.put(col+1, text, sHead)
		s.row++
		s.put(col+1, "", sHead)
		s.row--
		s.merge(col+1, s.row, col+1, s.row+1)
	}
	for i, fy := range s.t.Years {
		first := 3 + 4*i
		for j := range 4 {
			s.put(first+j, "", sYearHead)
		}
		s.put(first, fy.String()+" (1 April "+strconv.Itoa(int(fy))+" to 31 March "+strconv.Itoa(int(fy)+1)+")", sYearHead)
		s.merge(first, s.row, first+3, s.row)
	}
	s.row++
	for i := range s.t.Years {
		for j, text := range []string{"Starters (FTE)", "Leavers (FTE)", "FTE at 31 March (projected, whole network)", "Planned cost (£)"} {
			s.put(3+4*i+j, text, sHead)
		}
	}
	s.fail(s.f.SetRowHeight(Sheet, s.row, 48))
	s.row++
}

func (s *sheet) merge(c1, r1, c2, r2 int) {
	if s.err != nil {
		return
	}
	from, err := excelize.CoordinatesToCellName(c1, r1)
	s.fail(err)
	to, err := excelize.CoordinatesToCellName(c2, r2)
	s.fail(err)
	s.fail(s.f.MergeCell(Sheet, from, to))
}

// rowStyles are the formats of a row of the table: a role's, or the totals'.
type rowStyles struct{ label, fte, money, noData style }

var (
	roleStyles  = rowStyles{sRole, sFTE, sMoney, sNoData}
	totalStyles = rowStyles{sTotalLabel, sTotalFTE, sTotalMoney, sTotalNoData}
)

// tableRow writes a role's row or the totals (Role ""). The FTE at the year end is the
// network's only: the totals have it, a role's row a shaded blank.
func (s *sheet) tableRow(r plansheet.Row, st rowStyles) {
	s.put(1, r.Name, st.label)
	s.figure(2, r.InPost, st.fte, st.noData)
	for i, c := range r.Years {
		col := 3 + 4*i
		s.put(col, fte(c.Starters), st.fte)
		s.put(col+1, fte(c.Leavers), st.fte)
		if r.Role == "" {
			s.figure(col+2, c.YearEnd, st.fte, st.noData)
		} else {
			s.put(col+2, nil, sNetwork)
		}
		s.money(col+3, c.Cost, st.money, st.noData)
	}
	s.row++
}

// figure writes an FTE, or "no data".
func (s *sheet) figure(col int, f plansheet.Figure, known, unknown style) {
	if !f.Known {
		s.put(col, plansheet.NoData, unknown)
		return
	}
	s.put(col, fte(f.Value), known)
}

// money writes pounds, or "no data".
func (s *sheet) money(col int, m plansheet.Money, known, unknown style) {
	if !m.Known {
		s.put(col, plansheet.NoData, unknown)
		return
	}
	s.put(col, m.Pence.Pounds(), known)
}

// fte keeps the 6 decimals FTE are held to, without the binary noise of a sum.
func fte(v float64) float64 { return math.Round(v*1e6) / 1e6 }

// notes writes the notes under the table, each across its width.
func (s *sheet) notes() {
	s.put(1, "Notes", sLabel)
	s.row++
	width := s.widthChars()
	for _, n := range s.t.Notes {
		s.put(1, n, sNote)
		s.merge(1, s.row, s.columns(), s.row)
		lines := math.Ceil(float64(len(n)) / width)
		s.fail(s.f.SetRowHeight(Sheet, s.row, 15*lines+3))
		s.row++
	}
}
