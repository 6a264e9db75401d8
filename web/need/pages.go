package need

import (
	"net/url"

	"github.com/arrs-planner/arrs/web/ui"
)

// The paging of the funnel's tables is the app's one NHS.UK numbered pagination
// (web/ui/pages.go); these names keep the package's callers as they were.

// PageSize is how many rows a paged table shows.
const PageSize = ui.PageSize

// Pages is where a paged table is (ui.Pages).
type Pages = ui.Pages

// PageCount is how many pages n rows fill (at least one).
func PageCount(n int) int { return ui.PageCount(n) }

// ParsePage reads the page number of a table of n rows from q[param] (ui.ParsePage).
func ParsePage(q url.Values, param string, n int) (int, error) { return ui.ParsePage(q, param, n) }

// Slice is the rows of the page shown.
func Slice[T any](rows []T, p Pages) []T { return ui.Slice(rows, p) }

// clip shortens a refused value for the message that quotes it.
func clip(v string) string {
	if r := []rune(v); len(r) > 20 {
		return string(r[:20]) + "…"
	}
	return v
}
