package lists

import (
	"time"

	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"
)

// ICBsPage is the view model of /icbs: today's ICBs, the dissolved ones (whose pages
// keep their history) and any not formed yet.
type ICBsPage struct {
	Layout    layout.PageParams
	Today     time.Time
	Current   []ICBRow
	Dissolved []ICBRow
	Future    []ICBRow
}

// ICBRow is one ICB with its region.
type ICBRow struct {
	Code, Name, RegionCode, RegionName string
	// PCNs is how many PCNs it has today (today's ICBs only).
	PCNs int
	// Opened is the day a future ICB is formed; Closed the day a dissolved one was
	// dissolved.
	Opened, Closed time.Time
	// Successors are the ICBs a dissolved one's footprint went to.
	Successors []Link
}

// Link is a named link.
type Link struct{ Text, Href string }

const dateLong = "2 January 2006"

// currentTable lists today's ICBs, each with its PCNs linked to their list.
func (p ICBsPage) currentTable() ui.TableParams {
	rows := make([]ui.TableRow, 0, len(p.Current))
	for _, r := range p.Current {
		rows = append(rows, ui.TableRow{TestID: "icb-" + r.Code, Cells: []ui.TableCell{
			{Text: r.Name, Href: "/icbs/" + r.Code}, {Text: r.Code}, {Text: r.RegionName, Href: "/regions/" + r.RegionCode},
			{Text: ui.Count(r.PCNs), Href: "/pcns?" + ParamICB + "=" + r.Code, VisuallyHiddenText: "PCNs in " + r.Name, Numeric: true},
		}})
	}
	return ui.TableParams{
		Caption:     ui.Plural(len(p.Current), "ICB", "ICBs") + " on " + p.Today.Format(dateLong),
		CaptionSize: ui.SizeS, Compact: true, FirstCellIsHeader: true, ID: "icbs",
		Head: []ui.TableHeader{{Text: "ICB"}, {Text: "Code"}, {Text: "Region"}, {Text: "PCNs", Numeric: true}},
		Rows: rows,
	}
}

// dissolvedTable lists the dissolved ICBs with their last day and successors.
func (p ICBsPage) dissolvedTable() ui.TableParams {
	rows := make([]ui.TableRow, 0, len(p.Dissolved))
	for _, r := range p.Dissolved {
		rows = append(rows, ui.TableRow{TestID: "dissolved-" + r.Code, Cells: []ui.TableCell{
			{Text: r.Name, Href: "/icbs/" + r.Code}, {Text: r.Code},
			{Text: r.Closed.AddDate(0, 0, -1).Format(dateLong)}, {Content: linkList(r.Successors)},
		}})
	}
	return ui.TableParams{
		Caption: "Each dissolved ICB, its last day and the ICBs that took its networks", CaptionSize: ui.SizeS, Compact: true, FirstCellIsHeader: true, ID: "dissolved",
		Head: []ui.TableHeader{{Text: "ICB"}, {Text: "Code"}, {Text: "Last day"}, {Text: "Its footprint went to"}},
		Rows: rows,
	}
}

// futureTable lists ICBs formed after today.
func (p ICBsPage) futureTable() ui.TableParams {
	rows := make([]ui.TableRow, 0, len(p.Future))
	for _, r := range p.Future {
		rows = append(rows, ui.TableRow{TestID: "future-" + r.Code, Cells: []ui.TableCell{
			{Text: r.Name, Href: "/icbs/" + r.Code}, {Text: r.Code}, {Text: r.RegionName}, {Text: r.Opened.Format(dateLong)},
		}})
	}
	return ui.TableParams{
		Caption: "Each ICB to be formed and the day it is formed", CaptionSize: ui.SizeS, Compact: true, FirstCellIsHeader: true, ID: "future",
		Head: []ui.TableHeader{{Text: "ICB"}, {Text: "Code"}, {Text: "Region"}, {Text: "Formed on"}},
		Rows: rows,
	}
}

// dissolvedText introduces the dissolved ICBs.
func (p ICBsPage) dissolvedText() string {
	return ui.Plural(len(p.Dissolved), "ICB no longer exists", "ICBs no longer exist") + ": each one's page shows its history up to its last day and links to the ICBs its networks went to."
}
