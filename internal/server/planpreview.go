package server

import (
	"encoding/json"
	"net/http"

	"github.com/arrs-planner/arrs/internal/planfigures"
	"github.com/arrs-planner/arrs/web/plan"
)

// planPreview is POST /pcns/{code}/plan/preview: the figures of the grid as typed, as
// the page will show them once the same cells are saved, in JSON for the editor's
// script (plan.js). It reads the form exactly as a save does (readGridPost: the same
// parsing, the same lines kept outside the year shown) and works the figures out with
// planfigures.Compute, the one definition the page uses, counting the plan as the draft
// it would become. It writes nothing. Cells that cannot be read are named, with the
// save's message, and count for nothing meanwhile.
//
// The route is the save's (pcnManager, same-origin POST, the form size limit). Its
// refusals are JSON too ({"error": "…"}, previewrefusal.go), so that the script can
// say what went wrong: that is why plan.js posts the form as multipart, which the
// preview reads itself (readPreviewForm), rather than URL-encoded, which cleanInput
// reads, and refuses as a page, before any handler.
func (s *Server) planPreview(w http.ResponseWriter, r *http.Request) error {
	if err := s.preview(w, r); err != nil {
		s.previewRefused(w, r, err)
	}
	return nil
}

func (s *Server) preview(w http.ResponseWriter, r *http.Request) error {
	if err := readPreviewForm(w, r); err != nil {
		return err
	}
	st, err := s.loadPlanState(r)
	if err != nil {
		return err
	}
	g, err := s.readGridPost(r, st)
	if err != nil {
		return err
	}
	nums, err := s.planNumbers(r.Context(), st.pcn, g.all, &planfigures.Draft{Lines: g.all}, st.window, g.years[0])
	if err != nil {
		return err
	}
	v := planView{st: st, editing: true, allOther: g.allOther}
	y := yearGrid(st, v, st.window.Cells(g.all), g.all, nums, g.years[0], g.rows)
	return answerJSON(w, http.StatusOK, plan.NewPreview(y, nums.figures, g.problems))
}

// answerJSON answers v as JSON, never cached: figures of a plan are not for a proxy.
func answerJSON(w http.ResponseWriter, status int, v any) error {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	return json.NewEncoder(w).Encode(v)
}
