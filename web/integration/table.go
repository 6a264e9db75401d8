package integration

import (
	"strconv"

	"github.com/arrs-planner/arrs/web/ui"
)

// FilterHref is the page keeping only the people with warnings, or everyone.
func (p Page) FilterHref(only bool) string {
	if only {
		return Href(p.PCNCode) + "?" + OnlyWarningsParam + "=1"
	}
	return Href(p.PCNCode)
}

// WithWarnings counts the people with at least one warning.
func WithWarnings(rows []Row) int {
	n := 0
	for _, r := range rows {
		if len(r.Warnings) > 0 {
			n++
		}
	}
	return n
}

func (p Page) summaryList() ui.SummaryListParams {
	l := ui.SummaryListParams{ID: "integration-summary", Rows: []ui.SummaryListRow{
		{Key: "ARRS staff in post", Content: figure(strconv.Itoa(p.Summary.ARRSStaff), "count-arrs_staff"), TestID: "summary-arrs_staff"}}}
	for _, it := range p.Summary.Items {
		l.Rows = append(l.Rows, ui.SummaryListRow{Key: it.Label, Content: countOf(it), TestID: "summary-" + string(it.Warning)})
	}
	return l
}

func (p Page) table() ui.TableParams {
	return p.tableOf("ARRS staff in post and their integration", p.People)
}

// laterTable is the table of the records starting after the as-of date.
func (p Page) laterTable() ui.TableParams {
	return p.tableOf("ARRS staff starting after "+p.AsOf.Format(dateLong)+" and their integration", p.Later)
}

// tableOf is a table of people with their checklist, and an Update link for those
// who may change the records.
func (p Page) tableOf(caption string, rows []Row) ui.TableParams {
	t := ui.TableParams{Caption: caption, CaptionSize: ui.SizeM, FirstCellIsHeader: true,
		Head: []ui.TableHeader{{Text: "Role"}, {Text: "Based at"}, {Text: "Induction and records access"}, {Text: "Admin support"},
			{Text: "Clinical supervisor"}, {Text: "Appraisal"}, {Text: "Development step"}, {Text: "Service"}, {Text: "Warnings"}}}
	if p.CanChange {
		t.Head = append(t.Head, ui.TableHeader{Text: "Record", VisuallyHiddenText: "actions"})
	}
	for _, r := range rows {
		id := strconv.FormatInt(r.ID, 10)
		cells := []ui.TableCell{{Content: role(r)}, {Text: r.BasedAt}, {Content: firstDays(r)}, {Text: r.AdminSupport},
			{Content: supervisors(p.PCNCode, r)}, {Content: appraisal(r)}, {Text: r.Development}, {Text: r.Service},
			{Content: warningTags(r, "warnings-"+id)}}
		if p.CanChange {
			cells = append(cells, ui.TableCell{Content: updateLink(r)})
		}
		t.Rows = append(t.Rows, ui.TableRow{TestID: "person-" + id, Cells: cells})
	}
	return t
}
