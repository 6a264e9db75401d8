// Package staff renders the pages that keep a PCN's staff records: the form that adds
// or changes a record, the page that ends one, the page a stale save gets (what was
// saved meanwhile beside the person's own input, which is kept), and a record's
// history.
package staff

import (
	"strconv"
	"strings"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/input"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"
)

// OtherRole is the role select's value for PCN staff outside ARRS, whose role is then
// typed as NWRS names it.
const OtherRole = "other"

// RoleOption is one ARRS role of the select, with the day it became claimable.
type RoleOption struct {
	Code, Name string
	Added      time.Time
}

// Form is the view model of the add and change forms.
type Form struct {
	Layout  layout.PageParams
	PCNCode string
	PCNName string
	// ID is 0 for a new record.
	ID      int64
	Version int
	// Source says where a stored record came from ("Imported from NWRS, census 30 Nov
	// 2025", "Entered in ARRS Planner"); "" for a new one.
	Source string
	// NWRSRole is an imported record's role as NWRS names it: it cannot change here,
	// because the next import matches the record on it.
	NWRSRole string
	Roles    []RoleOption
	// Practices and Approvals are what the funding may name: the PCN's member
	// practices, its approved roles in force or to come (Catalogue.choices).
	Practices []workforce.Practice
	Approvals []workforce.ApprovedRole
	// The fields as typed.
	Role, StaffRole, FTE, Hours, Band, Cost, EmploymentModel, Employer string
	// Stream, Practice and Approved are how the post is paid for, as chosen.
	Stream, Practice, Approved string
	Start, End                 input.Date
	Errors                     map[string]string
	// StartParts and EndParts name the parts of a date in error ("day", "month",
	// "year"); none with an error on the date marks them all.
	StartParts, EndParts []string
	// Warnings do not stop a save: a cost above the role's cap, a second digital and
	// transformation lead.
	Warnings []string
	Conflict *Conflict
}

// Action is where the form posts.
func (f Form) Action() string {
	if f.ID == 0 {
		return ListHref(f.PCNCode) + "/new"
	}
	return RecordHref(f.PCNCode, f.ID)
}

// ListHref is the PCN's staff records.
func ListHref(pcn string) string { return "/pcns/" + pcn + "/staff" }

// RecordHref is a record's change form; /end and /history follow it.
func RecordHref(pcn string, id int64) string { return ListHref(pcn) + "/" + strconv.FormatInt(id, 10) }

// fieldOrder is the order of the fields on the page, for the error summary, with the
// id each message links to.
var fieldOrder = []struct{ key, href string }{
	{"role", "#role"}, {"staff_role", "#staff_role"}, {"fte", "#fte"}, {"hours", "#hours"},
	{"start", "#start"}, {"end", "#end"}, {"band", "#band"}, {"cost", "#cost"},
	{"employment_model", "#employment_model"}, {"employer", "#employer"},
	{"funding_stream", "#funding_stream"}, {"approved_role_id", "#approved_role_id"}, {"practice_code", "#practice_code"},
}

func (f Form) summary() ui.ErrorSummaryParams {
	var items []ui.ErrorSummaryItem
	if f.Conflict != nil {
		items = append(items, ui.ErrorSummaryItem{Text: conflictMessage, Href: "#conflict"})
	}
	for _, k := range fieldOrder {
		if msg := f.Errors[k.key]; msg != "" {
			href := k.href
			switch k.key {
			case "start":
				href = "#start-" + input.FirstBox(f.StartParts)
			case "end":
				href = "#end-" + input.FirstBox(f.EndParts)
			}
			items = append(items, ui.ErrorSummaryItem{Text: msg, Href: href})
		}
	}
	return ui.ErrorSummaryParams{Errors: items}
}

const conflictMessage = "Someone else saved this record while you were editing it. Your changes have not been saved: they are kept below."

func (f Form) roleSelect() ui.SelectParams {
	items := []ui.SelectItem{{Value: "", Text: "Choose a role"}}
	for _, r := range f.Roles {
		items = append(items, ui.SelectItem{Value: r.Code, Text: r.Name + " (from " + r.Added.Format("January 2006") + ")"})
	}
	items = append(items, ui.SelectItem{Value: OtherRole, Text: "Other PCN staff, not ARRS"})
	return ui.SelectParams{ID: "role", Name: "role", Value: f.Role, Items: items, Error: f.Errors["role"],
		Label: ui.LabelParams{Text: "Role", Size: ui.SizeS},
		Hint:  "A role can only be chosen from the month the scheme added it."}
}

func (f Form) bandSelect() ui.SelectParams {
	items := []ui.SelectItem{{Value: "", Text: "Not recorded"}}
	for _, b := range workforce.Bands {
		items = append(items, ui.SelectItem{Value: b, Text: workforce.BandLabel(b)})
	}
	return ui.SelectParams{ID: "band", Name: "band", Value: f.Band, Items: items, Error: f.Errors["band"],
		Label: ui.LabelParams{Text: "Agenda for Change band (optional)", Size: ui.SizeS}}
}

func (f Form) employmentRadios() ui.ChoicesParams {
	var items []ui.ChoiceItem
	for _, m := range workforce.EmploymentModels {
		items = append(items, ui.ChoiceItem{Value: string(m), Text: m.Label()})
	}
	return ui.ChoicesParams{IDPrefix: "employment_model", Name: "employment_model", Items: items, Values: []string{f.EmploymentModel},
		Legend: ui.LegendParams{Text: "Employment model (optional)", Size: ui.SizeS}, Error: f.Errors["employment_model"]}
}

// Conflict is what a stale save shows: who saved the record meanwhile, when, and each
// field whose value then differs from the other one shown beside it.
type Conflict struct {
	By      string
	At      time.Time
	Changes []Change
	// FromHeading and ToHeading name the two columns.
	FromHeading, ToHeading string
}

func (c Conflict) table() ui.TableParams {
	rows := make([]ui.TableRow, 0, len(c.Changes))
	for _, ch := range c.Changes {
		rows = append(rows, ui.TableRow{TestID: "change-" + ch.Key, Cells: []ui.TableCell{{Text: ch.Label}, {Text: ch.From}, {Text: ch.To}}})
	}
	return ui.TableParams{Caption: "What is different", CaptionSize: ui.SizeS, FirstCellIsHeader: true, ID: "changes",
		Head: []ui.TableHeader{{Text: "Field"}, {Text: c.FromHeading}, {Text: c.ToHeading}}, Rows: rows}
}

// Field is one labelled value of a record, as the pages show it.
type Field struct{ Key, Label, Value string }

// Change is one field that differs between two versions of a record.
type Change struct{ Key, Label, From, To string }

// Fields lists what a record holds, as people read it, naming its ARRS role, practice
// and approved role from the catalogue.
func Fields(r workforce.StaffRecord, c Catalogue) []Field {
	role := r.StaffRole
	if r.RoleCode != "" {
		role = RoleName(c.Roles, r.RoleCode)
	}
	if r.DetailedRole != "" && !strings.EqualFold(r.DetailedRole, role) {
		role += " (" + r.DetailedRole + ")"
	}
	start := r.Start.Format("2 January 2006")
	if r.StartsFromCensus() {
		start = "Not given by NWRS: " + StartText(r, "2 January 2006")
	}
	end, cost, model, practice, approved := "Still in post", "Not recorded", "Not recorded", "None", "None"
	if !r.End.IsZero() {
		end = r.End.Format("2 January 2006")
	}
	if r.AnnualCostPence != 0 {
		cost = r.AnnualCostPence.Short()
	}
	if r.EmploymentModel != "" {
		model = r.EmploymentModel.Label()
	}
	if r.PracticeCode != "" {
		practice = c.practiceName(r.PracticeCode)
	}
	if r.ApprovedRole != 0 {
		approved = c.approvedName(r.ApprovedRole)
	}
	return []Field{
		{"role", "Role", role},
		{"fte", "FTE", FTEText(r.FTE)},
		{"start", "Start date", start},
		{"end", "End date", end},
		{"band", "Band", orElse(workforce.BandLabel(r.Band), "Not recorded")},
		{"cost", "Annual cost of a full-time post", cost},
		{"employment_model", "Employment model", model},
		{"employer", "Employer", orElse(r.Employer, "Not recorded")},
		{"funding_stream", "How the post is paid for", r.FundingStream().Label()},
		{"practice_code", "Practice that claims", practice},
		{"approved_role_id", "Approved additional role", approved},
	}
}

// Diff lists the fields whose values differ between two listings of Fields.
func Diff(from, to []Field) []Change {
	var out []Change
	for i := range min(len(from), len(to)) {
		if from[i].Value != to[i].Value {
			out = append(out, Change{Key: from[i].Key, Label: from[i].Label, From: from[i].Value, To: to[i].Value})
		}
	}
	return out
}

func summaryList(fields []Field) ui.SummaryListParams {
	rows := make([]ui.SummaryListRow, 0, len(fields))
	for _, f := range fields {
		rows = append(rows, ui.SummaryListRow{Key: f.Label, Value: f.Value, TestID: "field-" + f.Key})
	}
	return ui.SummaryListParams{Rows: rows, ID: "record"}
}

// FTEText shows an FTE with the decimals it has, up to the 6 that are stored.
func FTEText(fte float64) string {
	return strconv.FormatFloat(fte, 'f', -1, 64)
}

// WhoText names who saved a version: "" is an import.
func WhoText(by string) string { return orElse(by, "an NWRS import") }

func orElse(s, def string) string {
	if strings.TrimSpace(s) == "" {
		return def
	}
	return s
}

// EndForm is the view model of the page that ends a record.
type EndForm struct {
	Layout  layout.PageParams
	PCNCode string
	ID      int64
	Version int
	Source  string
	Record  []Field
	End     input.Date
	Error   string
	Parts   []string
	// Conflict shows what changed since the person opened the page.
	Conflict *Conflict
}

// Action is where the form posts.
func (f EndForm) Action() string { return RecordHref(f.PCNCode, f.ID) + "/end" }

func (f EndForm) summary() ui.ErrorSummaryParams {
	var items []ui.ErrorSummaryItem
	if f.Conflict != nil {
		items = append(items, ui.ErrorSummaryItem{Text: "Someone else saved this record since you opened this page. Check what changed, then end it again.", Href: "#conflict"})
	}
	if f.Error != "" {
		items = append(items, ui.ErrorSummaryItem{Text: f.Error, Href: "#end-" + input.FirstBox(f.Parts)})
	}
	return ui.ErrorSummaryParams{Errors: items}
}

// HistoryPage is the view model of a record's history: the record as it is now, then
// every earlier version, newest first.
type HistoryPage struct {
	Layout    layout.PageParams
	PCNCode   string
	ID        int64
	Source    string
	Current   []Field
	CanChange bool
	// Ended hides the link that ends the record: it has its end date (shown in
	// Current), which the change form can still correct.
	Ended    bool
	Versions []Version
}

// Version is one saved version of a record and what it changed.
type Version struct {
	Number int
	At     time.Time
	By     string
	// Note describes a first version ("Imported from NWRS, census …", "Added").
	Note    string
	Changes []Change
}

func (p HistoryPage) table() ui.TableParams {
	rows := make([]ui.TableRow, 0, len(p.Versions))
	for _, v := range p.Versions {
		rows = append(rows, ui.TableRow{TestID: "version-" + strconv.Itoa(v.Number), Cells: []ui.TableCell{
			{Text: strconv.Itoa(v.Number)}, {Text: v.At.Format("2 Jan 2006 15:04")}, {Text: v.By}, {Content: changesList(v)},
		}})
	}
	return ui.TableParams{Caption: "Versions, newest first", CaptionSize: ui.SizeM, FirstCellIsHeader: true, ID: "versions",
		Head: []ui.TableHeader{{Text: "Version"}, {Text: "Saved"}, {Text: "By"}, {Text: "What changed"}}, Rows: rows}
}
