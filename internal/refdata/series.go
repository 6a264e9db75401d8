package refdata

import (
	"encoding/csv"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// loadSeries reads the wide national series: staff_group, staff_role, then one column
// per census month ("2020-03" …). An empty cell means the role was not collected yet.
func loadSeries() ([]SeriesPoint, error) {
	const name = "data/national_fte_by_role_monthly_2020_2025.csv"
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
	for li, row := range rows[1:] {
		for i := 2; i < len(row); i++ {
			cell := strings.TrimSpace(row[i])
			if cell == "" {
				continue
			}
			v, err := strconv.ParseFloat(cell, 64)
			if err != nil {
				return nil, fmt.Errorf("%s line %d, column %s: not a number", name, li+2, rows[0][i])
			}
			out = append(out, SeriesPoint{Month: months[i], StaffGroup: row[0], StaffRole: row[1], FTE: v})
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
