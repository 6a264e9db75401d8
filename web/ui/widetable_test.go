package ui

import (
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

// A wide table sits in a named, focusable region that scrolls sideways (app.css), so a
// narrow screen scrolls the table and not the page.
func TestWideTable(t *testing.T) {
	html := render(t, WideTable(WideTableParams{Label: "Member practices", TestID: "wide",
		Table: TableParams{ID: "practices", Head: []TableHeader{{Text: "Code"}}, Rows: []TableRow{{Cells: []TableCell{{Text: "A81001"}}}}}}))
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(html))
	if err != nil {
		t.Fatal(err)
	}
	box := doc.Find(`[data-testid="wide"]`)
	if !box.HasClass("app-wide-table") || box.AttrOr("role", "") != "region" || box.AttrOr("tabindex", "") != "0" || box.AttrOr("aria-label", "") != "Member practices" {
		t.Errorf("the box: %s", html)
	}
	if box.Find("table#practices").Length() != 1 {
		t.Errorf("the table is not inside the box: %s", html)
	}
}
