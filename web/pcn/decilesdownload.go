package pcn

import (
	"encoding/csv"
	"io"
	"math"
	"strconv"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// The section's tables show the latest censuses only, so that the page stays small as
// years of history pile up (issue 17); the chart keeps every census, and the download
// holds every census of every role.

// TableCensuses is how many of the latest censuses the section's tables show: a year
// and the month before it.
const TableCensuses = 13

// tableFrom is the first census the tables show.
func (d Deciles) tableFrom() int { return max(0, len(d.Censuses)-TableCensuses) }

// tablesCut reports whether the tables leave earlier censuses to the download.
func (d Deciles) tablesCut() bool { return d.tableFrom() > 0 }

// DownloadHref is the address of the section's download: every census of every role.
func (d Deciles) DownloadHref() string { return "/pcns/" + d.Code + "/deciles.csv" }

// DownloadName is the download's file name.
func (d Deciles) DownloadName() string { return "arrs-deciles-" + d.Code + ".csv" }

// tablesNote says which censuses the tables show, and that the download has them all.
func (d Deciles) tablesNote() string {
	n := len(d.Censuses)
	if !d.tablesCut() {
		return "The tables beside the charts show all " + strconv.Itoa(n) + " censuses. Every role's figures at every census are in the download: "
	}
	return "The tables beside the charts show the latest " + strconv.Itoa(TableCensuses) + " of the " + strconv.Itoa(n) +
		" censuses, from " + d.Censuses[d.tableFrom()].Format("January 2006") + "; the charts show them all. Every role's figures at every census are in the download: "
}

// decilesHeader is the download's first row: snake_case, as the other downloads.
var decilesHeader = []string{"role_code", "role", "census", "pcn_fte", "pcn_fte_per_10000",
	"england_p10", "england_p20", "england_p30", "england_p40", "england_p50",
	"england_p60", "england_p70", "england_p80", "england_p90", "pcns_in_deciles"}

// WriteCSV writes every role's line at every census, oldest first, role by role in
// the catalogue's order; a figure that is unknown (a census the PCN made no return
// for) is an empty cell, never 0.
func (d Deciles) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(decilesHeader); err != nil {
		return err
	}
	for _, l := range d.Lines {
		for i, c := range d.Censuses {
			row := []string{l.Role.Code, textCell(l.Role.Name), c.Format(workforce.DateLayout), csvNumber(at(l.FTE, i), 2), csvNumber(at(l.Rate, i), 4)}
			for _, v := range at9(l.England, i) {
				row = append(row, csvNumber(v, 4))
			}
			row = append(row, strconv.Itoa(atInt(l.Counted, i)))
			if err := cw.Write(row); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// at is values[i], or NaN (unknown) past its end.
func at(values []float64, i int) float64 {
	if i < len(values) {
		return values[i]
	}
	return math.NaN()
}

// at9 is England's deciles at census i, unknown past the series' end.
func at9(values [][9]float64, i int) [9]float64 {
	if i < len(values) {
		return values[i]
	}
	var nan [9]float64
	for k := range nan {
		nan[k] = math.NaN()
	}
	return nan
}

// atInt is counts[i], or 0 past its end.
func atInt(counts []int, i int) int {
	if i < len(counts) {
		return counts[i]
	}
	return 0
}

// csvNumber writes v to places decimal places, or an empty cell where it is unknown.
func csvNumber(v float64, places int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return ""
	}
	return strconv.FormatFloat(v, 'f', places, 64)
}

// textCell keeps a spreadsheet from reading a name as a formula (OWASP, "CSV
// injection"), as report's downloads do.
func textCell(s string) string {
	if s != "" && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r') {
		return "'" + s
	}
	return s
}
