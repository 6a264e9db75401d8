package browser

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestPlanJourney is issue 5's journey, in a real browser, once with JavaScript and
// once without: the PCN manager adds a staff member, fills the plan grid and submits;
// the clinical director signs it off; the ICB lead returns it with a comment; the
// manager sees the comment. Every page on the way is screenshotted and checked by axe.
func TestPlanJourney(t *testing.T) {
	for _, js := range []bool{true, false} {
		name := "without JavaScript"
		if js {
			name = "with JavaScript"
		}
		t.Run(name, func(t *testing.T) {
			st := newSite(t)
			ctx := newBrowser(t, js)
			j := journey{t: t, ctx: ctx, base: st.url}

			signIn(t, ctx, st.url, "manager@example.nhs.uk")
			j.check("/", "01-home-manager")
			j.check("/pcns/U60057/staff/new", "02-staff-form")
			j.do("03-staff-filled",
				chromedp.SetValue(chromedp.ID("role"), "paramedic"),
				chromedp.SendKeys(chromedp.ID("fte"), "0.8"),
				chromedp.SendKeys(chromedp.ID("start-day"), "1"),
				chromedp.SendKeys(chromedp.ID("start-month"), "12"),
				chromedp.SendKeys(chromedp.ID("start-year"), "2025"),
				chromedp.SendKeys(chromedp.ID("cost"), "52000"),
				chromedp.SendKeys(chromedp.ID("employer"), "Shrewsbury Health Centre"),
			)
			j.submit(`form[action="/pcns/U60057/staff/new"] button[type=submit]`, "04-staff-saved")
			j.see("Added the record", "the staff list confirms the new record")

			j.check("/pcns/U60057/plan", "05-plan")
			j.do("06-plan-filled",
				chromedp.SendKeys(chromedp.ID("s-clinical_pharmacist-2027-1"), "1"),
				chromedp.SendKeys(chromedp.ID("c-clinical_pharmacist-2027-1"), "60000"),
				chromedp.SendKeys(chromedp.ID("s-paramedic-2027-2"), "0.5"),
			)
			j.submit(`form[data-testid="plan-form"] button[type=submit]`, "07-plan-saved")
			j.submit(`form[data-testid="submit-form"] button[type=submit]`, "08-plan-submitted")
			signOut(t, ctx)

			signIn(t, ctx, st.url, "director@example.nhs.uk")
			j.check("/", "09-home-director")
			j.see("/pcns/U60057/plan", "the director's home page lists the plan to sign off")
			j.check("/pcns/U60057/plan", "10-plan-to-sign-off")
			j.submit(`form[data-testid="sign-off-form"] button[type=submit]`, "11-signed-off")
			signOut(t, ctx)

			signIn(t, ctx, st.url, "icb.lead@example.nhs.uk")
			j.check("/", "12-home-lead")
			j.check("/pcns/U60057/plan", "13-plan-to-review")
			j.do("14-comment", chromedp.SendKeys(chromedp.ID("comment"), "Please phase the pharmacist over two quarters."))
			j.submit(`form[data-testid="return-form"] button[type=submit]`, "15-returned")
			signOut(t, ctx)

			signIn(t, ctx, st.url, "manager@example.nhs.uk")
			j.check("/", "16-home-manager-returned")
			j.check("/pcns/U60057/plan", "17-plan-returned")
			j.see("Please phase the pharmacist over two quarters.", "the manager sees the ICB's comment")
		})
	}
}

// journey is one person's way through the pages, in one browser.
type journey struct {
	t    *testing.T
	ctx  context.Context
	base string
}

// check opens a page, screenshots it and runs axe on it.
func (j journey) check(path, name string) {
	j.t.Helper()
	visit(j.t, j.ctx, j.base, path, name)
}

// do runs actions on the current page and screenshots the result.
func (j journey) do(name string, steps ...chromedp.Action[chromedp.Void]) {
	j.t.Helper()
	if err := chromedp.Do(j.ctx, steps...); err != nil {
		j.t.Fatalf("%s: %v", name, err)
	}
	shot(j.t, j.ctx, name)
}

// submit presses a form's button, waits for the next page, and checks it (a 422 page
// with an error summary fails the journey).
func (j journey) submit(button, name string) {
	j.t.Helper()
	before, _ := chromedp.Run(j.ctx, chromedp.Evaluate[string](`document.body.dataset.leaving = '1'; location.href`))
	if err := chromedp.Do(j.ctx, chromedp.Click(chromedp.CSS(button))); err != nil {
		j.t.Fatalf("%s: %v", name, err)
	}
	j.waitNewPage(name)
	body, err := chromedp.Run(j.ctx, chromedp.Text(chromedp.CSS("main")))
	if err != nil {
		j.t.Fatalf("%s: %v", name, err)
	}
	if strings.Contains(body, "There is a problem") {
		j.t.Fatalf("%s: the form was refused (from %s): %s", name, before, firstLines(body, 12))
	}
	shot(j.t, j.ctx, name)
	axe(j.t, j.ctx, name)
}

// see requires text in the current page's HTML.
func (j journey) see(text, why string) {
	j.t.Helper()
	html, err := chromedp.Run(j.ctx, chromedp.Evaluate[string](`document.documentElement.outerHTML`))
	if err != nil {
		j.t.Fatal(err)
	}
	if !strings.Contains(html, text) {
		j.t.Errorf("%s: %q not on the page", why, text)
	}
}

func firstLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, " / ")
}

// waitNewPage waits until the page marked before a click has been replaced by a fully
// loaded one (the same address, after a redirect, counts: the mark is gone).
func (j journey) waitNewPage(name string) {
	j.t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		state, err := chromedp.Run(j.ctx, chromedp.Evaluate[string](`document.readyState + ':' + (document.body && document.body.dataset.leaving || '')`))
		if err == nil && state == "complete:" {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	j.t.Fatalf("%s: the next page did not load", name)
}
