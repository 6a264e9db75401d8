package ui

import (
	"cmp"
	"fmt"
	"net/url"
	"slices"
	"strings"
)

// Sort is the order of a table sorted on the server, by links, so that it sorts without
// JavaScript: the column and direction the page's query asked for, and what each column
// header needs to link to the page sorted by it.
type Sort struct {
	// Key names the sorted column; Desc reverses its order.
	Key  string
	Desc bool
	// Base is the page's path; Query the rest of its query (a date, a what-if…), which
	// the header links keep.
	Base  string
	Query url.Values
	// Anchor is the table's id, where the header links bring the reader back to.
	Anchor string
}

// ParseSort reads ?sort= and ?dir= from q, keys being the columns the table may be
// sorted by. With neither, the order is def's; with either, a missing sort is def's
// column and a missing dir ascending. def's Base, Query and Anchor are kept. An
// unknown column or direction is an error naming the choices: the page answers 400
// rather than guess.
func ParseSort(q url.Values, keys []string, def Sort) (Sort, error) {
	k, dir := q.Get("sort"), q.Get("dir")
	if k == "" && dir == "" {
		return def, nil
	}
	s := def
	s.Desc = false
	if k != "" {
		if !slices.Contains(keys, k) {
			return def, fmt.Errorf("The table cannot be sorted by %q. Choose one of: %s.", k, strings.Join(keys, ", "))
		}
		s.Key = k
	}
	switch dir {
	case "", "asc":
	case "desc":
		s.Desc = true
	default:
		return def, fmt.Errorf("The sort direction must be asc or desc, not %q.", dir)
	}
	return s, nil
}

// Header is the header of the column key: a link to the page sorted by it, numbers
// largest first on the first click (the figure a reader looks for first), the sorted
// column's direction reversed. Its Sort gives the column's aria-sort.
func (s Sort) Header(text, key string, numeric bool) TableHeader {
	h := TableHeader{Text: text, Numeric: numeric, Sort: SortNone}
	desc := numeric
	if s.Key == key {
		h.Sort = SortAscending
		if s.Desc {
			h.Sort = SortDescending
		}
		desc = !s.Desc
	}
	h.Href = s.Href(key, desc)
	return h
}

// Href is the page sorted by key, descending if desc: sort and dir first, then the
// rest of the page's query, then the table's anchor.
func (s Sort) Href(key string, desc bool) string {
	dir := "asc"
	if desc {
		dir = "desc"
	}
	href := s.Base + "?sort=" + url.QueryEscape(key) + "&dir=" + dir
	rest := url.Values{}
	for k, v := range s.Query {
		if k != "sort" && k != "dir" {
			rest[k] = v
		}
	}
	if len(rest) > 0 {
		href += "&" + rest.Encode()
	}
	if s.Anchor != "" {
		href += "#" + s.Anchor
	}
	return href
}

// SortRows orders rows by the column s names, compared by keys[s.Key] (ParseSort has
// checked the key is one of them). Ties go by code, so the order is the same from one
// request to the next; a descending sort reverses the whole order, ties included.
func SortRows[T any](rows []T, s Sort, keys map[string]func(a, b T) int, code func(T) string) {
	key := keys[s.Key]
	slices.SortStableFunc(rows, func(a, b T) int {
		c := key(a, b)
		if c == 0 {
			c = cmp.Compare(code(a), code(b))
		}
		if s.Desc {
			return -c
		}
		return c
	})
}
