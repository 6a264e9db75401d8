package server

import (
	"net/http"

	"github.com/arrs-planner/arrs/web/imports"
	"github.com/arrs-planner/arrs/web/layout"
)

func (s *Server) imports(w http.ResponseWriter, r *http.Request) error {
	logs, err := s.db.Imports(r.Context())
	if err != nil {
		return err
	}
	p := imports.Page{Layout: layout.PageParams{Title: "Imports", Nav: layout.NavImports, Path: r.URL.Path}}
	for _, l := range logs {
		p.Logs = append(p.Logs, imports.Log{
			ID: l.ID, At: l.ImportedAt, FileName: l.FileName, By: l.ImportedBy, Census: l.Census, Rows: l.Rows,
			FTE: l.FTE, ARRSFTE: l.ARRSFTE, Started: l.Started, Ended: l.Ended, Unchanged: l.Unchanged, PCNsCreated: l.PCNsCreated,
		})
	}
	return render(w, r, imports.View(p))
}
