package browser

import (
	"context"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// The people of the journey, and the comment the director returns the plan with.
const (
	demoManager  = "manager@example.nhs.uk"
	demoDirector = "director@example.nhs.uk"
	demoLead     = "icb.lead@example.nhs.uk"
	demoAdmin    = "admin@example.nhs.uk"
	sendBackNote = "Please phase the pharmacist over two quarters."
)

// TestPlanJourney is issue 13's journey, in a real browser, once with JavaScript and
// once without. Each person signs in and lands on their home: the manager and the
// director on Shrewsbury PCN's page, the ICB lead on the ICB's, an admin on England's.
// The manager finds the network by searching for "Shrewsbury"; fills next year's grid
// (with JavaScript by pasting a block copied from a spreadsheet, and sees the figures
// follow it, the same as those shown once saved; without, by typing); with JavaScript,
// is warned on leaving with changes not saved; then saves and submits through the
// check of the plan. The clinical director returns it with a comment; the manager sees
// the comment and who made it on their home and on the plan, and submits again; the
// director signs it off and the ICB lead accepts it, each on the move's own page.
// Every page is screenshotted and checked by axe at 1280 px and at 375 px, where
// nothing may push it sideways.
func TestPlanJourney(t *testing.T) {
	withAndWithoutJS(t, func(t *testing.T, js bool) {
		st := newSite(t)
		j := journey{t: t, ctx: newBrowser(t, js), base: st.url, js: js, year: workforce.FinancialYearOf(time.Now()) + 1}
		j.managerSubmits()
		j.directorReturns()
		j.managerSubmitsAgain()
		j.directorSignsOff()
		j.leadAccepts()
		j.signIn(demoAdmin, "/", "28-home-admin")
	})
}

// withAndWithoutJS runs a journey as a subtest with the pages' JavaScript on, then as
// another with it off.
func withAndWithoutJS(t *testing.T, run func(t *testing.T, js bool)) {
	for _, js := range []bool{true, false} {
		name := "without JavaScript"
		if js {
			name = "with JavaScript"
		}
		t.Run(name, func(t *testing.T) { run(t, js) })
	}
}

// journey is the people's way through the pages, in one browser tab.
type journey struct {
	t    *testing.T
	ctx  context.Context
	base string
	js   bool
	year workforce.FinancialYear // the year of the grid filled: next year, all open
}

// managerSubmits: the manager finds the network, fills the grid, saves, is warned on
// leaving with a change not saved, and submits through the check of the plan.
func (j journey) managerSubmits() {
	j.signIn(demoManager, "/pcns/U60057", "01-home-manager")
	j.search("Shrewsbury", "U60057")
	j.check(j.planPath(), "04-plan")
	below := j.roleBelow("clinical_pharmacist")
	if j.js {
		j.paste("1\t\t60000\n0.5", j.cell("s", "clinical_pharmacist", 1))
	} else {
		j.typeIn("05-typed", map[string]string{j.cell("s", "clinical_pharmacist", 1): "1", j.cell("c", "clinical_pharmacist", 1): "60000", j.cell("s", below, 1): "0.5"})
	}
	j.values(map[string]string{j.cell("s", "clinical_pharmacist", 1): "1", j.cell("l", "clinical_pharmacist", 1): "",
		j.cell("c", "clinical_pharmacist", 1): "60000", j.cell("s", below, 1): "0.5"})
	j.saveMatchingLive()
	if j.js {
		j.warnedOnLeaving(j.cell("c", below, 1), "50000")
	} else {
		j.typeIn("07-typed-cost", map[string]string{j.cell("c", below, 1): "50000"})
	}
	j.click(`form[data-testid="plan-form"] button[name="then"]`, "08-check-the-plan")
	j.see("Check the plan before you submit it", "Save and submit saves, then shows the check of the plan")
	j.see(j.year.String()+": 2 cells changed", "the check says what changes")
	j.click(`form[data-testid="submit-form"] button[type=submit]`, "09-plan-submitted")
	signOut(j.t, j.ctx)
}

// directorReturns: the director opens the plan from their home and returns it with a
// comment, on the return's page.
func (j journey) directorReturns() {
	j.signIn(demoDirector, "/pcns/U60057", "10-home-director")
	j.click(`[data-testid="home"] [data-testid="waiting-U60057"] a`, "11-plan-to-sign-off")
	j.click(`a#send-back-action`, "12-confirm-return")
	j.seeIn(`[data-testid="what-happens"]`, "It does not go to the ICB", "the return's page says what will happen")
	j.do("13-comment", chromedp.SendKeys(chromedp.ID("comment"), sendBackNote))
	j.click(`form[data-testid="send-back-form"] button[type=submit]`, "14-returned")
	signOut(j.t, j.ctx)
}

// managerSubmitsAgain: the manager sees the comment and who returned the plan on
// their home and on the plan, changes a cell and submits again.
func (j journey) managerSubmitsAgain() {
	j.signIn(demoManager, "/pcns/U60057", "15-home-manager-returned")
	j.seeIn(`[data-testid="home"] [data-testid="returned-U60057"]`, "Returned by the clinical director ("+demoDirector+")", "the home says who returned the plan")
	j.seeIn(`[data-testid="home"] [data-testid="returned-U60057"]`, sendBackNote, "the home shows the director's comment")
	j.check(j.planPath(), "16-plan-returned")
	j.seeIn(`[data-testid="review-comment"]`, "Comment from the clinical director ("+demoDirector+")", "the plan says who returned it")
	j.seeIn(`[data-testid="review-comment"]`, sendBackNote, "the plan shows the director's comment")
	j.typeIn("17-plan-changed", map[string]string{j.cell("s", "clinical_pharmacist", 2): "0.5"})
	j.click(`form[data-testid="plan-form"] button[name="then"]`, "18-check-again")
	j.click(`form[data-testid="submit-form"] button[type=submit]`, "19-submitted-again")
	signOut(j.t, j.ctx)
}

// directorSignsOff: the director signs the plan off on the sign-off's page.
func (j journey) directorSignsOff() {
	j.signIn(demoDirector, "/pcns/U60057", "20-home-director")
	j.click(`[data-testid="home"] [data-testid="waiting-U60057"] a`, "21-plan-to-sign-off-again")
	j.click(`a#sign-off-action`, "22-confirm-sign-off")
	j.click(`form[data-testid="sign-off-form"] button[type=submit]`, "23-signed-off")
	signOut(j.t, j.ctx)
}

// leadAccepts: the ICB lead, on the ICB's page, opens the plan to review and accepts
// it on the acceptance's page.
func (j journey) leadAccepts() {
	j.signIn(demoLead, "/icbs/QOC", "24-home-lead")
	j.click(`[data-testid="waiting-U60057"] a`, "25-plan-to-review")
	j.click(`a#accept-action`, "26-confirm-accept")
	j.seeIn(`[data-testid="what-happens"]`, "becomes the network's accepted plan", "the acceptance's page says what will happen")
	j.click(`form[data-testid="accept-form"] button[type=submit]`, "27-accepted")
	j.see("is accepted", "the plan is accepted")
	signOut(j.t, j.ctx)
}

// planPath is the editor's page of the journey's year.
func (j journey) planPath() string {
	return "/pcns/U60057/plan?year=" + strconv.Itoa(int(j.year))
}

// cell is the id of a grid input: kind s, l or c (starters, leavers, cost).
func (j journey) cell(kind, role string, quarter int) string {
	return fmt.Sprintf("%s-%s-%d-%d", kind, role, j.year, quarter)
}

// signIn signs in and requires the person's home, which is checked as a page.
func (j journey) signIn(email, home, name string) {
	j.t.Helper()
	signIn(j.t, j.ctx, j.base, email)
	if at := j.eval(`location.pathname`); at != home {
		j.t.Errorf("%s lands on %s, want %s", email, at, home)
	}
	j.here(name)
}

// search types text in the header's search box, requires the PCN among the results
// and follows it to the PCN's page.
func (j journey) search(text, pcn string) {
	j.t.Helper()
	j.do("02-search-typed", chromedp.SendKeys(chromedp.ID("search-field"), text))
	j.click(`form#search button[type=submit]`, "02-search-"+strings.ToLower(text))
	j.click(`[data-testid="hit-`+pcn+`"] a`, "03-pcn-found")
	if at := j.eval(`location.pathname`); at != "/pcns/"+pcn {
		j.t.Errorf("the search result led to %s, want /pcns/%s", at, pcn)
	}
}

// roleBelow is the role of the grid's next row that has an input for Q1.
func (j journey) roleBelow(role string) string {
	j.t.Helper()
	return j.eval(fmt.Sprintf(`(() => {
		const rows = [...document.querySelectorAll('tbody tr[data-role]')]
		const below = rows.slice(rows.findIndex(r => r.dataset.role === %q) + 1)
		return below.find(r => document.getElementById('s-' + r.dataset.role + '-%d-1')).dataset.role
	})()`, role, j.year))
}

// paste pastes a block copied from a spreadsheet into an input (pasteBlock, as the
// editor's test does) and waits for the figures worked out as typed.
func (j journey) paste(block, into string) {
	j.t.Helper()
	j.do("05-pasted",
		chromedp.Evaluate[chromedp.Void](fmt.Sprintf(pasteBlock, block, into)),
		chromedp.Poll[chromedp.Void](`document.querySelector('[data-testid="plan-live"]').textContent.startsWith('The figures include your changes')`,
			chromedp.WithPollingTimeout(15*time.Second)))
}

// typeIn types values into inputs by id.
func (j journey) typeIn(name string, values map[string]string) {
	j.t.Helper()
	steps := make([]chromedp.Action[chromedp.Void], 0, len(values))
	for id, v := range values {
		steps = append(steps, chromedp.SendKeys(chromedp.ID(id), v))
	}
	j.do(name, steps...)
}

// values requires the inputs, by id, to hold the values.
func (j journey) values(want map[string]string) {
	j.t.Helper()
	for id, w := range want {
		if got, err := chromedp.Run(j.ctx, chromedp.Value(chromedp.ID(id))); err != nil || got != w {
			j.t.Errorf("%s holds %q, want %q (%v)", id, got, w, err)
		}
	}
}

// saveMatchingLive saves the plan; with JavaScript, the figures worked out as the
// cells were filled must be those the saved page shows.
func (j journey) saveMatchingLive() {
	j.t.Helper()
	var live map[string]string
	if j.js {
		live = figures(j.t, j.ctx)
	}
	j.click(`form[data-testid="plan-form"] button:not([name])`, "06-plan-saved")
	j.see("nhsuk-notification-banner", "the save is confirmed")
	saved := figures(j.t, j.ctx)
	if net := "net-" + strconv.Itoa(int(j.year)) + "-1"; saved[net] != "1.5" {
		j.t.Errorf("saved net starters of Q1: %q, want 1.5", saved[net])
	}
	if j.js && (len(live) < 30 || !reflect.DeepEqual(live, saved)) {
		j.t.Errorf("figures as typed:\n%v\nonce saved:\n%v", live, saved)
	}
}

// warnedOnLeaving types a value, follows a link away (the breadcrumbs) and requires
// the editor's question; answering "stay" keeps the page and the value.
func (j journey) warnedOnLeaving(id, value string) {
	j.t.Helper()
	dialogs := make(chan string, 1)
	dctx, stop := context.WithTimeout(j.ctx, 30*time.Second)
	defer stop()
	events := chromedp.Events(dctx, page.JavascriptDialogOpening) // subscribed before the click
	go func() {
		for ev, err := range events {
			if err != nil {
				return
			}
			dialogs <- string(ev.Type) + ": " + ev.Message
			_, _ = chromedp.Call(dctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		}
	}()
	if err := chromedp.Do(dctx, chromedp.SendKeys(chromedp.ID(id), value), chromedp.Click(chromedp.CSS(`nav.nhsuk-breadcrumb a`))); err != nil {
		j.t.Fatalf("leaving with a change not saved: %v", err)
	}
	select {
	case msg := <-dialogs:
		if msg != "confirm: You have changes to the plan that are not saved. Leave this page and lose them?" {
			j.t.Errorf("the warning on leaving: %q", msg)
		}
	case <-time.After(10 * time.Second):
		j.t.Error("leaving with changes not saved did not warn")
	}
	stop()
	if at := j.eval(`location.pathname + location.search`); at != j.planPath() {
		j.t.Errorf("after staying the page is %s", at)
	}
	j.values(map[string]string{id: value})
	shot(j.t, j.ctx, "07-stayed")
}

// check opens a page and checks it at both widths.
func (j journey) check(path, name string) {
	j.t.Helper()
	visitBoth(j.t, j.ctx, j.base, path, name)
}

// here checks the page shown at both widths.
func (j journey) here(name string) {
	j.t.Helper()
	shot(j.t, j.ctx, name)
	axe(j.t, j.ctx, name)
	narrow(j.t, j.ctx, name, name)
}

// do runs actions on the current page and screenshots the result.
func (j journey) do(name string, steps ...chromedp.Action[chromedp.Void]) {
	j.t.Helper()
	if err := chromedp.Do(j.ctx, steps...); err != nil {
		j.t.Fatalf("%s: %v", name, err)
	}
	shot(j.t, j.ctx, name)
}

// click presses a form's button or follows a link, waits for the next page, and
// checks it at both widths (a page with an error summary fails the journey).
func (j journey) click(selector, name string) {
	j.t.Helper()
	j.follow(selector, name)
	j.here(name)
}

// follow is click for a page checked elsewhere: it is not checked again.
func (j journey) follow(selector, name string) {
	j.t.Helper()
	before := j.eval(`document.body.dataset.leaving = '1'; location.href`)
	if err := chromedp.Do(j.ctx, chromedp.Click(chromedp.CSS(selector))); err != nil {
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
}

// see requires text in the current page's HTML.
func (j journey) see(text, why string) {
	j.t.Helper()
	if html := j.eval(`document.documentElement.outerHTML`); !strings.Contains(html, text) {
		j.t.Errorf("%s: %q not on the page", why, text)
	}
}

// seeIn requires text in the element a selector finds.
func (j journey) seeIn(selector, text, why string) {
	j.t.Helper()
	got := j.eval(fmt.Sprintf(`document.querySelector(%q)?.textContent.replace(/\s+/g, ' ') ?? ''`, selector))
	if !strings.Contains(got, text) {
		j.t.Errorf("%s: %q not in %s (%q)", why, text, selector, got)
	}
}

// eval evaluates an expression of the page that gives a string.
func (j journey) eval(expr string) string {
	j.t.Helper()
	out, err := chromedp.Run(j.ctx, chromedp.Evaluate[string](expr))
	if err != nil {
		j.t.Fatalf("%s: %v", firstLines(expr, 1), err)
	}
	return out
}

func firstLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, " / ")
}

// waitNewPage waits until the page marked before a click has been replaced by a fully
// loaded one (the same address, after a redirect, counts: the mark is gone). It asks
// through DevTools, which answers with the page's JavaScript off too.
func (j journey) waitNewPage(name string) {
	j.t.Helper()
	deadline := time.Now().Add(60 * time.Second) // generous: CI runs the other packages beside it on two cores
	for time.Now().Before(deadline) {
		state, err := chromedp.Run(j.ctx, chromedp.Evaluate[string](`document.readyState + ':' + (document.body && document.body.dataset.leaving || '')`))
		if err == nil && state == "complete:" {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	state, err := chromedp.Run(j.ctx, chromedp.Evaluate[string](`document.readyState + ':' + (document.body && document.body.dataset.leaving || '') + ':' + location.href`))
	shot(j.t, j.ctx, name+"-not-loaded")
	j.t.Fatalf("%s: the next page did not load (%s, %v)", name, state, err)
}
