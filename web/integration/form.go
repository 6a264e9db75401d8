package integration

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/input"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"
)

// The limits of the form's inputs besides the record's own (workforce.Max…).
const (
	// maxCodeText bounds a posted practice, stage or service code.
	maxCodeText = 60

	maxAdminSupport    = workforce.MaxAdminSupportLength
	maxDevelopmentStep = workforce.MaxDevelopmentStepLength
	appraisalMonths    = workforce.AppraisalMonths
)

// Field is one labelled value, as a conflict shows what was saved meanwhile.
type Field struct{ Label, Value string }

// Choices are what the form offers, for one staff record on one day: the PCN's member
// practices, the role's roadmap stages and the services.
type Choices struct {
	Practices []workforce.Practice
	Stages    []workforce.RoadmapStage
	// Services are the active services and, if the record names an inactive one,
	// that one too (so that saving it unchanged is never refused).
	Services []workforce.IntegrationService
}

// ChoicesFor is what a record's form offers: the member practices, the stages of the
// role, and the active services plus the one the record names.
func ChoicesFor(practices []workforce.Practice, role string, services []workforce.IntegrationService, rec workforce.IntegrationRecord) Choices {
	c := Choices{Practices: practices, Stages: workforce.RoadmapStagesOf(role)}
	for _, s := range services {
		if s.Active || s.Code == rec.ServiceCode {
			c.Services = append(c.Services, s)
		}
	}
	return c
}

// Form is the view model of the integration record form of one member of staff.
type Form struct {
	Layout           layout.PageParams
	PCNCode, PCNName string
	StaffID          int64
	Version          int
	// Person describes the staff record ("Paramedic, 0.8 FTE, started 1 April 2026").
	Person string
	// Supervisors are their clinical supervisors today (read-only: from supervision
	// links); NeedsSupervision whether the role needs one.
	Supervisors      []string
	NeedsSupervision bool
	// SupervisionFrom is the first day a clinical link starts when none is in force
	// today (zero otherwise).
	SupervisionFrom time.Time
	Choices
	Practices                                   []string
	Induction, RecordsAccess                    input.Date
	LastAppraisal, NextAppraisal                input.Date
	InductionParts, RecordsParts                []string
	LastParts, NextParts                        []string
	AdminSupport, DevelopmentStep, RoadmapStage string
	Service                                     string
	Errors                                      map[string]string
	// Saved is non-nil after a stale save: the record as someone else saved it. The
	// form then carries that version, so saving again replaces it knowingly.
	Saved []Field
}

// Action is where the form posts.
func (f Form) Action() string { return RecordHref(f.PCNCode, f.StaffID) }

// FormOf fills the form from a stored record (Version 0: none saved yet).
func FormOf(rec workforce.IntegrationRecord) Form {
	return Form{StaffID: rec.StaffID, Version: rec.Version, Practices: slices.Clone(rec.Practices),
		Induction: input.DateOf(rec.InductionOn), RecordsAccess: input.DateOf(rec.RecordsAccessOn),
		LastAppraisal: input.DateOf(rec.LastAppraisalOn), NextAppraisal: input.DateOf(rec.NextAppraisalDue),
		AdminSupport: rec.AdminSupport, DevelopmentStep: rec.DevelopmentStep, RoadmapStage: rec.RoadmapStage, Service: rec.ServiceCode}
}

// formLimits are the form's text inputs with their limits, checked before anything.
var formLimits = []input.Limit{
	{Name: "admin_support", Label: "Named admin support", Max: workforce.MaxAdminSupportLength},
	{Name: "development_step", Label: "Development step", Max: workforce.MaxDevelopmentStepLength},
	{Name: "roadmap_stage", Label: "Roadmap stage", Max: workforce.MaxRoadmapStageLength},
	{Name: "service", Label: "Service", Max: maxCodeText},
	{Name: "practices", Label: "Each practice", Max: maxCodeText},
}

// Read reads a posted form into f (kept as typed) and a record built on base (the
// record as stored; zero but for its staff id and PCN when none is), at the version f
// holds, then workforce.IntegrationRecord.Validate on day today: the practices against
// the members c offers, the stage against the staff record's role, the days done
// against its start (a record entered by hand), the service against all services.
// Every value is bounded before anything else is read.
func (f *Form) Read(v url.Values, base workforce.IntegrationRecord, c Choices, all []workforce.IntegrationService, staff workforce.Staff, today time.Time) workforce.IntegrationRecord {
	f.Errors = map[string]string{}
	f.Choices = c
	f.Practices = v["practices"]
	f.Induction, f.RecordsAccess = input.PostedDate(v, "induction"), input.PostedDate(v, "records_access")
	f.LastAppraisal, f.NextAppraisal = input.PostedDate(v, "last_appraisal"), input.PostedDate(v, "next_appraisal")
	f.AdminSupport, f.DevelopmentStep = strings.TrimSpace(v.Get("admin_support")), strings.TrimSpace(v.Get("development_step"))
	f.RoadmapStage, f.Service = strings.TrimSpace(v.Get("roadmap_stage")), strings.TrimSpace(v.Get("service"))
	if len(f.Practices) > workforce.MaxBasedPractices {
		f.Errors["practices"] = "Select no more than " + strconv.Itoa(workforce.MaxBasedPractices) + " practices"
		f.Practices = nil
		return base
	}
	if input.TooLong(v, f.Errors, formLimits...) {
		f.Practices = nil
		return base
	}
	rec := base
	rec.Version = f.Version
	rec.Practices = slices.Clone(f.Practices)
	rec.InductionOn = input.ReadDate(f.Induction, "Induction date", false, f.Errors, "induction", &f.InductionParts)
	rec.RecordsAccessOn = input.ReadDate(f.RecordsAccess, "Date of records access", false, f.Errors, "records_access", &f.RecordsParts)
	rec.LastAppraisalOn = input.ReadDate(f.LastAppraisal, "Date of the last appraisal", false, f.Errors, "last_appraisal", &f.LastParts)
	rec.NextAppraisalDue = input.ReadDate(f.NextAppraisal, "Next appraisal due", false, f.Errors, "next_appraisal", &f.NextParts)
	rec.AdminSupport, rec.DevelopmentStep = f.AdminSupport, f.DevelopmentStep
	rec.RoadmapStage, rec.ServiceCode = f.RoadmapStage, f.Service
	members := make([]string, len(c.Practices))
	for i, p := range c.Practices {
		members[i] = p.Code
	}
	input.AddProblems(f.Errors, rec.Validate(today, members, all, staff, base.ServiceCode))
	return rec
}

// Fields describes a saved record as a stale save shows it.
func Fields(role string, rec workforce.IntegrationRecord, names Names) []Field {
	return []Field{
		{"Based at", practiceNames(rec.Practices, names.Practices)},
		{"Induction", dateOr(rec.InductionOn, NotRecorded, dateLong)},
		{"Records access", dateOr(rec.RecordsAccessOn, NotRecorded, dateLong)},
		{"Named admin support", orNotRecorded(rec.AdminSupport)},
		{"Last appraisal", dateOr(rec.LastAppraisalOn, NotRecorded, dateLong)},
		{"Next appraisal due", dateOr(rec.NextAppraisalDue, NotRecorded, dateLong)},
		{"Development step", Development(role, rec)},
		{"Service", serviceName(rec.ServiceCode, names.Services, true)}, // a saved record
	}
}

// Stale marks the form of a stale save with the record as saved now and its version.
func (f Form) Stale(now []Field, version int) Form {
	f.Saved, f.Version = now, version
	return f
}

// Framed puts the form on its page (marked in error when it is), under the PCN's
// integration page.
func (f Form) Framed(page layout.PageParams, p workforce.PCN) Form {
	f.Layout = page
	f.Layout.Breadcrumbs = append(f.Layout.Breadcrumbs, ui.BreadcrumbItem{Text: "Integration", Href: Href(p.Code)})
	f.Layout.HasErrors = len(f.Errors) > 0 || f.Saved != nil
	f.PCNCode, f.PCNName = p.Code, p.Name
	return f
}

// Describe says who a record is: role, FTE and start.
func Describe(role string, s workforce.Staff) string {
	return role + ", " + ui.Decimal(s.FTE, 2) + " FTE, started " + s.Start.Format(dateLong)
}

// SavedText is the banner after a save.
func SavedText(role string, s workforce.Staff) string {
	return "Saved the integration record of " + Describe(role, s)
}

func (f Form) summary() ui.ErrorSummaryParams {
	conflict := ""
	if f.Saved != nil {
		conflict = input.Conflict
	}
	return input.ErrorSummary(f.Errors, conflict,
		[]string{"practices", "induction", "records_access", "admin_support", "last_appraisal", "next_appraisal", "roadmap_stage", "development_step", "service"},
		map[string]string{"induction": input.FirstBox(f.InductionParts), "records_access": input.FirstBox(f.RecordsParts),
			"last_appraisal": input.FirstBox(f.LastParts), "next_appraisal": input.FirstBox(f.NextParts)})
}

func (f Form) practiceBoxes() ui.ChoicesParams {
	p := ui.ChoicesParams{IDPrefix: "practices", Name: "practices", Error: f.Errors["practices"], Values: f.Practices,
		Legend: ui.LegendParams{Text: "Practices they are based at", Size: ui.SizeS},
		Hint:   "The PCN's member practices today. Based at more than " + strconv.Itoa(workforce.BasedPracticesWarnAbove) + " is a warning (the planner's rule)."}
	for _, pr := range f.Choices.Practices {
		p.Items = append(p.Items, ui.ChoiceItem{Value: pr.Code, Text: pr.Name + " (" + pr.Code + ")"})
	}
	return p
}

func (f Form) stageSelect() ui.SelectParams {
	p := ui.SelectParams{ID: "roadmap_stage", Name: "roadmap_stage", Value: f.RoadmapStage, Error: f.Errors["roadmap_stage"],
		Label: ui.LabelParams{Text: "Roadmap or pathway stage (optional)", Size: ui.SizeS},
		Hint:  "The first contact roadmap to practice (Health Education England) or the primary care pharmacy education pathway (CPPE)",
		Items: []ui.SelectItem{{Value: "", Text: "Not recorded"}}}
	for _, s := range f.Stages {
		p.Items = append(p.Items, ui.SelectItem{Value: s.Code, Text: s.Label})
	}
	return p
}

func (f Form) serviceRadios() ui.ChoicesParams {
	p := ui.ChoicesParams{IDPrefix: "service", Name: "service", Error: f.Errors["service"], Values: []string{f.Service},
		Legend: ui.LegendParams{Text: "The service they are here to deliver", Size: ui.SizeS},
		Items:  []ui.ChoiceItem{{Value: "", Text: "None named yet", Hint: "No service named is a warning"}}}
	for _, s := range f.Services {
		item := ui.ChoiceItem{Value: s.Code, Text: s.Name}
		if !s.Active {
			item.Hint = "No longer on the list: choose another when you can"
		}
		p.Items = append(p.Items, item)
	}
	return p
}

// dueHint is the hint of a first-day date.
func dueHint(what string) string {
	return "The day " + what + ", for example 1 4 2026. The planner expects it within " +
		strconv.Itoa(workforce.FirstDayMonths) + " months of starting."
}
