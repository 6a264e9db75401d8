package browser

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/arrs-planner/arrs/internal/store"
)

// addShrewsburyPractice gives U60057 a practice with Shrewsbury in its name (the
// reference data holds none), with no list published.
func addShrewsburyPractice(t *testing.T, db *store.DB) {
	t.Helper()
	addMemberPractice(t, db, "ZZ0020", "SHREWSBURY HEALTH CENTRE", "SY1 9ZZ", 0)
}

// TestFindingAPlace: without JavaScript, the PCN manager types "Shrewsbury" in the
// header's box, finds their network and follows it to its page; then the search, the
// lists and a practice's page, at 375 px and at 1280 px, are axe-clean and nothing on
// them pushes the page sideways.
func TestFindingAPlace(t *testing.T) {
	st := newSite(t)
	addShrewsburyPractice(t, st.db)
	ctx := newBrowser(t, false)
	signIn(t, ctx, st.url, "manager@example.nhs.uk")
	err := chromedp.Do(ctx,
		chromedp.Navigate(st.url+"/icbs/QOC"),
		chromedp.SendKeys(chromedp.ID("search-field"), "Shrewsbury"),
		chromedp.Click(chromedp.CSS(`form#search button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid="hit-U60057"] a`)),
	)
	if err != nil {
		t.Fatalf("searching from the header: %v", err)
	}
	shot(t, ctx, "search-shrewsbury")
	axe(t, ctx, "search from the header")
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`[data-testid="hit-U60057"] a`)), chromedp.WaitVisible(chromedp.CSS(`[data-testid="headline"]`))); err != nil {
		t.Fatalf("following the hit: %v", err)
	}
	if loc, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`location.pathname`)); loc != "/pcns/U60057" {
		t.Errorf("the hit led to %s, want /pcns/U60057", loc)
	}
	paths := []string{"/search", "/search?q=Shrewsbury", "/search?q=" + strings.Repeat("x", 101), "/pcns?icb=QOC", "/icbs", "/practices/ZZ0020"}
	for _, width := range []int64{375, 1280} {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 900)); err != nil {
			t.Fatal(err)
		}
		for i, p := range paths {
			visit(t, ctx, st.url, p, fmt.Sprintf("finding-%d-%02d", width, i))
			notSideways(t, ctx, p, width)
		}
		// All 1,297 networks: too tall to screenshot, checked all the same.
		if err := chromedp.Do(ctx, chromedp.Navigate(st.url+"/pcns")); err != nil {
			t.Fatal(err)
		}
		axe(t, ctx, "/pcns")
		notSideways(t, ctx, "/pcns", width)
	}
}

// notSideways fails when the page is wider than the window: something pushes it
// sideways instead of scrolling in its own box.
func notSideways(t *testing.T, ctx context.Context, page string, width int64) {
	t.Helper()
	over, err := chromedp.Run(ctx, chromedp.Evaluate[int64](`document.documentElement.scrollWidth - document.documentElement.clientWidth`))
	if err != nil {
		t.Fatal(err)
	}
	if over > 0 {
		t.Errorf("%s at %d px: the page is %d px wider than the window", page, width, over)
	}
}
