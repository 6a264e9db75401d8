package funding

import (
	"fmt"
	"math"
	"slices"

	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// RequestError is a request Compute refuses: a what-if naming a record or plan lines it
// cannot move as asked, a lag or an uplift out of bounds. Its text is a sentence for
// the person who asked (pages answer 422 with it, the command line exits with it).
type RequestError struct{ Reason string }

func (e *RequestError) Error() string { return e.Reason }

func refuse(format string, args ...any) error {
	return &RequestError{Reason: fmt.Sprintf(format, args...)}
}

// MaxUpliftPercent bounds a backdated pay award (an uplift of more than 20% is a typo).
const MaxUpliftPercent = 20

// check bounds the cash flow's lag and uplift, and the streams a move names.
func (req Request) check() error {
	if req.Lag != nil && (*req.Lag < 0 || *req.Lag > planning.MaxPaymentLag) {
		return refuse("The payment lag must be 0 to %d months, not %d.", planning.MaxPaymentLag, *req.Lag)
	}
	if u := req.Uplift; u != nil {
		if math.IsNaN(u.Percent) || u.Percent < 0 || u.Percent > MaxUpliftPercent {
			return refuse("The uplift must be 0%% to %d%%, not %v%%.", MaxUpliftPercent, u.Percent)
		}
		if u.Month < 0 || u.Month > 11 {
			return refuse("The uplift's month must be a month of the financial year, not month %d.", u.Month+1)
		}
	}
	if m := req.Move; m != nil {
		if _, ok := workforce.ParseStream(string(m.To)); !ok {
			return refuse("A what-if must move to arrs, practice_gp or other, not %q.", m.To)
		}
	}
	return nil
}

// move applies the request's what-if to what was read: a staff record's stream (and
// practice), or the stream of the plan lines of a role and quarter. Nothing is written.
func (in *inputs) move(req Request) error {
	m := req.Move
	switch {
	case m == nil:
		return nil
	case m.StaffID != 0:
		return in.moveStaff(req, *m)
	}
	return in.movePlan(req, *m)
}

// moveStaff moves a staff record of one of the request's PCNs in post in its years.
func (in *inputs) moveStaff(req Request, m Move) error {
	for _, p := range req.PCNs {
		recs := in.staff[p.Code]
		i := slices.IndexFunc(recs, func(r store.FundingRecord) bool { return r.ID == m.StaffID })
		if i < 0 {
			continue
		}
		r := &recs[i]
		from := r.FundingStream()
		switch {
		case m.From != "" && m.From != from:
			return refuse("Staff record %d is funded by %s, not %s.", m.StaffID, from.Label(), m.From.Label())
		case !workforce.StreamAllowed(m.To, r.RoleCode, r.ApprovedRole):
			return refuse("Staff record %d cannot be funded by %s.", m.StaffID, m.To.Label())
		case m.To == workforce.StreamPracticeGP && !in.isMember(req, p.Code, m.Practice):
			return refuse("The practice %q is not a member practice of %s in the years asked for.", m.Practice, p.Code)
		}
		r.Stream, r.PracticeCode = m.To, ""
		if m.To == workforce.StreamPracticeGP {
			r.PracticeCode = m.Practice
		}
		return nil
	}
	return refuse("Staff record %d is not one of the PCN's records in post in the years asked for.", m.StaffID)
}

// isMember reports whether a practice is a member of the PCN on the population day of
// a year asked for.
func (in *inputs) isMember(req Request, pcn, practice string) bool {
	for _, y := range req.Years {
		if slices.ContainsFunc(in.members[PopulationDay(y)][pcn], func(p planning.PracticeInput) bool { return p.Code == practice }) {
			return true
		}
	}
	return false
}

// movePlan moves the plan lines of a role and quarter on From (the ARRS when not
// given) to To, in every PCN of the request that has them (a what-if names one PCN).
func (in *inputs) movePlan(req Request, m Move) error {
	from := m.From
	if from == "" {
		from = workforce.StreamARRS
	}
	if !workforce.StreamAllowed(m.To, m.Role, 0) {
		return refuse("The plan's %s lines cannot be funded by %s.", m.Role, m.To.Label())
	}
	moved := false
	for _, p := range req.PCNs {
		lines := slices.Clone(in.plan[p.Code]) // Request.Plan's lines are the caller's
		for i, l := range lines {
			if l.RoleCode == m.Role && l.QuarterStart.Equal(m.Quarter) && l.FundingStream() == from {
				lines[i].Stream, moved = m.To, true
			}
		}
		in.plan[p.Code] = lines
	}
	if !moved {
		return refuse("The plan has no %s lines on %s in the quarter starting %s.", m.Role, from.Label(), m.Quarter.Format(workforce.DateLayout))
	}
	return nil
}
