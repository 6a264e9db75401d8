package browser

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
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

// newBrowser starts a headless chromium with its own profile; jsEnabled false tests
// the pages as they work without JavaScript.
func newBrowser(t *testing.T, jsEnabled bool) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium(t)),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.WindowSize(1280, 1000),
	)
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(alloc)
	t.Cleanup(func() { cancelCtx(); cancelAlloc() })
	// The first call starts the browser; its context must have no deadline.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting chromium: %v", err)
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

// TestEveryPageIsAccessible opens each page the app has, signed out and as an admin,
// with JavaScript on, and requires no axe violation.
func TestEveryPageIsAccessible(t *testing.T) {
	st := newSite(t)
	ctx := newBrowser(t, true)
	for i, p := range []string{"/login", "/roles", "/roles/clinical_pharmacist", "/accessibility"} {
		visit(t, ctx, st.url, p, fmt.Sprintf("public-%02d", i))
	}
	signIn(t, ctx, st.url, "admin@example.nhs.uk")
	for i, p := range []string{
		"/", "/?sort=arrs&dir=desc", "/regions/Y60", "/icbs/QOC", "/pcns/U60057", "/pcns/U60057/staff",
		"/imports", "/gaps", "/gaps?level=icb", "/gaps/icbs/QOC", "/audit", "/admin/users", "/admin/users/new",
		"/admin/targets", "/pcns/U60057/funding", "/admin/caps", "/admin/caps/1", "/account/password", "/no-such-page",
	} {
		visit(t, ctx, st.url, p, fmt.Sprintf("admin-%02d", i))
	}
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
