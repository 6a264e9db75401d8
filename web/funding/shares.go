package funding

import (
	"strconv"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/ui"
)

// What raises or widens a year's ARRS claims beyond the national rules: a written
// agreement that raises a role's reimbursement share (a mental health practitioner's
// up to 100% with the mental health trust), and roles a commissioner approved for the
// PCN (DOMAIN.md, "What changed by 2026/27").

// Agreement is a written agreement in force on some day of the year.
type Agreement struct {
	Role  string
	Share float64 // 0.5 … 1
	// From is the first day it applies, To the first day it no longer does (zero:
	// open-ended); AgreedOn the date of the agreement, Party who it is with.
	From, To, AgreedOn time.Time
	Party              string
}

// Text says what the agreement does: "Mental health practitioner: 100.00% from 1
// October 2026 (written agreement of 15 September 2026 with the trust)".
func (a Agreement) Text() string {
	t := a.Role + ": " + Percent(a.Share*100) + " from " + a.From.Format(dateLong)
	if !a.To.IsZero() {
		t += " until " + a.To.AddDate(0, 0, -1).Format(dateLong)
	}
	t += " (written agreement of " + a.AgreedOn.Format(dateLong)
	if a.Party != "" {
		t += " with " + a.Party
	}
	return t + ")"
}

// ApprovedPost is a staff record claimed under a role a commissioner approved.
type ApprovedPost struct {
	ID         int64
	Label      string
	Href       string
	Role       string // the approval's name
	Cap        workforce.Pence
	From, To   time.Time // the approval's; To zero: open-ended
	FTE        float64
	Claims     workforce.Pence
	Uncosted   bool
	ApprovedBy string
}

// Shares is a year's agreements and approved posts.
type Shares struct {
	Agreements []Agreement
	// Raised counts the year's lines (staff and plan) some month of which was claimed
	// at an agreed share.
	Raised   int
	Approved []ApprovedPost
}

// approvedTable lists the staff claimed under approved roles.
func (y Year) approvedTable() ui.TableParams {
	rows := make([]ui.TableRow, 0, len(y.Shares.Approved))
	for _, a := range y.Shares.Approved {
		claims := a.Claims.Whole()
		if a.Uncosted {
			claims = "Excluded: no cost or cap"
		}
		rows = append(rows, ui.TableRow{TestID: y.id("approved-" + strconv.FormatInt(a.ID, 10)), Cells: []ui.TableCell{
			{Text: a.Label, Href: a.Href}, {Text: a.Role}, {Text: a.period()}, {Text: ui.Decimal(a.FTE, 2)}, {Text: a.Cap.Whole()}, {Text: claims},
		}})
	}
	return MoneyCells(ui.TableParams{Caption: "Staff claimed under roles approved for the PCN, " + y.Name, FirstCellIsHeader: true, Compact: true, ID: y.id("approved"),
		Head: []ui.TableHeader{{Text: "Staff"}, {Text: "Approved role"}, {Text: "Approved"}, {Text: "FTE", Numeric: true},
			{Text: "Cap per WTE a year", Numeric: true}, {Text: "Claimable this year", Numeric: true}},
		Rows: rows})
}

// period is the approval's span of days.
func (a ApprovedPost) period() string {
	if a.To.IsZero() {
		return "From " + a.From.Format(dateLong)
	}
	return a.From.Format(dateLong) + " to " + a.To.AddDate(0, 0, -1).Format(dateLong)
}

// raisedText counts the lines claimed at an agreed share.
func (y Year) raisedText() string {
	n := y.Shares.Raised
	if n == 0 {
		return "No post's claims in " + y.Name + " use an agreed share."
	}
	return ui.Count(n) + " " + ui.Agree(n, "post is", "posts are") + " claimed at an agreed share in some month of " + y.Name + "."
}
