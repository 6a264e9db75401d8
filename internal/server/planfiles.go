package server

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/arrs-planner/arrs/internal/importer"
	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/web/ui"
)

// Plan files: a version of a PCN's plan in the plan-lines format of PLANNING.md
// (pcn_code, role_code, quarter, starters_fte, leavers_fte, annual_cost_gbp), as CSV
// or XLSX, and an upload of either to replace the draft. A downloaded file uploads
// back to the same lines: FTE keep their 6 decimals, costs their pence.

// planColumnsHeader is the header of a plan lines file.
var planColumnsHeader = []string{"pcn_code", "role_code", "quarter", "starters_fte", "leavers_fte", "annual_cost_gbp"}

// planDownload is /pcns/{code}/plan.csv and .xlsx: ?version=ID, else the editable
// plan, else the newest version.
func (s *Server) planDownload(format string) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		st, err := s.loadPlanState(r)
		if err != nil {
			return err
		}
		p, ok, err := st.requested(r)
		if err != nil {
			return err
		}
		if !ok {
			return errNotFound
		}
		lines, err := s.db.PlanLines(r.Context(), p.ID)
		if err != nil {
			return err
		}
		recs := planRecords(st.pcn.Code, lines)
		name := fmt.Sprintf("arrs-plan-%s-version-%d", st.pcn.Code, st.number(p.ID))
		var body []byte
		ctype := csvType
		if format == "xlsx" {
			body, err = planXLSX(recs)
			ctype = xlsxType
		} else {
			body, err = planCSV(recs)
		}
		if err != nil {
			return err
		}
		h := w.Header()
		h.Set("Content-Type", ctype)
		h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name + "." + format}))
		h.Set("Content-Length", strconv.Itoa(len(body)))
		_, err = w.Write(body)
		return err
	}
}

// planRecords are the rows of a plan file, header first; text cells are escaped
// against formula injection.
func planRecords(pcn string, lines []store.PlanLine) [][]string {
	recs := [][]string{planColumnsHeader}
	for _, l := range lines {
		recs = append(recs, []string{escapeFormula(pcn), escapeFormula(l.RoleCode), escapeFormula(planning.QuarterOf(l.QuarterStart).String()),
			strconv.FormatFloat(l.StartersFTE, 'f', -1, 64), strconv.FormatFloat(l.LeaversFTE, 'f', -1, 64), planCostText(l.AnnualCostPence)})
	}
	return recs
}

func planCSV(recs [][]string) ([]byte, error) {
	var b bytes.Buffer
	cw := csv.NewWriter(&b)
	if err := cw.WriteAll(recs); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// planXLSX writes the rows to a workbook's one sheet, numbers as numbers.
func planXLSX(recs [][]string) ([]byte, error) {
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
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return nil, err
	}
	var out bytes.Buffer
	if err := f.Write(&out); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// planUpload is POST /pcns/{code}/plan/upload: a CSV or XLSX file of this PCN's lines
// replaces its draft whole (or starts one from the file). A bad file is refused with
// 422 naming its row and column (413 when too large); a draft changed since the page
// was opened with 409.
func (s *Server) planUpload(w http.ResponseWriter, r *http.Request) error {
	st, err := s.loadPlanState(r)
	if err != nil {
		return err
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxUpload)
	f, hdr, err := r.FormFile("file")
	if err != nil {
		status, msg := s.uploadProblem(r, err)
		return s.planUploadRefused(w, r, st, status, msg)
	}
	defer f.Close()
	planID, version, err := postedVersion(r, st)
	if err != nil {
		return err
	}
	name := filepath.Base(hdr.Filename)
	lines, err := s.readPlanFile(r, st, name, f)
	if status, msg, refused := s.fileRefusal(r, err); refused {
		return s.planUploadRefused(w, r, st, status, msg)
	}
	if err != nil {
		return err
	}
	var old []store.PlanLine
	if planID != 0 {
		if old, err = s.db.PlanLines(r.Context(), planID); err != nil {
			return err
		}
	}
	saved, err := s.saveDraft(r, st, store.DraftSave{PCN: st.pcn.Code, PlanID: planID, Version: version, Lines: lines, Action: store.ActionUpload}, old)
	if errors.Is(err, store.ErrConflict) {
		return s.planUploadRefused(w, r, st, http.StatusConflict, "The plan was changed after you opened this page, so the file was not uploaded: check the plan, then upload the file again")
	}
	if err != nil {
		return err
	}
	s.sessions.Put(r.Context(), keyFlash, fmt.Sprintf("Uploaded %s: its %d lines are the draft now (version %d).", name, len(lines), versionNumber(st, saved)))
	http.Redirect(w, r, "/pcns/"+st.pcn.Code+"/plan", http.StatusSeeOther)
	return nil
}

// readPlanFile reads an uploaded plan, CSV or (by its name) an Excel workbook, with the
// plan lines readers and their limits: lines of this PCN only, at most
// importer.MaxPlanLines of them, costs in the grid's range. A refused file is an
// *importer.RowError or *importer.LimitError.
func (s *Server) readPlanFile(r *http.Request, st planState, name string, f io.Reader) ([]store.PlanLine, error) {
	tree, err := cached(r.Context(), s, "tree", s.db.Tree)
	if err != nil {
		return nil, err
	}
	known := importer.Known{PCNs: make(map[string]bool, len(tree.PCNs)), RoleAdded: make(map[string]time.Time, len(st.roles))}
	for _, p := range tree.PCNs {
		known.PCNs[p.Code] = p.Code == st.pcn.Code
	}
	for _, role := range st.roles {
		known.RoleAdded[role.Code] = role.Added
	}
	read := importer.ReadPlans
	if strings.EqualFold(filepath.Ext(name), ".xlsx") {
		read = importer.ReadPlanWorkbook
	}
	lines, err := read(name, f, known)
	if err != nil {
		return nil, err
	}
	out := make([]store.PlanLine, len(lines))
	for i, l := range lines {
		out[i] = store.PlanLine{PCNCode: l.PCNCode, RoleCode: l.RoleCode, QuarterStart: l.Quarter.Start(),
			StartersFTE: l.StartersFTE, LeaversFTE: l.LeaversFTE, AnnualCostPence: l.AnnualCostPence}
	}
	return out, nil
}

// planUploadRefused re-renders the plan page with the upload's message.
func (s *Server) planUploadRefused(w http.ResponseWriter, r *http.Request, st planState, status int, msg string) error {
	if status == http.StatusConflict {
		var err error
		if st, err = s.loadPlanState(r); err != nil {
			return err
		}
	}
	v, err := viewFor(r, st)
	if err != nil {
		return err
	}
	v.uploadError = msg
	v.problems = []ui.ErrorSummaryItem{{Text: msg, Href: "#file"}}
	return s.renderPlan(w, r, status, v)
}
