package need

import (
	"fmt"
	"net/url"
	"strconv"
)

// PageSize is how many rows a paged table shows.
const PageSize = 50

// maxPageDigits bounds ?page= before it is read: no list here has a million pages.
const maxPageDigits = 6

// Pages is where a paged table is: which page shows, and how the links to the others
// are made (the page's address and its other parameters, kept).
type Pages struct {
	// Page is the page shown, from 1; 0 is 1.
	Page int
	// Param is the query parameter that names the page; "" is "page".
	Param string
	Path  string
	Query url.Values
	// Anchor is the id the links jump to: the table's.
	Anchor string
}

// PageCount is how many pages n rows fill (at least one).
func PageCount(n int) int { return max(1, (n+PageSize-1)/PageSize) }

// ParsePage reads the page number of a table of n rows from q[param]: "" is 1; anything
// but a whole number from 1 to the last page is refused, naming the range.
func ParsePage(q url.Values, param string, n int) (int, error) {
	v := q.Get(param)
	if v == "" {
		return 1, nil
	}
	last := PageCount(n)
	p, err := strconv.Atoi(v)
	if len(v) > maxPageDigits || err != nil || p < 1 || p > last {
		return 0, fmt.Errorf("the %s must be a whole number from 1 to %d, not %q", param, last, clip(v))
	}
	return p, nil
}

// clip shortens a refused value for the message that quotes it.
func clip(v string) string {
	if r := []rune(v); len(r) > 20 {
		return string(r[:20]) + "…"
	}
	return v
}

// current is the page shown, at least 1 and at most the last of n rows.
func (p Pages) current(n int) int { return min(max(p.Page, 1), PageCount(n)) }

// Slice is the rows of the page shown.
func Slice[T any](rows []T, p Pages) []T {
	page := p.current(len(rows))
	lo := (page - 1) * PageSize
	return rows[min(lo, len(rows)):min(lo+PageSize, len(rows))]
}

// Href is the address of page n, the other parameters kept (page 1 has no parameter).
func (p Pages) Href(n int) string {
	q := url.Values{}
	for k, v := range p.Query {
		q[k] = v
	}
	param := p.Param
	if param == "" {
		param = ParamPage
	}
	q.Del(param)
	if n > 1 {
		q.Set(param, strconv.Itoa(n))
	}
	h := p.Path
	if len(q) > 0 {
		h += "?" + q.Encode()
	}
	if p.Anchor != "" {
		h += "#" + p.Anchor
	}
	return h
}

// pageItem is one entry of the numbered pagination: a page, or an ellipsis.
type pageItem struct {
	Number   int
	Current  bool
	Ellipsis bool
}

// items are the numbered links of a table of n rows, as the NHS pagination shows many
// pages: the first, the last, and the current one with its two neighbours each side,
// the gaps between them an ellipsis.
func (p Pages) items(n int) []pageItem {
	last, cur := PageCount(n), p.current(n)
	var out []pageItem
	for i := 1; i <= last; i++ {
		switch {
		case i == 1 || i == last || (i >= cur-2 && i <= cur+2):
			out = append(out, pageItem{Number: i, Current: i == cur})
		case len(out) > 0 && !out[len(out)-1].Ellipsis:
			out = append(out, pageItem{Ellipsis: true})
		}
	}
	return out
}
