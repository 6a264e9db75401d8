package need

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
)

func TestRatioText(t *testing.T) {
	t.Parallel()
	for v, want := range map[float64]string{0: "0.00", 0.0017: "< 0.01", 0.0049: "< 0.01", 0.005: "0.01", 0.0125: "0.01", 1.234: "1.23", 1234.5: "1,234.50"} {
		if got := RatioText(v); got != want {
			t.Errorf("RatioText(%v) = %q, want %q", v, got, want)
		}
	}
}

// A lower limit above 0 that rounds to 0.00 reads "< 0.01" in the table, beside the
// PCN below it; a PCN that made no return says so in every table and in its point's
// title, wherever it lies.
func TestNoReturnAndSmallLimits(t *testing.T) {
	t.Parallel()
	ps := englandPoints()
	small := newPoint("U00001", "PCN 001", 0, 7) // the 99.8% lower limit at 7 expected is 0.0018
	small.Href, small.ICB, small.ICBCode = "/pcns/U00001", "ICB A", "QAA"
	if l := small.Limits.Lower998; !(l > 0 && l < 0.005) {
		t.Fatalf("the lower 99.8%% limit at 7 expected is %v", l)
	}
	ps[1] = small
	ps[14].NoReturn, ps[14].Observed, ps[14].Ratio = true, 0, 0 // PCN 014 of ICB A, far below
	p := EnglandPage{Census: true, Known: true, Day: workforce.Date(2025, time.November, 30)}
	if err := p.Arrange(ps, outliersOf(ps), url.Values{"icb": {"QAA"}}); err != nil {
		t.Fatal(err)
	}
	doc, _ := render(t, EnglandView(p))
	if got := cells(doc.Find(`[data-testid="need-funnel-table-U00001"]`)); !strings.Contains(got, "| < 0.01 to ") {
		t.Errorf("the small limit's row %q", got)
	}
	for _, id := range []string{"need-outliers-U00014", "need-funnel-table-U00014"} {
		if got := cells(doc.Find(`[data-testid="` + id + `"]`)); !strings.HasSuffix(got, "| No return (counted as 0): below the 99.8% limits") {
			t.Errorf("%s: %q", id, got)
		}
	}
	if got := cells(doc.Find(`[data-testid="need-outliers-U00007"]`)); strings.Contains(got, "No return") {
		t.Errorf("a PCN that made a return: %q", got)
	}
	titles := doc.Find(`svg.app-chart--wide [data-testid="funnel-highlight"] title`).Text()
	if !strings.Contains(titles, "PCN 014: No return (counted as 0). 0.00 of expected") || strings.Count(titles, "No return") != 1 {
		t.Errorf("the points' titles %q", titles)
	}
}
