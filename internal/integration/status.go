package integration

import "time"

// StatusKind is what the integration page says of one item of a person's checklist
// (web/integration words it).
type StatusKind int

// The kinds of status, from done to not applicable.
const (
	// StatusDone: recorded, on Status.On when the item has a date.
	StatusDone StatusKind = iota
	// StatusDueBy: not yet recorded, and not yet expected: due by Status.On.
	StatusDueBy
	// StatusOverdue: expected by Status.On, which has passed (appraisal only: "Overdue
	// since"; the other items say "Not recorded").
	StatusOverdue
	// StatusNotRecorded: expected and not recorded.
	StatusNotRecorded
	// StatusNotApplicable: the item does not apply to the person's role.
	StatusNotApplicable
)

// Status is one item's status, with the day it refers to (zero when none).
type Status struct {
	Kind StatusKind
	On   time.Time
}

// FirstDayStatus is the status of a first-day item (induction or records access)
// recorded on day done (zero when not recorded): done, due by FirstDayDue while today
// is before it, else not recorded (the NoRecordsAccess warning).
func FirstDayStatus(p Person, done, today time.Time) Status {
	if !done.IsZero() {
		return Status{StatusDone, done}
	}
	if due := FirstDayDue(p); !due.IsZero() && today.Before(due) {
		return Status{StatusDueBy, due}
	}
	return Status{Kind: StatusNotRecorded}
}

// AppraisalStatus is the status of the appraisal: due by AppraisalDue, or overdue
// since it when it is before today (the AppraisalOverdue warning). The last appraisal,
// when recorded, is the record's LastAppraisalOn.
func AppraisalStatus(p Person, today time.Time) Status {
	due := AppraisalDue(p)
	switch {
	case due.IsZero():
		return Status{Kind: StatusNotRecorded}
	case due.Before(today):
		return Status{StatusOverdue, due}
	}
	return Status{StatusDueBy, due}
}

// SupervisorStatus is the status of the named clinical supervisor: done (no date)
// when a clinical link is in force, not applicable for a role that needs no clinical
// supervision and has none, else not recorded (the NoSupervisor warning).
func SupervisorStatus(p Person) Status {
	switch {
	case len(p.ClinicalSupervisors) > 0:
		return Status{Kind: StatusDone}
	case !p.NeedsSupervision:
		return Status{Kind: StatusNotApplicable}
	}
	return Status{Kind: StatusNotRecorded}
}
