package funding

import (
	"bytes"
	"context"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// bigYear is a year of a large network: 25 staff records and 12 plan lines.
func bigYear() Year {
	y := NewYear("U1", 2026, [12]workforce.Pence{}, [12]workforce.Pence{})
	y.Label = "This year"
	for i := range 25 {
		y.Staff = append(y.Staff, Staff{ID: int64(i + 1), Label: "S" + strconv.Itoa(i+1), Href: "/s", Role: "Pharmacist", Stream: workforce.StreamARRS, FTE: 1})
	}
	for range 12 {
		y.Plan = append(y.Plan, PlanLine{Quarter: "2026/27 Q1", Role: "Pharmacist", Stream: workforce.StreamARRS, Starters: 1})
	}
	return y
}

// Each year's staff and plan tables show RowsPerPage rows at a time, each paged by its
// own parameter, with the NHS pagination linking the others and keeping the rest of
// the address; a page past the last is the last; a page that is not a whole number is
// refused; a year not paginated shows every row.
func TestFundingTablesArePaged(t *testing.T) {
	t.Parallel()
	y := bigYear()
	if len(y.staffTable().Rows) != 25 || len(y.planTable().Rows) != 12 {
		t.Fatal("a year not paginated must show every row")
	}
	q := url.Values{"y2026-staff-page": {"3"}, "y2026-plan-page": {"9"}, "other": {"x"}}
	if err := y.Paginate("/pcns/U1/funding", q); err != nil {
		t.Fatal(err)
	}
	staff, plan := y.staffTable().Rows, y.planTable().Rows
	if len(staff) != 5 || staff[0].TestID != "y2026-staff-21" || staff[4].TestID != "y2026-staff-25" {
		t.Errorf("staff page 3: %d rows from %s", len(staff), staff[0].TestID)
	}
	if len(plan) != 2 || plan[0].TestID != "y2026-plan-10" {
		t.Errorf("plan page 9 (past the last): %d rows from %s, want the last page's 2", len(plan), plan[0].TestID)
	}
	if got := y.staffShowing(); got != "Showing 21–25 of 25 staff records" {
		t.Errorf("showing %q", got)
	}
	var buf bytes.Buffer
	if err := year(y).Render(context.Background(), &buf); err != nil {
		t.Fatal(err)
	}
	doc, err := goquery.NewDocumentFromReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	nav := doc.Find(`nav[data-testid="y2026-staff-pages"]`)
	if label, _ := nav.Attr("aria-label"); label != "Pages of the staff records of 2026/27" {
		t.Errorf("staff pagination label %q", label)
	}
	if href, _ := nav.Find(`a[rel="prev"]`).Attr("href"); href != "/pcns/U1/funding?other=x&y2026-plan-page=9&y2026-staff-page=2#y2026-staff-details" {
		t.Errorf("previous page %q", href)
	}
	if _, open := doc.Find(`[data-testid="y2026-staff-details"] details`).Attr("open"); !open {
		t.Error("the staff table asked for by page is folded away")
	}
	if got := strings.TrimSpace(doc.Find(`[data-testid="y2026-staff-details"] summary`).Text()); got != "Show the 25 staff records of 2026/27" {
		t.Errorf("summary %q counts the page, not the year", got)
	}
	for _, bad := range []string{"0", "x", "1234567"} {
		if err := y.Paginate("/f", url.Values{"y2026-staff-page": {bad}}); err == nil {
			t.Errorf("page %q accepted", bad)
		}
	}
	if err := y.Paginate("/f", url.Values{}); err != nil || len(y.staffTable().Rows) != RowsPerPage {
		t.Errorf("first page: %v, %d rows", err, len(y.staffTable().Rows))
	}
	if _, open := doc.Find(`[data-testid="y2026-plan-details"] details`).Attr("open"); !open {
		t.Error("the plan table asked for by page is folded away")
	}
}
