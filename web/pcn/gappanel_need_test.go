package pcn

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/arrs-planner/arrs/internal/need"
	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// The panel says what stands in for a weighted population the way the report chose:
// the registered list, or the need-adjusted population with the list beside it and a
// link to how need is worked out; a network whose need is its list says so rather
// than give the same number twice; England's count names need's stand-ins too.
func TestGapPanelStandIn(t *testing.T) {
	t.Parallel()
	asOf := workforce.Date(2025, 11, 30)
	in := planning.Inputs{AsOf: asOf, At: asOf, Target: workforce.Target{Name: "T", FTE: 26000,
		Baseline: workforce.Date(2019, 3, 31), Deadline: workforce.Date(2027, 3, 31)}}
	england := planning.Gap{Level: workforce.LevelEngland, PCNs: 1300, ListSizePCNs: 1300}
	g := planning.Gap{Level: workforce.LevelPCN, Code: "U13205", PCNs: 1, ListSizePCNs: 1, WeightedPopulation: 51295.4}
	cases := []struct {
		name      string
		g         planning.Gap
		standIn   StandIn
		want, not []string
		link      bool
	}{
		{"list", g, StandIn{Denominator: need.List, List: 49792}, []string{"its registered list of 51,295 patients stands in", "follows list size rather than need"}, []string{"need-adjusted"}, false},
		{"need", g, StandIn{Denominator: need.Need, List: 49792},
			[]string{"its need-adjusted population of 51,295 patients stands in (its registered list is 49,792), so its fair share follows need."},
			[]string{"registered list of 51,295"}, true},
		{"need is the list", planning.Gap{Level: workforce.LevelPCN, PCNs: 1, ListSizePCNs: 1, WeightedPopulation: 49792}, StandIn{Denominator: need.Need, List: 49792},
			[]string{"its need-adjusted population stands in, and it is its registered list of 49,792 patients"}, []string{"(its registered list is"}, true},
		{"England on need", planning.Gap{Level: workforce.LevelPCN, PCNs: 1, WeightedPopulation: 1000}, StandIn{Denominator: need.Need, NeedListPCNs: 3},
			[]string{"1,300 of 1,300 PCNs in England have no weighted population", "their need-adjusted populations stand in", "3 of them have no practice with patients by age and sex"},
			[]string{"registered lists stand in"}, true},
		{"England on lists", planning.Gap{Level: workforce.LevelPCN, PCNs: 1, WeightedPopulation: 1000}, StandIn{Denominator: need.List},
			[]string{"their registered lists stand in"}, []string{"need-adjusted"}, false},
	}
	for _, c := range cases {
		p := NewGapPanel(in, england, c.g, nil, c.standIn)
		p.GapsHref = "/gaps/icbs/QOC?denominator=need"
		var b bytes.Buffer
		if err := gapPanel(*p).Render(context.Background(), &b); err != nil {
			t.Fatal(err)
		}
		doc, err := goquery.NewDocumentFromReader(&b)
		if err != nil {
			t.Fatal(err)
		}
		text := strings.Join(strings.Fields(doc.Find(`[data-testid="gap-list-size"]`).Text()), " ")
		for _, w := range c.want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: %q lacks %q", c.name, text, w)
			}
		}
		for _, w := range c.not {
			if strings.Contains(text, w) {
				t.Errorf("%s: %q says %q", c.name, text, w)
			}
		}
		if got := doc.Find(`[data-testid="gap-need-weights"]`).AttrOr("href", ""); (got == "/need/weights") != c.link {
			t.Errorf("%s: link to the need weights %q, want one: %v", c.name, got, c.link)
		}
	}
}
