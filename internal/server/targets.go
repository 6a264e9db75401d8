package server

import (
	"fmt"
	"math"
	"net/http"
	"strconv"
	"strings"

	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/admin"
	"github.com/arrs-planner/arrs/web/layout"
)

func (s *Server) targets(w http.ResponseWriter, r *http.Request) error {
	p, err := s.targetsPage(r, admin.TargetForm{})
	if err != nil {
		return err
	}
	p.Success = s.sessions.PopString(r.Context(), keyFlash)
	return render(w, r, admin.Targets(p))
}

func (s *Server) targetsPage(r *http.Request, f admin.TargetForm) (admin.TargetsPage, error) {
	all, err := s.db.Targets(r.Context())
	if err != nil {
		return admin.TargetsPage{}, err
	}
	p := admin.TargetsPage{Layout: s.page(r, "Targets", layout.NavNone), Form: f}
	p.Layout.HasErrors = len(f.Errors) > 0
	for _, t := range all {
		p.Targets = append(p.Targets, admin.TargetRow{Name: t.Name, FTE: t.FTE, Baseline: t.Baseline, Deadline: t.Deadline, Default: t.IsDefault, Milestones: milestonesText(t.Milestones, "; ")})
	}
	return p, nil
}

// targetFields are the target form's text inputs with their limits.
var targetFields = []textField{
	textInput("name", "Name", workforce.MaxNameLength),
	textInput("fte", "Additional FTE", workforce.MaxCodeLength),
	textInput("baseline", "Baseline", workforce.MaxCodeLength),
	textInput("deadline", "Deadline", workforce.MaxCodeLength),
	textInput("milestones", "Milestones", workforce.MaxListLength),
}

func (s *Server) targetSave(w http.ResponseWriter, r *http.Request) error {
	form, err := readForm(r)
	if err != nil {
		return err
	}
	f := admin.TargetForm{Name: strings.TrimSpace(form.Get("name")), FTE: strings.TrimSpace(form.Get("fte")),
		Baseline: strings.TrimSpace(form.Get("baseline")), Deadline: strings.TrimSpace(form.Get("deadline")),
		Milestones: form.Get("milestones"), Default: form.Get("default") == "yes", Errors: map[string]string{}}
	var t workforce.Target
	if !tooLong(form, f.Errors, targetFields...) {
		t = parseTargetForm(&f)
	}
	if len(f.Errors) == 0 {
		for _, p := range t.Validate() {
			if f.Errors[p.Field] == "" {
				f.Errors[p.Field] = p.Message
			}
		}
	}
	if len(f.Errors) > 0 {
		p, err := s.targetsPage(r, f)
		if err != nil {
			return err
		}
		return renderStatus(w, r, http.StatusUnprocessableEntity, admin.Targets(p))
	}
	saved, created, err := s.db.SaveTarget(r.Context(), t, actorOf(r))
	if err != nil {
		return err
	}
	verb := "Changed"
	if created {
		verb = "Added"
	}
	s.sessions.Put(r.Context(), keyFlash, verb+" the target "+saved.Name)
	http.Redirect(w, r, "/admin/targets", http.StatusSeeOther)
	return nil
}

// parseTargetForm reads the typed fields, noting what cannot be read at all.
func parseTargetForm(f *admin.TargetForm) workforce.Target {
	t := workforce.Target{Name: f.Name, IsDefault: f.Default, Milestones: []workforce.Milestone{}}
	var err error
	if t.FTE, err = strconv.ParseFloat(f.FTE, 64); err != nil || math.IsNaN(t.FTE) {
		f.Errors["fte"] = "Enter the additional FTE as a number, such as 26000"
	}
	if t.Baseline, err = workforce.ParseDate(f.Baseline); err != nil {
		f.Errors["baseline"] = "Enter the baseline as a date in the form YYYY-MM-DD"
	}
	if t.Deadline, err = workforce.ParseDate(f.Deadline); err != nil {
		f.Errors["deadline"] = "Enter the deadline as a date in the form YYYY-MM-DD"
	}
	for i, line := range strings.Split(f.Milestones, "\n") {
		fields := strings.Fields(line)
		if len(fields) == 0 {
			continue
		}
		m, ok := parseMilestone(fields)
		if !ok {
			f.Errors["milestones"] = fmt.Sprintf("Line %d of the milestones: write a date YYYY-MM-DD, a number of FTE and a label", i+1)
			continue
		}
		t.Milestones = append(t.Milestones, m)
	}
	return t
}

func parseMilestone(fields []string) (workforce.Milestone, bool) {
	if len(fields) < 2 {
		return workforce.Milestone{}, false
	}
	due, err1 := workforce.ParseDate(fields[0])
	fte, err2 := strconv.ParseFloat(fields[1], 64)
	return workforce.Milestone{Due: due, FTE: fte, Label: strings.Join(fields[2:], " ")}, err1 == nil && err2 == nil
}

func milestonesText(ms []workforce.Milestone, sep string) string {
	parts := make([]string, 0, len(ms))
	for _, m := range ms {
		parts = append(parts, strings.TrimSpace(m.Due.Format(workforce.DateLayout)+" "+strconv.FormatFloat(m.FTE, 'f', -1, 64)+" "+m.Label))
	}
	return strings.Join(parts, sep)
}
