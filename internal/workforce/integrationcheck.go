package workforce

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Limits of the dates of an integration record and of a service, beyond those of
// integration.go.
const (
	// MaxAppraisalDueYears bounds how far ahead the next appraisal may be due: an
	// appraisal is yearly, so a date more than two years ahead is a slip of the year.
	MaxAppraisalDueYears = 2
	// MaxServiceNameLength bounds a service's name (integration_services.name).
	MaxServiceNameLength = 100
	// MaxServicePosition bounds a service's place in the list.
	MaxServicePosition = 999
	// MaxRoadmapStageLength bounds a roadmap stage's code
	// (integration_records.roadmap_stage, migration 000020).
	MaxRoadmapStageLength = 60
	// MaxDoneBeforeStartMonths bounds how long before a hand-entered record's start
	// its induction, records access and last appraisal may be: an induction or an
	// honorary contract can come a little before the first day, years before is a
	// slip of the year. An NWRS record starts on the census that first carried it
	// (StaffRecord.StartsFromCensus: NWRS gives no start dates), so its real start
	// may be years earlier and the rule does not apply to it.
	MaxDoneBeforeStartMonths = 6
)

// serviceCode is the form of a service's code (integration_services.code).
var serviceCode = regexp.MustCompile(`^[a-z][a-z0-9_]{0,39}$`)

// Validate checks an integration record on day today before it is saved. members are
// the PCN's member practices (ODS codes) on that day; services the whole reference
// list; staff the staff record (its ARRS role code, source and start); current the
// service code the saved
// record has now ("" for a new record), which may be kept though no longer active.
// Every field may be left empty (not recorded): the integration page says so. The
// form and the store (in its transaction) both call it, so they refuse alike.
//
//   - Bounds, first: lengths, and admin support on one line.
//   - Practices: each a member practice on day today (those that are not are named),
//     none twice.
//   - Induction, records access and last appraisal are days something was done: not
//     after today, and not before FirstStaffStart (1 July 2019, when the ARRS began);
//     for a record entered by hand (SourceManual), not more than
//     MaxDoneBeforeStartMonths before its start.
//   - The next appraisal may be due in the past (it is then overdue) but not before
//     FirstStaffStart, nor more than MaxAppraisalDueYears after today, and must be
//     after the last appraisal.
//   - The roadmap stage one of RoadmapStagesOf(role).
//   - The service one of services, active unless it is current.
func (r IntegrationRecord) Validate(today time.Time, members []string, services []IntegrationService, staff Staff, current string) Problems {
	role := staff.RoleCode
	out := r.Bounds()
	if !slices.ContainsFunc(out, func(p Problem) bool { return p.Field == "practices" }) {
		out = append(out, r.checkPractices(members, today)...)
	}
	out = appendDoneDate(out, "induction", "Induction date", r.InductionOn, today, staff)
	out = appendDoneDate(out, "records_access", "Date of records access", r.RecordsAccessOn, today, staff)
	out = appendDoneDate(out, "last_appraisal", "Date of the last appraisal", r.LastAppraisalOn, today, staff)
	out = append(out, r.checkNextAppraisal(today)...)
	if r.RoadmapStage != "" && !slices.ContainsFunc(out, func(p Problem) bool { return p.Field == "roadmap_stage" }) &&
		!slices.ContainsFunc(RoadmapStagesOf(role), func(s RoadmapStage) bool { return s.Code == r.RoadmapStage }) {
		out = append(out, Problem{"roadmap_stage", "Select a stage of the role's roadmap from the list"})
	}
	return append(out, r.checkService(services, current)...)
}

// Bounds checks what an integration record can hold whatever the day and the PCN (the
// table's limits), before anything is read to check the rest: at most
// MaxBasedPractices practices, admin support, the development step and the roadmap
// stage within MaxAdminSupportLength, MaxDevelopmentStepLength and
// MaxRoadmapStageLength characters, and admin support (a name or a team, a single-line
// field) on one line (SingleLineProblem). Validate checks these first.
func (r IntegrationRecord) Bounds() Problems {
	var out Problems
	if len(r.Practices) > MaxBasedPractices {
		out = append(out, Problem{"practices", fmt.Sprintf("Select no more than %d practices", MaxBasedPractices)})
	}
	for _, t := range []struct {
		field, label, value string
		max                 int
	}{
		{"admin_support", "Admin support", r.AdminSupport, MaxAdminSupportLength},
		{"development_step", "Development step", r.DevelopmentStep, MaxDevelopmentStepLength},
		{"roadmap_stage", "Roadmap stage", r.RoadmapStage, MaxRoadmapStageLength},
	} {
		if utf8.RuneCountInString(t.value) > t.max {
			out = append(out, Problem{t.field, fmt.Sprintf("%s must be %d characters or fewer", t.label, t.max)})
		}
	}
	if msg := SingleLineProblem("Admin support", r.AdminSupport); msg != "" &&
		!slices.ContainsFunc(out, func(p Problem) bool { return p.Field == "admin_support" }) {
		out = append(out, Problem{"admin_support", msg})
	}
	return out
}

// SingleLineProblem is the message refusing a single-line text (a name, a team)
// labelled label, or "" when it may be saved. It refuses a line break (a carriage
// return, a line feed or a Unicode line or paragraph separator), a tab, and the
// Unicode controls of text direction (U+202A–U+202E, U+2066–U+2069). A text input
// cannot hold a line break, so only a hand-made post can, and a name with one would
// break the lines of the page and of the files it is written to; a tab splits the
// columns of a pasted table; a direction control makes the text read in another
// order than it is stored (a "Trojan Source" name), on the page and in files.
func SingleLineProblem(label, s string) string {
	switch {
	case strings.ContainsAny(s, "\r\n\v\f\u0085\u2028\u2029"):
		return label + " must be on one line: remove the line break"
	case strings.ContainsRune(s, '\t'):
		return label + " must not contain a tab: use a space instead"
	case strings.ContainsAny(s, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"):
		return label + " must not contain text direction control characters: type it again without them"
	}
	return ""
}

// checkPractices checks the practices the person is based at (at most
// MaxBasedPractices, Bounds): each a member on day today, naming those that are not,
// and none twice.
func (r IntegrationRecord) checkPractices(members []string, today time.Time) Problems {
	var not []string
	for _, code := range r.Practices {
		if !slices.Contains(members, code) && !slices.Contains(not, code) {
			not = append(not, code)
		}
	}
	if len(not) > 0 {
		return Problems{{"practices", "Select only practices that are members of the PCN on " + today.Format("2 January 2006") +
			" (not a member: " + strings.Join(not, ", ") + ")"}}
	}
	for i, code := range r.Practices {
		if slices.Contains(r.Practices[:i], code) {
			return Problems{{"practices", "Select each practice once"}}
		}
	}
	return nil
}

// appendDoneDate checks the day something was done: not recorded, or from
// FirstStaffStart to today and, for a record entered by hand, from
// MaxDoneBeforeStartMonths before its start (an imported record's start is only the
// census that first carried it).
func appendDoneDate(out []Problem, field, label string, d, today time.Time, staff Staff) []Problem {
	if d.IsZero() {
		return out
	}
	if d.Before(FirstStaffStart) || d.After(today) {
		return append(out, Problem{field, label + " must be on or after " + FirstStaffStart.Format("2 January 2006") +
			", when the ARRS began, and no later than today"})
	}
	if staff.Source == SourceManual && !staff.Start.IsZero() && d.Before(monthsBefore(staff.Start, MaxDoneBeforeStartMonths)) {
		return append(out, Problem{field, fmt.Sprintf("%s cannot be more than %d months before they started on %s",
			label, MaxDoneBeforeStartMonths, staff.Start.Format("2 January 2006"))})
	}
	return out
}

// monthsBefore is the same day n calendar months before d, or the last day of that
// month when it is shorter (six months before 31 August is 28 or 29 February, not
// time.AddDate's 3 March, which would refuse the last days of February).
func monthsBefore(d time.Time, n int) time.Time {
	first := time.Date(d.Year(), d.Month(), 1, 0, 0, 0, 0, d.Location()).AddDate(0, -n, 0)
	last := first.AddDate(0, 1, -1).Day()
	return first.AddDate(0, 0, min(d.Day(), last)-1)
}

// checkNextAppraisal checks the day the next appraisal is due.
func (r IntegrationRecord) checkNextAppraisal(today time.Time) Problems {
	d := r.NextAppraisalDue
	if d.IsZero() {
		return nil
	}
	if latest := today.AddDate(MaxAppraisalDueYears, 0, 0); d.Before(FirstStaffStart) || d.After(latest) {
		return Problems{{"next_appraisal", "Next appraisal due must be on or after " + FirstStaffStart.Format("2 January 2006") +
			" and no later than " + latest.Format("2 January 2006") + ", two years from today"}}
	}
	if !r.LastAppraisalOn.IsZero() && !d.After(r.LastAppraisalOn) {
		return Problems{{"next_appraisal", "Next appraisal due must be after the last appraisal"}}
	}
	return nil
}

// checkService checks the service named: none, or one of the list, active unless it
// is the record's current one.
func (r IntegrationRecord) checkService(services []IntegrationService, current string) Problems {
	if r.ServiceCode == "" {
		return nil
	}
	i := slices.IndexFunc(services, func(s IntegrationService) bool { return s.Code == r.ServiceCode })
	switch {
	case i < 0:
		return Problems{{"service", "Select a service from the list"}}
	case !services[i].Active && r.ServiceCode != current:
		return Problems{{"service", services[i].Name + " is no longer offered: select another service"}}
	}
	return nil
}

// Validate checks a service of the reference list: a code of lower-case letters,
// digits and underscores (at most 40, starting with a letter), a name of 1 to
// MaxServiceNameLength characters on one line (SingleLineProblem) and a position from 0 to
// MaxServicePosition.
func (s IntegrationService) Validate() Problems {
	var out []Problem
	if !serviceCode.MatchString(s.Code) {
		out = append(out, Problem{"code", "Code must be 1 to 40 lower-case letters, digits or underscores, starting with a letter"})
	}
	switch line := SingleLineProblem("Name", s.Name); {
	case strings.TrimSpace(s.Name) == "":
		out = append(out, Problem{"name", "Enter the service's name"})
	case len([]rune(s.Name)) > MaxServiceNameLength:
		out = append(out, Problem{"name", fmt.Sprintf("Name must be %d characters or fewer", MaxServiceNameLength)})
	case line != "":
		out = append(out, Problem{"name", line})
	}
	if s.Position < 0 || s.Position > MaxServicePosition {
		out = append(out, Problem{"position", fmt.Sprintf("Position must be a whole number from 0 to %d", MaxServicePosition)})
	}
	return out
}
