package fundingsettings

import (
	"time"

	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"
)

// AgreementsHref is a PCN's share agreements page.
func AgreementsHref(pcn string) string { return FundingHref(pcn) + "/agreements" }

// AgreementHref is an agreement's change form; "new" records one.
func AgreementHref(pcn string, id int64) string { return AgreementsHref(pcn) + "/" + idOrNew(id) }

// AgreementsPage is the view model of /pcns/{code}/funding/agreements: the share in
// force today of each role whose national share is below 100%, and every agreement.
type AgreementsPage struct {
	Layout           layout.PageParams
	PCNCode, PCNName string
	Today            time.Time
	Success          string
	// CanChange shows the links that record and change agreements (the PCN's managers
	// and admins).
	CanChange bool
	InForce   []InForceRow
	Rows      []AgreementRow
}

// InForceRow is a role's share today: the national one, and what applies.
type InForceRow struct {
	Role, RoleName  string
	National, Share float64
	// By says what sets the share: the national figure, or the agreement.
	By string
}

// AgreementRow is one agreement as the list shows it.
type AgreementRow struct {
	ID                 int64
	RoleName           string
	Share              float64
	From, To, AgreedOn time.Time
	Party              string
	RecordedBy         string
	RecordedAt         time.Time
	ChangeHref         string
}

// SharesInForce is, for each role (roles: those of ShareRoles), its share on day d
// for the PCN: the national share, and the share that applies (shares answers it,
// planning.Shares of the national figures and the PCN's agreements).
func SharesInForce(roles []workforce.Role, national, shares planning.Shares, d time.Time) []InForceRow {
	out := make([]InForceRow, 0, len(roles))
	for _, role := range roles {
		on := shares.On(role.Code, d)
		row := InForceRow{Role: role.Code, RoleName: role.Name, National: national.On(role.Code, d).Share, Share: on.Share, By: "The national share"}
		if on.Agreement != nil {
			row.By = "The agreement of " + longDay(on.Agreement.AgreedOn)
			if on.Agreement.Party != "" {
				row.By += " with " + on.Agreement.Party
			}
		}
		out = append(out, row)
	}
	return out
}

// AgreementRows lists a PCN's agreements (names: role names by code); canChange adds
// the link that changes each.
func AgreementRows(pcn string, as []workforce.ShareAgreement, names map[string]string, canChange bool) []AgreementRow {
	out := make([]AgreementRow, 0, len(as))
	for _, a := range as {
		row := AgreementRow{ID: a.ID, RoleName: nameOf(names, a.RoleCode), Share: a.Share, From: a.From, To: a.To, AgreedOn: a.AgreedOn,
			Party: a.Party, RecordedBy: a.RecordedBy, RecordedAt: a.RecordedAt}
		if canChange {
			row.ChangeHref = AgreementHref(pcn, a.ID)
		}
		out = append(out, row)
	}
	return out
}

func nameOf(names map[string]string, code string) string {
	if n := names[code]; n != "" {
		return n
	}
	return code
}

func (p AgreementsPage) inForceTable() ui.TableParams {
	rows := make([]ui.TableRow, 0, len(p.InForce))
	for _, r := range p.InForce {
		rows = append(rows, ui.TableRow{TestID: "in-force-" + r.Role, Cells: []ui.TableCell{
			{Text: r.RoleName}, {Text: percentText(r.National, 2), Numeric: true}, {Text: percentText(r.Share, 2), Numeric: true}, {Text: r.By},
		}})
	}
	return ui.TableParams{Caption: "Shares in force today, " + longDay(p.Today), FirstCellIsHeader: true, ID: "in-force",
		Head: []ui.TableHeader{{Text: "Role"}, {Text: "National share", Numeric: true}, {Text: "This PCN's share", Numeric: true}, {Text: "Set by"}},
		Rows: rows}
}

func (p AgreementsPage) agreementTable() ui.TableParams {
	rows := make([]ui.TableRow, 0, len(p.Rows))
	for _, r := range p.Rows {
		cells := []ui.TableCell{{Text: r.RoleName}, {Text: percentText(r.Share, 2), Numeric: true}, {Text: shortDay(r.From)},
			{Text: shortDay(r.To)}, {Text: shortDay(r.AgreedOn)}, {Text: orDash(r.Party)},
			{Text: r.RecordedBy + ", " + r.RecordedAt.UTC().Format("2 Jan 2006")}}
		if p.CanChange {
			cells = append(cells, ui.TableCell{Text: "Change", Href: r.ChangeHref,
				VisuallyHiddenText: " the agreement for " + r.RoleName + " from " + longDay(r.From)})
		}
		rows = append(rows, ui.TableRow{TestID: "agreement-" + idOrNew(r.ID), Cells: cells})
	}
	head := []ui.TableHeader{{Text: "Role"}, {Text: "Share", Numeric: true}, {Text: "From"}, {Text: "Until (first day not covered)"},
		{Text: "Agreed on"}, {Text: "With"}, {Text: "Recorded by"}}
	if p.CanChange {
		head = append(head, ui.TableHeader{Text: "Action"})
	}
	return ui.TableParams{Caption: "Written agreements", FirstCellIsHeader: true, Compact: true, ID: "agreements", Head: head, Rows: rows}
}

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}
