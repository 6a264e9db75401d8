package report

import (
	"io"
	"sort"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// WorkforceRow is one line of the workforce report: an area's FTE in one role, where
// role is an ARRS role code, workforce.NonARRS or workforce.AllRoles.
type WorkforceRow struct {
	Level workforce.Level
	Code  string
	Name  string
	Role  string
	FTE   float64
}

// WorkforceRows lists, for every area of a level, the FTE of each ARRS role with staff,
// then non_arrs and all; sorted by area code then role code (PLANNING.md).
func WorkforceRows(areas []workforce.AreaFTE) []WorkforceRow {
	var rows []WorkforceRow
	for _, a := range areas {
		add := func(role string, fte float64) {
			rows = append(rows, WorkforceRow{Level: a.Level, Code: a.Code, Name: a.Name, Role: role, FTE: fte})
		}
		for role, fte := range a.ByRole {
			if fte != 0 {
				add(role, fte)
			}
		}
		add(workforce.NonARRS, a.NonARRS)
		add(workforce.AllRoles, a.All())
	}
	sort.Slice(rows, func(i, j int) bool {
		if rows[i].Code != rows[j].Code {
			return rows[i].Code < rows[j].Code
		}
		return rows[i].Role < rows[j].Role
	})
	return rows
}

var workforceColumns = []column[WorkforceRow]{
	{"level", str(func(r WorkforceRow) string { return string(r.Level) }), func(r WorkforceRow) any { return r.Level }},
	{"code", str(func(r WorkforceRow) string { return r.Code }), func(r WorkforceRow) any { return r.Code }},
	{"name", str(func(r WorkforceRow) string { return r.Name }), func(r WorkforceRow) any { return r.Name }},
	{"role_code", str(func(r WorkforceRow) string { return r.Role }), func(r WorkforceRow) any { return r.Role }},
	{"fte", func(r WorkforceRow, p int) string { return workforce.FormatFTE(r.FTE, p) }, func(r WorkforceRow) any { return workforce.Round(r.FTE, 6) }},
}

// WriteWorkforce writes the workforce report: level,code,name,role_code,fte.
func WriteWorkforce(w io.Writer, f Format, rows []WorkforceRow) error {
	return write(w, f, workforceColumns, rows)
}
