package sheettest

import (
	"slices"
	"testing"
)

// An upload built here reads back with its values and types, so a server test that
// finds a number where it wants one is checking the server, not this package.
func TestBuildThenOpen(t *testing.T) {
	t.Parallel()
	u := NewUpload(t)
	u.Row(1, "name", "fte", nil, 45000.5)
	u.Cell("C3", "far")
	book := Open(t, u.Bytes())
	if got := book.Sheets(); !slices.Equal(got, []string{"Sheet1"}) {
		t.Fatalf("sheets %q", got)
	}
	rows := book.Rows("Sheet1")
	if len(rows) != 3 || !slices.Equal(rows[0], []string{"name", "fte", "", "45000.5"}) || len(rows[1]) != 0 || rows[2][2] != "far" {
		t.Errorf("rows %q", rows)
	}
	if !book.IsText("Sheet1", CellName(0, 0)) || book.IsNumber("Sheet1", "A1") {
		t.Error("A1 is not text")
	}
	if !book.IsNumber("Sheet1", CellName(3, 0)) || book.IsText("Sheet1", "D1") {
		t.Error("D1 is not a number")
	}
	if CellName(2, 2) != "C3" || book.Formula("Sheet1", "D1") != "" {
		t.Errorf("CellName(2, 2) = %s, formula %q", CellName(2, 2), book.Formula("Sheet1", "D1"))
	}
	if got := Build(t, [][]any{{"a", 1}}); !slices.Equal(Open(t, got).Rows("Sheet1")[0], []string{"a", "1"}) {
		t.Error("Build lost its row")
	}
}
