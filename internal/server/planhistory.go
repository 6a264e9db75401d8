package server

import (
	"net/http"
	"strconv"

	"github.com/arrs-planner/arrs/internal/workforce"
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
	p := plan.HistoryPage{Layout: s.page(r, "Versions of the recruitment plan", layout.NavNone), Code: st.pcn.Code, Name: st.pcn.Name}
	p.Layout.Breadcrumbs = []ui.BreadcrumbItem{{Text: st.pcn.Name, Href: "/pcns/" + st.pcn.Code}, {Text: "Recruitment plan", Href: "/pcns/" + st.pcn.Code + "/plan"}}
	for _, v := range st.PlanVersions {
		p.Versions = append(p.Versions, versionInfo(st, v))
	}
	for _, e := range st.events {
		p.Events = append(p.Events, historyEvent(st, e))
	}
	if len(st.PlanVersions) > 1 {
		p.From, p.To = strconv.FormatInt(st.PlanVersions[1].ID, 10), strconv.FormatInt(st.PlanVersions[0].ID, 10)
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
	from, ok1 := st.FindText(fromID)
	to, ok2 := st.FindText(toID)
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
	p.FromText = "version " + strconv.Itoa(st.Number(from.ID))
	p.ToText = "version " + strconv.Itoa(st.Number(to.ID))
	names := workforce.RoleNames(st.roles)
	for _, c := range workforce.DiffLines(a, b, st.roles) {
		one := planChanges([]workforce.LineChange{c}, names)
		switch {
		case c.Before == nil:
			p.Added = append(p.Added, one...)
		case c.After == nil:
			p.Removed = append(p.Removed, one...)
		default:
			p.Changed = append(p.Changed, one...)
		}
	}
	return nil
}

// planChanges renders line changes for a page.
func planChanges(cs []workforce.LineChange, names map[string]string) []plan.Change {
	out := make([]plan.Change, len(cs))
	for i, c := range cs {
		out[i] = plan.Change{Role: c.Cell.RoleName(names), Quarter: c.Cell.Quarter.String(), Before: "None", After: "None"}
		if c.Before != nil {
			out[i].Before = c.Before.String()
		}
		if c.After != nil {
			out[i].After = c.After.String()
		}
	}
	return out
}
