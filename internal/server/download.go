package server

import (
	"bytes"
	"encoding/csv"
	"errors"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/go-chi/chi/v5"
	"github.com/xuri/excelize/v2"

	"github.com/arrs-planner/arrs/internal/gaps"
	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/report"
	"github.com/arrs-planner/arrs/internal/workforce"

	gapsweb "github.com/arrs-planner/arrs/web/gaps"
)

// Downloads of the gap tables: CSV exactly as `arrs report gaps --format csv` writes
// it (PLANNING.md, "Gap report"), and XLSX with the same columns and the same numbers,
// as numbers. Both sorted by code, whatever order the page shows.

const (
	csvType  = "text/csv; charset=utf-8"
	xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
)

// The formats of the downloads: the report's CSV, and XLSX, which only the web offers.
const (
	formatCSV                = report.CSV
	formatXLSX report.Format = "xlsx"
)

// downloadLinks are a table's CSV and XLSX links: path.csv and path.xlsx with the
// page's query.
func downloadLinks(path string, q url.Values) []gapsweb.Download {
	return []gapsweb.Download{
		{Text: "CSV", Href: withQuery(path+".csv", q), TestID: "download-csv"},
		{Text: "Excel (XLSX)", Href: withQuery(path+".xlsx", q), TestID: "download-xlsx"},
	}
}

// gapsDownload is /gaps.csv and /gaps.xlsx: one level of the report (?level=,
// default region) with the page's what-if.
func (s *Server) gapsDownload(format report.Format) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		level, err := gapLevel(r)
		if err != nil {
			return err
		}
		res, err := s.downloadResult(r)
		if err != nil {
			return err
		}
		rows := report.GapRows(res.Rows(planning.Level(level)), res.Name)
		return writeGaps(w, format, downloadName("gaps-"+level, res), rows)
	}
}

// gapsICBDownload is /gaps/icbs/{code}.csv and .xlsx: the ICB's PCNs.
func (s *Server) gapsICBDownload(format report.Format) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		code := strings.ToUpper(chi.URLParam(r, "code"))
		res, err := s.downloadResult(r)
		if err != nil {
			return err
		}
		if _, ok := findGap(res.ICBs, code); !ok {
			return errNotFound
		}
		var pcns []planning.Gap
		for _, g := range res.PCNs {
			if g.ICB == code {
				pcns = append(pcns, g)
			}
		}
		return writeGaps(w, format, downloadName("gaps-icb-"+code+"-pcns", res), report.GapRows(pcns, res.Name))
	}
}

// downloadResult computes the report of the request's what-if; a download has no
// form to show messages on, so a bad value is a 400 naming it.
func (s *Server) downloadResult(r *http.Request) (*gaps.Result, error) {
	figs, _, err := s.gapsWithoutForm(r, "")
	if err != nil {
		return nil, err
	}
	if figs.noCensus {
		return nil, errBadRequest("No workforce has been imported yet: there is nothing to download.")
	}
	if figs.noTarget {
		return nil, errBadRequest("No target has been set: there is nothing to download.")
	}
	return figs.data.res, nil
}

// downloadName is the file's name: what it holds and the as-of date.
func downloadName(what string, res *gaps.Result) string {
	name := "arrs-" + what + "-" + res.AsOf.Format(workforce.DateLayout)
	if res.Options.AttritionOverride != nil || res.Options.TargetFTEOverride != nil || res.Options.DeadlineOverride != nil || !res.Options.AsOf.IsZero() {
		name += "-what-if"
	}
	return name
}

// writeGaps writes the rows as a CSV or XLSX attachment, text cells escaped
// against formula injection.
func writeGaps(w http.ResponseWriter, format report.Format, name string, rows []report.GapRow) error {
	for i := range rows {
		rows[i].Name = escapeFormula(rows[i].Name)
		rows[i].Code = escapeFormula(rows[i].Code)
	}
	var csvOut bytes.Buffer
	if err := report.WriteGaps(&csvOut, report.CSV, rows); err != nil {
		return err
	}
	return writeTable(w, format, name, "Gaps", textColumns, csvOut.Bytes())
}

// writeTable sends a CSV (already escaped) as an attachment, or as an XLSX of one
// sheet holding the same cells, the text columns named as text and every other
// column's numbers as numbers.
func writeTable(w http.ResponseWriter, format report.Format, name, sheet string, text map[string]bool, csvData []byte) error {
	body, ctype, ext := csvData, csvType, ".csv"
	if format == formatXLSX {
		var err error
		if body, err = csvToSheet(csvData, sheet, text); err != nil {
			return err
		}
		ctype, ext = xlsxType, ".xlsx"
	}
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name + ext}))
	h.Set("Content-Length", strconv.Itoa(len(body)))
	_, err := w.Write(body)
	return err
}

// escapeFormula keeps a spreadsheet from reading a text cell as a formula (OWASP,
// "CSV injection"): a cell starting with = + - @, a tab or a carriage return gets a
// leading single quote. Numbers are written by the report and never escaped.
func escapeFormula(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// textColumns are the report's columns that hold text; every other holds a number.
var textColumns = map[string]bool{"level": true, "code": true, "name": true}

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
	if err := styleGapSheet(f, sheet, header, len(recs)); err != nil {
		return nil, err
	}
	var out bytes.Buffer
	if err := f.Write(&out); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
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

// styleGapSheet shows FTE and pounds with 2 decimals, as the CSV writes them, and
// freezes the header row.
func styleGapSheet(f *excelize.File, sheet string, header []string, rows int) error {
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
	return f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}

// twoDecimals reports whether a column holds FTE or pounds.
func twoDecimals(column string) bool {
	return column == "fte" || strings.HasSuffix(column, "_fte") || strings.HasSuffix(column, "_gbp")
}

// gapsWithoutForm computes the gap figures of the request's what-if where there is no
// form to show messages on (downloads, the PCN panel): a bad value is a 400 naming it.
func (s *Server) gapsWithoutForm(r *http.Request, prefix string) (gapFigures, gapsweb.WhatIf, error) {
	opts, form, err := s.whatIf(r, r.URL.Path)
	if err != nil {
		return gapFigures{}, form, err
	}
	figs, err := s.computeGaps(r.Context(), opts, &form)
	if err != nil {
		return gapFigures{}, form, err
	}
	if form.HasErrors() {
		msgs := make([]string, len(form.Errors))
		for i, e := range form.Errors {
			msgs[i] = e.Text
		}
		return gapFigures{}, form, errBadRequest("%s%s.", prefix, strings.Join(msgs, ". "))
	}
	return figs, form, nil
}
