package server

import (
	"context"
	"slices"

	"github.com/arrs-planner/arrs/internal/funding"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"

	cashflowweb "github.com/arrs-planner/arrs/web/cashflow"
)

// cashflowMove checks a what-if against the PCN's own records and the funding worked
// out without it (before), and gives the move to compute it with. A staff record of
// another PCN is not found (404), exactly as an unknown one, so that nothing of it
// shows; a record, lines or practice that cannot move as asked is a 422 naming why.
func (s *Server) cashflowMove(ctx context.Context, p workforce.PCN, m moveQuery, before []funding.PCNYear, names map[string]string) (*funding.Move, moveSubject, error) {
	if m.staff {
		return s.staffMove(ctx, p, m, before, names)
	}
	return planMoveOf(m, before, names)
}

// moveSubject is what a what-if moves, as the page names it.
type moveSubject struct {
	Text string
	From workforce.Stream
	// Practice is the practice whose practice GP scheme the move changes, by code:
	// the one named to claim a GP, or the one a practice-scheme GP leaves ("" for
	// none).
	Practice string
}

func (s *Server) staffMove(ctx context.Context, p workforce.PCN, m moveQuery, before []funding.PCNYear, names map[string]string) (*funding.Move, moveSubject, error) {
	rec, err := s.db.StaffRecord(ctx, p.Code, m.staffID)
	if err != nil {
		return nil, moveSubject{}, err
	}
	first, last := before[0].Year.Year.Start(), before[len(before)-1].Year.Year.End()
	label := staffMoveLabel(rec.Staff, names)
	from := rec.FundingStream()
	switch {
	case !rec.Start.Before(last) || (!rec.End.IsZero() && !rec.End.After(first)):
		return nil, moveSubject{}, unprocessable("move", label+" is not in post in the years shown.")
	case from == workforce.StreamPracticeGP && m.to == workforce.StreamPracticeGP:
		return nil, moveSubject{}, unprocessable("to", label+" is already on the practice GP scheme, claimed by "+practiceOf(before, rec.PracticeCode).Name+
			": a what-if moves a GP between streams, not between practices.")
	case from == m.to:
		return nil, moveSubject{}, unprocessable("to", label+" is already funded by "+cashflowweb.StreamWords(from)+".")
	case !workforce.StreamAllowed(m.to, rec.RoleCode, rec.ApprovedRole):
		return nil, moveSubject{}, unprocessable("to", label+" cannot be funded by "+cashflowweb.StreamWords(m.to)+": "+streamRule(m.to))
	}
	if err := memberPractice(m.practice, before); err != nil {
		return nil, moveSubject{}, err
	}
	scheme := m.practice
	if from == workforce.StreamPracticeGP {
		scheme = rec.PracticeCode
	}
	return &funding.Move{StaffID: rec.ID, From: from, To: m.to, Practice: m.practice},
		moveSubject{Text: label, From: from, Practice: scheme}, nil
}

// planMoveOf moves the current plan's lines of a role and quarter: from the ARRS, or
// back to it from the practice GP scheme.
func planMoveOf(m moveQuery, before []funding.PCNYear, names map[string]string) (*funding.Move, moveSubject, error) {
	from := workforce.StreamARRS
	if m.to == workforce.StreamARRS {
		from = workforce.StreamPracticeGP
	}
	q := workforce.QuarterOf(m.quarter)
	label := planMoveLabel(fundingRoleName(names, m.role), q)
	if !workforce.StreamAllowed(m.to, m.role, 0) {
		return nil, moveSubject{}, unprocessable("to", label+" cannot be funded by "+cashflowweb.StreamWords(m.to)+": "+streamRule(m.to))
	}
	if m.quarter.Before(before[0].Year.Year.Start()) || !m.quarter.Before(before[len(before)-1].Year.Year.End()) {
		return nil, moveSubject{}, unprocessable("move", q.String()+" is outside the years shown.")
	}
	found := false
	for _, y := range before {
		found = found || slices.ContainsFunc(y.Plan, func(l funding.PlanFunding) bool {
			return l.Line.RoleCode == m.role && l.Line.QuarterStart.Equal(m.quarter) && l.Line.FundingStream() == from
		})
	}
	if !found {
		return nil, moveSubject{}, unprocessable("move", "The current plan has no "+fundingRoleName(names, m.role)+" starters or leavers on "+cashflowweb.StreamWords(from)+
			" in "+q.String()+" still to come.")
	}
	return &funding.Move{Role: m.role, Quarter: m.quarter, From: from, To: m.to}, moveSubject{Text: label, From: from}, nil
}

// staffMoveLabel names a staff record in a what-if: "GP, Record 123" (its NWRS
// identifier when it has one, as the claim schedule names it).
func staffMoveLabel(s workforce.Staff, names map[string]string) string {
	role := s.StaffRole
	if s.RoleCode != "" {
		role = fundingRoleName(names, s.RoleCode)
	}
	return role + ", " + funding.Label(store.FundingRecord{Staff: s})
}

// planMoveLabel names the plan lines of a role and quarter in a what-if.
func planMoveLabel(role string, q workforce.Quarter) string {
	return "The plan's " + role + " starters and leavers of " + q.String()
}

// memberPractice checks that a named practice is one of the PCN's members (on the
// population day of a year shown: the practices whose scheme the page shows).
func memberPractice(code string, years []funding.PCNYear) error {
	if code == "" {
		return nil
	}
	for _, y := range years {
		for _, pr := range y.Practices {
			if pr.Code == code {
				return nil
			}
		}
	}
	return unprocessable("practice", "The practice "+code+" is not a member practice of this PCN in the years shown.")
}

// unprocessable is a 422 naming the field and what is wrong with it.
func unprocessable(field, msg string) error { return workforce.Problem{Field: field, Message: msg} }

// streamRule says which posts a stream may fund (workforce.StreamAllowed).
func streamRule(s workforce.Stream) string {
	if s == workforce.StreamPracticeGP {
		return "it pays for GPs only."
	}
	return "it pays for ARRS roles and roles a commissioner approved for the PCN."
}
