package server

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"path/filepath"

	"github.com/arrs-planner/arrs/internal/importer"
	"github.com/arrs-planner/arrs/internal/report"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/ui"
)

// Plan files: a version of a PCN's plan in the plan-lines format of PLANNING.md as CSV
// or XLSX (report.WritePlan, as `arrs report plan` writes it), and an upload of either
// to replace the draft (importer.ReadPlanFile). A downloaded file uploads back to the
// same lines.

// planDownload is /pcns/{code}/plan.csv and .xlsx: ?version=ID, else the editable
// plan, else the newest version.
func (s *Server) planDownload(format report.Format) handlerFunc {
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
		name := fmt.Sprintf("arrs-plan-%s-version-%d", st.pcn.Code, st.Number(p.ID))
		return attachment(w, format, name, func(w io.Writer) error { return report.WritePlan(w, format, st.pcn.Code, lines) })
	}
}

// planUpload is POST /pcns/{code}/plan/upload: a CSV or XLSX file of this PCN's lines
// replaces its draft whole (or starts one from the file). A bad file is refused with
// 422 listing every wrong row, with its line and column (importer.RowErrors); a file
// past a limit with 422 naming it (413 when too large); a draft changed since the page
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
	var rows *importer.RowErrors
	if errors.As(err, &rows) && rows.Count() > 1 {
		return s.planUploadRowsRefused(w, r, st, rows)
	}
	if status, msg, refused := s.fileRefusal(r, err); refused {
		return s.planUploadRefused(w, r, st, status, msg)
	}
	if err != nil {
		return err
	}
	saved, err := s.saveDraft(r, store.DraftSave{PCN: st.pcn.Code, PlanID: planID, Version: version, Lines: lines, Action: workforce.ActionUpload})
	if errors.Is(err, store.ErrConflict) {
		return s.planUploadRefused(w, r, st, http.StatusConflict, "The plan was changed after you opened this page, so the file was not uploaded: check the plan, then upload the file again")
	}
	if err != nil {
		return err
	}
	s.sessions.Put(r.Context(), keyFlash, fmt.Sprintf("Uploaded %s: its %d lines are the draft now (version %d).", name, len(lines), st.NumberOf(saved)))
	http.Redirect(w, r, "/pcns/"+st.pcn.Code+"/plan", http.StatusSeeOther)
	return nil
}

// readPlanFile reads an uploaded plan, CSV or (by its name) an Excel workbook, with
// importer.ReadPlanFile and its limits: lines of this PCN only, at most
// importer.MaxPlanLines of them, costs in the grid's range. A refused file is an
// *importer.RowError or *importer.LimitError.
func (s *Server) readPlanFile(r *http.Request, st planState, name string, f io.Reader) ([]workforce.PlanLine, error) {
	tree, err := s.treeOn(r.Context(), s.today())
	if err != nil {
		return nil, err
	}
	known := importer.NewKnown(tree.PCNs, st.roles, func(pcn string) bool { return pcn == st.pcn.Code })
	return importer.ReadPlanFile(name, f, known)
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

// planUploadRowsRefused re-renders the plan page with every wrong row of the file in
// the error summary (422), each linking to the upload field.
func (s *Server) planUploadRowsRefused(w http.ResponseWriter, r *http.Request, st planState, rows *importer.RowErrors) error {
	v, err := viewFor(r, st)
	if err != nil {
		return err
	}
	v.uploadError = rowErrorsText(rows)
	v.title = "The file was not uploaded: correct every error below, then upload it again"
	v.problems = rowProblems(rows, "#file")
	return s.renderPlan(w, r, http.StatusUnprocessableEntity, v)
}

// rowErrorsText says how many rows of a refused file are wrong, beside its upload
// field: "plan.csv: 7 errors, listed at the top of the page."
func rowErrorsText(rows *importer.RowErrors) string {
	return rows.Summary() + ", listed at the top of the page."
}

// rowProblems are the wrong rows as error summary items linking to the upload field,
// then how many more were not listed.
func rowProblems(rows *importer.RowErrors, href string) []ui.ErrorSummaryItem {
	var items []ui.ErrorSummaryItem
	for _, text := range rows.Items() {
		items = append(items, ui.ErrorSummaryItem{Text: text, Href: href})
	}
	if more := rows.MoreText(); more != "" {
		items = append(items, ui.ErrorSummaryItem{Text: more})
	}
	return items
}
