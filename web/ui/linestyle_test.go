package ui

import (
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

// A styled series is drawn its own way: its colour, dash and width, its points
// unmarked when it asks, and in the legend only under its key, so that lines drawn
// alike (a decile chart's deciles) share one entry. Unstyled series keep the palette.
func TestLineStyle(t *testing.T) {
	decile := LineStyle{Colour: "#768692", Dash: "6 4", Width: 1.5, NoMarkers: true}
	first := decile
	first.Key = "Deciles"
	p := LineChartParams{ID: "styled", Title: "t", Description: "d", XLabels: []string{"Nov 2025", "Dec 2025"},
		Series: []LineSeries{
			{Name: "10th", Values: []float64{1, 2}, Style: &first},
			{Name: "90th", Values: []float64{3, 4}, Style: &decile},
			{Name: "This PCN", Values: []float64{2, 3}, Style: &LineStyle{Colour: "#005eb8", Key: "This PCN"}},
			{Name: "Plain", Values: []float64{1, 1}},
		}}
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(render(t, LineChart(p))))
	if err != nil {
		t.Fatal(err)
	}
	wide := doc.Find("svg.app-chart--wide")
	paths := wide.Find(".app-chart__series")
	for i, want := range []struct {
		colour, dash, width string
		markers             int
	}{{"#768692", "6 4", "1.5", 0}, {"#768692", "6 4", "1.5", 0}, {"#005eb8", "", "3", 2}, {chartColours[3], chartDashes[3], "3", 2}} {
		g := paths.Eq(i)
		path := g.Find("path")
		if path.AttrOr("stroke", "") != want.colour || path.AttrOr("stroke-dasharray", "") != want.dash || path.AttrOr("stroke-width", "") != want.width {
			t.Errorf("series %d: stroke %q dash %q width %q, want %+v", i, path.AttrOr("stroke", ""), path.AttrOr("stroke-dasharray", ""), path.AttrOr("stroke-width", ""), want)
		}
		if n := g.Find("circle").Length(); n != want.markers {
			t.Errorf("series %d: %d markers, want %d", i, n, want.markers)
		}
	}
	var keys []string
	wide.Find(".app-chart__legend text").Each(func(_ int, s *goquery.Selection) { keys = append(keys, s.Text()) })
	if strings.Join(keys, "|") != "Deciles|This PCN|Plain" {
		t.Errorf("legend %q, want Deciles|This PCN|Plain", keys)
	}
}
