package staff

import (
	"slices"
	"strconv"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/ui"
)

// Catalogue names what a PCN's records refer to by code: the ARRS roles of the national
// catalogue, the PCN's member practices (today's) and every role a commissioner
// approved for it.
type Catalogue struct {
	Roles     []workforce.Role
	Practices []workforce.Practice
	Approved  []workforce.ApprovedRole
}

// choices is what a record's funding may name on day today (PLANNING.md, "Funding
// streams"): a member practice, an approval in force or to come; and what rec already
// names, so that a record saved again unchanged is never refused because its practice
// has left the PCN or its approval has ended.
func (c Catalogue) choices(rec workforce.StaffRecord, today time.Time) ([]workforce.Practice, []workforce.ApprovedRole) {
	practices := slices.Clone(c.Practices)
	if rec.PracticeCode != "" && !slices.ContainsFunc(practices, func(p workforce.Practice) bool { return p.Code == rec.PracticeCode }) {
		practices = append(practices, workforce.Practice{Code: rec.PracticeCode})
	}
	var approved []workforce.ApprovedRole
	for _, a := range c.Approved {
		if a.ID == rec.ApprovedRole || a.To.IsZero() || a.To.After(today) {
			approved = append(approved, a)
		}
	}
	return practices, approved
}

// funding is what Validate checks a record's funding against.
func (c Catalogue) funding(rec workforce.StaffRecord, today time.Time) workforce.StaffFunding {
	practices, approved := c.choices(rec, today)
	f := workforce.StaffFunding{Approved: approved}
	for _, p := range practices {
		f.Practices = append(f.Practices, p.Code)
	}
	return f
}

// practiceName names a practice "NAME (CODE)", or by its code alone when it is no
// member of the PCN today.
func (c Catalogue) practiceName(code string) string {
	for _, p := range c.Practices {
		if p.Code == code && p.Name != "" {
			return p.Name + " (" + code + ")"
		}
	}
	return code
}

// approvedName names an approved role with its band and dates.
func (c Catalogue) approvedName(id int64) string {
	for _, a := range c.Approved {
		if a.ID == id {
			return approvalText(a)
		}
	}
	return "Approved role " + strconv.FormatInt(id, 10)
}

func approvalText(a workforce.ApprovedRole) string {
	s := a.Name
	if a.Band != "" {
		s += ", " + workforce.BandLabel(a.Band)
	}
	s += ", approved from " + a.From.Format("2 January 2006")
	if !a.To.IsZero() {
		s += " to " + a.To.AddDate(0, 0, -1).Format("2 January 2006")
	}
	return s
}

// readFunding reads how the post is paid for: the stream, the member practice that
// claims for a practice-scheme GP, and the approved role a post outside ARRS is claimed
// under (asked within the ARRS choice). What belongs to a stream not chosen is left
// out, so a practice chosen and then abandoned is not saved.
func (f *Form) readFunding(rec *workforce.StaffRecord) {
	rec.PracticeCode, rec.ApprovedRole = "", 0
	stream, ok := workforce.ParseStream(f.Stream)
	if !ok {
		f.Errors["funding_stream"] = "Select how the post is paid for"
		rec.Stream = ""
		return
	}
	rec.Stream = stream
	switch stream {
	case workforce.StreamPracticeGP:
		rec.PracticeCode = f.Practice
	case workforce.StreamARRS:
		if f.Approved == "" {
			return
		}
		id, err := strconv.ParseInt(f.Approved, 10, 64)
		if err != nil || id <= 0 {
			f.Errors["approved_role_id"] = "Select one of the PCN's approved additional roles"
			return
		}
		rec.ApprovedRole = id
	}
}

// FundingText says how a record is paid for, for the staff list: "ARRS", "Practice GP
// scheme, claimed by A81001", "Other money".
func FundingText(r workforce.StaffRecord) string {
	s := r.FundingStream().Label()
	if r.PracticeCode != "" {
		s += ", claimed by " + r.PracticeCode
	}
	return s
}

// fundingRadios ask how the post is paid for. What a stream needs follows as fields
// of their own (fundingFields), not as a conditional reveal: the NHS.UK script marks a
// revealing radio aria-expanded, which a radio may not carry (axe aria-allowed-attr).
// What belongs to a stream not chosen is not read.
func (f Form) fundingRadios() ui.ChoicesParams {
	arrs := ui.ChoiceItem{Value: string(workforce.StreamARRS), Text: workforce.StreamARRS.Label(),
		Hint: "Claimed from the PCN's Additional Roles Reimbursement Sum: ARRS roles, and roles the ICB approved for this PCN"}
	gp := ui.ChoiceItem{Value: string(workforce.StreamPracticeGP), Text: workforce.StreamPracticeGP.Label(),
		Hint: "GPs only: claimed by a member practice through the practice-level GP reimbursement scheme (choose the practice below)"}
	other := ui.ChoiceItem{Value: string(workforce.StreamOther), Text: workforce.StreamOther.Label(),
		Hint: "Core or local funding: nothing is claimed"}
	return ui.ChoicesParams{IDPrefix: "funding_stream", Name: "funding_stream", Values: []string{f.Stream},
		Items:  []ui.ChoiceItem{arrs, gp, other},
		Legend: ui.LegendParams{Text: "How is this post paid for?", Size: ui.SizeS},
		Error:  f.Errors["funding_stream"]}
}

// showApproved reports whether the form asks for an approved role: the PCN has one,
// or the one posted was wrong.
func (f Form) showApproved() bool { return len(f.Approvals) > 0 || f.Errors["approved_role_id"] != "" }

func (f Form) practiceSelect() ui.SelectParams {
	items := []ui.SelectItem{{Value: "", Text: "Choose a practice"}}
	for _, p := range f.Practices {
		text := p.Code
		if p.Name != "" {
			text = p.Name + " (" + p.Code + ")"
		}
		items = append(items, ui.SelectItem{Value: p.Code, Text: text})
	}
	hint := "The member practice that employs this GP and claims for them"
	if len(f.Practices) == 0 {
		hint = "No member practices are recorded for this PCN today: a GP cannot be paid through the practice GP scheme until they are"
	}
	return ui.SelectParams{ID: "practice_code", Name: "practice_code", Value: f.Practice, Items: items, Error: f.Errors["practice_code"],
		Label: ui.LabelParams{Text: "Practice that claims (practice GP scheme only)"}, Hint: hint}
}

func (f Form) approvedSelect() ui.SelectParams {
	items := []ui.SelectItem{{Value: "", Text: "None: a post in an ARRS role"}}
	for _, a := range f.Approvals {
		items = append(items, ui.SelectItem{Value: strconv.FormatInt(a.ID, 10), Text: approvalText(a)})
	}
	return ui.SelectParams{ID: "approved_role_id", Name: "approved_role_id", Value: f.Approved, Items: items, Error: f.Errors["approved_role_id"],
		Label: ui.LabelParams{Text: "Approved additional role (other PCN staff only)"},
		Hint:  "A role outside the ARRS list that the ICB approved for this PCN, for a post under Other PCN staff"}
}
