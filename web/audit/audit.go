// Package audit renders the audit trail: who changed what and when, with the record
// before and after, filterable by PCN and by user.
package audit

import (
	"time"

	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"
)

// Page is the view model of /audit.
type Page struct {
	Layout  layout.PageParams
	PCN     string
	Actor   string
	Scope   string // "All ICBs" or the ICBs an ICB lead sees
	Entries []Entry
}

// Entry is one change.
type Entry struct {
	ID            int64
	At            time.Time
	Actor         string
	Action        string
	Entity        string
	PCN           string
	Before, After string
}

func (p Page) table() ui.TableParams {
	rows := make([]ui.TableRow, 0, len(p.Entries))
	for _, e := range p.Entries {
		rows = append(rows, ui.TableRow{TestID: "audit-row", Cells: []ui.TableCell{
			{Text: e.At.UTC().Format("2 Jan 2006 15:04:05")}, {Text: e.Actor}, {Text: e.Action},
			{Text: e.Entity}, {Text: e.PCN}, {Text: orDash(e.Before)}, {Text: orDash(e.After)},
		}})
	}
	return ui.TableParams{
		Caption: "Changes, newest first", Compact: true,
		Head: []ui.TableHeader{{Text: "When (UTC)"}, {Text: "Who"}, {Text: "Action"}, {Text: "Record"}, {Text: "PCN"}, {Text: "Before"}, {Text: "After"}},
		Rows: rows,
	}
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
