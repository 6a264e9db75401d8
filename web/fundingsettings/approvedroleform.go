package fundingsettings

import (
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/input"
	"github.com/arrs-planner/arrs/web/ui"
)

// ApprovedRoleForm is the view model of the forms that approve a role and change an
// approval.
type ApprovedRoleForm struct {
	Frame
	PCNCode, PCNName   string
	Name, Band, Cap    string
	Note               string
	From, To           input.Date
	FromParts, ToParts []string
}

// Action is where the form posts.
func (f ApprovedRoleForm) Action() string { return ApprovedRoleHref(f.PCNCode, f.ID) }

func (f ApprovedRoleForm) errorSummary() ui.ErrorSummaryParams {
	return f.summary([]string{"name", "band", "cap", "from", "to", "note"},
		map[string]string{"from": input.FirstBox(f.FromParts), "to": input.FirstBox(f.ToParts)})
}

func (f ApprovedRoleForm) bandSelect() ui.SelectParams {
	items := []ui.SelectItem{{Value: "", Text: "Not recorded"}}
	for _, b := range workforce.Bands {
		items = append(items, ui.SelectItem{Value: b, Text: workforce.BandLabel(b)})
	}
	return ui.SelectParams{ID: "band", Name: "band", Value: f.Band, Items: items, Error: f.Errors["band"],
		Label: ui.LabelParams{Text: "Agenda for Change band (optional)", Size: ui.SizeS}}
}

// ApprovedRoleFormOf fills the change form from a stored approval.
func ApprovedRoleFormOf(a workforce.ApprovedRole) ApprovedRoleForm {
	return ApprovedRoleForm{Frame: Frame{ID: a.ID, Version: a.Version}, PCNCode: a.PCNCode, Name: a.Name, Band: a.Band,
		Cap: a.CapPence.Input(), Note: a.Note, From: input.DateOf(a.From), To: input.DateOf(a.To)}
}

var approvedRoleLimits = []input.Limit{
	{Name: "name", Label: "Role", Max: MaxApprovedName},
	{Name: "band", Label: "Band", Max: workforce.MaxCodeLength},
	{Name: "cap", Label: "Cap per WTE a year", Max: workforce.MaxCodeLength},
	{Name: "note", Label: "Note", Max: MaxApprovedNote},
}

// ReadApprovedRole reads a submitted approval form into f (kept as typed) and an
// approval of the PCN built on base, at the version f holds; every problem is in
// f.Errors. roles is the ARRS catalogue, whose roles need no approval.
func ReadApprovedRole(v url.Values, f *ApprovedRoleForm, base workforce.ApprovedRole, roles []workforce.Role) workforce.ApprovedRole {
	f.Errors = map[string]string{}
	f.Name, f.Band, f.Cap = strings.Join(strings.Fields(v.Get("name")), " "), strings.TrimSpace(v.Get("band")), strings.TrimSpace(v.Get("cap"))
	f.Note = strings.TrimSpace(v.Get("note"))
	f.From, f.To = input.PostedDate(v, "from"), input.PostedDate(v, "to")
	if input.TooLong(v, f.Errors, approvedRoleLimits...) {
		return base
	}
	a := base
	a.PCNCode, a.Name, a.Band, a.Note, a.Version = f.PCNCode, f.Name, f.Band, f.Note, f.Version
	switch {
	case a.Name == "":
		f.Errors["name"] = "Enter the role, as the PCN's staff records name it"
	case slices.ContainsFunc(roles, func(r workforce.Role) bool { return strings.EqualFold(r.Name, a.Name) || r.Code == a.Name }):
		f.Errors["name"] = a.Name + " is an ARRS role: its posts are claimable without an approval"
	}
	if a.Band != "" && !slices.Contains(workforce.Bands, a.Band) {
		f.Errors["band"] = "Select a band from the list, or Not recorded"
	}
	a.CapPence = readCap(f.Cap, f.Errors)
	a.From = readDay(f.From, "Start date", true, f.Errors, "from", &f.FromParts)
	a.To = readDay(f.To, "End date", false, f.Errors, "to", &f.ToParts)
	if !a.From.IsZero() && !a.To.IsZero() && !a.To.After(a.From) {
		f.Errors["to"] = "End date must be after the start date"
	}
	return a
}

// readCap reads the cap per WTE a year in pounds, between MinApprovedCap and
// MaxApprovedCap.
func readCap(typed string, errs map[string]string) workforce.Pence {
	pence, ok := workforce.ParsePounds(workforce.PlainPounds(typed))
	switch {
	case typed == "":
		errs["cap"] = "Enter the cap per WTE a year, in pounds"
	case !ok:
		errs["cap"] = "Enter the cap in pounds, such as 55000 or 55000.50"
	case decimals(workforce.PlainPounds(typed)) > 2:
		errs["cap"] = "Enter the cap to the penny, with at most 2 decimal places, such as 55000.50"
	case pence < MinApprovedCap || pence > MaxApprovedCap:
		errs["cap"] = "The cap must be between " + MinApprovedCap.Short() + " and " + MaxApprovedCap.Short() + " a year"
	}
	return pence
}

// decimals counts the digits after the decimal point of plain pounds.
func decimals(plain string) int {
	if i := strings.IndexByte(plain, '.'); i >= 0 {
		return len(plain) - i - 1
	}
	return 0
}

// CheckOverlap refuses an approval of a role the PCN already has approved on some of
// the same days (the same name, whatever its case): two approvals of one role would be
// two identical choices on the staff form, each with its own cap.
func CheckOverlap(a workforce.ApprovedRole, others []workforce.ApprovedRole, f *ApprovedRoleForm) {
	for _, o := range others {
		if o.ID == a.ID || !strings.EqualFold(o.Name, a.Name) {
			continue
		}
		if (o.To.IsZero() || a.From.Before(o.To)) && (a.To.IsZero() || o.From.Before(a.To)) {
			f.Errors["from"] = a.Name + " is already approved for this PCN from " + o.From.Format("2 January 2006") +
				untilText(o.To) + ": change that approval, or choose dates that do not overlap it"
			return
		}
	}
}

func untilText(to time.Time) string {
	if to.IsZero() {
		return ", with no end date"
	}
	return " to " + to.AddDate(0, 0, -1).Format("2 January 2006")
}
