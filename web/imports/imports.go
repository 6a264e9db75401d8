// Package imports renders the import log and the upload forms: every NWRS file
// loaded, when, by whom, for which census month and what it changed.
package imports

import (
	"strconv"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"
)

// Page is the view model of /imports.
type Page struct {
	Layout layout.PageParams
	Logs   []Log
	// CanImport shows the NWRS and populations upload forms (ICB leads, admins);
	// CanPlan the plan upload form (PCN managers, ICB leads, admins). National says the
	// user's NWRS upload is a national import (an admin's), not an ICB lead's correction.
	CanImport bool
	CanPlan   bool
	National  bool
	// Success is the message of the import just made; Errors the failure of one that
	// was refused (Field is the form field: nwrs, populations or plans).
	Success string
	Error   string
	Field   string
	// Rows, when a plan file was refused for several wrong rows, are each of them
	// (Error then says how many), listed in the error summary; More says how many were
	// not listed ("" when none).
	Rows []string
	More string
}

// Log is one import.
type Log struct {
	ID                        int64
	At                        time.Time
	FileName, By              string
	Census                    time.Time
	Rows                      int
	FTE, ARRSFTE              float64
	Started, Ended, Unchanged int
	PCNsCreated               int
}

func (p Page) table() ui.TableParams {
	rows := make([]ui.TableRow, 0, len(p.Logs))
	for _, l := range p.Logs {
		rows = append(rows, ui.TableRow{TestID: "import-" + strconv.FormatInt(l.ID, 10), Cells: []ui.TableCell{
			{Text: workforce.InEngland(l.At).Format("2 Jan 2006 15:04")}, {Text: l.FileName}, {Text: l.Census.Format("Jan 2006")},
			{Text: ui.Count(l.Rows)}, {Text: ui.FTE(l.FTE)}, {Text: ui.FTE(l.ARRSFTE)},
			{Text: ui.Count(l.Started)}, {Text: ui.Count(l.Ended)}, {Text: ui.Count(l.Unchanged)}, {Text: ui.Count(l.PCNsCreated)}, {Text: l.By},
		}})
	}
	return ui.TableParams{
		Caption: "NWRS imports, newest first", Compact: true,
		Head: []ui.TableHeader{
			{Text: "Imported (UTC)"}, {Text: "File"}, {Text: "Census month"}, {Text: "Rows", Numeric: true},
			{Text: "FTE", Numeric: true}, {Text: "ARRS FTE", Numeric: true}, {Text: "Records started", Numeric: true},
			{Text: "Records ended", Numeric: true}, {Text: "Unchanged", Numeric: true}, {Text: "PCNs added", Numeric: true}, {Text: "By"},
		},
		Rows: rows,
	}
}

func (p Page) errors() ui.ErrorSummaryParams {
	if p.Error == "" {
		return ui.ErrorSummaryParams{}
	}
	if len(p.Rows) > 0 {
		return p.rowErrors()
	}
	return ui.ErrorSummaryParams{Title: "The file was not imported", Description: "Nothing was changed. Correct the file and upload it again.",
		Errors: []ui.ErrorSummaryItem{{Text: p.Error, Href: "#" + p.Field}}}
}

// rowErrors lists every wrong row of a refused file, each linking to its upload field.
func (p Page) rowErrors() ui.ErrorSummaryParams {
	items := make([]ui.ErrorSummaryItem, 0, len(p.Rows)+1)
	for _, r := range p.Rows {
		items = append(items, ui.ErrorSummaryItem{Text: r, Href: "#" + p.Field})
	}
	if p.More != "" {
		items = append(items, ui.ErrorSummaryItem{Text: p.More})
	}
	return ui.ErrorSummaryParams{Title: "The file was not imported", Description: p.Error + " Nothing was changed: correct them all, then upload the file again.",
		Errors: items}
}

// nwrsHint says what an NWRS upload does for this user: an admin's is national, an
// ICB lead's corrects only the PCNs it carries (docs/planning-choices.md).
func (p Page) nwrsHint() string {
	const file = "The CSV inside NHS England's PCNWFIndividualCSV zip, or a .gz of it. "
	if p.National {
		return file + "A national import: it reconciles every PCN, and people missing from it leave on its census date."
	}
	return file + "Your upload corrects the latest national census month for the PCNs the file carries, which must be in your ICBs: " +
		"in those PCNs, people missing from the file leave on the census date; PCNs not in the file keep their records."
}

// fieldError is the message beside one upload field.
func (p Page) fieldError(field string) string {
	if p.Field == field {
		return p.Error
	}
	return ""
}
