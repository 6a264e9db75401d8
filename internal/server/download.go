package server

import (
	"bytes"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/arrs-planner/arrs/internal/gaps"
	"github.com/arrs-planner/arrs/internal/need"
	"github.com/arrs-planner/arrs/internal/report"
	"github.com/arrs-planner/arrs/internal/workforce"

	gapsweb "github.com/arrs-planner/arrs/web/gaps"
)

// Downloads of the gap tables (report.WriteGapsFile; PLANNING.md, "Gap report"): the
// CSV of `arrs report gaps --format csv` with its text escaped against formula
// injection, and the XLSX of `--format xlsx`; sorted by code whatever order the page
// shows. The other downloads (plan files, the claim schedule, the ICB comparison) are
// written by report too, and sent by attachment.

const (
	csvType  = "text/csv; charset=utf-8"
	xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
)

// The formats of the downloads.
const (
	formatCSV  = report.CSV
	formatXLSX = report.XLSX
)

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
		rows := report.GapRows(res.Rows(workforce.Level(level)), res.Name)
		return attachment(w, format, downloadName("gaps-"+level, res), func(w io.Writer) error { return report.WriteGapsFile(w, format, rows) })
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
		pcns, ok := res.PCNsOfICB(code)
		if !ok {
			return errNotFound
		}
		rows := report.GapRows(pcns, res.Name)
		return attachment(w, format, downloadName("gaps-icb-"+code+"-pcns", res), func(w io.Writer) error { return report.WriteGapsFile(w, format, rows) })
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

// downloadName is the file's name: what it holds and the as-of date, then "-what-if"
// under a what-if and "-need" when need-adjusted populations stand in (?denominator=need).
func downloadName(what string, res *gaps.Result) string {
	name := "arrs-" + what + "-" + res.AsOf.Format(workforce.DateLayout)
	if res.Options.AttritionOverride != nil || res.Options.TargetFTEOverride != nil || res.Options.DeadlineOverride != nil || !res.Options.AsOf.IsZero() {
		name += "-what-if"
	}
	if res.Denominator == need.Need {
		name += "-need"
	}
	return name
}

// attachment sends the file write fills as an attachment named name (its extension
// added), with its length.
func attachment(w http.ResponseWriter, format report.Format, name string, write func(io.Writer) error) error {
	var body bytes.Buffer
	if err := write(&body); err != nil {
		return err
	}
	ctype := csvType
	if format == formatXLSX {
		ctype = xlsxType
	}
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name + "." + string(format)}))
	h.Set("Content-Length", strconv.Itoa(body.Len()))
	_, err := w.Write(body.Bytes())
	return err
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
			msgs[i] = e.Message
		}
		return gapFigures{}, form, errBadRequest("%s%s.", prefix, strings.Join(msgs, ". "))
	}
	return figs, form, nil
}
