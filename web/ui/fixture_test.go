package ui

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/a-h/templ"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The NHS.UK frontend ships, per component, a fixtures.json of the HTML each example
// renders. These helpers load one fixture, render our port with equivalent params and
// compare the two after normalising away formatting that browsers ignore.

type fixtureFile struct {
	Component string    `json:"component"`
	Fixtures  []fixture `json:"fixtures"`
}

type fixture struct {
	Name string `json:"name"`
	HTML string `json:"html"`
}

// fixtureHTML returns the HTML of the nth (from 0) fixture called name in the
// component's fixtures.json; several fixtures share a name and differ in options.
func fixtureHTML(t *testing.T, component, name string, nth int) string {
	t.Helper()
	path := filepath.Join(frontendDir(t), "dist", "nhsuk", "components", component, "fixtures.json")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read fixtures: %v", err)
	}
	var file fixtureFile
	if err := json.Unmarshal(data, &file); err != nil {
		t.Fatalf("parse %s: %v", path, err)
	}
	seen := 0
	for _, f := range file.Fixtures {
		if f.Name != name {
			continue
		}
		if seen == nth {
			return f.HTML
		}
		seen++
	}
	t.Fatalf("%s has no fixture %q #%d", component, name, nth)
	return ""
}

// frontendDir finds node_modules/nhsuk-frontend beside the module's go.mod, skipping
// the test when it is not installed (`make test` always installs it first).
func frontendDir(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found above the test directory")
		}
		dir = parent
	}
	fe := filepath.Join(dir, "node_modules", "nhsuk-frontend")
	if _, err := os.Stat(fe); err != nil {
		t.Skipf("NHS.UK frontend fixtures not installed at %s: run `make test` (or npm ci) to compare markup with them", fe)
	}
	return fe
}

// render renders c to a string.
func render(t *testing.T, c templ.Component) string {
	t.Helper()
	var b strings.Builder
	if err := c.Render(context.Background(), &b); err != nil {
		t.Fatalf("render: %v", err)
	}
	return b.String()
}

// renderWith renders c with children, as `@c { children }` would.
func renderWith(t *testing.T, c, children templ.Component) string {
	t.Helper()
	return render(t, templ.ComponentFunc(func(ctx context.Context, w io.Writer) error {
		return c.Render(templ.WithChildren(ctx, children), w)
	}))
}

// assertFixture compares our rendering with the named fixture.
func assertFixture(t *testing.T, component, name string, nth int, got string) {
	t.Helper()
	want := normaliseHTML(t, fixtureHTML(t, component, name, nth))
	have := normaliseHTML(t, got)
	if want != have {
		t.Errorf("%s fixture %q #%d differs from our port\n%s", component, name, nth, lineDiff(want, have))
	}
}

// normaliseHTML parses a fragment and prints it one node per line, with attributes
// sorted, class lists tidied and whitespace reduced to what a browser would render.
func normaliseHTML(t *testing.T, s string) string {
	t.Helper()
	body := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := html.ParseFragment(strings.NewReader(s), body)
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	// ParseFragment returns detached nodes: reattach them so siblings are visible.
	for _, n := range nodes {
		body.AppendChild(n)
	}
	texts := collapseWhitespace(body)
	var b strings.Builder
	for n := body.FirstChild; n != nil; n = n.NextSibling {
		writeNode(&b, n, 0, texts)
	}
	return b.String()
}

func writeNode(b *strings.Builder, n *html.Node, depth int, texts map[*html.Node]string) {
	indent := strings.Repeat("  ", depth)
	switch n.Type {
	case html.TextNode:
		if text := texts[n]; text != "" {
			fmt.Fprintf(b, "%s%q\n", indent, text)
		}
	case html.ElementNode:
		fmt.Fprintf(b, "%s<%s%s>\n", indent, n.Data, normaliseAttrs(n.Attr))
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			writeNode(b, c, depth+1, texts)
		}
	case html.DocumentNode:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			writeNode(b, c, depth, texts)
		}
	case html.DoctypeNode:
		fmt.Fprintf(b, "%s<!DOCTYPE %s>\n", indent, n.Data)
	}
}

func normaliseAttrs(attrs []html.Attribute) string {
	var out []string
	for _, a := range attrs {
		v := a.Val
		if a.Key == "class" {
			v = strings.Join(strings.Fields(v), " ")
			if v == "" {
				continue
			}
		}
		out = append(out, fmt.Sprintf(" %s=%q", a.Key, v))
	}
	slices.Sort(out)
	return strings.Join(out, "")
}

// collapseWhitespace mimics CSS white-space collapsing: within a run of inline
// content a whitespace sequence becomes one space, a space following another space
// is dropped, and spaces at the start or end of a block are dropped. It returns the
// rendered text of every text node, so two fragments compare equal exactly when a
// browser shows their text the same way (modulo which node holds a space).
func collapseWhitespace(root *html.Node) map[*html.Node]string {
	texts := map[*html.Node]string{}
	var lastText *html.Node // the text node that would hold a trailing space
	afterSpace := true      // at the start of a block, or just after a space
	endBlock := func() {
		if lastText != nil {
			texts[lastText] = strings.TrimRight(texts[lastText], " ")
		}
		lastText, afterSpace = nil, true
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			if n.Parent != nil && (n.Parent.Data == "script" || n.Parent.Data == "style") {
				texts[n] = strings.TrimSpace(n.Data)
				return
			}
			t := strings.Join(strings.Fields(n.Data), " ")
			if t != "" && isSpace(n.Data[0]) {
				t = " " + t
			}
			if t != "" && isSpace(n.Data[len(n.Data)-1]) && t != " " {
				t += " "
			}
			if t == "" && n.Data != "" {
				t = " "
			}
			if afterSpace {
				t = strings.TrimLeft(t, " ")
			}
			texts[n] = t
			if t != "" {
				lastText, afterSpace = n, strings.HasSuffix(t, " ")
			}
		case n.Type == html.ElementNode && inlineTags[n.Data]:
			if n.Data == "svg" || n.Data == "img" || n.Data == "br" {
				afterSpace, lastText = n.Data == "br", nil
				if n.Data == "svg" {
					for c := n.FirstChild; c != nil; c = c.NextSibling {
						walkDetached(c, texts)
					}
				}
				return
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		default:
			endBlock()
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
			endBlock()
		}
	}
	walk(root)
	return texts
}

// walkDetached normalises text inside an element that is one opaque box inline,
// such as an <svg>: its text is trimmed and collapsed on its own.
func walkDetached(n *html.Node, texts map[*html.Node]string) {
	if n.Type == html.TextNode {
		texts[n] = strings.Join(strings.Fields(n.Data), " ")
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walkDetached(c, texts)
	}
}

func isSpace(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f'
}

// inlineTags are the elements the NHS.UK components lay out inline, so whitespace
// beside them shows. Form controls are left out: the frontend's CSS lays them out as
// blocks (or positions them absolutely), so whitespace beside them never shows.
var inlineTags = map[string]bool{
	"a": true, "abbr": true, "b": true, "br": true, "code": true, "em": true, "i": true,
	"img": true, "small": true, "span": true, "strong": true, "svg": true,
}

// lineDiff shows both normalised forms from a few lines before the first difference.
func lineDiff(want, have string) string {
	w, h := strings.Split(want, "\n"), strings.Split(have, "\n")
	i := 0
	for i < len(w) && i < len(h) && w[i] == h[i] {
		i++
	}
	from := max(0, i-3)
	show := func(lines []string) string {
		return strings.Join(lines[from:min(len(lines), i+12)], "\n")
	}
	return fmt.Sprintf("first difference at line %d\n--- NHS fixture:\n%s\n--- our port:\n%s", i+1, show(w), show(h))
}

func TestNormaliseHTML(t *testing.T) {
	tests := []struct{ a, b string }{
		{`<a class=" x  y" href="#">` + "\n  Back\n</a>", `<a href="#" class="x y">Back</a>`},
		{"<a href=\"#\">\n  <span>Back to </span>Hospitals\n</a>", `<a href="#"><span>Back to </span>Hospitals</a>`},
		{"<li>\n  <svg></svg>\n  Florence\n</li>", `<li><svg></svg> Florence</li>`},
		{"<p>a <strong> b</strong></p>", "<p>a <strong>b</strong></p>"},
		{`<input disabled="">`, `<input disabled>`},
	}
	for _, tt := range tests {
		if a, b := normaliseHTML(t, tt.a), normaliseHTML(t, tt.b); a != b {
			t.Errorf("normalise(%q) = %q, normalise(%q) = %q", tt.a, a, tt.b, b)
		}
	}
	different := []struct{ a, b string }{
		{`<span>Back to </span>Hospitals`, `<span>Back to</span>Hospitals`},
		{`<li><svg></svg> Florence</li>`, `<li><svg></svg>Florence</li>`},
		{`<p class="a b">x</p>`, `<p class="b a">x</p>`},
	}
	for _, tt := range different {
		if normaliseHTML(t, tt.a) == normaliseHTML(t, tt.b) {
			t.Errorf("normalise(%q) should differ from normalise(%q)", tt.a, tt.b)
		}
	}
}
