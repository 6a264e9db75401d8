package ui

import (
	"cmp"
	"net/url"
	"slices"
	"strings"
	"testing"
)

func TestParseSort(t *testing.T) {
	t.Parallel()
	keys := []string{"name", "gap"}
	def := Sort{Key: "gap", Desc: true, Base: "/gaps", Anchor: "gap-table"}
	for _, c := range []struct {
		query string
		key   string
		desc  bool
		err   string
	}{
		{"", "gap", true, ""}, // neither parameter: the table's own order
		{"sort=name", "name", false, ""},
		{"dir=asc", "gap", false, ""},
		{"sort=name&dir=desc", "name", true, ""},
		{"sort=salary", "", false, `sorted by "salary". Choose one of: name, gap.`},
		{"dir=sideways", "", false, `asc or desc, not "sideways"`},
	} {
		q, _ := url.ParseQuery(c.query)
		s, err := ParseSort(q, keys, def)
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("%q: error %v, want one saying %q", c.query, err, c.err)
			}
			continue
		}
		if err != nil || s.Key != c.key || s.Desc != c.desc || s.Base != def.Base || s.Anchor != def.Anchor {
			t.Errorf("%q: %+v, %v; want key %s desc %v", c.query, s, err, c.key, c.desc)
		}
	}
}

func TestSortHeader(t *testing.T) {
	t.Parallel()
	s := Sort{Key: "arrs", Desc: true, Base: "/", Query: url.Values{"at": {"2026-04-01"}}, Anchor: "children"}
	for _, c := range []struct {
		key     string
		numeric bool
		aria    TableSort
		href    string
	}{
		// The sorted column turns round; another goes largest first if it holds numbers.
		{"arrs", true, SortDescending, "/?sort=arrs&dir=asc&at=2026-04-01#children"},
		{"pcns", true, SortNone, "/?sort=pcns&dir=desc&at=2026-04-01#children"},
		{"name", false, SortNone, "/?sort=name&dir=asc&at=2026-04-01#children"},
	} {
		h := s.Header("Title", c.key, c.numeric)
		if h.Sort != c.aria || h.Href != c.href || h.Numeric != c.numeric {
			t.Errorf("%s: sort %q href %q, want %q %q", c.key, h.Sort, h.Href, c.aria, c.href)
		}
	}
	asc := Sort{Key: "name", Base: "/icbs/QOC/compare", Anchor: "compare"}
	if h := asc.Header("PCN", "name", false); h.Sort != SortAscending || h.Href != "/icbs/QOC/compare?sort=name&dir=desc#compare" {
		t.Errorf("ascending column: %q %q", h.Sort, h.Href)
	}
}

func TestSortRows(t *testing.T) {
	t.Parallel()
	type row struct {
		code string
		n    int
	}
	rows := []row{{"C", 1}, {"A", 2}, {"B", 1}}
	keys := map[string]func(a, b row) int{"n": func(a, b row) int { return cmp.Compare(a.n, b.n) }}
	code := func(r row) string { return r.code }
	codes := func() []string {
		var out []string
		for _, r := range rows {
			out = append(out, r.code)
		}
		return out
	}
	SortRows(rows, Sort{Key: "n"}, keys, code)
	if got := codes(); !slices.Equal(got, []string{"B", "C", "A"}) {
		t.Errorf("ascending: %v", got)
	}
	SortRows(rows, Sort{Key: "n", Desc: true}, keys, code)
	if got := codes(); !slices.Equal(got, []string{"A", "C", "B"}) { // ties reversed too
		t.Errorf("descending: %v", got)
	}
}
