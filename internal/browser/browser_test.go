package browser

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/arrs-planner/arrs/internal/auth"
	"github.com/arrs-planner/arrs/internal/config"
	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/ingest"
	"github.com/arrs-planner/arrs/internal/refdata"
	"github.com/arrs-planner/arrs/internal/server"
	"github.com/arrs-planner/arrs/internal/store"
)

const password = "browser-test-pass"

// demoAccounts mirror `arrs seed demo`'s accounts.
var demoAccounts = []struct {
	email string
	grant auth.Grant
}{
	{"admin@example.nhs.uk", auth.Grant{Role: auth.Admin}},
	{"icb.lead@example.nhs.uk", auth.Grant{Role: auth.ICBLead, Org: "QOC"}},
	{"manager@example.nhs.uk", auth.Grant{Role: auth.PCNManager, Org: "U60057"}},
	{"director@example.nhs.uk", auth.Grant{Role: auth.ClinicalDirector, Org: "U60057"}},
}

// site is a running server on a test database with the two-ICB sample workforce and
// the demo accounts.
type site struct {
	url string
	db  *store.DB
}

func newSite(t *testing.T) site {
	t.Helper()
	db := dbtest.New(t)
	ctx := context.Background()
	f, err := refdata.Open(refdata.SampleWorkforceFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := ingest.NWRS(ctx, db, "sample.csv", f, store.Actor{Name: "test"}, nil, time.Now()); err != nil {
		t.Fatal(err)
	}
	hash, _ := auth.HashPassword(password, auth.DefaultParams)
	for _, a := range demoAccounts {
		if _, err := db.CreateUser(ctx, auth.User{Email: a.email, Name: "Demo " + string(a.grant.Role), PasswordHash: hash, Active: true, Grants: []auth.Grant{a.grant}}, store.Actor{Name: "test"}); err != nil {
			t.Fatal(err)
		}
	}
	s := server.New(db, config.Config{Dev: true}, slog.New(slog.NewTextHandler(io.Discard, nil)))
	ts := httptest.NewServer(s.Routes())
	t.Cleanup(ts.Close)
	return site{url: ts.URL, db: db}
}

// chromium finds Debian's chromium. `make test` installs it and sets
// ARRS_REQUIRE_BROWSER=1, so that its absence fails rather than skips.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("ARRS_REQUIRE_BROWSER") == "1" {
		t.Fatal("chromium is not installed (make test installs Debian's chromium)")
	}
	t.Skip("chromium is not installed; run make test, which installs it")
	return ""
}

// theBrowser is the one chromium the package's tests share: each test opens a tab of
// its own in a browser context of its own (its own cookies and storage), so chromium
// starts once, not once a test.
var theBrowser struct {
	once sync.Once
	ctx  context.Context
	err  error
	stop func()
}

// TestMain closes the shared chromium once every test has run.
func TestMain(m *testing.M) {
	code := m.Run()
	if theBrowser.stop != nil {
		theBrowser.stop()
	}
	os.Exit(code)
}

// sharedBrowser starts the shared chromium on first use.
func sharedBrowser(t *testing.T) context.Context {
	t.Helper()
	exec := chromium(t)
	theBrowser.once.Do(func() {
		opts := append(chromedp.DefaultExecAllocatorOptions[:],
			chromedp.ExecPath(exec),
			chromedp.NoSandbox,
			chromedp.DisableGPU,
			chromedp.Flag("disable-background-networking", true),
			chromedp.Flag("disable-component-update", true),
			chromedp.Flag("disable-sync", true),
			chromedp.Flag("disable-dev-shm-usage", true),
			// No address but the test server's resolves: the NHS.UK stylesheet asks
			// assets.nhs.uk for its fonts, and a lookup that cannot be answered held
			// each page's load for up to 5 s (the pages fall back to Arial, as tested).
			chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"),
			chromedp.WindowSize(1280, 1000),
		)
		alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
		ctx, cancelCtx := chromedp.NewContext(alloc)
		theBrowser.ctx, theBrowser.stop = ctx, func() { cancelCtx(); cancelAlloc() }
		// The first call starts the browser; its context must have no deadline.
		theBrowser.err = chromedp.Do(ctx)
	})
	if theBrowser.err != nil {
		t.Fatalf("starting chromium: %v", theBrowser.err)
	}
	return theBrowser.ctx
}

// newBrowser opens a tab of the shared chromium, 1280 px wide, in a fresh browser
// context (no cookies); jsEnabled false tests the pages as they work without
// JavaScript.
func newBrowser(t *testing.T, jsEnabled bool) context.Context {
	t.Helper()
	ctx, cancel := chromedp.NewContext(sharedBrowser(t), chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	// The tab's first call opens it, bound to a context with no deadline.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
	if !jsEnabled {
		ctx = context.WithValue(ctx, noJSKey{}, true)
		setScripts(t, ctx, false)
	}
	ctx, cancelTimeout := context.WithTimeout(ctx, 4*time.Minute)
	t.Cleanup(cancelTimeout)
	return ctx
}

// artefacts is where screenshots go: testartefacts/ at the module root (git-ignored).
func artefacts(t *testing.T) string {
	dir, _ := os.Getwd()
	for dir != "/" {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		dir = filepath.Dir(dir)
	}
	out := filepath.Join(dir, "testartefacts", t.Name())
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	return out
}

// shot saves a full-page screenshot (PNG: quality 100) of the current page.
func shot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	buf, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.WriteFile(filepath.Join(artefacts(t), name+".png"), buf, 0o644); err != nil {
		t.Fatal(err)
	}
}

// violation is one axe-core rule a page breaks.
type violation struct {
	ID      string   `json:"id"`
	Impact  string   `json:"impact"`
	Help    string   `json:"help"`
	Targets []string `json:"targets"`
}

var axeSource = func() string {
	dir, _ := os.Getwd()
	for dir != "/" {
		if b, err := os.ReadFile(filepath.Join(dir, "node_modules", "axe-core", "axe.min.js")); err == nil {
			return string(b)
		}
		dir = filepath.Dir(dir)
	}
	return ""
}()

// axe runs axe-core's WCAG 2.0–2.2 A and AA rules on the current page (injected
// through the DevTools protocol, which the page's CSP does not govern).
func axe(t *testing.T, ctx context.Context, page string) {
	t.Helper()
	if axeSource == "" {
		t.Fatal("node_modules/axe-core is missing: run make assets (npm ci)")
	}
	const run = `axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})
		.then(r => JSON.stringify(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map(n => n.target.join(' '))}))))`
	// With the page's JavaScript off (the no-JS journey), axe needs scripts for its
	// own run: switching them back on now does not rerun the page's, so the DOM stays
	// as it was without them.
	setScripts(t, ctx, true)
	defer setScripts(t, ctx, ctx.Value(noJSKey{}) == nil)
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[*runtime.RemoteObject](axeSource)); err != nil {
		t.Fatalf("loading axe on %s: %v", page, err)
	}
	out, err := chromedp.Run(ctx, chromedp.Evaluate[string](run, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("axe on %s: %v", page, err)
	}
	var vs []violation
	if err := json.Unmarshal([]byte(out), &vs); err != nil {
		t.Fatalf("axe on %s: %v", page, err)
	}
	for _, v := range vs {
		t.Errorf("%s: axe %s (%s): %s at %s", page, v.ID, v.Impact, v.Help, strings.Join(v.Targets, "; "))
	}
}

// signIn fills the sign-in form as a person would.
func signIn(t *testing.T, ctx context.Context, base, email string) {
	t.Helper()
	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/login"),
		chromedp.WaitVisible(chromedp.ID("email")),
		chromedp.SendKeys(chromedp.ID("email"), email),
		chromedp.SendKeys(chromedp.ID("password"), password),
		chromedp.Click(chromedp.CSS(`form[action="/login"] button[type=submit]`)),
		chromedp.WaitNotPresent(chromedp.ID("password")),
	)
	if err != nil {
		t.Fatalf("sign in as %s: %v", email, err)
	}
}

func signOut(t *testing.T, ctx context.Context) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`form[action="/logout"] button`)), chromedp.WaitVisible(chromedp.ID("email"))); err != nil {
		t.Fatalf("sign out: %v", err)
	}
}

// visit opens a page, checks its heading, screenshots it and runs axe on it.
func visit(t *testing.T, ctx context.Context, base, path, name string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(base+path)); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	h1, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("h1")))
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if strings.TrimSpace(h1) == "" {
		t.Errorf("%s: no heading", path)
	}
	shot(t, ctx, name)
	axe(t, ctx, path)
}

// visitBoth visits a page at the window's 1280 px, then checks it at 375 px (narrow).
func visitBoth(t *testing.T, ctx context.Context, base, path, name string) {
	t.Helper()
	visit(t, ctx, base, path, name)
	narrow(t, ctx, path, name)
}

// sticksOut names, when the page is wider than the window, the outermost elements
// that reach beyond it (the page's width, then up to five, "" when it fits).
const sticksOut = `(() => {
	const w = window.innerWidth, doc = document.documentElement
	if (doc.scrollWidth <= w) return ''
	const out = [...document.body.querySelectorAll('*')].filter(e => {
		const r = e.getBoundingClientRect()
		return r.width > 0 && r.right > w + 0.5 && !(e.parentElement && e.parentElement.getBoundingClientRect().right > w + 0.5)
	}).slice(0, 5).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
		(typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\s+/).join('.') : '') +
		' (to ' + Math.round(e.getBoundingClientRect().right) + ' px)')
	return doc.scrollWidth + ' px wide: ' + out.join('; ')
})()`

// fitsNarrow is sticksOut once the page has settled at its new width: the NHS.UK
// header's script moves the navigation items that do not fit into its "More" menu a
// moment after a resize (a phone loads at its width, with no such moment).
func fitsNarrow(t *testing.T, ctx context.Context) string {
	t.Helper()
	deadline := time.Now().Add(2 * time.Second)
	for {
		out, err := chromedp.Run(ctx, chromedp.Evaluate[string](sticksOut))
		if err != nil {
			t.Fatalf("measuring the width: %v", err)
		}
		if out == "" || time.Now().After(deadline) {
			return out
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// narrow checks the page shown as a 375 px phone shows it, without loading it again
// (it may be the answer to a form): nothing pushes it sideways, axe is clean, and it
// is screenshotted; then the window has its own width again.
func narrow(t *testing.T, ctx context.Context, page, name string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(375, 812)); err != nil {
		t.Fatalf("%s at 375 px: %v", page, err)
	}
	defer func() {
		// chromedp.ResetViewport leaves the page at 375 px: clear the override instead.
		clear := chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, emulation.ClearDeviceMetricsOverride, cdp.Empty{})
			return err
		})
		if err := chromedp.Do(ctx, clear); err != nil {
			t.Fatalf("%s back to 1280 px: %v", page, err)
		}
	}()
	if out := fitsNarrow(t, ctx); out != "" {
		t.Errorf("%s at 375 px: the page scrolls sideways: %s", page, out)
	}
	axe(t, ctx, page+" at 375 px")
	shot(t, ctx, name+"-375")
}

// noJSKey marks a browser context whose pages run without JavaScript.
type noJSKey struct{}

// setScripts switches the page's JavaScript on or off (DevTools evaluation, which
// the tests use to look at the page, still runs while it is off).
func setScripts(t *testing.T, ctx context.Context, on bool) {
	t.Helper()
	err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: !on})
		return err
	}))
	if err != nil {
		t.Fatalf("switching JavaScript: %v", err)
	}
}
