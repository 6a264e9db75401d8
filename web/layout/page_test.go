package layout

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/a-h/templ"
	"github.com/arrs-planner/arrs/web/ui"
)

func TestBodyScriptCSPHash(t *testing.T) {
	sum := sha256.Sum256([]byte(BodyScript))
	if want := "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"; BodyScriptCSPHash != want {
		t.Errorf("BodyScriptCSPHash = %s, want %s", BodyScriptCSPHash, want)
	}
}

// TestBodyScriptIsTheNHSTemplates checks BodyScript against the installed NHS page
// template, so an upgrade that changes the snippet fails here, not in browsers.
func TestBodyScriptIsTheNHSTemplates(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(root, "node_modules", "nhsuk-frontend", "dist", "nhsuk", "template.njk")
	tmpl, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		t.Skipf("NHS.UK frontend not installed at %s: run `make test` (or npm ci) to check the script against it", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(tmpl), ">"+BodyScript+"</script>") {
		t.Errorf("template.njk no longer has the script %q: copy its new text and hash", BodyScript)
	}
}

func renderPage(t *testing.T, c templ.Component) (string, *goquery.Document) {
	t.Helper()
	var b strings.Builder
	if err := c.Render(context.Background(), &b); err != nil {
		t.Fatal(err)
	}
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	return b.String(), doc
}

func content(text string) templ.Component {
	return templ.Raw(`<h1 data-testid="content">` + text + `</h1>`)
}

func TestPage(t *testing.T) {
	html, doc := renderPage(t, Page(PageParams{
		Title: "Pharmacist", Nav: NavRoles, Path: "/roles/pharmacist", User: "Florence Nightingale",
		Breadcrumbs: []ui.BreadcrumbItem{{Text: "England", Href: "/"}, {Text: "Roles", Href: "/roles"}},
	}, content("Pharmacist")))

	if lang, _ := doc.Find("html").Attr("lang"); lang != "en-GB" {
		t.Errorf("lang = %q, want en-GB", lang)
	}
	if got := doc.Find("head > title").Text(); got != "Pharmacist – ARRS Planner" {
		t.Errorf("title = %q", got)
	}
	if doc.Find(`meta[name=viewport]`).Length() != 1 {
		t.Error("no viewport meta")
	}
	for _, href := range []string{frontendCSS, appCSS} {
		if doc.Find(`link[rel=stylesheet][href="`+href+`"]`).Length() != 1 {
			t.Errorf("no stylesheet %s", href)
		}
	}
	if doc.Find(`link[rel=icon][href="/static/nhsuk/assets/images/favicon.ico"]`).Length() != 1 {
		t.Error("no favicon")
	}
	if !strings.Contains(html, "<body><script>"+BodyScript+"</script>") {
		t.Error("the body does not open with the NHS script, byte for byte")
	}
	if first := doc.Find("body a, body button").First(); !first.HasClass("nhsuk-skip-link") {
		t.Errorf("first focusable element is %q, want the skip link", goquery.NodeName(first))
	}

	current := doc.Find(".nhsuk-header__navigation-item--current a")
	if current.Text() != "Roles" {
		t.Errorf("current nav item = %q, want Roles", current.Text())
	}
	if ac, _ := current.Attr("aria-current"); ac != "true" {
		t.Errorf("section link on a sub-page has aria-current=%q, want true", ac)
	}
	account := doc.Find(".nhsuk-header__account")
	if !strings.Contains(account.Text(), "Florence Nightingale") {
		t.Error("account area does not name the user")
	}
	form := account.Find("form")
	if action, _ := form.Attr("action"); action != SignOutPath {
		t.Errorf("sign-out form posts to %q, want %s", action, SignOutPath)
	}
	if method, _ := form.Attr("method"); method != "post" {
		t.Errorf("sign-out form method = %q, want post", method)
	}

	if got := doc.Find(".nhsuk-breadcrumb__link").Length(); got != 2 {
		t.Errorf("%d breadcrumb links, want 2", got)
	}
	main := doc.Find(".nhsuk-width-container > main#maincontent.nhsuk-main-wrapper")
	if main.Find(`[data-testid=content]`).Text() != "Pharmacist" {
		t.Error("content is not inside main#maincontent in the width container")
	}
	footer := doc.Find("footer.nhsuk-footer")
	for _, want := range []string{"Role guide", "Imports", "Accessibility", "Open Government Licence v3.0", "NHS England data"} {
		if !strings.Contains(footer.Text(), want) {
			t.Errorf("footer lacks %q", want)
		}
	}
}

// TestPageScripts checks what the Content-Security-Policy relies on: the only
// inline script is BodyScript; everything else is a module file.
func TestPageScripts(t *testing.T) {
	_, doc := renderPage(t, Page(PageParams{Title: "England"}, content("England")))
	var srcs []string
	doc.Find("script").Each(func(_ int, s *goquery.Selection) {
		src, hasSrc := s.Attr("src")
		if !hasSrc {
			if s.Text() != BodyScript {
				t.Errorf("unexpected inline script %q", s.Text())
			}
			return
		}
		if typ, _ := s.Attr("type"); typ != "module" {
			t.Errorf("script %s has type %q, want module", src, typ)
		}
		srcs = append(srcs, src)
	})
	if strings.Join(srcs, " ") != frontendJS+" "+appJS {
		t.Errorf("script files = %v, want the frontend then app.js", srcs)
	}
}

func TestPageVariants(t *testing.T) {
	t.Run("signed out", func(t *testing.T) {
		_, doc := renderPage(t, Page(PageParams{Title: "England", Nav: NavEngland, Path: "/"}, content("England")))
		if doc.Find(".nhsuk-header__account").Length() != 0 {
			t.Error("account area shown with no user")
		}
		if doc.Find(".nhsuk-breadcrumb").Length() != 0 {
			t.Error("breadcrumb shown without items")
		}
		if doc.Find(`.nhsuk-header__navigation-link[href="/"]`).Length() != 0 {
			t.Error("signed out, the header links to pages behind sign-in")
		}
		if doc.Find(`.nhsuk-header__navigation-link[href="/roles"]`).Length() != 1 {
			t.Error("signed out, the header must still link to the role guide")
		}
		if doc.Find("search, #search-field").Length() != 0 {
			t.Error("signed out, the header has a search box")
		}
	})
	t.Run("signed in", func(t *testing.T) {
		_, doc := renderPage(t, Page(PageParams{Title: "England", Nav: NavEngland, Path: "/", User: "Jo Bloggs"}, content("England")))
		if ac, _ := doc.Find(`.nhsuk-header__navigation-link[href="/"]`).Attr("aria-current"); ac != "page" {
			t.Errorf("link to the page itself has aria-current=%q, want page", ac)
		}
		if doc.Find("[aria-current]").Length() != 1 {
			t.Error("more than one navigation item is marked current")
		}
		// The search box: a GET form to /search sending q, named by its label.
		form := doc.Find("header search form")
		if form.AttrOr("action", "") != SearchPath || form.AttrOr("method", "") != "get" {
			t.Errorf("search form action=%q method=%q, want GET %s", form.AttrOr("action", ""), form.AttrOr("method", ""), SearchPath)
		}
		input := form.Find("input#search-field")
		if input.AttrOr("name", "") != "q" || strings.TrimSpace(form.Find(`label[for="search-field"]`).Text()) != SearchLabel {
			t.Errorf("search box name=%q, label %q", input.AttrOr("name", ""), form.Find("label").Text())
		}
	})
	t.Run("with errors", func(t *testing.T) {
		_, doc := renderPage(t, Page(PageParams{Title: "Add staff", HasErrors: true}, content("Add staff")))
		if got := doc.Find("head > title").Text(); got != "Error: Add staff – ARRS Planner" {
			t.Errorf("title = %q", got)
		}
	})
}

func TestErrorPage(t *testing.T) {
	tests := []struct {
		status          int
		title, message  string
		wantH1, wantTxt string
	}{
		{404, "", "", "Page not found", "check it was correct"},
		{500, "", "", "Sorry, there is a problem with the service", "Try again later."},
		{400, "", "The date must be in the format 2025-04-01.", "Sorry, there is a problem with your request", "2025-04-01"},
		{404, "Practice not found", "There is no PCN with the code U12345.", "Practice not found", "U12345"},
	}
	for _, tt := range tests {
		_, doc := renderPage(t, ErrorPage(tt.status, tt.title, tt.message))
		main := doc.Find("main#maincontent")
		if got := main.Find("h1").Text(); got != tt.wantH1 {
			t.Errorf("%d: h1 = %q, want %q", tt.status, got, tt.wantH1)
		}
		if got := doc.Find("head > title").Text(); got != tt.wantH1+" – ARRS Planner" {
			t.Errorf("%d: title = %q", tt.status, got)
		}
		if !strings.Contains(main.Text(), tt.wantTxt) {
			t.Errorf("%d: page lacks %q", tt.status, tt.wantTxt)
		}
	}
}
