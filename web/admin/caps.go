package admin

import (
	"strconv"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"
)

// CapsPage is the view model of /admin/caps: every role's caps with their dates, and
// the form that adds a cap.
type CapsPage struct {
	Layout  layout.PageParams
	Success string
	Roles   []CapRole
	// Bands are the caps by Agenda for Change band, by band and date: what a role
	// whose own cap is unknown or older is claimed against (shown, not yet edited here).
	Bands []workforce.BandCap
	Form  CapForm
}

// CapRole is one role of the catalogue with its caps, oldest first; none is "no known
// cap" of its own (claims then use its band's cap, PLANNING.md "Funding").
type CapRole struct {
	Code, Name string
	Caps       []CapRow
}

// CapRow is one cap.
type CapRow struct {
	ID          int64
	Variant     string
	From        time.Time
	Pence       workforce.Pence
	Provisional bool
}

// CapForm is the add or change form of a cap, as typed.
type CapForm struct {
	Layout layout.PageParams
	// ID is 0 when adding; when changing, Version is the version the form shows and
	// Role, RoleName and Variant are fixed.
	ID          int64
	Version     int
	Role        string
	RoleName    string
	Variant     string
	From        string // YYYY-MM-DD
	Amount      string // pounds per WTE a year
	Provisional bool
	// Roles are the choices of the role select when adding.
	Roles    []ui.SelectItem
	Errors   map[string]string
	Conflict string // someone else changed or removed the cap meanwhile
}

// CapHref is a cap's change form.
func CapHref(id int64) string { return "/admin/caps/" + strconv.FormatInt(id, 10) }

// Action is where the form posts.
func (f CapForm) Action() string {
	if f.ID == 0 {
		return "/admin/caps"
	}
	return CapHref(f.ID)
}

var capFieldOrder = []string{"role", "variant", "from", "amount"}

func (f CapForm) summary() ui.ErrorSummaryParams {
	var items []ui.ErrorSummaryItem
	if f.Conflict != "" {
		items = append(items, ui.ErrorSummaryItem{Text: f.Conflict, Href: "#from"})
	}
	for _, k := range capFieldOrder {
		if msg := f.Errors[k]; msg != "" {
			items = append(items, ui.ErrorSummaryItem{Text: msg, Href: "#" + k})
		}
	}
	return ui.ErrorSummaryParams{Title: "There is a problem", Errors: items}
}

func (f CapForm) roleSelect() ui.SelectParams {
	items := append([]ui.SelectItem{{Value: "", Text: "Select a role"}}, f.Roles...)
	return ui.SelectParams{ID: "role", Name: "role", Label: ui.LabelParams{Text: "Role"}, Items: items, Value: f.Role, Error: f.Errors["role"]}
}

func (f CapForm) provisional() ui.ChoicesParams {
	return ui.ChoicesParams{IDPrefix: "provisional", Name: "provisional", Legend: ui.LegendParams{Text: "Status", Size: ui.SizeS},
		Items: []ui.ChoiceItem{{Value: "yes", Text: "Provisional", Hint: "Not yet confirmed in the Network Contract DES, or taken from a secondary source", Checked: f.Provisional}}}
}

// table lists every role's caps; a role with none says so.
func (p CapsPage) table() ui.TableParams {
	var rows []ui.TableRow
	for _, r := range p.Roles {
		if len(r.Caps) == 0 {
			rows = append(rows, ui.TableRow{TestID: "nocap-" + r.Code, Cells: []ui.TableCell{
				{Text: r.Name}, {Text: "No known cap"}, {}, {}, {}, {},
			}})
			continue
		}
		for _, c := range r.Caps {
			id := strconv.FormatInt(c.ID, 10)
			rows = append(rows, ui.TableRow{TestID: "cap-" + id, Cells: []ui.TableCell{
				{Text: r.Name}, {Text: orDash(c.Variant)}, {Text: c.From.Format("2 Jan 2006")}, {Text: c.Pence.Short()},
				{Text: status(c.Provisional)},
				{Text: "Change", Href: CapHref(c.ID), VisuallyHiddenText: " the " + r.Name + " cap from " + c.From.Format("2 January 2006")},
			}})
		}
	}
	return ui.TableParams{Caption: "Caps by role", FirstCellIsHeader: true, Compact: true,
		Head: []ui.TableHeader{{Text: "Role"}, {Text: "Variant"}, {Text: "In force from"}, {Text: "Cap per WTE a year", Numeric: true},
			{Text: "Status"}, {Text: "Action"}},
		Rows: rows}
}

func status(provisional bool) string {
	if provisional {
		return "Provisional"
	}
	return "Confirmed"
}

// bandTable lists the caps by band.
func (p CapsPage) bandTable() ui.TableParams {
	var rows []ui.TableRow
	for _, b := range p.Bands {
		name := "Band " + b.Band
		if b.Band == "GP" {
			name = "GP"
		}
		rows = append(rows, ui.TableRow{TestID: "band-" + b.Band + "-" + b.EffectiveFrom.Format(workforce.DateLayout), Cells: []ui.TableCell{
			{Text: name}, {Text: b.EffectiveFrom.Format("2 Jan 2006")}, {Text: b.Pence.Short()}, {Text: status(b.Provisional)},
		}})
	}
	return ui.TableParams{Caption: "Caps by Agenda for Change band", FirstCellIsHeader: true, Compact: true,
		Head: []ui.TableHeader{{Text: "Band"}, {Text: "In force from"}, {Text: "Cap per WTE a year", Numeric: true}, {Text: "Status"}},
		Rows: rows}
}
