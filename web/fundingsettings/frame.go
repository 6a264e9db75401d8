// Package fundingsettings renders what a PCN's funding is worked out from besides its
// staff and plan (issue 14, docs/funding-streams.md): its written share agreements,
// the roles its ICB approved for it, how its member practices share its costs, and an
// ICB's payment lag. Each form reads what was typed into a domain value, keeping the
// input to show again with the NHS service manual's messages.
package fundingsettings

import (
	"strconv"
	"strings"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/input"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"
)

// Field is one labelled value, as a stale save shows what was saved meanwhile.
type Field struct{ Label, Value string }

// Frame is what every form shares: the page, the organisation (a PCN, or an ICB for
// the payment lag) and the way back, the record's id and version, the messages by
// field, and on a stale save the values saved meanwhile.
type Frame struct {
	Layout  layout.PageParams
	OrgName string
	// Back is the page the form belongs to, named BackText.
	Back, BackText string
	// ID is 0 for a new record.
	ID      int64
	Version int
	Errors  map[string]string
	// Saved is non-nil after a stale save: the record as someone else saved it (empty
	// when they removed it). The form then carries that version, so saving again
	// replaces it knowingly.
	Saved []Field
}

// Framed puts the form on its page (marked in error when the form is), under the
// page it belongs to (back, named backText in lower case: "share agreements").
func (f Frame) Framed(page layout.PageParams, orgName, back, backText string) Frame {
	f.Layout, f.OrgName, f.Back, f.BackText = page, orgName, back, backText
	f.Layout.Breadcrumbs = append(f.Layout.Breadcrumbs, ui.BreadcrumbItem{Text: strings.ToUpper(backText[:1]) + backText[1:], Href: back})
	f.Layout.HasErrors = len(f.Errors) > 0 || f.Saved != nil
	return f
}

// Stale marks a form whose save found the record changed: saved is what is stored
// now, at version.
func (f Frame) Stale(saved []Field, version int) Frame {
	if saved == nil {
		saved = []Field{}
	}
	f.Saved, f.Version = saved, version
	return f
}

// summary lists the messages in the order of the fields on the page, each linking to
// its field (a date to its first box in error), after the conflict when the save found
// the record changed.
func (f Frame) summary(order []string, firstBox map[string]string) ui.ErrorSummaryParams {
	conflict := ""
	if f.Saved != nil {
		conflict = input.Conflict
	}
	return input.ErrorSummary(f.Errors, conflict, order, firstBox)
}

func savedList(fields []Field) ui.SummaryListParams {
	rows := make([]ui.SummaryListRow, 0, len(fields))
	for _, f := range fields {
		rows = append(rows, ui.SummaryListRow{Key: f.Label, Value: f.Value})
	}
	return ui.SummaryListParams{Rows: rows, ID: "saved"}
}

// The days the settings may name: agreements and approvals from the scheme's early
// years to well past the plan's window. A date outside is a typing slip.
var (
	FirstDay = workforce.Date(2020, time.January, 1)
	LastDay  = workforce.Date(2035, time.December, 31)
)

// readDay reads a date input (input.ReadDate) and bounds it to FirstDay–LastDay.
func readDay(d input.Date, label string, required bool, errs map[string]string, key string, parts *[]string) time.Time {
	t := input.ReadDate(d, label, required, errs, key, parts)
	if !t.IsZero() && (t.Before(FirstDay) || t.After(LastDay)) {
		errs[key] = label + " must be between " + longDay(FirstDay) + " and " + longDay(LastDay)
		return time.Time{}
	}
	return t
}

// readAgreedOn reads the day something was agreed: required, in the bounds, and not
// after today (the server's clock).
func readAgreedOn(d input.Date, today time.Time, errs map[string]string, parts *[]string) time.Time {
	t := readDay(d, "Date agreed", true, errs, "agreed_on", parts)
	if t.After(today) {
		errs["agreed_on"] = "Date agreed must be today or in the past"
		return time.Time{}
	}
	return t
}

// longDay is a day as pages write it: "1 April 2026".
func longDay(d time.Time) string { return d.Format("2 January 2006") }

// shortDay is a day in a table: "1 Apr 2026"; the zero day (an open end) is "No end
// date".
func shortDay(d time.Time) string {
	if d.IsZero() {
		return "No end date"
	}
	return d.Format("2 Jan 2006")
}

// idOrNew is a record's id in its address, "new" for a new one.
func idOrNew(id int64) string {
	if id == 0 {
		return "new"
	}
	return strconv.FormatInt(id, 10)
}

// FundingHref is a PCN's funding page.
func FundingHref(pcn string) string { return "/pcns/" + pcn + "/funding" }
