package fundingsettings

import (
	"strconv"

	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"
)

// ApprovedRolesHref is a PCN's approved roles page.
func ApprovedRolesHref(pcn string) string { return FundingHref(pcn) + "/approved-roles" }

// ApprovedRoleHref is an approval's change form; "new" approves a role.
func ApprovedRoleHref(pcn string, id int64) string { return ApprovedRolesHref(pcn) + "/" + idOrNew(id) }

// ApprovedRolesPage is the view model of /pcns/{code}/funding/approved-roles: the roles
// outside the ARRS list that the PCN's ICB approved for it.
type ApprovedRolesPage struct {
	Layout           layout.PageParams
	PCNCode, PCNName string
	ICBName          string
	Success          string
	// CanApprove shows the links that approve and change roles (the leads of the
	// PCN's ICB and admins).
	CanApprove bool
	Roles      []workforce.ApprovedRole
}

func (p ApprovedRolesPage) table() ui.TableParams {
	rows := make([]ui.TableRow, 0, len(p.Roles))
	for _, a := range p.Roles {
		id := strconv.FormatInt(a.ID, 10)
		cells := []ui.TableCell{{Text: a.Name}, {Text: orDash(workforce.BandLabel(a.Band))}, {Text: a.CapPence.Short(), Numeric: true},
			{Text: shortDay(a.From)}, {Text: shortDay(a.To)}, {Text: orDash(a.Note)},
			{Text: a.ApprovedBy + ", " + a.ApprovedAt.UTC().Format("2 Jan 2006")}}
		if p.CanApprove {
			cells = append(cells, ui.TableCell{Text: "Change", Href: ApprovedRoleHref(p.PCNCode, a.ID), VisuallyHiddenText: " the approval of " + a.Name})
		}
		rows = append(rows, ui.TableRow{TestID: "approved-role-" + id, Cells: cells})
	}
	head := []ui.TableHeader{{Text: "Role"}, {Text: "Band"}, {Text: "Cap per WTE a year", Numeric: true}, {Text: "From"},
		{Text: "Until (first day not approved)"}, {Text: "Note"}, {Text: "Approved by"}}
	if p.CanApprove {
		head = append(head, ui.TableHeader{Text: "Action"})
	}
	return ui.TableParams{Caption: "Approved roles", FirstCellIsHeader: true, Compact: true, ID: "approved-roles", Head: head, Rows: rows}
}

// ApprovedRoleFields describe an approval as a stale save shows it.
func ApprovedRoleFields(a workforce.ApprovedRole) []Field {
	return []Field{{"Role", a.Name}, {"Band", orDash(workforce.BandLabel(a.Band))}, {"Cap per WTE a year", a.CapPence.Short()},
		{"From", longDay(a.From)}, {"Until", shortDay(a.To)}, {"Note", orDash(a.Note)},
		{"Approved by", a.ApprovedBy + ", " + a.ApprovedAt.UTC().Format("2 January 2006")}}
}

// approvedCap bounds an approval's cap per WTE a year: about the lowest ARRS cap to
// well above the highest (a GP's £105,882 in 2025/26, the practice GP scheme's
// £155,698 in London).
const (
	MinApprovedCap workforce.Pence = 10_000_00
	MaxApprovedCap workforce.Pence = 250_000_00
)

// MaxApprovedName and MaxApprovedNote are the lengths approved_roles allows.
const (
	MaxApprovedName = 100
	MaxApprovedNote = 500
)
