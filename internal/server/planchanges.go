package server

import (
	"context"
	"strconv"

	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/plan"
)

// planComparisons are what version p, of lines, changes (workforce.DiffLines), as every
// confirmation page shows it: since the version was last returned to the network,
// which tells a reviewer whether the network acted on the comment; and against the
// current plan, which tells what the gap report would count differently. With neither
// (a first submission), every cell is new.
func (s *Server) planComparisons(ctx context.Context, st planState, p workforce.Plan, lines []workforce.PlanLine) ([]plan.Comparison, error) {
	var out []plan.Comparison
	ret, ok, err := s.sinceReturned(ctx, st, p, lines)
	if err != nil {
		return nil, err
	}
	if ok {
		out = append(out, ret)
	}
	if cur, ok := st.Find(st.current); ok && cur.ID != p.ID {
		before, err := s.db.PlanLines(ctx, cur.ID)
		if err != nil {
			return nil, err
		}
		heading := "Changes against version " + strconv.Itoa(st.Number(cur.ID)) + " (" + cur.Status.Label() + "), the network's current plan"
		out = append(out, comparison(st, "current", heading, before, lines))
	}
	if len(out) == 0 {
		out = append(out, comparison(st, "new", "No version is submitted or accepted yet, and this one was never returned: every cell is new to the gap report", nil, lines))
	}
	return out, nil
}

// comparison counts the cells that differ from before to after, year by year, and
// lists them.
func comparison(st planState, id, heading string, before, after []workforce.PlanLine) plan.Comparison {
	c := plan.Comparison{ID: id, Heading: heading}
	changes := workforce.DiffLines(before, after, st.roles)
	for _, ch := range changes {
		year := ch.Cell.Quarter.Year.String()
		if n := len(c.Changed); n > 0 && c.Changed[n-1].Year == year {
			c.Changed[n-1].Cells++
			continue
		}
		c.Changed = append(c.Changed, plan.YearChange{Year: year, Cells: 1})
	}
	c.Changes = planChanges(changes, workforce.RoleNames(st.roles))
	return c
}

// sinceReturned compares p with the version last returned to the network, as the
// reviewer returned it; ok is false when p was never returned. A return goes to the
// version itself, which the network then edits in place, or to a newer draft the
// network had started, the version returned being superseded with its lines as they
// were (store.MovePlan).
func (s *Server) sinceReturned(ctx context.Context, st planState, p workforce.Plan, lines []workforce.PlanLine) (plan.Comparison, bool, error) {
	i := st.lastReturn(p.ID)
	if i < 0 {
		return plan.Comparison{}, false, nil
	}
	e := st.events[i]
	returned := p.ID
	if e.From == workforce.PlanDraft || e.From == workforce.PlanReturned {
		returned = st.returnedWith(e)
	}
	heading := "Changes since version " + strconv.Itoa(st.Number(returned)) + ", returned by " + returner(e.Action) +
		byWhom(e.Actor) + " on " + plan.When(e.At)
	var before []workforce.PlanLine
	var known bool
	var err error
	if returned == p.ID {
		before, known, err = s.linesAsReturned(ctx, st, p, i, lines)
	} else if returned != 0 {
		before, err = s.db.PlanLines(ctx, returned)
		known = err == nil
	}
	if err != nil {
		return plan.Comparison{}, false, err
	}
	if !known {
		return plan.Comparison{ID: "returned", Heading: heading,
			Unknown: "The plan as it was returned is not known: its lines were replaced by an import of a plan lines file, which keeps no copy of them."}, true, nil
	}
	return comparison(st, "returned", heading, before, lines), true, nil
}

// lastReturn is the index in st.events of the latest return (by the ICB or the
// clinical director) that left the version id returned, or -1.
func (st planState) lastReturn(id int64) int {
	for i := len(st.events) - 1; i >= 0; i-- {
		e := st.events[i]
		if e.PlanID == id && e.Action.Returns() && e.To == workforce.PlanReturned {
			return i
		}
	}
	return -1
}

// returnedWith is the version whose return a newer draft took (event e, on the draft):
// the version the same return superseded, in the same transaction; 0 if none is kept.
func (st planState) returnedWith(e workforce.PlanEvent) int64 {
	for _, o := range st.events {
		if o.PlanID != e.PlanID && o.Action == e.Action && o.To == workforce.PlanSuperseded && o.At.Equal(e.At) {
			return o.PlanID
		}
	}
	return 0
}

// linesAsReturned are the lines version p held when the return (st.events[i]) left it
// returned: its lines now when nothing was saved over them since (its lock version
// then is still the one its lines have now, or had when it was submitted again),
// else the lines the first save since replaced, as the audit trail keeps them. known
// is false when neither gives them.
func (s *Server) linesAsReturned(ctx context.Context, st planState, p workforce.Plan, i int, lines []workforce.PlanLine) ([]workforce.PlanLine, bool, error) {
	at := st.events[i].Version
	if st.linesVersion(p, i) == at {
		return lines, true, nil
	}
	return s.db.PlanLinesSavedOver(ctx, st.pcn.Code, p.ID, at)
}

// linesVersion is the lock version of p's lines as they are now: its version while
// editable, else its version just before it was next submitted after event i (a move
// moves the version on without touching the lines).
func (st planState) linesVersion(p workforce.Plan, i int) int {
	if p.Status.Editable() {
		return p.Version
	}
	for _, e := range st.events[i+1:] {
		if e.PlanID == p.ID && e.Action == workforce.ActionSubmit {
			return e.Version - 1
		}
	}
	return p.Version
}

// byWhom is " (jo@nhs.net)" after who acted, or "" when the person is not known.
func byWhom(email string) string {
	if email == "" {
		return ""
	}
	return " (" + email + ")"
}
