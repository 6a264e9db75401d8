package server

import (
	"errors"
	"io"
	"log/slog"
	"net/http"
	"path/filepath"
	"strings"

	"github.com/arrs-planner/arrs/internal/auth"
	"github.com/arrs-planner/arrs/internal/importer"
	"github.com/arrs-planner/arrs/internal/ingest"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/web/imports"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"
)

func (s *Server) imports(w http.ResponseWriter, r *http.Request) error {
	p, err := s.importsPage(r)
	if err != nil {
		return err
	}
	p.Success = s.sessions.PopString(r.Context(), keyFlash)
	return render(w, r, imports.View(p))
}

func (s *Server) importsPage(r *http.Request) (imports.Page, error) {
	u := currentUser(r)
	logs, err := s.visibleImports(r, u)
	if err != nil {
		return imports.Page{}, err
	}
	p := imports.Page{Layout: s.page(r, "Imports", layout.NavImports), CanImport: u.CanImport(), CanPlan: u.CanUploadPlans(), National: u.IsAdmin()}
	for _, l := range logs {
		p.Logs = append(p.Logs, imports.Log{
			ID: l.ID, At: l.ImportedAt, FileName: l.FileName, By: uploader(u, l), Census: l.Census, Rows: l.Rows,
			FTE: l.FTE, ARRSFTE: l.ARRSFTE, Started: l.Started, Ended: l.Ended, Unchanged: l.Unchanged, PCNsCreated: l.PCNsCreated,
		})
	}
	return p, nil
}

// visibleImports is the part of the import log a user may read: all of it for an
// admin; national imports and the uploads touching their ICBs for an ICB lead; national
// imports only for everyone else.
func (s *Server) visibleImports(r *http.Request, u *auth.User) ([]store.ImportLog, error) {
	if u.IsAdmin() {
		return s.db.Imports(r.Context())
	}
	return s.db.ImportsFor(r.Context(), u.ICBs())
}

// uploader is who the log names as having made an import: the email to an admin and
// on one's own uploads, else the body it was made for, so no one reads another person's
// address.
func uploader(u *auth.User, l store.ImportLog) string {
	switch {
	case u.IsAdmin() || l.ImportedBy == u.Email:
		return l.ImportedBy
	case l.Scope == nil:
		return "NHS England (national)"
	}
	return "an ICB lead of " + strings.Join(l.Scope, ", ")
}

func actorOf(r *http.Request) store.Actor {
	u := currentUser(r)
	return store.Actor{UserID: u.ID, Name: u.Email}
}

func (s *Server) importNWRS(w http.ResponseWriter, r *http.Request) error {
	return s.upload(w, r, "nwrs", func(name string, f io.Reader) (string, error) {
		log, err := ingest.NWRS(r.Context(), s.db, name, f, actorOf(r), importScope(currentUser(r)), s.now())
		if err != nil {
			s.logImportRefusal(r, err)
			return "", err
		}
		msg := "Imported " + name + ": census " + log.Census.Format("January 2006") + ", " + ui.Plural(log.Rows, "row", "rows") +
			", " + ui.FTE(log.FTE) + " FTE; " + ui.Plural(log.Started, "record", "records") + " started, " + ui.Count(log.Ended) + " ended."
		if moved := imports.Moves(log.Census, log.Moved); moved != "" {
			msg += " " + moved
		}
		return msg, nil
	})
}

func (s *Server) importPopulations(w http.ResponseWriter, r *http.Request) error {
	return s.upload(w, r, "populations", func(name string, f io.Reader) (string, error) {
		mayChange, err := s.mayChangePCN(r, false)
		if err != nil {
			return "", err
		}
		n, err := ingest.Populations(r.Context(), s.db, name, f, actorOf(r), mayChange, s.now())
		if err != nil {
			s.logImportRefusal(r, err)
			return "", err
		}
		return "Imported " + name + ": " + ui.Plural(n, "weighted population", "weighted populations") + ".", nil
	})
}

func (s *Server) importPlans(w http.ResponseWriter, r *http.Request) error {
	mayChange, err := s.mayChangePCN(r, true)
	if err != nil {
		return err
	}
	return s.upload(w, r, "plans", func(name string, f io.Reader) (string, error) {
		res, err := ingest.Plans(r.Context(), s.db, name, f, actorOf(r), mayChange)
		if err != nil {
			s.logImportRefusal(r, err)
			return "", err
		}
		return "Imported " + name + ": " + ui.Plural(res.Lines, "plan line", "plan lines") + "; " +
			ui.Plural(res.PCNs, "PCN's draft plan", "PCNs' draft plans") + " replaced.", nil
	})
}

// upload reads one multipart file and hands it to load. A refused file re-renders the
// page with the reason, 413 for a file too large and 422 for a wrong one (nothing was
// written: every load is all or nothing, and stops at the first limit passed); a loaded
// one, or one already loaded (nothing changed), redirects (303) with its summary.
func (s *Server) upload(w http.ResponseWriter, r *http.Request, field string, load func(string, io.Reader) (string, error)) error {
	r.Body = http.MaxBytesReader(w, r.Body, maxUpload)
	f, hdr, err := r.FormFile("file")
	if err != nil {
		status, msg := s.uploadProblem(r, err)
		return s.uploadRefused(w, r, field, status, msg)
	}
	defer f.Close()
	msg, err := load(filepath.Base(hdr.Filename), f)
	var rows *importer.RowErrors
	if errors.As(err, &rows) && rows.Count() > 1 {
		return s.uploadRowsRefused(w, r, field, rows)
	}
	if status, text, refused := s.fileRefusal(r, err); refused {
		return s.uploadRefused(w, r, field, status, text)
	}
	switch {
	case errors.Is(err, store.ErrAlreadyImported):
		// The same file twice is a no-op, as on the command line, not a refusal.
		msg = filepath.Base(hdr.Filename) + ": already imported; nothing changed."
	case errors.Is(err, store.ErrOlderCensus):
		return s.uploadRefused(w, r, field, http.StatusUnprocessableEntity, err.Error())
	case err != nil:
		return err
	}
	s.sessions.Put(r.Context(), keyFlash, msg)
	http.Redirect(w, r, "/imports", http.StatusSeeOther)
	return nil
}

// uploadProblem is the status and message of a form whose file cannot be had: too
// large (413, logged), or missing (422).
func (s *Server) uploadProblem(r *http.Request, err error) (int, string) {
	if status, msg, refused := s.fileRefusal(r, err); refused {
		return status, msg
	}
	return http.StatusUnprocessableEntity, "Select a file to upload."
}

func (s *Server) uploadRefused(w http.ResponseWriter, r *http.Request, field string, status int, msg string) error {
	p, err := s.importsPage(r)
	if err != nil {
		return err
	}
	p.Error, p.Field, p.Layout.HasErrors = msg, field, true
	return renderStatus(w, r, status, imports.View(p))
}

// uploadRowsRefused re-renders the page with every wrong row of a refused plan file
// (422), listed in the error summary.
func (s *Server) uploadRowsRefused(w http.ResponseWriter, r *http.Request, field string, rows *importer.RowErrors) error {
	p, err := s.importsPage(r)
	if err != nil {
		return err
	}
	p.Error, p.Field, p.Layout.HasErrors = rowErrorsText(rows), field, true
	p.Rows, p.More = rows.Items(), rows.MoreText()
	return renderStatus(w, r, http.StatusUnprocessableEntity, imports.View(p))
}

// logImportRefusal records, as a security event, an upload refused for reaching past
// what its sender may change (another ICB's or PCN's rows, a census month a lead may
// not import) or for a PCN code that is not a known, well-formed one: nothing was
// written, so the audit trail cannot show the attempt. Other errors are left to the
// page (and limits to fileRefusal, which logs its own).
func (s *Server) logImportRefusal(r *http.Request, err error) {
	var outside *ingest.ScopeError
	var row *importer.RowError
	var rows *importer.RowErrors
	if errors.As(err, &rows) {
		// A plan file's first row reaching outside, among its wrong rows.
		for _, each := range rows.Rows() {
			if strings.EqualFold(each.Column, "pcn_code") {
				err = each
				break
			}
		}
	}
	switch {
	case errors.As(err, &outside):
		row = outside.RowError
	case errors.As(err, &row) && strings.EqualFold(row.Column, "pcn_code"):
	default:
		return
	}
	u := currentUser(r)
	s.security(r, slog.LevelWarn, "import_refused", "user_id", u.ID, "user", u.Email, "route", r.URL.Path,
		"scope", importScope(u), "line", row.Line, "column", row.Column, "reason", row.Reason)
}

// importScope is the ICBs an upload may touch: nil (national: it may move England's
// as-of date) for an admin, the ICBs they lead for an ICB lead, who only corrects them.
func importScope(u *auth.User) []string {
	if u.IsAdmin() {
		return nil
	}
	return append([]string{}, u.ICBs()...)
}

// mayChangePCN says which PCNs the signed-in user may change by upload: an admin all,
// an ICB lead their ICBs' PCNs, and (for plans) a PCN manager their own PCNs. The
// tree is read first, so that a database failure fails the upload rather than
// refusing every PCN.
func (s *Server) mayChangePCN(r *http.Request, managersToo bool) (func(string) bool, error) {
	tree, err := s.tree(r)
	if err != nil {
		return nil, err
	}
	u := currentUser(r)
	return func(pcn string) bool {
		p, ok := tree.PCN(pcn)
		return ok && (u.LeadsPCN(pcn, p.ICBCode) || (managersToo && u.CanActOnPCN(auth.PCNManager, pcn)))
	}, nil
}
