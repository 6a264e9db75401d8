package workforce

import "time"

// The rows of the plan editor's grid are a role on a funding stream (PLANNING.md,
// "Funding streams"): every ARRS role on the ARRS, as before the streams; then the GP on
// the practice GP scheme, always; then the roles on other money that the plan holds
// lines of, or every role when the person asks to see them all. A plan line is always
// in a role of the catalogue, on one stream.

// PracticeGPFrom is the first day of the practice-level GP reimbursement scheme
// (DOMAIN.md, "What changed by 2026/27"): a plan line on it may not start before. It
// must equal the first effective date of practice_gp_caps
// (internal/refdata/data/practice_gp_caps.csv), the rule the money follows
// (planning.PracticeGPCaps.InForce): the plan file and grid cannot read the caps table.
var PracticeGPFrom = Date(2026, time.April, 1)

// GridRow is one row of the grid: a role on a stream.
type GridRow struct {
	Role   Role
	Stream Stream
}

// Cell is the row's cell in quarter q.
func (r GridRow) Cell(q Quarter) PlanCell {
	return PlanCell{Role: r.Role.Code, Quarter: q, Stream: r.Stream}
}

// Name is the row as the grid heads it: the role's name on the ARRS, as before the
// streams; "GP — practice GP scheme" or "Paramedic — other money" on another stream.
func (r GridRow) Name() string { return rowName(r.Role.Code, r.Role.Name, r.Stream) }

// rowName names a role on a stream.
func rowName(code, name string, s Stream) string {
	switch {
	case s == StreamARRS || s == "":
		return name
	case s == StreamPracticeGP && code == PracticeGPRole:
		return "GP — practice GP scheme"
	}
	return name + " — " + lowerFirst(s.Label())
}

// Available reports whether the row's cell of quarter q can hold a line: not before
// the role joined ARRS, nor, on the practice GP scheme, before the scheme started.
func (r GridRow) Available(q Quarter) bool { return r.NotYet(q) == "" }

// NotYet says, in a few words for the grid's cell, why the row's cell of quarter q can
// hold no line; "" when it can.
func (r GridRow) NotYet(q Quarter) string {
	switch {
	case !RoleAvailable(r.Role, q.Start()):
		return "Not yet in ARRS"
	case r.Stream == StreamPracticeGP && q.Start().Before(PracticeGPFrom):
		return "Before the scheme (1 April 2026)"
	}
	return ""
}

// GridRows are the rows of the grid for a plan holding lines: every role on the ARRS,
// the GP on the practice GP scheme (when the catalogue holds the GP), then each role on
// other money that lines hold, or every role when allOther; roles in the catalogue's
// order.
func GridRows(roles []Role, lines []PlanLine, allOther bool) []GridRow {
	other := map[string]bool{}
	for _, l := range lines {
		if l.FundingStream() == StreamOther {
			other[l.RoleCode] = true
		}
	}
	rows := make([]GridRow, 0, len(roles)+1)
	for _, r := range roles {
		rows = append(rows, GridRow{r, StreamARRS})
	}
	for _, r := range roles {
		if r.Code == PracticeGPRole {
			rows = append(rows, GridRow{r, StreamPracticeGP})
		}
	}
	for _, r := range roles {
		if allOther || other[r.Code] {
			rows = append(rows, GridRow{r, StreamOther})
		}
	}
	return rows
}

// PostedRows are the rows a posted grid carries: those of GridRows for the plan it
// was opened on (old) and, on other money, any role whose field of a quarter of w was
// posted (has), so that a row shown after a refused save is read even when the plan
// holds no line of it yet.
func PostedRows(roles []Role, old []PlanLine, allOther bool, has func(field string) bool, w PlanWindow) []GridRow {
	rows := GridRows(roles, old, allOther)
	if allOther {
		return rows
	}
	shown := map[PlanCell]bool{}
	for _, r := range rows {
		shown[r.Cell(Quarter{})] = true
	}
	for _, r := range roles {
		row := GridRow{r, StreamOther}
		if !shown[row.Cell(Quarter{})] && row.posted(has, w) {
			rows = append(rows, row)
		}
	}
	return rows
}

// posted reports whether any field of the row in a quarter of w was posted.
func (r GridRow) posted(has func(field string) bool, w PlanWindow) bool {
	for _, q := range w {
		k := r.Cell(q)
		if has(k.Field(CellStarters)) || has(k.Field(CellLeavers)) || has(k.Field(CellCost)) {
			return true
		}
	}
	return false
}

// HasRow reports whether rows hold the row of the cell's role and stream.
func HasRow(rows []GridRow, k PlanCell) bool {
	for _, r := range rows {
		if r.Role.Code == k.Role && r.Stream == k.FundingStream() {
			return true
		}
	}
	return false
}

// lowerFirst is a label inside a sentence or heading: "other money".
func lowerFirst(s string) string {
	if s == "" || s[0] < 'A' || s[0] > 'Z' {
		return s
	}
	return string(s[0]+('a'-'A')) + s[1:]
}
