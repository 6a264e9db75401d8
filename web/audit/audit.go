// Package audit renders the audit trail: who changed what and when, each change as
// "field: old → new" lines (Changes) with the record's JSON before and after folded
// beneath, filterable by PCN and by user.
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
	// Changes are Before and After read for people (Changes); the raw JSON stays on
	// the page, folded away, for analysts.
	Changes []Change
}

func (p Page) table() ui.WideTableParams {
	rows := make([]ui.TableRow, 0, len(p.Entries))
	for _, e := range p.Entries {
		rows = append(rows, ui.TableRow{TestID: "audit-row", Cells: []ui.TableCell{
			{Text: e.At.UTC().Format("2 Jan 2006 15:04:05")}, {Text: e.Actor}, {Text: e.Action},
			{Text: e.Entity}, {Text: orDash(e.PCN)}, {Content: changes(e)},
		}})
	}
	return ui.WideTableParams{TestID: "audit-table", Dense: true, Table: ui.TableParams{
		Caption: "Changes, newest first", Compact: true,
		Head: []ui.TableHeader{{Text: "When (UTC)"}, {Text: "Who"}, {Text: "Action"}, {Text: "Record"}, {Text: "PCN"}, {Text: "What changed"}},
		Rows: rows,
	}}
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
