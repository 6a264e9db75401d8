package browser

import (
	"context"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/store"
)

func TestZZPlanPages(t *testing.T) {
	s := newSite(t)
	c := 60000.0
	pence := int64(c * 100)
	if _, err := s.db.SaveDraft(context.Background(), store.DraftSave{PCN: "U60057", Action: store.ActionSave, By: store.Actor{Name: "x"},
		Lines: []store.PlanLine{{RoleCode: "clinical_pharmacist", QuarterStart: planning.Date(2027, 1, 1), StartersFTE: 2, AnnualCostPence: &pence},
			{RoleCode: "digital_transformation_lead", QuarterStart: planning.Date(2027, 1, 1), StartersFTE: 1}}}); err != nil {
		t.Fatal(err)
	}
	ctx := newBrowser(t, true)
	signIn(t, ctx, s.url, "manager@example.nhs.uk")
	visit(t, ctx, s.url, "/pcns/U60057/plan", "plan")
	wide, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(() => { const w = document.documentElement.clientWidth; const out = []; for (const el of document.querySelectorAll('body *')) { const r = el.getBoundingClientRect(); if (r.right > w + 1 && out.length < 15) out.push(el.tagName + '.' + el.className + '#' + el.id + ' ' + Math.round(r.left) + '-' + Math.round(r.right)); } return w + ' scroll ' + document.documentElement.scrollWidth + ' wrapper ' + getComputedStyle(document.querySelector('.app-plan-grid')).overflowX + ' ' + document.querySelector('.app-plan-grid').clientWidth; })()`))
	t.Logf("wide: %s %v", wide, err)
	// A refused save: error summary and cell messages.
	if err := chromedp.Do(ctx,
		chromedp.SetValue(chromedp.CSS(`input[name="s-paramedic-2026-4"]`), "-1"),
		chromedp.SetValue(chromedp.CSS(`input[name="c-paramedic-2026-4"]`), "5"),
		chromedp.Click(chromedp.CSS(`form[data-testid="plan-form"] button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`.nhsuk-error-summary`)),
	); err != nil {
		t.Fatal(err)
	}
	shot(t, ctx, "plan-errors")
	axe(t, ctx, "plan errors")
	visit(t, ctx, s.url, "/pcns/U60057/plan/history", "history")
	visit(t, ctx, s.url, "/", "home")
}
