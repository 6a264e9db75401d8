package need

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/a-h/templ"
)

// render renders c and parses it.
func render(t *testing.T, c templ.Component) (*goquery.Document, int) {
	t.Helper()
	var b bytes.Buffer
	if err := c.Render(context.Background(), &b); err != nil {
		t.Fatal(err)
	}
	size := b.Len()
	doc, err := goquery.NewDocumentFromReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	return doc, size
}

// testFunnel is n PCNs with expected FTE from 2 to 2 + n/4 and ratios round 1, every
// tenth highlighted, one far below and one far above its limits, and one with no
// expected FTE.
func testFunnel(n int) Funnel {
	f := Funnel{ID: "fun", Title: "Staffing against need", Desc: "England's PCNs.", HighlightLabel: "Example ICB's PCNs",
		TableCaption: "Example ICB's PCNs", Pages: Pages{Param: "page", Path: "/need"}}
	for i := range n {
		e := 2 + float64(i)/4
		p := newPoint(fmt.Sprintf("U%05d", i), fmt.Sprintf("PCN %d", i), e*(0.8+0.4*float64(i%5)/4), e)
		p.Href, p.Highlight = "/pcns/"+p.Code, i%10 == 0
		f.Points = append(f.Points, p)
	}
	f.Points[3] = newPoint("U00003", "PCN 3 low", 0.5, 40)
	f.Points[7] = newPoint("U00007", "PCN 7 high", 150, 40)
	f.Points[8] = newPoint("U00008", "PCN 8 empty", 0, 0)
	return f
}

func TestChartDrawing(t *testing.T) {
	t.Parallel()
	f := testFunnel(40)
	doc, _ := render(t, Chart(f))
	wide, narrow := doc.Find("svg.app-chart--wide"), doc.Find("svg.app-chart--narrow")
	if wide.Length() != 1 || narrow.Length() != 1 {
		t.Fatalf("%d wide and %d narrow drawings, want one each", wide.Length(), narrow.Length())
	}
	for _, svg := range []*goquery.Selection{wide, narrow} {
		if role, _ := svg.Attr("role"); role != "img" {
			t.Errorf("role %q", role)
		}
		if l, _ := svg.Attr("aria-labelledby"); l != "fun-title fun-desc" {
			t.Errorf("aria-labelledby %q", l)
		}
		if fs, _ := svg.Attr("font-size"); fs != "14" {
			t.Errorf("font-size %q: 14 units keeps text at 12 px or more at both widths", fs)
		}
	}
	if vb, _ := narrow.Attr("viewBox"); !strings.HasPrefix(vb, "0 0 320 ") {
		t.Errorf("narrow viewBox %q", vb)
	}
	if vb, _ := wide.Attr("viewBox"); !strings.HasPrefix(vb, "0 0 640 ") {
		t.Errorf("wide viewBox %q", vb)
	}
	if got := wide.Find("title#fun-title").Text(); got != f.Title {
		t.Errorf("title %q", got)
	}
	desc := wide.Find("desc#fun-desc").Text()
	for _, w := range []string{"England's PCNs.", "Each of 39 PCNs is a point", "linear scale", "2 PCNs lie beyond the 99.8% limits: 1 below and 1 above",
		"4 points are Example ICB's PCNs, drawn as diamonds", "1 PCN has no expected FTE"} {
		if !strings.Contains(desc, w) {
			t.Errorf("desc %q lacks %q", desc, w)
		}
	}
	// Highlighted points are diamonds with a title each; the others one path of dots.
	if n := wide.Find(`[data-testid="funnel-highlight"]`).Length(); n != 4 {
		t.Errorf("%d highlighted points, want 4 (0, 10, 20, 30)", n)
	}
	if n := wide.Find(`[data-testid="funnel-highlight"] title`).Length(); n != 4 {
		t.Errorf("%d titles on highlighted points", n)
	}
	dots, _ := wide.Find(`[data-testid="funnel-dots"]`).Attr("d")
	if n := strings.Count(dots, "h0"); n != 39-4 {
		t.Errorf("%d dots, want 35", n)
	}
	// The two beyond the 99.8% limits are ringed: a red ring and its white gap.
	if n := wide.Find(`path[stroke="#d5281b"]`).Length(); n != 2 { // the points' rings and the key's
		t.Errorf("%d red rings", n)
	}
	// A key names every mark.
	for _, w := range []string{"A PCN", "Example ICB's PCNs", "Beyond the 99.8% limits", "95% limits", "99.8% limits", "As expected (1)", "In post ÷ expected", "Expected ARRS FTE"} {
		if !strings.Contains(wide.Text(), w) || !strings.Contains(narrow.Text(), w) {
			t.Errorf("a drawing lacks %q", w)
		}
	}
}

func TestChartTable(t *testing.T) {
	t.Parallel()
	f := testFunnel(40)
	doc, _ := render(t, Chart(f))
	rows := doc.Find(`#fun-table tbody tr`)
	if rows.Length() != 4 {
		t.Fatalf("%d rows, want the 4 highlighted points", rows.Length())
	}
	// Without a highlight, every point, lowest ratio first, the one with no ratio last.
	for i := range f.Points {
		f.Points[i].Highlight = false
	}
	doc, _ = render(t, Chart(f))
	rows = doc.Find(`#fun-table tbody tr`)
	if rows.Length() != 40 {
		t.Fatalf("%d rows, want 40", rows.Length())
	}
	if first, want := cells(rows.First()), "PCN 3 low | 0.5 | 40.0 | 0.01 | 0.69 to 1.31 | 0.54 to 1.51 | Below the 99.8% limits"; first != want {
		t.Errorf("first row %q, want %q", first, want)
	}
	if last := cells(rows.Last()); last != "PCN 8 empty | 0.0 | 0.0 | no data | no data | no data | No expected FTE" {
		t.Errorf("last row %q", last)
	}
	if href, _ := rows.First().Find("a").Attr("href"); href != "" {
		t.Errorf("a point with no Href is linked to %q", href)
	}
	if doc.Find(`[data-testid="fun-table-pages"]`).Length() != 0 {
		t.Error("one page needs no pagination")
	}
}

// cells is a row's cells' text, " | " between them.
func cells(row *goquery.Selection) string {
	var out []string
	row.Children().Each(func(_ int, c *goquery.Selection) { out = append(out, strings.Join(strings.Fields(c.Text()), " ")) })
	return strings.Join(out, " | ")
}

func TestChartPaged(t *testing.T) {
	t.Parallel()
	f := testFunnel(120)
	for i := range f.Points {
		f.Points[i].Highlight = false
	}
	f.Pages.Page, f.Pages.Query = 3, url.Values{"icb": {"QOC"}, "page": {"3"}}
	doc, _ := render(t, Chart(f))
	if n := doc.Find(`#fun-table tbody tr`).Length(); n != 20 {
		t.Errorf("page 3 of 120 rows has %d, want 20", n)
	}
	nav := doc.Find(`nav[data-testid="fun-table-pages"]`)
	if l, _ := nav.Attr("aria-label"); l != "Pages of Example ICB's PCNs" {
		t.Errorf("pagination label %q", l)
	}
	if cur, _ := nav.Find(`[aria-current="page"]`).Attr("href"); cur != "/need?icb=QOC&page=3" {
		t.Errorf("current page's link %q", cur)
	}
	if prev, _ := nav.Find(`a[rel="prev"]`).Attr("href"); prev != "/need?icb=QOC&page=2" {
		t.Errorf("previous %q", prev)
	}
	if first, _ := nav.Find(`a[aria-label="Page 1"]`).Attr("href"); first != "/need?icb=QOC" {
		t.Errorf("page 1 %q", first)
	}
	if nav.Find(`a[rel="next"]`).Length() != 0 {
		t.Error("the last page offers a next page")
	}
}

func TestLogScale(t *testing.T) {
	t.Parallel()
	f := Funnel{ID: "log"}
	for i, e := range []float64{0.5, 3, 20, 150} {
		f.Points = append(f.Points, newPoint(fmt.Sprint(i), fmt.Sprint(i), e, e))
	}
	a := f.axes()
	if !a.log {
		t.Fatal("expected FTE from 0.5 to 150 is drawn on a linear scale")
	}
	if desc := f.description(a); !strings.Contains(desc, "logarithmic scale because expected FTE runs from 0.5 to 150.0") {
		t.Errorf("desc %q", desc)
	}
	w := f.layout(a, wideWidth)
	var labels []string
	for _, tk := range w.XTicks {
		labels = append(labels, tk.Label)
	}
	if s := strings.Join(labels, " "); s != "0.5 1 2 5 10 20 50 100 200" {
		t.Errorf("wide x labels %q", s)
	}
	n := f.layout(a, narrowWidth)
	for i := 1; i < len(n.XTicks); i++ {
		if n.XTicks[i].Pos-n.XTicks[i-1].Pos < 24 {
			t.Errorf("narrow x labels overlap: %v", n.XTicks)
		}
	}
}
