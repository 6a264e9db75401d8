// Package integration is the screens of the integration of ARRS staff (issue 16;
// docs/integration.md): a PCN's page of the King's Fund's checklist per person with
// its plain warnings, the integration record form of one member of staff, and the
// admins' list of services. The rules are package internal/integration's; the
// thresholds are the planner's (workforce.BasedPracticesWarnAbove, FirstDayMonths,
// AppraisalMonths), said so on the page.
package integration

import (
	"strconv"
	"strings"
	"time"

	"github.com/arrs-planner/arrs/internal/integration"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"
)

const (
	dateLong = "2 January 2006"
	// dateShort is the table's, for its many columns.
	dateShort = "2 Jan 2006"
)

// Href is a PCN's integration page.
func Href(pcn string) string { return "/pcns/" + pcn + "/integration" }

// RecordHref is the integration record form of a staff record of the PCN.
func RecordHref(pcn string, staffID int64) string {
	return "/pcns/" + pcn + "/staff/" + strconv.FormatInt(staffID, 10) + "/integration"
}

// ServicesHref is the admins' form of the list of services.
const ServicesHref = "/admin/integration-services"

// OnlyWarningsParam is the query parameter that keeps only the people with a warning.
const OnlyWarningsParam = "warnings"

// NotRecorded stands for an item nobody has recorded.
const NotRecorded = "Not recorded"

// Page is the view model of a PCN's integration page.
type Page struct {
	Layout           layout.PageParams
	PCNCode, PCNName string
	// AsOf is the day of the staff in post; Today the day of the supervision links,
	// appraisals and the three-month rule.
	AsOf, Today time.Time
	CanChange   bool
	Success     string
	// OnlyWarnings keeps only the people with at least one warning (?warnings=1).
	OnlyWarnings bool
	Summary      Summary
	// People are the rows shown (every ARRS member of staff in post, or only those
	// with warnings); Total is how many there are in all.
	People []Row
	Total  int
	// Later are the rows shown of the records starting after AsOf, up to LaterUntil,
	// not ended by today (integrationreport.PCN.Later): not in the counts; LaterTotal
	// is how many there are in all.
	Later      []Row
	LaterTotal int
	// LaterUntil is the last start day listed, LaterMonths after today.
	LaterUntil  time.Time
	LaterMonths int
	Plan        Starters
}

// Summary is the counts of each warning.
type Summary struct {
	ARRSStaff int
	Items     []SummaryItem
	// NoRecords and NoSupervision say the PCN keeps no integration record and no
	// supervision: the counts read from them are "no data".
	NoRecords, NoSupervision bool
}

// SummaryItem is one warning's count, or why it is not known.
type SummaryItem struct {
	Warning integration.Warning
	Label   string
	Count   int
	Known   bool
	Why     string
}

// Text is the count in words, or "no data".
func (s SummaryItem) Text() string {
	if !s.Known {
		return ui.NoData
	}
	return strconv.Itoa(s.Count)
}

// NewSummary is the counts of a PCN's warnings (integration.Counts).
func NewSummary(c integration.Counts) Summary {
	s := Summary{ARRSStaff: c.ARRSStaff}
	for _, w := range integration.Warnings {
		n, known := c.Value(w)
		item := SummaryItem{Warning: w, Label: w.Label(), Count: n, Known: known}
		if !known {
			item.Why = whyUnknown(w)
			if w == integration.NoSupervisor {
				s.NoSupervision = true
			} else {
				s.NoRecords = true
			}
		}
		s.Items = append(s.Items, item)
	}
	return s
}

// whyUnknown says why a warning's count is not known.
func whyUnknown(w integration.Warning) string {
	if w == integration.NoSupervisor {
		return "no supervisor or supervision link is recorded for this PCN"
	}
	return "no integration record has been saved for this PCN yet"
}

// Names are what the rows name by code: the PCN's member practices and the services.
type Names struct {
	Practices map[string]string
	Services  map[string]string
}

// Person is one member of staff as the rules see them, with what the page adds.
type Person struct {
	integration.Person
	RoleName string
	Warnings []integration.Warning
	// SupervisionFrom is the first day a clinical link starts, when none is in force
	// today (integrationreport.Entry.SupervisionFrom); zero otherwise.
	SupervisionFrom time.Time
}

// Row is one member of staff on the page.
type Row struct {
	ID                       int64
	Role, FTE, Start         string
	BasedAt                  string
	Induction, RecordsAccess string
	AdminSupport             string
	// Supervisors are the names of their clinical supervisors; SupervisorText stands
	// for none ("None", "Not needed for this role", "Not recorded").
	Supervisors    []string
	SupervisorText string
	LastAppraisal  string
	NextAppraisal  string
	Development    string
	Service        string
	// Warnings are the plain words of each warning that applies (known ones only).
	Warnings   []string
	UpdateHref string
}

// NewRow is a person's row on day today: known says which warnings the PCN keeps the
// records of; an unknown warning is never shown, and its items read "Not recorded".
func NewRow(pcn string, p Person, names Names, known func(integration.Warning) bool, today time.Time) Row {
	st, rec := p.Staff, p.Record
	r := Row{ID: st.ID, Role: p.RoleName, FTE: ui.Decimal(st.FTE, 2), Start: st.Start.Format(dateShort),
		BasedAt: practiceNames(rec.Practices, names.Practices), AdminSupport: orNotRecorded(rec.AdminSupport),
		LastAppraisal: dateOr(rec.LastAppraisalOn, NotRecorded, dateShort), Development: Development(st.RoleCode, rec),
		Service: serviceName(rec.ServiceCode, names.Services, known(integration.NoService)), Supervisors: p.ClinicalSupervisors,
		UpdateHref: RecordHref(pcn, st.ID)}
	r.Induction, r.RecordsAccess = firstDay(p, rec.InductionOn, today), firstDay(p, rec.RecordsAccessOn, today)
	r.SupervisorText = supervisorText(p, known(integration.NoSupervisor))
	r.NextAppraisal = nextAppraisal(p.Person, known(integration.AppraisalOverdue), today)
	for _, w := range p.Warnings {
		if known(w) {
			r.Warnings = append(r.Warnings, w.Label())
		}
	}
	return r
}

// firstDay is a first-day item done on day done (zero when not recorded): its date,
// or when not recorded the day it is due by (the planner's three-month rule,
// integration.FirstDayStatus) while that day is still ahead.
func firstDay(p Person, done, today time.Time) string {
	switch st := integration.FirstDayStatus(p.Person, done, today); st.Kind {
	case integration.StatusDone:
		return st.On.Format(dateShort)
	case integration.StatusDueBy:
		return NotRecorded + ": due by " + st.On.Format(dateShort)
	}
	return NotRecorded
}

// supervisorText stands for no clinical supervisor (integration.SupervisorStatus):
// "" when there is one (the names are shown), "Not needed for this role", and where
// it is expected "None" if the PCN records supervision (known; "None today (a link
// starts on …)" when a clinical link is recorded ahead), else "Not recorded".
func supervisorText(p Person, known bool) string {
	switch integration.SupervisorStatus(p.Person).Kind {
	case integration.StatusDone:
		return ""
	case integration.StatusNotApplicable:
		return "Not needed for this role"
	case integration.StatusNotRecorded:
		if !known {
			return NotRecorded
		}
	}
	return NoneToday(p.SupervisionFrom, dateShort)
}

// NoneToday stands for no clinical supervisor today: "None", or "None today (a link
// starts on …)" when a clinical link starts on day from (zero for none).
func NoneToday(from time.Time, layout string) string {
	if from.IsZero() {
		return "None"
	}
	return "None today (a link starts on " + from.Format(layout) + ")"
}

// nextAppraisal is the day the next appraisal is due (integration.AppraisalStatus),
// marked when it is the planner's rule, where the PCN keeps integration records
// (known); else the day recorded, if any.
func nextAppraisal(p integration.Person, known bool, today time.Time) string {
	due := p.Record.NextAppraisalDue
	if !known {
		return dateOr(due, NotRecorded, dateShort)
	}
	st := integration.AppraisalStatus(p, today)
	if st.Kind == integration.StatusNotRecorded {
		return NotRecorded
	}
	if due.IsZero() {
		return st.On.Format(dateShort) + " (the planner's rule)"
	}
	return st.On.Format(dateShort)
}

// practiceNames names the practices a person is based at, by name where the PCN's
// member practices give one (a practice that has left keeps its code).
func practiceNames(codes []string, names map[string]string) string {
	if len(codes) == 0 {
		return NotRecorded
	}
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = orElse(names[c], c)
	}
	return strings.Join(out, "; ")
}

// serviceName names the service: "None named" where the PCN keeps integration
// records (known) and none is, "Not recorded" where it keeps none.
func serviceName(code string, names map[string]string, known bool) string {
	switch {
	case code != "":
		return orElse(names[code], code)
	case known:
		return "None named"
	}
	return NotRecorded
}

// Development is the development step: the roadmap stage's label and the free text.
func Development(role string, rec workforce.IntegrationRecord) string {
	var parts []string
	if rec.RoadmapStage != "" {
		parts = append(parts, workforce.RoadmapStageLabel(role, rec.RoadmapStage))
	}
	if rec.DevelopmentStep != "" {
		parts = append(parts, rec.DevelopmentStep)
	}
	if len(parts) == 0 {
		return NotRecorded
	}
	return strings.Join(parts, ". ")
}

func dateOr(d time.Time, none, layout string) string {
	if d.IsZero() {
		return none
	}
	return d.Format(layout)
}

func orNotRecorded(s string) string { return orElse(s, NotRecorded) }

func orElse(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
