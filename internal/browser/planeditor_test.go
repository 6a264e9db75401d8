package browser

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// editorFigures reads the figures under the grid that follow the cells, by data-testid.
const editorFigures = `JSON.stringify(Object.fromEntries([...document.querySelectorAll(
	'tfoot [data-testid], [data-testid^="role-"], [id^="funding-summary-"] [data-testid]')]
	.filter(e => !e.dataset.testid.startsWith('official-'))
	.map(e => [e.dataset.testid, e.textContent.replace(/\s+/g, ' ').trim()])))`

// pasteBlock pastes a block copied from a spreadsheet into an input, as the browser
// hands a paste to the page.
const pasteBlock = `(() => {
	const data = new DataTransfer()
	data.setData('text/plain', %q)
	document.getElementById(%q).dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}))
})()`

// TestPlanEditor is the manager's editor with JavaScript on: at 1280 px and 1024 px
// (1280 px at 125% zoom) a year's four quarters show without scrolling sideways; a
// cell the keyboard moves to is never hidden under the grid's frozen header rows or
// role column; a block pasted from a spreadsheet fills
// the cells right and down, each value in its own quarter and role even across cells
// that cannot change; the figures worked out as they type are those the page shows
// once saved; a year's tab saves without asking, Enter in a cell saves; leaving with
// changes not saved asks first; at 375 px only the grid scrolls sideways, never the
// page; once the session has ended, Save says so and keeps what was typed.
func TestPlanEditor(t *testing.T) {
	st := newSite(t)
	year := workforce.FinancialYearOf(time.Now()) + 1 // a year whose quarters are all open
	y := strconv.Itoa(int(year))
	// Paramedics join ARRS in the year's Q3 here: their Q1 and Q2 are "Not yet in
	// ARRS", cells without inputs in the middle of the grid.
	var late string
	if err := st.db.QueryRowForTest(context.Background(), `UPDATE roles SET added = '`+workforce.Quarter{Year: year, N: 3}.Start().Format(time.DateOnly)+
		`' WHERE code = 'paramedic' RETURNING code`, &late); err != nil {
		t.Fatal(err)
	}
	ctx := newBrowser(t, true)
	signIn(t, ctx, st.url, "manager@example.nhs.uk")
	path := "/pcns/U60057/plan?year=" + y
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900)); err != nil {
		t.Fatal(err)
	}
	visit(t, ctx, st.url, path, "editor-1280")

	// At 1280 px, and 1024 px, the year's Q4 is in view: the grid needs no sideways
	// scroll.
	for _, width := range []int64{1280, 1024} {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 900)); err != nil {
			t.Fatal(err)
		}
		fits, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => {
			const q4 = document.getElementById('c-clinical_pharmacist-`+y+`-4').getBoundingClientRect()
			const grid = document.querySelector('[data-testid="grid-`+y+`"]')
			return q4.right <= document.documentElement.clientWidth && grid.scrollWidth <= grid.clientWidth
		})()`))
		if err != nil || !fits {
			t.Errorf("at %d px the Q4 inputs are out of view (%v)", width, err)
		}
	}
	// At 1280 × 720, Tab from the last cell of a role row to the first of the last row:
	// the cell is in full view, under no frozen header or column.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 720)); err != nil {
		t.Fatal(err)
	}
	focusInView(t, ctx, "1280 × 720")
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900)); err != nil {
		t.Fatal(err)
	}

	// A 2×3 block pasted into the first role's Q1 starters fills starters, leavers and
	// cost of it and of the role below; costs lose "£" and ",".
	first, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('tbody tr[data-role]').dataset.role`))
	if err != nil {
		t.Fatal(err)
	}
	second, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelectorAll('tbody tr[data-role]')[1].dataset.role`))
	start := "s-" + first + "-" + y + "-1"
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](fmt.Sprintf(pasteBlock, "1\t0.5\t£45,000\r\n2\t\t 50,000 \r\n", start))); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"s-" + first: "1", "l-" + first: "0.5", "c-" + first: "45000", "s-" + second: "2", "l-" + second: "", "c-" + second: "50000"}
	for field, w := range want {
		if got, _ := chromedp.Run(ctx, chromedp.Value(chromedp.ID(field+"-"+y+"-1"))); got != w {
			t.Errorf("after the paste %s-%s-1 = %q, want %q", field, y, got, w)
		}
	}

	// Typing: the figures follow (the preview), and equal those shown after Save.
	typed := "l-" + second + "-" + y + "-3"
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.ID(typed), "0.5"),
		chromedp.Poll[chromedp.Void](`document.querySelector('[data-testid="leavers-`+y+`-3"]').textContent.trim() === '0.5'`,
			chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Fatalf("the figures did not follow the typing: %v", err)
	}
	liveFigures := figures(t, ctx)
	shot(t, ctx, "editor-typed")
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`form[data-testid="plan-form"] button:not([name])`)),
		chromedp.WaitVisible(chromedp.CSS(`.nhsuk-notification-banner`))); err != nil {
		t.Fatalf("saving: %v", err)
	}
	if loc, _ := chromedp.Run(ctx, chromedp.Location()); loc != st.url+path {
		t.Errorf("after the save the page is %s, want the same year again", loc)
	}
	saved := figures(t, ctx)
	if len(liveFigures) < 30 || !reflect.DeepEqual(liveFigures, saved) {
		t.Errorf("figures as typed:\n%v\nonce saved:\n%v", liveFigures, saved)
	}
	if saved["net-"+y+"-1"] != "2.5" { // 1 − 0.5 + 2
		t.Errorf("net of Q1 after the paste: %q, want 2.5", saved["net-"+y+"-1"])
	}

	pasteAcross(t, ctx, st.url+path, y)

	// Typing, then a link away: the page asks first; staying keeps the input.
	dialogs := make(chan string, 1)
	dctx, stop := context.WithCancel(ctx)
	defer stop()
	events := chromedp.Events(dctx, page.JavascriptDialogOpening) // subscribed before the action
	go func() {
		for ev, err := range events {
			if err != nil {
				return
			}
			dialogs <- string(ev.Type) + ": " + ev.Message
			_, _ = chromedp.Call(dctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		}
	}()
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.ID("s-"+second+"-"+y+"-4"), "1"),
		chromedp.Click(chromedp.CSS(`nav.nhsuk-breadcrumb a`))); err != nil {
		t.Fatal(err)
	}
	select {
	case msg := <-dialogs:
		if msg != "confirm: You have changes to the plan that are not saved. Leave this page and lose them?" {
			t.Errorf("the warning: %q", msg)
		}
	case <-time.After(5 * time.Second):
		t.Error("leaving with changes not saved did not warn")
	}
	stop()
	if loc, _ := chromedp.Run(ctx, chromedp.Location()); loc != st.url+path {
		t.Errorf("after staying the page is %s", loc)
	}

	// At 375 px the page itself never scrolls sideways: the grid does, in its region.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(375, 812, chromedp.EmulateMobile)); err != nil {
		t.Fatal(err)
	}
	visitAgain(t, ctx, st.url+path)
	shot(t, ctx, "editor-375")
	axe(t, ctx, path+" at 375 px")
	wide, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
	if err != nil || wide > 375 {
		t.Errorf("at 375 px the page is %d px wide (%v)", wide, err)
	}
	// Scrolled sideways to a row's last cell, Tab to the next row's first: not under
	// the role column.
	focusInView(t, ctx, "375 px")

	signedOut(t, ctx, st.url+path, "c-"+first+"-"+y+"-4")
}

// unobscured is a script's function that says how an element of the grid is hidden:
// "" when it is in full view, inside the grid's box and the window, and under nothing
// (WCAG 2.4.11, Focus Not Obscured): the element at its centre and near each corner is
// itself, not a frozen header row, role column or totals row.
const unobscured = `(el => {
	const grid = el.closest('.app-plan-grid')
	const g = grid.getBoundingClientRect()
	const b = el.getBoundingClientRect()
	const box = [Math.max(g.left + grid.clientLeft, 0), Math.max(g.top + grid.clientTop, 0),
		Math.min(g.left + grid.clientLeft + grid.clientWidth, innerWidth), Math.min(g.top + grid.clientTop + grid.clientHeight, innerHeight)]
	if (b.left < box[0] - 1 || b.top < box[1] - 1 || b.right > box[2] + 1 || b.bottom > box[3] + 1) {
		return el.id + ' at ' + JSON.stringify([b.left, b.top, b.right, b.bottom]) + ' is not inside the grid in view ' + JSON.stringify(box)
	}
	for (const [x, y] of [[(b.left + b.right) / 2, (b.top + b.bottom) / 2], [b.left + 3, b.top + 3], [b.right - 3, b.top + 3], [b.left + 3, b.bottom - 3], [b.right - 3, b.bottom - 3]]) {
		const hit = document.elementFromPoint(x, y)
		if (hit !== el) {
			return el.id + ' is covered at ' + x + ',' + y + ' by ' + (hit ? hit.tagName + ' ' + hit.className + ' ' + hit.textContent.trim().slice(0, 40) : 'nothing')
		}
	}
	return ''
})`

// inputRows are the grid's role rows that hold inputs, in a script.
const inputRows = `[...document.querySelectorAll('.app-plan-grid tbody tr')].filter(r => r.querySelector('input'))`

// focusInView moves the focus by keyboard (Tab) from the last input of the last role
// row but one to the first input of the last, and requires that input to be in full
// view. Then it scrolls a cell of the middle row into view as a link to it does (a
// warning's), the grid scrolled to its foot first: the cell must be in full view too,
// not under the header rows it is scrolled up to.
func focusInView(t *testing.T, ctx context.Context, where string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`(() => {
		const rows = `+inputRows+`
		const inputs = rows[rows.length - 2].querySelectorAll('input')
		inputs[inputs.length - 1].focus()
	})()`), chromedp.KeyEvent("\t")); err != nil {
		t.Fatal(err)
	}
	tabbed, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(() => {
		const rows = `+inputRows+`
		const want = rows[rows.length - 1].querySelector('input')
		const el = document.activeElement
		return el === want ? `+unobscured+`(el) : 'Tab moved the focus to ' + (el.id || el.tagName) + ', not ' + want.id
	})()`))
	linked, err2 := chromedp.Run(ctx, chromedp.Evaluate[string](`(() => {
		const rows = `+inputRows+`
		const el = rows[Math.floor(rows.length / 2)].querySelectorAll('input')[1]
		const grid = el.closest('.app-plan-grid')
		grid.scrollTop = grid.scrollHeight
		grid.scrollLeft = grid.scrollWidth
		el.scrollIntoView()
		return `+unobscured+`(el)
	})()`))
	if err != nil || err2 != nil || tabbed != "" || linked != "" {
		shot(t, ctx, "focus-"+strings.NewReplacer(" ", "", "×", "x").Replace(where))
		t.Errorf("at %s: tabbed: %q; a link to a cell: %q (%v, %v)", where, tabbed, linked, err, err2)
	}
}

// signedOut ends the session while a cell is being typed in (as an idle timeout would):
// the page says so in its status line and above Save, and Save keeps the page and what
// was typed rather than going to the sign-in page. Signed in again (as in another tab),
// Save saves it.
func signedOut(t *testing.T, ctx context.Context, addr, cell string) {
	t.Helper()
	const warning = `document.querySelector('[data-testid="plan-signed-out"]')`
	const said = `You have been signed out, so this page cannot save. Sign in again in a new tab, then come back and press Save: what you typed here is kept.`
	shown := chromedp.Poll[chromedp.Void](`!`+warning+`.hidden && document.querySelector('[data-testid="plan-live"]').textContent === '`+said+`'`,
		chromedp.WithPollingTimeout(10*time.Second))
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`fetch('/logout', {method: 'POST'})`, chromedp.EvalAwaitPromise),
		chromedp.SendKeys(chromedp.ID(cell), "48000"), shown); err != nil {
		text, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`[data-testid="plan-live"]`)))
		t.Fatalf("typing once signed out: the status line says %q (%v)", text, err)
	}
	shot(t, ctx, "editor-signed-out")
	// Save checks first: the warning comes back, the page stays, the typing is kept.
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](warning+`.hidden = true; document.body.dataset.stay = '1'`),
		chromedp.Click(chromedp.CSS(`form[data-testid="plan-form"] button:not([name])`)), shown, chromedp.Sleep(time.Second)); err != nil {
		t.Fatalf("Save once signed out: %v", err)
	}
	stay, err := chromedp.Run(ctx, chromedp.Evaluate[string](`[location.href, document.body.dataset.stay, document.getElementById('`+cell+`').value,
		document.activeElement === `+warning+`].join(' ')`))
	if err != nil || stay != addr+" 1 48000 true" {
		t.Errorf("Save once signed out left %q (%v), want the page as it was, the focus on the warning", stay, err)
	}
	// Signed in again elsewhere, Save saves.
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`fetch('/login', {method: 'POST', body: new URLSearchParams({email: 'manager@example.nhs.uk', password: '`+password+`'})})`, chromedp.EvalAwaitPromise)); err != nil {
		t.Fatal(err)
	}
	newPage(t, ctx, chromedp.Click(chromedp.CSS(`form[data-testid="plan-form"] button:not([name])`)))
	if loc, _ := chromedp.Run(ctx, chromedp.Location()); loc != addr {
		t.Errorf("Save signed in again: the page is %s", loc)
	}
	checkValues(t, ctx, "saved once signed in again", map[string]string{cell: "48000"})
}

// figures are the figures under the grid, once the preview asked for has answered.
func figures(t *testing.T, ctx context.Context) map[string]string {
	t.Helper()
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[string](editorFigures))
	if err != nil {
		t.Fatal(err)
	}
	var out map[string]string
	if err := json.Unmarshal([]byte(raw), &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// visitAgain opens a page when the one shown may ask before it is left: the question
// is answered "leave".
func visitAgain(t *testing.T, ctx context.Context, url string) {
	t.Helper()
	dctx, stop := context.WithCancel(ctx)
	defer stop()
	events := chromedp.Events(dctx, page.JavascriptDialogOpening) // subscribed before the action
	go func() {
		for _, err := range events {
			if err != nil {
				return
			}
			_, _ = chromedp.Call(dctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: true})
		}
	}()
	if err := chromedp.Do(ctx, chromedp.Navigate(url), chromedp.WaitVisible(chromedp.CSS("h1"))); err != nil {
		t.Fatalf("%s: %v", url, err)
	}
}

// pasteAcross pastes a block over the rows around the paramedic, whose Q1 and
// Q2 cannot change: every value lands in its own quarter and role, those on cells that
// cannot change or off the grid are left out and counted in the status line. Then a
// year's tab saves them without asking, and Enter in a cell saves on the same year.
func pasteAcross(t *testing.T, ctx context.Context, addr, y string) {
	t.Helper()
	above, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('tr[data-role="paramedic"]').previousElementSibling.dataset.role`))
	below, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('tr[data-role="paramedic"]').nextElementSibling.dataset.role`))
	if above == "" || below == "" {
		t.Fatal("no role rows around the paramedic")
	}
	// From the row above's Q2 starters: Q2, Q3 and Q4 (9 columns), three rows, the last
	// one value too wide.
	block := "1\t\t\t2\t\t\t\t\t\r\n" +
		"7\t7\t70,000\t3\t0.3\t£42,000\t\t\t\r\n" +
		"4\t\t\t\t\t\t5\t\t\t9\r\n"
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](fmt.Sprintf(pasteBlock, block, "s-"+above+"-"+y+"-2"))); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"s-" + above + "-" + y + "-2": "1", "s-" + above + "-" + y + "-3": "2", "l-" + above + "-" + y + "-3": "",
		"s-paramedic-" + y + "-3": "3", "l-paramedic-" + y + "-3": "0.3", "c-paramedic-" + y + "-3": "42000",
		"s-paramedic-" + y + "-4":     "",
		"s-" + below + "-" + y + "-2": "4", "s-" + below + "-" + y + "-3": "", "s-" + below + "-" + y + "-4": "5",
	}
	checkValues(t, ctx, "after the paste", want)
	if err := chromedp.Do(ctx, chromedp.Poll[chromedp.Void](`document.querySelector('[data-testid="plan-live"]').textContent.startsWith(
		'3 pasted values fell on cells that cannot change (a quarter that has ended, or before the role joined ARRS); 1 pasted value fell outside the grid, and were left out. The figures')`,
		chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		text, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`[data-testid="plan-live"]`)))
		t.Errorf("the status line after the paste: %q", text)
	}

	// A year's tab saves, then shows its year, without asking.
	var dialogs atomic.Int32
	dctx, stop := context.WithCancel(ctx)
	defer stop()
	events := chromedp.Events(dctx, page.JavascriptDialogOpening) // subscribed before the action
	go func() {
		for _, err := range events {
			if err != nil {
				return
			}
			dialogs.Add(1)
			_, _ = chromedp.Call(dctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: true})
		}
	}()
	newPage(t, ctx, chromedp.Click(chromedp.CSS(`[data-testid="year-switch"] button:not([aria-current])`)))
	if loc, _ := chromedp.Run(ctx, chromedp.Location()); !strings.Contains(loc, "year=") || strings.HasSuffix(loc, "year="+y) {
		t.Errorf("after a year's tab the page is %s", loc)
	}
	stop()
	if dialogs.Load() != 0 {
		t.Error("a year's tab asked before leaving: it saves")
	}
	visitAgain(t, ctx, addr)
	checkValues(t, ctx, "saved by the year's tab", want)

	// Enter in a cell saves, on the same year.
	l := "l-" + below + "-" + y + "-2"
	newPage(t, ctx, chromedp.SendKeys(chromedp.ID(l), "0.2\r"))
	if loc, _ := chromedp.Run(ctx, chromedp.Location()); loc != addr {
		t.Errorf("after Enter the page is %s, want %s", loc, addr)
	}
	checkValues(t, ctx, "saved by Enter", map[string]string{l: "0.2"})
}

// checkValues requires the inputs, by id, to hold the values.
func checkValues(t *testing.T, ctx context.Context, when string, want map[string]string) {
	t.Helper()
	for id, w := range want {
		if got, err := chromedp.Run(ctx, chromedp.Value(chromedp.ID(id))); err != nil || got != w {
			t.Errorf("%s %s = %q, want %q (%v)", when, id, got, w, err)
		}
	}
}

// newPage takes an action that submits the page's form and waits for the page that
// answers (the same address counts: the mark set on the page before is gone). While
// the page changes, an evaluation may fail: it is asked again.
func newPage(t *testing.T, ctx context.Context, action chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`document.body.dataset.leaving = '1'`), action); err != nil {
		t.Fatalf("submitting: %v", err)
	}
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		state, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.readyState + ':' + (document.body && document.body.dataset.leaving || '')`))
		if err == nil && state == "complete:" {
			return
		}
	}
	t.Fatal("the next page did not come")
}
