package ui

import (
	"fmt"
	"net/url"
	"strings"
	"testing"
)

func TestPageItems(t *testing.T) {
	t.Parallel()
	p := Pages{Page: 10}
	var got []string
	for _, it := range p.items(40 * PageSize) {
		if it.Ellipsis {
			got = append(got, "…")
		} else {
			got = append(got, fmt.Sprint(it.Number))
		}
	}
	if s := strings.Join(got, " "); s != "1 … 8 9 10 11 12 … 40" {
		t.Errorf("items %q", s)
	}
}

func TestParsePage(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		v    string
		n    int
		want int
		ok   bool
	}{{"", 0, 1, true}, {"", 120, 1, true}, {"3", 120, 3, true}, {"4", 120, 0, false}, {"0", 120, 0, false}, {"-1", 120, 0, false},
		{"x", 120, 0, false}, {"1", 0, 1, true}, {"0000001", 120, 0, false}} {
		got, err := ParsePage(url.Values{"page": {c.v}}, "page", c.n)
		if (err == nil) != c.ok || got != c.want {
			t.Errorf("ParsePage(%q, %d) = %d, %v", c.v, c.n, got, err)
		}
	}
}

func TestPagesOfAnotherSize(t *testing.T) {
	t.Parallel()
	p := Pages{Size: 100, Path: "/gaps", Query: url.Values{"level": {"pcn"}}, Anchor: "gap-table"}
	if c := p.Count(1297); c != 13 {
		t.Errorf("1,297 rows at 100 a page fill %d pages, want 13", c)
	}
	for _, c := range []struct {
		v    string
		want int
		ok   bool
	}{{"", 1, true}, {"2", 2, true}, {"13", 13, true}, {"14", 13, true}, {"999999", 13, true}, {"1000000", 0, false},
		{"0", 0, false}, {"-2", 0, false}, {"x", 0, false}, {"2.5", 0, false}} {
		got, err := p.Read(url.Values{"page": {c.v}}, 1297)
		if (err == nil) != c.ok || got != c.want {
			t.Errorf("Read(%q) = %d, %v; want %d (ok %v)", c.v, got, err, c.want, c.ok)
		}
	}
	p.Page = 2
	if s := p.Showing(1297, "PCNs"); s != "Showing 101–200 of 1,297 PCNs" {
		t.Errorf("Showing %q", s)
	}
	p.Page = 13
	if s := p.Showing(1297, "PCNs"); s != "Showing 1,201–1,297 of 1,297 PCNs" {
		t.Errorf("Showing %q", s)
	}
	if s := p.Showing(40, "PCNs"); s != "40 PCNs" {
		t.Errorf("one page: %q", s)
	}
	if got := len(Slice(make([]int, 1297), p)); got != 97 {
		t.Errorf("the last page holds %d rows, want 97", got)
	}
	if h := p.Href(3); h != "/gaps?level=pcn&page=3#gap-table" {
		t.Errorf("Href(3) %q", h)
	}
}
