package browser

import (
	"context"
	"fmt"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// The plan's print page, at 375 px and 1280 px on screen, is axe-clean and never
// pushes the window sideways (its table scrolls in its own region); printed, on A4
// landscape (1123 px at 96 dpi), the table fits the page's width with no link back.
func TestPlanPrintPage(t *testing.T) {
	st := newSite(t)
	cost := workforce.Pence(45_000_00)
	if _, err := st.db.SaveDraft(context.Background(), store.DraftSave{PCN: "U60057", Action: workforce.ActionSave, By: store.Actor{Name: "test"},
		Lines: []workforce.PlanLine{
			{RoleCode: "paramedic", QuarterStart: workforce.Date(2026, 7, 1), StartersFTE: 1, AnnualCostPence: &cost},
			{RoleCode: "clinical_pharmacist", QuarterStart: workforce.Date(2027, 4, 1), StartersFTE: 0.6, LeaversFTE: 0.2},
		}}); err != nil {
		t.Fatal(err)
	}
	ctx := newBrowser(t, false)
	signIn(t, ctx, st.url, "director@example.nhs.uk")
	const path = "/pcns/U60057/plan/print"
	for _, width := range []int64{375, 1280} {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 900)); err != nil {
			t.Fatal(err)
		}
		visit(t, ctx, st.url, path, fmt.Sprintf("print-%d", width))
		notSideways(t, ctx, path, width)
	}
	printMedia := chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
		return err
	})
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1123, 794), printMedia); err != nil {
		t.Fatal(err)
	}
	shot(t, ctx, "print-a4-landscape")
	notSideways(t, ctx, path+" printed", 1123)
	shown, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`getComputedStyle(document.querySelector('[data-testid="print-back"]').parentElement).display !== 'none'`))
	if err != nil || shown {
		t.Errorf("printed, the link back to the plan shows (%v)", err)
	}
}
