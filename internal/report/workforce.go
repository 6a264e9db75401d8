package report

import (
	"io"
	"sort"
	"time"

	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// Where a workforce row's FTE comes from: the source column extends PLANNING.md's
// columns (readers find columns by name), so England's row before the data start says
// it is NHS England's published series, not the sum of PCNs (PLANNING.md, "Known and
// unknown").
const (
	SourceRecords        = "staff_records"
	SourceNationalSeries = "national_series"
)

// WorkforceRow is one line of the workforce report: an area's FTE in one role, where
// role is an ARRS role code, workforce.NonARRS or workforce.AllRoles. Unknown marks a
// day the staff records do not describe: the FTE is written as no data, never 0.
type WorkforceRow struct {
	Level   workforce.Level
	Code    string
	Name    string
	Role    string
	FTE     float64
	Unknown bool
	Source  string
}

// WorkforceRows lists, for every area of a level, the FTE of each ARRS role with staff,
// then non_arrs and all; sorted by area code then role code (PLANNING.md).
func WorkforceRows(areas []workforce.AreaFTE) []WorkforceRow {
	return workforceRows(areas, SourceRecords)
}

func workforceRows(areas []workforce.AreaFTE, source string) []WorkforceRow {
	var rows []WorkforceRow
	for _, a := range areas {
		add := func(role string, fte float64) {
			rows = append(rows, WorkforceRow{Level: a.Level, Code: a.Code, Name: a.Name, Role: role, FTE: fte, Source: source})
		}
		for role, fte := range a.ByRole {
			if fte != 0 {
				add(role, fte)
			}
		}
		add(workforce.NonARRS, a.NonARRS)
		add(workforce.AllRoles, a.All())
	}
	sortWorkforce(rows)
	return rows
}

func sortWorkforce(rows []WorkforceRow) {
	sort.Slice(rows, func(i, j int) bool {
		if rows[i].Code != rows[j].Code {
			return rows[i].Code < rows[j].Code
		}
		return rows[i].Role < rows[j].Role
	})
}

// UnknownWorkforceRows lists the areas of a level on a day before the data start,
// which the staff records do not describe: each area's non_arrs and all rows, unknown
// (PLANNING.md, "Known and unknown"). England's row instead takes the national monthly
// series when series is not nil (NationalEngland), labelled SourceNationalSeries.
func UnknownWorkforceRows(areas []workforce.AreaFTE, series *workforce.AreaFTE) []WorkforceRow {
	var rows []WorkforceRow
	for _, a := range areas {
		if a.Level == workforce.LevelEngland && series != nil {
			rows = append(rows, workforceRows([]workforce.AreaFTE{*series}, SourceNationalSeries)...)
			continue
		}
		for _, role := range []string{workforce.NonARRS, workforce.AllRoles} {
			rows = append(rows, WorkforceRow{Level: a.Level, Code: a.Code, Name: a.Name, Role: role, Unknown: true})
		}
	}
	sortWorkforce(rows)
	return rows
}

// NationalEngland is England's workforce in the published month whose census describes
// day (planning.CensusNeeded(day) is month), from NHS England's national series: each
// staff role that maps to an ARRS role (workforce.ARRSRoleFor) counts to it, every other
// role to non_arrs. False when the series lacks the month (it was quarterly before 2023).
func NationalEngland(england workforce.AreaFTE, points []store.SeriesPoint, month time.Time, mapping map[string]string) (workforce.AreaFTE, bool) {
	out := workforce.AreaFTE{Level: england.Level, Code: england.Code, Name: england.Name, ByRole: map[string]float64{}}
	found := false
	for _, p := range points {
		if !p.Month.Equal(month) {
			continue
		}
		found = true
		if role := workforce.ARRSRoleFor(p.StaffRole, mapping); role != "" {
			out.ByRole[role] += p.FTE
			out.ARRS += p.FTE
		} else {
			out.NonARRS += p.FTE
		}
	}
	return out, found
}

var workforceColumns = []column[WorkforceRow]{
	{"level", str(func(r WorkforceRow) string { return string(r.Level) }), func(r WorkforceRow) any { return r.Level }},
	{"code", str(func(r WorkforceRow) string { return r.Code }), func(r WorkforceRow) any { return r.Code }},
	{"name", str(func(r WorkforceRow) string { return r.Name }), func(r WorkforceRow) any { return r.Name }},
	{"role_code", str(func(r WorkforceRow) string { return r.Role }), func(r WorkforceRow) any { return r.Role }},
	{"fte", func(r WorkforceRow, p int) string {
		if r.Unknown {
			return noData(p)
		}
		return workforce.FormatFTE(r.FTE, p)
	}, func(r WorkforceRow) any {
		if r.Unknown {
			return nil
		}
		return workforce.Round(r.FTE, 6)
	}},
	{"source", str(func(r WorkforceRow) string { return r.Source }), func(r WorkforceRow) any {
		if r.Source == "" {
			return nil
		}
		return r.Source
	}},
}

// WriteWorkforce writes the workforce report: level,code,name,role_code,fte, and source
// (SourceRecords, SourceNationalSeries, or empty where the FTE is unknown).
func WriteWorkforce(w io.Writer, f Format, rows []WorkforceRow) error {
	return write(w, f, workforceColumns, rows)
}
