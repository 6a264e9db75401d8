package server

import (
	"github.com/arrs-planner/arrs/internal/supply"

	supplyweb "github.com/arrs-planner/arrs/web/supply"
)

// supplyPrefill is the form a lead opens for a year: empty (the stored figures) when
// the year has a record, else pre-filled from the latest earlier year's
// (supply.Prefill) and labelled so. Nothing is saved until the lead saves.
func supplyPrefill(sc supplyScope) supplyweb.Form {
	from, rows, ok := supply.Prefill(sc.all, sc.fy)
	if !ok {
		return supplyweb.Form{}
	}
	return supplyweb.Form{Rows: supplyweb.StoredRows(sc.roles, rows), PrefilledFrom: from.String()}
}
