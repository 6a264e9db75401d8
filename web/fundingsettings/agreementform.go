package fundingsettings

import (
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/input"
	"github.com/arrs-planner/arrs/web/ui"
)

// AgreementForm is the view model of the forms that record and change an agreement.
type AgreementForm struct {
	Frame
	PCNCode string
	// Role is fixed when changing (RoleName shows it); Roles are the choices when
	// recording.
	Role, RoleName     string
	Roles              []ui.SelectItem
	Share, Party       string
	From, To, AgreedOn input.Date
	FromParts, ToParts []string
	AgreedParts        []string
}

// Action is where the form posts.
func (f AgreementForm) Action() string { return AgreementHref(f.PCNCode, f.ID) }

func (f AgreementForm) errorSummary() ui.ErrorSummaryParams {
	return f.summary([]string{"role", "share", "from", "to", "agreed_on", "party"},
		map[string]string{"from": input.FirstBox(f.FromParts), "to": input.FirstBox(f.ToParts), "agreed_on": input.FirstBox(f.AgreedParts)})
}

func (f AgreementForm) roleSelect() ui.SelectParams {
	items := append([]ui.SelectItem{{Value: "", Text: "Select a role"}}, f.Roles...)
	return ui.SelectParams{ID: "role", Name: "role", Label: ui.LabelParams{Text: "Role", Size: ui.SizeS}, Items: items, Value: f.Role, Error: f.Errors["role"],
		Hint: "Only roles whose national share is below 100% can have an agreement"}
}

// agreementSharePlaces is the decimal places of a share as typed: the table keeps 4 of
// the fraction, 2 of the percentage.
const agreementSharePlaces = 2

// AgreementRules are what an agreement of a PCN is checked against: the roles that may
// have one (ShareRoles), their national shares, the PCN's other agreements, and today
// (the server's clock).
type AgreementRules struct {
	PCNCode  string
	Today    time.Time
	Roles    []workforce.Role
	National []workforce.RoleShare
	Others   []workforce.ShareAgreement
}

// ShareRoles are the roles of the catalogue with a national share below 100% on some
// day: the only ones an agreement can raise (today, the mental health practitioner).
func ShareRoles(roles []workforce.Role, national []workforce.RoleShare) []workforce.Role {
	var out []workforce.Role
	for _, role := range roles {
		if slices.ContainsFunc(national, func(s workforce.RoleShare) bool { return s.RoleCode == role.Code && s.Share < 1 }) {
			out = append(out, role)
		}
	}
	return out
}

// NewForm is the form that records an agreement, offering the roles.
func (c AgreementRules) NewForm() AgreementForm {
	f := AgreementForm{PCNCode: c.PCNCode}
	for _, role := range c.Roles {
		f.Roles = append(f.Roles, ui.SelectItem{Value: role.Code, Text: role.Name})
	}
	if len(c.Roles) == 1 {
		f.Role = c.Roles[0].Code
	}
	return f
}

// FormOf fills the change form from a stored agreement.
func (c AgreementRules) FormOf(a workforce.ShareAgreement) AgreementForm {
	f := AgreementForm{PCNCode: c.PCNCode, Frame: Frame{ID: a.ID, Version: a.Version}, Role: a.RoleCode, RoleName: c.roleName(a.RoleCode),
		Share: percentText(a.Share, agreementSharePlaces), Party: a.Party, From: input.DateOf(a.From), To: input.DateOf(a.To), AgreedOn: input.DateOf(a.AgreedOn)}
	f.Share = strings.TrimSuffix(f.Share, "%")
	return f
}

func (c AgreementRules) roleName(code string) string {
	for _, r := range c.Roles {
		if r.Code == code {
			return r.Name
		}
	}
	return code
}

// Fields describe an agreement as a stale save shows it.
func (c AgreementRules) Fields(a workforce.ShareAgreement) []Field {
	return []Field{{"Role", c.roleName(a.RoleCode)}, {"Share", percentText(a.Share, agreementSharePlaces)},
		{"From", longDay(a.From)}, {"Until", shortDay(a.To)}, {"Date agreed", longDay(a.AgreedOn)}, {"With", orDash(a.Party)}}
}

var agreementLimits = []input.Limit{
	{Name: "role", Label: "Role", Max: workforce.MaxNameLength},
	{Name: "share", Label: "Share", Max: workforce.MaxCodeLength},
	{Name: "party", Label: "Who the agreement is with", Max: workforce.MaxNameLength},
}

// Read reads a submitted agreement form into f (kept as typed) and an agreement built
// on base (a new one names no role: the form's is read), at the version f holds. Every
// problem is in f.Errors: a role that may not have one, a share not above the national
// share on every day it covers or over 100%, dates out of bounds or in the wrong order,
// days another agreement of the role covers.
func (c AgreementRules) Read(v url.Values, f *AgreementForm, base workforce.ShareAgreement) workforce.ShareAgreement {
	f.PCNCode, f.Errors = c.PCNCode, map[string]string{}
	f.Share, f.Party = strings.TrimSpace(v.Get("share")), strings.TrimSpace(v.Get("party"))
	f.From, f.To, f.AgreedOn = input.PostedDate(v, "from"), input.PostedDate(v, "to"), input.PostedDate(v, "agreed_on")
	if base.ID == 0 {
		f.Role = strings.TrimSpace(v.Get("role"))
	}
	if input.TooLong(v, f.Errors, agreementLimits...) {
		return base
	}
	a := base
	a.PCNCode, a.Party, a.Version = c.PCNCode, f.Party, f.Version
	if base.ID == 0 {
		a.RoleCode, f.RoleName = f.Role, c.roleName(f.Role)
		if !slices.ContainsFunc(c.Roles, func(r workforce.Role) bool { return r.Code == f.Role }) {
			f.Errors["role"] = "Select a role whose national share is below 100%"
		}
	}
	a.From = readDay(f.From, "Start date", true, f.Errors, "from", &f.FromParts)
	a.To = readDay(f.To, "End date", false, f.Errors, "to", &f.ToParts)
	if !a.From.IsZero() && !a.To.IsZero() && !a.To.After(a.From) {
		f.Errors["to"] = "End date must be after the start date"
	}
	a.AgreedOn = readAgreedOn(f.AgreedOn, c.Today, f.Errors, &f.AgreedParts)
	a.Share = c.readShare(f, a)
	if len(f.Errors) == 0 {
		c.checkOverlap(f, a)
	}
	return a
}

// readShare reads the share typed and checks it against 100% and against the national
// share on the days the agreement covers: it may only raise it.
func (c AgreementRules) readShare(f *AgreementForm, a workforce.ShareAgreement) float64 {
	units, ok := readPercent(f.Share, agreementSharePlaces)
	switch {
	case f.Share == "":
		f.Errors["share"] = "Enter the share agreed, as a percentage"
		return 0
	case !ok:
		f.Errors["share"] = "Enter the share as a percentage with up to 2 decimal places, such as 100 or 75.5"
		return 0
	case units > 100*pow10(agreementSharePlaces):
		f.Errors["share"] = "The share must be no more than 100%"
	}
	share := float64(units) / float64(100*pow10(agreementSharePlaces))
	if f.Errors["share"] != "" || f.Errors["role"] != "" || a.From.IsZero() || f.Errors["to"] != "" {
		return share
	}
	national, day := c.highestNational(a)
	switch {
	case national >= 1:
		f.Errors["from"] = "The national share of " + c.roleName(a.RoleCode) + " is 100% on " + longDay(day) +
			": an agreement can only raise a share below 100%, so choose days when it is below"
	case share <= national:
		f.Errors["share"] = "The share must be more than the national share of " + percentText(national, agreementSharePlaces) +
			" (in force on " + longDay(day) + ") and no more than 100%"
	}
	return share
}

// highestNational is the highest national share of the agreement's role on the days
// it covers, and the first day it is in force: the national share on its first day,
// and from each national change within it.
func (c AgreementRules) highestNational(a workforce.ShareAgreement) (float64, time.Time) {
	shares := planning.NewShares(c.National, nil)
	best, day := shares.On(a.RoleCode, a.From).Share, a.From
	for _, n := range c.National {
		if n.RoleCode == a.RoleCode && a.Covers(n.EffectiveFrom) {
			if s := shares.On(a.RoleCode, n.EffectiveFrom).Share; s > best {
				best, day = s, n.EffectiveFrom
			}
		}
	}
	return best, day
}

// checkOverlap refuses days another agreement of the PCN for the role covers (the
// table's exclusion constraint refuses them too).
func (c AgreementRules) checkOverlap(f *AgreementForm, a workforce.ShareAgreement) {
	for _, o := range c.Others {
		if o.ID != a.ID && o.RoleCode == a.RoleCode && Overlap(o, a) {
			f.Errors["from"] = OverlapMessage(c.roleName(a.RoleCode), o)
			return
		}
	}
}

// Overlap reports whether two agreements cover a day in common.
func Overlap(a, b workforce.ShareAgreement) bool {
	return (b.To.IsZero() || a.From.Before(b.To)) && (a.To.IsZero() || b.From.Before(a.To))
}

// OverlapMessage refuses an agreement whose days another one (o) of the role covers;
// o is the zero agreement when it is not known (saved meanwhile by someone else).
func OverlapMessage(roleName string, o workforce.ShareAgreement) string {
	if o.ID == 0 {
		return "Another agreement for " + roleName + " now covers some of these days: change or end it first, or choose other days"
	}
	span := "from " + longDay(o.From)
	if o.To.IsZero() {
		span += ", with no end date"
	} else {
		span += " until " + longDay(o.To)
	}
	return "There is already an agreement for " + roleName + " " + span + ": change or end that one first, or choose days it does not cover"
}
