package gaps

import (
	"net/url"
	"strings"
	"testing"

	"github.com/arrs-planner/arrs/internal/need"
)

// The choice of stand-in keeps the page's other parameters; list, the default, drops
// the parameter.
func TestNewDenominator(t *testing.T) {
	t.Parallel()
	q := url.Values{"level": {"icb"}, need.Param: {"need"}}
	d := NewDenominator("/gaps", q, need.Need)
	if !d.Need || d.ListHref != "/gaps?level=icb" || d.NeedHref != "/gaps?denominator=need&level=icb" {
		t.Errorf("%+v", d)
	}
	if q.Get(need.Param) != "need" {
		t.Error("NewDenominator changed the page's query")
	}
	if got := WhatIfQuery(url.Values{need.Param: {"need"}, "sort": {"gap"}}); got.Encode() != "denominator=need" {
		t.Errorf("WhatIfQuery %q: the denominator is kept, the sort is the page's own", got.Encode())
	}
}

// The statement names the stand-in: the registered list, or need, saying how many
// PCNs' need is their list for want of age data.
func TestListSizeTextNamesTheStandIn(t *testing.T) {
	t.Parallel()
	l := ListSize{PCNs: 1297, Of: 1297, AsOf: day(2025, 11, 30)}
	if got := l.Text(); !strings.Contains(got, "their registered list size stands in") || l.NeedLink() {
		t.Errorf("list: %q", got)
	}
	l.Denominator, l.NeedList = need.Need, 1
	got := l.Text()
	for _, want := range []string{"1,297 of 1,297 PCNs have no weighted population in force on 30 November 2025",
		"their need-adjusted population stands in", "1 of them has no practice with age data: its registered list is its need."} {
		if !strings.Contains(got, want) {
			t.Errorf("need: %q, want it to contain %q", got, want)
		}
	}
	if !l.NeedLink() {
		t.Error("no link to how need is worked out")
	}
	s := Summary{ByListSize: true, Denominator: need.Need}
	if s.shareBasis() != " by need-adjusted population" {
		t.Errorf("share basis %q", s.shareBasis())
	}
	s.ByListSize = false
	if s.shareBasis() != " by weighted population (need-adjusted population where none is in force)" {
		t.Errorf("share basis %q", s.shareBasis())
	}
}
