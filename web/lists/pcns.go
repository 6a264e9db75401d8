// Package lists renders the lists of organisations: every PCN of England today (or of
// one ICB), and every ICB, today's and dissolved ones.
package lists

import (
	"net/url"
	"time"

	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"
)

// ParamICB is the query parameter that narrows the PCN list to one ICB.
const ParamICB = "icb"

// PCNsPage is the view model of /pcns.
type PCNsPage struct {
	Layout layout.PageParams
	Today  time.Time
	// ICBName is the ICB the list is narrowed to; empty for all England.
	ICBCode, ICBName string
	// ICBs are today's ICBs, offered by the filter.
	ICBs []Option
	// Rows are the PCNs shown, in their order: by ICB, then by name; PageRows (the
	// page asked for, PCNsPerPage of them) leaves those of Pages, and Total counts
	// them all.
	Rows  []PCNRow
	Pages ui.Pages
	Total int
}

// PCNsPerPage is how many PCNs a page of the list shows (England has some 1,300).
const PCNsPerPage = 100

// PageRows keeps the rows of the page q asks for (?page=; a page past the last is the
// last, anything but a whole number refused in a sentence), its links keeping the ICB.
func (p *PCNsPage) PageRows(q url.Values) (err error) {
	keep := url.Values{}
	if p.ICBCode != "" {
		keep.Set(ParamICB, p.ICBCode)
	}
	p.Total, p.Pages = len(p.Rows), ui.Pages{Size: PCNsPerPage, Path: "/pcns", Query: keep, Anchor: "pcns"}
	if p.Pages.Page, err = p.Pages.Read(q, p.Total); err != nil {
		return err
	}
	p.Rows = ui.Slice(p.Rows, p.Pages)
	return nil
}

// Option is one choice of a filter.
type Option struct{ Value, Text string }

// PCNRow is one PCN with its ICB and list.
type PCNRow struct {
	Code, Name, ICBCode, ICBName string
	// Patients is the registered list; 0 when unknown, shown as "no data".
	Patients int
}

// where is the place the list covers, for the heading and the caption.
func (p PCNsPage) where() string {
	if p.ICBName != "" {
		return p.ICBName
	}
	return "England"
}

// filter is the choice of ICB, keeping the one shown.
func (p PCNsPage) filter() ui.SelectParams {
	items := []ui.SelectItem{{Value: "", Text: "All of England"}}
	for _, o := range p.ICBs {
		items = append(items, ui.SelectItem{Value: o.Value, Text: o.Text})
	}
	return ui.SelectParams{ID: ParamICB, Name: ParamICB, Label: ui.LabelParams{Text: "ICB", Size: ui.SizeS}, Items: items, Value: p.ICBCode}
}

// table lists the PCNs; at 375 px it scrolls inside its own box (ui.WideTable). The
// list of one ICB leaves out the ICB column, the same on every row.
func (p PCNsPage) table() ui.TableParams {
	withICB := p.ICBCode == ""
	head := []ui.TableHeader{{Text: "PCN"}, {Text: "Code"}}
	if withICB {
		head = append(head, ui.TableHeader{Text: "ICB"})
	}
	head = append(head, ui.TableHeader{Text: "Registered patients", Numeric: true})
	rows := make([]ui.TableRow, 0, len(p.Rows))
	for _, r := range p.Rows {
		cells := []ui.TableCell{{Text: r.Name, Href: "/pcns/" + r.Code}, {Text: r.Code}}
		if withICB {
			cells = append(cells, ui.TableCell{Text: r.ICBName, Href: "/icbs/" + r.ICBCode})
		}
		cells = append(cells, ui.TableCell{Text: patientsText(r.Patients), Numeric: true})
		rows = append(rows, ui.TableRow{TestID: "pcn-" + r.Code, Cells: cells})
	}
	return ui.TableParams{
		Caption:     ui.Plural(max(p.Total, len(p.Rows)), "PCN", "PCNs") + " in " + p.where() + " on " + p.Today.Format("2 January 2006"),
		CaptionSize: ui.SizeS, Compact: true, FirstCellIsHeader: true, ID: "pcns", Head: head, Rows: rows,
	}
}

// patientsText is a list size, or "no data" when none is known (never 0).
func patientsText(n int) string {
	if n == 0 {
		return ui.NoData
	}
	return ui.Count(n)
}
