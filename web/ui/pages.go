package ui

import (
	"fmt"
	"net/url"
	"strconv"
)

// PageSize is how many rows a paged table shows unless its Pages say otherwise.
const PageSize = 50

// ParamPage is the query parameter that names a table's page unless its Pages say
// otherwise.
const ParamPage = "page"

// maxPageDigits bounds ?page= before it is read: no list here has a million pages.
const maxPageDigits = 6

// Pages is where a paged table is: which page shows, how many rows a page holds, and
// how the links to the others are made (the page's address and its other parameters,
// kept).
type Pages struct {
	// Page is the page shown, from 1; 0 is 1.
	Page int
	// Param is the query parameter that names the page; "" is ParamPage.
	Param string
	Path  string
	Query url.Values
	// Anchor is the id the links jump to: the table's.
	Anchor string
	// Size is how many rows a page holds; 0 is PageSize.
	Size int
}

// size is the rows of a page.
func (p Pages) size() int {
	if p.Size > 0 {
		return p.Size
	}
	return PageSize
}

// param is the query parameter of the page.
func (p Pages) param() string {
	if p.Param != "" {
		return p.Param
	}
	return ParamPage
}

// PageCount is how many pages n rows fill at PageSize a page (at least one).
func PageCount(n int) int { return Pages{}.Count(n) }

// Count is how many pages n rows fill (at least one).
func (p Pages) Count(n int) int { return max(1, (n+p.size()-1)/p.size()) }

// ParsePage reads the page number of a table of n rows (PageSize a page) from
// q[param]: "" is 1; anything but a whole number from 1 to the last page is refused,
// naming the range.
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

// Read reads the page of a table of n rows from q (its Param): "" is 1, and a number
// past the last page is the last page, so that a link kept from a longer list (before
// a filter, or before the list shrank) still shows rows; anything but a whole number
// of at most six digits from 1 is refused, in a sentence that names the range.
func (p Pages) Read(q url.Values, n int) (int, error) {
	v := q.Get(p.param())
	if v == "" {
		return 1, nil
	}
	page, err := strconv.Atoi(v)
	if len(v) > maxPageDigits || err != nil || page < 1 {
		return 0, fmt.Errorf("The %s must be a whole number from 1 to %d, not %q.", p.param(), p.Count(n), clip(v))
	}
	return min(page, p.Count(n)), nil
}

// clip shortens a refused value for the message that quotes it.
func clip(v string) string {
	if r := []rune(v); len(r) > 20 {
		return string(r[:20]) + "…"
	}
	return v
}

// current is the page shown, at least 1 and at most the last of n rows.
func (p Pages) current(n int) int { return min(max(p.Page, 1), p.Count(n)) }

// Slice is the rows of the page shown.
func Slice[T any](rows []T, p Pages) []T {
	lo := (p.current(len(rows)) - 1) * p.size()
	return rows[min(lo, len(rows)):min(lo+p.size(), len(rows))]
}

// Showing says which rows of n the page shows, naming them by noun (plural): "Showing
// 101–200 of 1,297 PCNs", or "1,297 PCNs" when one page holds them all.
func (p Pages) Showing(n int, noun string) string {
	if n <= p.size() {
		return Count(n) + " " + noun
	}
	lo := (p.current(n)-1)*p.size() + 1
	return "Showing " + Count(lo) + "–" + Count(min(lo+p.size()-1, n)) + " of " + Count(n) + " " + noun
}

// Href is the address of page n, the other parameters kept (page 1 has no parameter).
func (p Pages) Href(n int) string {
	q := url.Values{}
	for k, v := range p.Query {
		q[k] = v
	}
	q.Del(p.param())
	if n > 1 {
		q.Set(p.param(), strconv.Itoa(n))
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
	last, cur := p.Count(n), p.current(n)
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
