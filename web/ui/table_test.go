package ui

import (
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

func TestTableFixtures(t *testing.T) {
	t.Run("default", func(t *testing.T) {
		assertFixture(t, "tables", "default", 0, render(t, Table(TableParams{
			Caption: "Impetigo can look similar to other skin conditions", CaptionSize: SizeM,
			FirstCellIsHeader: true,
			Head:              []TableHeader{{Text: "Skin symptoms"}, {Text: "Possible cause"}},
			Rows: []TableRow{
				textRow("Blisters on lips or around the mouth", "Cold sores"),
				textRow("Itchy, dry, cracked, sore", "Eczema"),
				textRow("Itchy blisters", "Shingles, chickenpox"),
			},
		})))
	})
	t.Run("with numeric format", func(t *testing.T) {
		nowrap := func(s string) TableCell { return TableCell{Text: s, Classes: "nhsuk-u-nowrap"} }
		assertFixture(t, "tables", "with numeric format", 0, render(t, Table(TableParams{
			Caption: "Prescription prepayment certificate (PPC) charges", CaptionSize: SizeM,
			FirstCellIsHeader: true,
			Head:              []TableHeader{{Text: "Item"}, {Text: "Current charge", Numeric: true}, {Text: "New charge", Numeric: true}},
			Rows: []TableRow{
				{Cells: []TableCell{nowrap("3-month"), {Text: "£31.25"}, {Text: "£32.05"}}},
				{Cells: []TableCell{nowrap("12-month"), {Text: "£111.60"}, {Text: "£114.50"}}},
				textRow("HRT", "£19.30", "£19.80"),
			},
		})))
	})
	t.Run("sortable", func(t *testing.T) {
		assertFixture(t, "tables", "sortable", 0, render(t, Table(TableParams{
			Caption: "Appointments", FirstCellIsHeader: true,
			Head: []TableHeader{
				{Text: "Time", Sort: SortAscending}, {Text: "Name", Sort: SortNone},
				{Text: "Date of birth", Classes: "nhsuk-u-nowrap"},
			},
			Rows: []TableRow{
				textRow("11:00", "Laura Stone", "4 January 1986"),
				textRow("11:30", "Emma Katie-Brown", "7 February 1976"),
				textRow("13:10", "David Chen", "19 March 1981"),
				textRow("13:40", "Michael Thompson", "6 December 1964"),
				textRow("14:20", "Juan Martinez", "18 April 1975"),
			},
		})))
	})
	t.Run("sortable server-side", func(t *testing.T) {
		var rows []TableRow
		for _, r := range [][2]string{
			{"Zadie Munroe", "7 May 2026"}, {"Yolanda Pierce", "13 May 2026"}, {"Xanthe Beaumont", "19 May 2026"},
			{"Wendell Shaw", "25 May 2026"}, {"Val Cruz", "1 June 2026"}, {"Uta Brennan", "7 June 2026"},
			{"Tamsin Foley-Whitworth", "14 June 2026"}, {"Stellan Park", "20 June 2026"}, {"Ro Nkosi", "28 June 2026"},
			{"Reuben Tate", "1 May 2026"},
		} {
			rows = append(rows, TableRow{Cells: []TableCell{{Text: r[0]}, {Text: r[1]},
				{Text: "Change", Href: "#", VisuallyHiddenText: "details for " + r[0]}}})
		}
		got := render(t, Table(TableParams{
			Caption: "Appointments", FirstCellIsHeader: true,
			Head: []TableHeader{
				{Text: "Name", Href: "#", Sort: SortDescending, Width: "one-half"},
				{Text: "Last log in", Href: "#", Sort: SortNone, Align: "right", Width: "one-third", Classes: "nhsuk-u-nowrap"},
				{VisuallyHiddenText: "Action"},
			},
			Rows: rows,
		}))
		assertFixture(t, "tables", "sortable server-side", 0, got)
	})
}

func textRow(texts ...string) TableRow {
	var row TableRow
	for _, s := range texts {
		row.Cells = append(row.Cells, TableCell{Text: s})
	}
	return row
}

func TestTableRowTestID(t *testing.T) {
	html := render(t, Table(TableParams{Rows: []TableRow{{TestID: "role-pharmacist", Cells: []TableCell{{Text: "Pharmacist"}}}}}))
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(html))
	if err != nil {
		t.Fatal(err)
	}
	if got := doc.Find(`tr[data-testid="role-pharmacist"] td`).Text(); got != "Pharmacist" {
		t.Errorf("row by test id has text %q, want Pharmacist", got)
	}
}
