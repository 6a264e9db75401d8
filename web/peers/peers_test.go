package peers

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/arrs-planner/arrs/internal/need"
)

// The dashboard's section shows the chosen group first, saying who chose it and when;
// a network is linked only when the reader may open it; unknown figures are "no data",
// never 0; a network divided by its list says so.
func TestSection(t *testing.T) {
	t.Parallel()
	day := time.Date(2025, time.November, 30, 0, 0, 0, 0, time.UTC)
	self := Network{Code: "U60057", Facts: Facts{Name: "Shrewsbury PCN", ICB: "Shropshire", InReport: true, Known: true, Observed: 21}, Need: 105000, Denominator: need.Need}
	listed := Network{Code: "U47425", Facts: Facts{Name: "Other PCN", InReport: true, Known: true, Observed: 5}, Need: 50000, Denominator: need.List}
	unknown := Network{Code: "U00070", Facts: Facts{Name: "New PCN"}}
	g := Groups{Code: "U60057", Day: day, Known: true, Computed: Group{Self: self},
		Custom: &Group{Self: self, Peers: []Network{listed, unknown}, ChosenBy: "Test lead", ChosenOn: day}}
	cachedGroups := g
	g = g.WithLinks(func(pcn string) bool { return pcn != "U47425" })
	var b bytes.Buffer
	if err := Section(g).Render(context.Background(), &b); err != nil {
		t.Fatal(err)
	}
	doc, err := goquery.NewDocumentFromReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	text := func(sel string) string { return strings.Join(strings.Fields(doc.Find(sel).Text()), " ") }
	if got := text(`[data-testid="dash-peers-chosen"]`); got != "Peer group chosen by Test lead on 30 November 2025." {
		t.Errorf("chosen: %q", got)
	}
	for id, want := range map[string]string{
		"dash-peer-self":   "Shrewsbury PCN (U60057) (this network)Shropshire21.02.00",
		"dash-peer-U47425": "Other PCN (U47425)no data5.01.00 (by list size)",
		"dash-peer-U00070": "New PCN (U00070)no datano datano data",
	} {
		if got := strings.Join(strings.Fields(doc.Find(`[data-testid="`+id+`"]`).Text()), ""); got != strings.ReplaceAll(want, " ", "") {
			t.Errorf("%s: %q, want %q", id, got, want)
		}
	}
	links := map[string]string{}
	doc.Find(`[data-testid="dash-peers-table"] a`).Each(func(_ int, s *goquery.Selection) { links[s.Text()] = s.AttrOr("href", "") })
	if len(links) != 2 || links["Shrewsbury PCN (U60057) (this network)"] != "/pcns/U60057/dashboard" || links["New PCN (U00070)"] != "/pcns/U00070/dashboard" {
		t.Errorf("links %v", links)
	}
	if cachedGroups.Custom.Peers[1].Href != "" || cachedGroups.Custom.Self.Href != "" {
		t.Error("WithLinks changed the groups it was given (the dashboard's cached figures)")
	}
}
