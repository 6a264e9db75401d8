package refdata

import (
	"encoding/csv"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// seriesFile is the national series, England's FTE by staff role and census month.
const seriesFile = "data/national_fte_by_role_monthly_2020_2025.csv"

// loadSeries reads the wide national series: staff_group, staff_role, then one column
// per census month ("2020-03" …). An empty cell means the role was not collected yet.
func loadSeries() ([]SeriesPoint, error) {
	const name = seriesFile
	f, err := files.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil || len(rows) < 2 {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	months := make([]time.Time, len(rows[0]))
	for i, h := range rows[0][2:] {
		m, err := time.Parse("2006-01", h)
		if err != nil {
			return nil, fmt.Errorf("%s: column %q is not a month", name, h)
		}
		months[i+2] = workforce.CensusDate(m.Year(), m.Month())
	}
	var out []SeriesPoint
	index := map[[3]string]int{}
	for li, row := range rows[1:] {
		role := seriesRoleName(row[1])
		for i := 2; i < len(row); i++ {
			cell := strings.TrimSpace(row[i])
			if cell == "" {
				continue
			}
			v, err := strconv.ParseFloat(cell, 64)
			if err != nil {
				return nil, fmt.Errorf("%s line %d, column %s: not a number", name, li+2, rows[0][i])
			}
			key := [3]string{rows[0][i], row[0], role}
			if j, ok := index[key]; ok {
				out[j].FTE += v
				continue
			}
			index[key] = len(out)
			out = append(out, SeriesPoint{Month: months[i], StaffGroup: row[0], StaffRole: role, FTE: v})
		}
	}
	return out, nil
}

// financialYearStart returns 1 April of a financial year written "2025/26".
func financialYearStart(fy string) (time.Time, bool) {
	if len(fy) != 7 || fy[4] != '/' {
		return time.Time{}, false
	}
	y, err1 := strconv.Atoi(fy[:4])
	yy, err2 := strconv.Atoi(fy[5:])
	if err1 != nil || err2 != nil || (y+1)%100 != yy {
		return time.Time{}, false
	}
	return workforce.Date(y, time.April, 1), true
}

// seriesAliases are the bulletin's names for roles that the individual-level file
// (and so the NWRS role mapping) names differently.
var seriesAliases = map[string]string{
	"Dietician":                               "Dieticians",
	"General Practice Assistant":              "General Practice Assistants",
	"Enhanced Practice Nurse":                 "Enhanced Practice Nurses",
	"Other Admin/Non-Clinical":                "Other Admin/Non-clinical",
	"Clinical Director (Direct Patient Care)": "Clinical Director (DPC)",
}

// seriesRoleName turns a bulletin Table 1a role name into the individual-level file's
// STAFF_ROLE: the bulletin marks roles outside the mental health practitioner scheme
// with "(Non-Mental Health Practitioners)", which the individual file leaves off.
func seriesRoleName(name string) string {
	name = strings.TrimSpace(strings.TrimSuffix(name, "(Non-Mental Health Practitioners)"))
	if alias, ok := seriesAliases[name]; ok {
		return alias
	}
	return name
}
