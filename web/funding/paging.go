package funding

import (
	"net/url"

	"github.com/arrs-planner/arrs/web/ui"
)

// A large network has scores of staff records and plan lines in each of the page's
// three years, which made the page hundreds of kilobytes (issue 17). Each year's staff
// and plan tables show RowsPerPage rows at a time, paged on the server with the NHS.UK
// pagination; every record's monthly claims are in the year's claim schedule download.

// RowsPerPage is how many staff records, or plan lines, a year's table shows at once.
const RowsPerPage = 10

// Paginate places the year's staff and plan tables on the pages q asks for (each
// table its own parameter, "y2026-staff-page"); the links keep the rest of q and jump
// back to the table. A page past the last shows the last; anything but a whole number
// from 1 is an error naming the range.
func (y *Year) Paginate(path string, q url.Values) error {
	var err error
	y.StaffPages = ui.Pages{Param: y.id("staff-page"), Path: path, Query: q, Anchor: y.id("staff-details"), Size: RowsPerPage}
	if y.StaffPages.Page, err = y.StaffPages.Read(q, len(y.Staff)); err != nil {
		return err
	}
	y.PlanPages = ui.Pages{Param: y.id("plan-page"), Path: path, Query: q, Anchor: y.id("plan-details"), Size: RowsPerPage}
	y.PlanPages.Page, err = y.PlanPages.Read(q, len(y.Plan))
	return err
}

// staffOpen reports whether the staff table is unfolded: its page was asked for, so
// the link that asked lands on the rows.
func (y Year) staffOpen() bool { return y.StaffPages.Query.Has(y.StaffPages.Param) }

// planOpen reports whether the plan table is unfolded: its page was asked for.
func (y Year) planOpen() bool { return y.PlanPages.Query.Has(y.PlanPages.Param) }

// staffShowing says which staff records the table shows: "Showing 21–40 of 72 staff
// records", or "4 staff records" when they fit on one page.
func (y Year) staffShowing() string { return y.StaffPages.Showing(len(y.Staff), "staff records") }

// planShowing says which plan lines the table shows.
func (y Year) planShowing() string { return y.PlanPages.Showing(len(y.Plan), "plan lines") }

// pageOf is the rows of the page p shows and the index of its first; a year not
// paginated (Size 0) shows them all.
func pageOf[T any](rows []T, p ui.Pages) ([]T, int) {
	if p.Size == 0 {
		return rows, 0
	}
	cur := min(max(p.Page, 1), p.Count(len(rows)))
	return ui.Slice(rows, p), (cur - 1) * p.Size
}
