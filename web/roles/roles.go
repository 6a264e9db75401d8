// Package roles renders the role guide: what each ARRS role does, who can fill it,
// the supervision it needs, its band and reimbursement caps, and how many are in post.
package roles

import (
	"time"

	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"
)

// ListPage is the view model of /roles.
type ListPage struct {
	Layout layout.PageParams
	At     time.Time
	Roles  []Role
}

// Role is one role of the catalogue with its figures.
type Role struct {
	Code, Name, Href  string
	Band              string
	Added             time.Time
	Summary           string
	EntryRequirements string
	Supervision       string
	NumberLimit       string
	NeedsSupervision  bool
	Trainee           bool
	RoomSessions      float64
	AttritionRate     float64
	CapNow            string // "£66,972" or "" when no cap is known
	FTE               float64
	Caps              []Cap
	NWRSRoles         []string
}

// Cap is one entry of a role's cap history.
type Cap struct {
	Variant     string
	From        time.Time
	Amount      string
	Provisional bool
}

// DetailPage is the view model of /roles/{code}.
type DetailPage struct {
	Layout layout.PageParams
	At     time.Time
	Role   Role
}

func (p ListPage) table() ui.TableParams {
	rows := make([]ui.TableRow, 0, len(p.Roles))
	for _, r := range p.Roles {
		rows = append(rows, ui.TableRow{TestID: "role-" + r.Code, Cells: []ui.TableCell{
			{Text: r.Name, Href: r.Href}, {Text: r.Band}, {Text: r.Added.Format("Jan 2006")},
			{Text: orNone(r.CapNow)}, {Text: ui.FTE(r.FTE)},
		}})
	}
	return ui.TableParams{
		Caption: "ARRS roles", FirstCellIsHeader: true,
		Head: []ui.TableHeader{{Text: "Role"}, {Text: "Band"}, {Text: "Added"}, {Text: "Cap per WTE a year now"}, {Text: "FTE in post in England", Numeric: true}},
		Rows: rows,
	}
}

func (r Role) capTable() ui.TableParams {
	rows := make([]ui.TableRow, 0, len(r.Caps))
	for _, c := range r.Caps {
		note := ""
		if c.Provisional {
			note = "provisional"
		}
		rows = append(rows, ui.TableRow{Cells: []ui.TableCell{{Text: c.From.Format("2 January 2006")}, {Text: orElse(c.Variant, "—")}, {Text: c.Amount}, {Text: note}}})
	}
	return ui.TableParams{
		Caption: "Reimbursement caps", CaptionSize: ui.SizeS,
		Head: []ui.TableHeader{{Text: "From"}, {Text: "Variant"}, {Text: "Maximum per WTE a year", Numeric: true}, {Text: "Note"}},
		Rows: rows,
	}
}

func orNone(s string) string { return orElse(s, "None known") }

func orElse(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func yesNo(b bool) string {
	if b {
		return "Yes"
	}
	return "No"
}
