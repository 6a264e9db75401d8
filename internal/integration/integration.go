// Package integration answers one question: for each ARRS member of staff in post, are
// the conditions the King's Fund named in place (docs/integration.md)? Its rules are
// pure: they take a person (staff record, role, integration record, clinical
// supervisors) and a day, and give the warnings, with counts per PCN that the
// integration page, the clinical director's dashboard, the ICB comparison and
// `arrs report integration` all share.
//
// Check judges a person by their records alone: it does not know whether their PCN
// keeps the records a warning is read from. That is the caller's to apply, through
// CountPCN's recorded and supervised (which make a warning's count unknown, "no
// data", never 0) and, on a page listing people, by showing an unknown warning's items
// as "Not recorded" without the warning (Counts.Value says which are known).
package integration

import (
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// Warning is one of the five plain warnings of the integration page.
type Warning string

// The warnings, in the order of PLANNING.md's integration report columns.
const (
	NoSupervisor     Warning = "no_supervisor"
	OverTwoPractices Warning = "over_two_practices"
	AppraisalOverdue Warning = "appraisal_overdue"
	NoRecordsAccess  Warning = "no_records_access"
	NoService        Warning = "no_service"
)

// Warnings lists the warnings in column order.
var Warnings = []Warning{NoSupervisor, OverTwoPractices, AppraisalOverdue, NoRecordsAccess, NoService}

// Label is the warning in plain words.
func (w Warning) Label() string {
	switch w {
	case NoSupervisor:
		return "No named clinical supervisor"
	case OverTwoPractices:
		return "Based at more than two practices"
	case AppraisalOverdue:
		return "Appraisal overdue"
	case NoRecordsAccess:
		return "No records access or induction three months after starting"
	case NoService:
		return "No service named"
	}
	return string(w)
}

// Person is one ARRS member of staff in post with what the rules read.
type Person struct {
	Staff workforce.Staff
	// NeedsSupervision is the role catalogue's: whether the role needs clinical
	// supervision.
	NeedsSupervision bool
	// Record is their integration record; HasRecord false when none was saved.
	Record    workforce.IntegrationRecord
	HasRecord bool
	// ClinicalSupervisors are the names of the supervisors of their clinical
	// supervision links in force today, in the order of the links. Only clinical
	// (clinical or professional) links belong here: a clinic or practice link names
	// day-to-day support, not a named clinical supervisor (NHS England's supervision
	// guidance), so the caller leaves it out.
	ClinicalSupervisors []string
}

// AppraisalDue is the day the person's next appraisal is due: the recorded due date,
// else AppraisalMonths after the last appraisal, else after their start. It is zero
// only when none of the three is known (a staff record without a start).
func AppraisalDue(p Person) time.Time {
	switch {
	case !p.Record.NextAppraisalDue.IsZero():
		return p.Record.NextAppraisalDue
	case !p.Record.LastAppraisalOn.IsZero():
		return p.Record.LastAppraisalOn.AddDate(0, workforce.AppraisalMonths, 0)
	case !p.Staff.Start.IsZero():
		return p.Staff.Start.AddDate(0, workforce.AppraisalMonths, 0)
	}
	return time.Time{}
}

// FirstDayDue is the day by which records access and induction are expected:
// FirstDayMonths after the start (time.AddDate, so 30 November gives 2 March). It is
// zero for a staff record without a start.
func FirstDayDue(p Person) time.Time {
	if p.Staff.Start.IsZero() {
		return time.Time{}
	}
	return p.Staff.Start.AddDate(0, workforce.FirstDayMonths, 0)
}

// Check gives the warnings of a person on day today, in Warnings' order. Whether each
// is known for the person's PCN is for the caller (see the package comment).
func Check(p Person, today time.Time) []Warning {
	var out []Warning
	if p.NeedsSupervision && len(p.ClinicalSupervisors) == 0 {
		out = append(out, NoSupervisor)
	}
	if p.HasRecord && len(p.Record.Practices) > workforce.BasedPracticesWarnAbove {
		out = append(out, OverTwoPractices)
	}
	if due := AppraisalDue(p); !due.IsZero() && due.Before(today) {
		out = append(out, AppraisalOverdue)
	}
	if due := FirstDayDue(p); !due.IsZero() && !today.Before(due) &&
		(p.Record.RecordsAccessOn.IsZero() || p.Record.InductionOn.IsZero()) {
		out = append(out, NoRecordsAccess)
	}
	if p.Record.ServiceCode == "" {
		out = append(out, NoService)
	}
	return out
}

// Counts are a PCN's (or an area's) warnings: how many ARRS staff in post and, for
// each warning, how many have it. A count is known only where its records are kept:
// NoSupervisor where supervision is recorded (supervision.Records.Recorded), the
// others where the PCN has saved at least one integration record. An area sums the
// known counts of its PCNs and counts the PCNs that keep none.
type Counts struct {
	ARRSStaff int
	// Known[w] is false when no PCN of the area keeps the records w is read from; the
	// count is then "no data", never 0.
	Known map[Warning]bool
	Count map[Warning]int
	// PCNs and, of them, the PCNs keeping no integration record and no supervision.
	PCNs, NoRecordPCNs, NoSupervisionPCNs int
}

// CountPCN counts the warnings of a PCN's people on day today; recorded says whether
// the PCN keeps any integration record and supervised whether it records supervision.
// ARRSStaff is len(people); Count holds only the known warnings.
func CountPCN(people []Person, recorded, supervised bool, today time.Time) Counts {
	c := Counts{ARRSStaff: len(people), Known: map[Warning]bool{}, Count: map[Warning]int{}, PCNs: 1}
	for _, w := range Warnings {
		c.Known[w] = recorded
		if w == NoSupervisor {
			c.Known[w] = supervised
		}
		if c.Known[w] {
			c.Count[w] = 0
		}
	}
	if !recorded {
		c.NoRecordPCNs = 1
	}
	if !supervised {
		c.NoSupervisionPCNs = 1
	}
	for _, p := range people {
		for _, w := range Check(p, today) {
			if c.Known[w] {
				c.Count[w]++
			}
		}
	}
	return c
}

// Add sums another PCN's or area's counts into c (known counts only): a warning is
// known when either knows it, and its count is the sum of the known counts. It works
// on a zero Counts, which then becomes a copy of o.
func (c *Counts) Add(o Counts) {
	if c.Known == nil {
		c.Known = map[Warning]bool{}
	}
	if c.Count == nil {
		c.Count = map[Warning]int{}
	}
	for _, w := range Warnings {
		known := c.Known[w] || o.Known[w]
		c.Known[w] = known
		if o.Known[w] {
			c.Count[w] += o.Count[w]
		}
	}
	c.ARRSStaff += o.ARRSStaff
	c.PCNs += o.PCNs
	c.NoRecordPCNs += o.NoRecordPCNs
	c.NoSupervisionPCNs += o.NoSupervisionPCNs
}

// Value is the count of w and whether it is known.
func (c Counts) Value(w Warning) (int, bool) { return c.Count[w], c.Known[w] }
