package server

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/plan"
	"github.com/arrs-planner/arrs/web/ui"
)

// planHistory is /pcns/{code}/plan/history: every version with who did what and when,
// and with ?from=ID&to=ID the lines added, removed and changed from one to the other.
func (s *Server) planHistory(w http.ResponseWriter, r *http.Request) error {
	st, err := s.loadPlanState(r)
	if err != nil {
		return err
	}
	events, err := s.db.PlanEvents(r.Context(), st.pcn.Code)
	if err != nil {
		return err
	}
	p := plan.HistoryPage{Layout: s.page(r, "Versions of the recruitment plan", layout.NavNone), Code: st.pcn.Code, Name: st.pcn.Name}
	p.Layout.Breadcrumbs = []ui.BreadcrumbItem{{Text: st.pcn.Name, Href: "/pcns/" + st.pcn.Code}, {Text: "Recruitment plan", Href: "/pcns/" + st.pcn.Code + "/plan"}}
	for _, v := range st.plans {
		p.Versions = append(p.Versions, s.versionInfo(st, v))
	}
	for _, e := range events {
		p.Events = append(p.Events, plan.Event{Version: st.number(e.PlanID), What: planEventText(e), By: e.Actor, At: plan.When(e.At), Comment: eventComment(st, e)})
	}
	if len(st.plans) > 1 {
		p.From, p.To = strconv.FormatInt(st.plans[1].ID, 10), strconv.FormatInt(st.plans[0].ID, 10)
	}
	q := r.URL.Query()
	if q.Has("from") || q.Has("to") {
		if err := s.compareVersions(r, st, q.Get("from"), q.Get("to"), &p); err != nil {
			return err
		}
	}
	return render(w, r, plan.History(p))
}

// compareVersions fills in the differences between two of the PCN's versions.
func (s *Server) compareVersions(r *http.Request, st planState, fromID, toID string, p *plan.HistoryPage) error {
	from, ok1 := st.findText(fromID)
	to, ok2 := st.findText(toID)
	if !ok1 || !ok2 {
		return errBadRequest("Choose two versions of this network's plan to compare.")
	}
	a, err := s.db.PlanLines(r.Context(), from.ID)
	if err != nil {
		return err
	}
	b, err := s.db.PlanLines(r.Context(), to.ID)
	if err != nil {
		return err
	}
	p.Compared, p.From, p.To = true, fromID, toID
	p.FromText = "version " + strconv.Itoa(st.number(from.ID))
	p.ToText = "version " + strconv.Itoa(st.number(to.ID))
	names := planRoleNames(st.roles)
	for _, c := range diffPlanLines(a, b, planRoleOrder(st.roles)) {
		one := planChanges([]lineChange{c}, names)
		switch {
		case c.before == nil:
			p.Added = append(p.Added, one...)
		case c.after == nil:
			p.Removed = append(p.Removed, one...)
		default:
			p.Changed = append(p.Changed, one...)
		}
	}
	return nil
}

// findText is a version by its id as a query writes it.
func (st planState) findText(raw string) (store.Plan, bool) {
	id, err := strconv.ParseInt(raw, 10, 64)
	if err != nil {
		return store.Plan{}, false
	}
	return st.find(id)
}

// planEventText names a step for the history.
func planEventText(e store.PlanEvent) string {
	switch e.Action {
	case store.ActionCreate:
		return "Started"
	case store.ActionSave:
		return "Saved from the grid"
	case store.ActionUpload:
		return "Replaced by an uploaded file"
	case store.ActionSubmit:
		return "Submitted for sign-off"
	case store.ActionSignOff:
		return "Signed off by the clinical director"
	case store.ActionAccept:
		return "Accepted by the ICB"
	case store.ActionReturn:
		return "Returned by the ICB"
	case store.ActionSupersede:
		return "Taken out of review"
	}
	return string(e.Action)
}

// eventComment is a step's comment for the history: the reviewer's words, or the
// version a draft was copied from.
func eventComment(st planState, e store.PlanEvent) string {
	if from, ok := strings.CutPrefix(e.Comment, "copied from plan "); ok && e.Action == store.ActionCreate {
		if p, found := st.findText(from); found {
			return "copied from version " + strconv.Itoa(st.number(p.ID))
		}
	}
	if from, ok := strings.CutPrefix(e.Comment, "plan "); ok && e.Action == store.ActionSupersede {
		if p, found := st.findText(strings.TrimSuffix(from, " was submitted")); found {
			return "version " + strconv.Itoa(st.number(p.ID)) + " was submitted"
		}
	}
	return e.Comment
}
