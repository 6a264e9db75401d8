package areas

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
)

func month(y int, m time.Month) time.Time { return workforce.CensusDate(y, m) }

// Published months then imported censuses: two lines joined at the last published
// month, a table naming each month's source, and words saying which months are which.
func TestTrendLabelsItsSources(t *testing.T) {
	p := Page{Series: []SeriesPoint{
		{Month: month(2025, 9), FTE: 100}, {Month: month(2025, 10), FTE: 105},
		{Month: month(2025, 11), FTE: 110, Imported: true}, {Month: month(2025, 12), FTE: 112, Imported: true},
	}}
	c := p.seriesChart()
	if len(c.Series) != 2 || c.Series[0].Name != linePublished || c.Series[1].Name != lineImported {
		t.Fatalf("series %+v", c.Series)
	}
	pub, imp := c.Series[0].Values, c.Series[1].Values
	if pub[0] != 100 || pub[1] != 105 || !math.IsNaN(pub[2]) || !math.IsNaN(imp[0]) || imp[1] != 105 || imp[2] != 110 || imp[3] != 112 {
		t.Errorf("published %v, imported %v", pub, imp)
	}
	want := "Sep 2025 to Oct 2025: NHS England's published national series (quarterly to December 2022, monthly after). Nov 2025 to Dec 2025: the 2 censuses imported here, summed from the staff records."
	if got := TrendSources(p.Series); got != want {
		t.Errorf("sources %q, want %q", got, want)
	}
	if !strings.Contains(c.Description, want) {
		t.Errorf("the chart's description %q does not say its sources", c.Description)
	}
	rows := p.seriesTable().Rows
	if len(rows) != 4 || rows[1].Cells[2].Text != sourcePublished || rows[2].Cells[2].Text != sourceImported || rows[2].Cells[1].Text != "110.0" ||
		rows[3].TestID != "trend-2025-12-31" {
		t.Errorf("table rows %+v", rows)
	}
	// Only imported censuses (no published month before the data start): one line.
	only := Page{Series: []SeriesPoint{{Month: month(2025, 11), FTE: 110, Imported: true}}}
	if c := only.seriesChart(); len(c.Series) != 1 || c.Series[0].Name != lineImported {
		t.Errorf("one imported census: %+v", c.Series)
	}
	if got := TrendSources(only.Series); got != "Nov 2025: the census imported here, summed from the staff records." {
		t.Errorf("one census: %q", got)
	}
}

// Each page counts the PCNs of its own area that made no return, and says nothing
// when no imported census describes its day.
func TestNoReturn(t *testing.T) {
	tree := workforce.NewTree(
		[]workforce.Region{{Code: "Y1", Name: "North"}, {Code: "Y2", Name: "South"}},
		[]workforce.ICB{{Code: "QA", Name: "A", RegionCode: "Y1"}, {Code: "QB", Name: "B", RegionCode: "Y2"}},
		[]workforce.PCN{{Code: "U1", ICBCode: "QA"}, {Code: "U2", ICBCode: "QA"}, {Code: "U3", ICBCode: "QB"}},
	)
	all := workforce.Rollup(tree, nil)
	none := map[string]bool{"U1": true, "U3": true}
	census := workforce.Date(2025, 11, 30)
	for _, c := range []struct {
		level workforce.Level
		code  string
		want  string
	}{
		{workforce.LevelEngland, workforce.EnglandCode, "2 of 3 PCNs made no return in the census of 30 November 2025; each counts 0 FTE"},
		{workforce.LevelRegion, "Y1", "1 of 2 PCNs made no return in the census of 30 November 2025; it counts 0 FTE"},
		{workforce.LevelICB, "QB", "1 of 1 PCN made no return"},
	} {
		a, ok := all.Find(c.level, c.code)
		if !ok {
			t.Fatalf("no area %s", c.code)
		}
		p := Page{PCNs: a.PCNs, NoReturn: noReturnIn(all, a, none), NoReturnCensus: census}
		if got := p.noReturnText(); !strings.HasPrefix(got, c.want) {
			t.Errorf("%s: %q, want %q", c.code, got, c.want)
		}
	}
	if got := (Page{PCNs: 2, NoReturnCensus: census}).noReturnText(); got != "None: all 2 PCNs made a return in the census of 30 November 2025" {
		t.Errorf("none: %q", got)
	}
	if got := (Page{PCNs: 2, NoReturn: 1}).noReturnText(); got != "" {
		t.Errorf("no census describes the day: %q", got)
	}
}
