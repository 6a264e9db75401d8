package need

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// englandPoints are 130 PCNs in two ICBs (QAA: the first 30; QBB: the rest), every
// seventh far below its limits.
func englandPoints() []FunnelPoint {
	var ps []FunnelPoint
	for i := range 130 {
		e := 5 + float64(i%40)
		obs := e
		if i%7 == 0 {
			obs = e / 4
		}
		p := newPoint(fmt.Sprintf("U%05d", i), fmt.Sprintf("PCN %03d", i), obs, e)
		p.Href, p.ICB, p.ICBCode = "/pcns/"+p.Code, "ICB B", "QBB"
		if i < 30 {
			p.ICB, p.ICBCode = "ICB A", "QAA"
		}
		ps = append(ps, p)
	}
	return ps
}

func englandPage(t *testing.T, q url.Values) (EnglandPage, error) {
	t.Helper()
	p := EnglandPage{Census: true, Known: true, Day: workforce.Date(2025, time.November, 30), EnglandFTE: 2_900}
	ps := englandPoints()
	return p, p.Arrange(ps, outliersOf(ps), q)
}

func TestEnglandPage(t *testing.T) {
	t.Parallel()
	p, err := englandPage(t, url.Values{"icb": {"qaa"}, "as_of": {"2025-11-30"}, "outliers_page": {"1"}})
	if err != nil {
		t.Fatal(err)
	}
	p.Layout.Title = "Staffing against need: England"
	doc, size := render(t, EnglandView(p))
	if h := doc.Find("h1").Text(); h != "Staffing against need: England" {
		t.Errorf("h1 %q", h)
	}
	// QAA's 30 PCNs highlighted, and its table holds them.
	if n := doc.Find(`svg.app-chart--wide [data-testid="funnel-highlight"]`).Length(); n != 30 {
		t.Errorf("%d highlighted, want QAA's 30", n)
	}
	if n := doc.Find(`#need-funnel-table tbody tr`).Length(); n != 30 {
		t.Errorf("%d table rows, want 30", n)
	}
	// One ICB's networks need no column of ICBs; England's outliers have one.
	if h := doc.Find(`#need-funnel-table thead th`).Eq(1).Text(); h != "In post, FTE" {
		t.Errorf("QAA's table's second column %q", h)
	}
	if h := doc.Find(`#need-outliers thead th`).Eq(1).Text(); h != "ICB" {
		t.Errorf("the outliers' second column %q", h)
	}
	// Every seventh PCN is a quarter of its expected FTE: those of 10 or more expected
	// lie below the 99.8% limits (0 in post is within them at 5, 7 or 9 expected).
	rows := doc.Find(`#need-outliers tbody tr`)
	if rows.Length() != 13 {
		t.Errorf("%d outliers, want 13", rows.Length())
	}
	if txt := doc.Find(`[data-testid="need-outliers-count"]`).Text(); !strings.Contains(txt, "13 PCNs lie beyond the 99.8% limits") {
		t.Errorf("outliers count %q", txt)
	}
	prev := -1.0
	rows.Each(func(_ int, r *goquery.Selection) {
		ratio, _ := strconv.ParseFloat(r.Children().Eq(4).Text(), 64)
		if ratio < prev {
			t.Errorf("outliers out of order: %v after %v", ratio, prev)
		}
		prev = ratio
	})
	if href, _ := rows.First().Find("a").Attr("href"); !strings.HasPrefix(href, "/pcns/U") {
		t.Errorf("an outlier links to %q", href)
	}
	if !strings.Contains(doc.Find(`[data-testid="need-method"]`).Text(), "Poisson limits on the") {
		t.Error("no sentence on the method")
	}
	// The downloads keep the as-of date; the highlight form keeps it as a hidden field.
	if href, _ := doc.Find(`[data-testid="need-download-icb-csv"]`).Attr("href"); href != "/need.csv?as_of=2025-11-30&level=icb" {
		t.Errorf("ICB CSV %q", href)
	}
	if v, _ := doc.Find(`[data-testid="need-highlight"] input[name="as_of"]`).Attr("value"); v != "2025-11-30" {
		t.Errorf("the highlight form keeps as_of %q", v)
	}
	if sel, _ := doc.Find(`select#icb option[selected]`).Attr("value"); sel != "QAA" {
		t.Errorf("selected ICB %q", sel)
	}
	t.Logf("%d bytes for 130 PCNs", size)
}

func TestEnglandPaging(t *testing.T) {
	t.Parallel()
	p, err := englandPage(t, url.Values{"page": {"3"}})
	if err != nil {
		t.Fatal(err)
	}
	doc, _ := render(t, EnglandView(p))
	if n := doc.Find(`#need-funnel-table tbody tr`).Length(); n != 30 {
		t.Errorf("page 3 of 130 has %d rows, want 30", n)
	}
	if n := doc.Find(`svg.app-chart--wide [data-testid="funnel-highlight"]`).Length(); n != 0 {
		t.Errorf("%d highlighted with no ICB", n)
	}
	if doc.Find(`[data-testid="need-outliers-pages"]`).Length() != 0 {
		t.Error("13 outliers fill one page")
	}
	// The table's pages keep the page of the outliers, and the other way round.
	if href, _ := doc.Find(`[data-testid="need-funnel-table-pages"] a[rel="prev"]`).Attr("href"); href != "/need?page=2#need-funnel-table" {
		t.Errorf("previous %q", href)
	}
	for _, q := range []url.Values{{"page": {"4"}}, {"page": {"0"}}, {"outliers_page": {"2"}}, {"icb": {"QZZ"}}, {"icb": {strings.Repeat("Q", 40)}}} {
		if _, err := englandPage(t, q); err == nil {
			t.Errorf("%v accepted", q)
		}
	}
}

func TestEnglandNoData(t *testing.T) {
	t.Parallel()
	doc, _ := render(t, EnglandView(EnglandPage{}))
	if !strings.Contains(doc.Find(`[data-testid="need-no-census"]`).Text(), "no data") {
		t.Error("no census: no \"no data\"")
	}
	if doc.Find("svg.app-chart").Length() != 0 {
		t.Error("a plot with no census")
	}
	doc, _ = render(t, EnglandView(EnglandPage{Census: true, Day: workforce.Date(2020, time.April, 1), DataStart: workforce.Date(2025, time.November, 30)}))
	if txt := doc.Find(`[data-testid="need-unknown"]`).Text(); !strings.Contains(txt, "starts on 30 November 2025") {
		t.Errorf("unknown day %q", txt)
	}
}

func TestParseLevel(t *testing.T) {
	t.Parallel()
	for v, want := range map[string]workforce.Level{"": "pcn", "pcn": "pcn", "icb": "icb", "region": "region", "england": "england"} {
		if got, err := ParseLevel(v); err != nil || got != want {
			t.Errorf("ParseLevel(%q) = %q, %v", v, got, err)
		}
	}
	if _, err := ParseLevel("practice"); err == nil || err.Error() != `The level must be one of england, region, icb, pcn, not "practice".` {
		t.Errorf("practice: %v", err)
	}
}
