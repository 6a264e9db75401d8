package pcn

import (
	"bytes"
	"context"
	"encoding/csv"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// twentyCensuses is a PCN's section over 20 monthly censuses, two roles, the PCN
// making no return at the 5th.
func twentyCensuses() Deciles {
	d := Deciles{Code: "U1"}
	for i := range 20 {
		d.Censuses = append(d.Censuses, workforce.Date(2024, time.January+time.Month(i+1), 1).AddDate(0, 0, -1))
		d.Counted = append(d.Counted, i != 4)
	}
	for _, r := range []workforce.Role{{Code: "clinical_pharmacist", Name: "Clinical pharmacist"}, {Code: "=evil", Name: "=HYPERLINK(1)"}} {
		l := DecileLine{Role: r}
		for i := range d.Censuses {
			var e [9]float64
			for k := range e {
				e[k] = float64(k+1) / 10
			}
			rate, fte := float64(i)/4, float64(i)
			if !d.Counted[i] {
				rate, fte = math.NaN(), math.NaN()
			}
			l.England, l.Counted, l.FTE, l.Rate = append(l.England, e), append(l.Counted, 1000+i), append(l.FTE, fte), append(l.Rate, rate)
		}
		d.Lines = append(d.Lines, l)
	}
	return d
}

// With 20 censuses the charts keep them all, but each table shows the latest 13,
// saying so in its caption, and the section links the download that holds every
// census of every role.
func TestDecilesTablesShowTheLatest13(t *testing.T) {
	t.Parallel()
	d := twentyCensuses()
	var buf bytes.Buffer
	if err := decileSection(d).Render(context.Background(), &buf); err != nil {
		t.Fatal(err)
	}
	doc, err := goquery.NewDocumentFromReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	chart := doc.Find(`[data-testid="deciles-clinical_pharmacist"]`)
	if n := chart.Find(`tr[data-testid^="deciles-clinical_pharmacist-20"]`).Length(); n != TableCensuses {
		t.Errorf("chart table: %d rows, want %d", n, TableCensuses)
	}
	if n := chart.Find(`tr[data-testid^="deciles-clinical_pharmacist-all-"]`).Length(); n != TableCensuses {
		t.Errorf("deciles table: %d rows, want %d", n, TableCensuses)
	}
	// The first row shown is the 8th census (of 20): July 2024's month end.
	if chart.Find(`tr[data-testid="deciles-clinical_pharmacist-2024-08-31"]`).Length() != 1 || chart.Find(`tr[data-testid="deciles-clinical_pharmacist-2024-07-31"]`).Length() != 0 {
		t.Error("the tables do not start at the 8th census")
	}
	if got := chart.Find("caption").First().Text(); !strings.Contains(got, "at the latest 13 censuses") {
		t.Errorf("caption %q does not say which censuses", got)
	}
	link := doc.Find(`[data-testid="deciles-csv"]`)
	if href, _ := link.Attr("href"); href != "/pcns/U1/deciles.csv" {
		t.Errorf("download link %q", href)
	}
	if got := doc.Find(`[data-testid="deciles-download"]`).Text(); !strings.Contains(got, "latest 13 of the 20 censuses, from August 2024") {
		t.Errorf("note %q", got)
	}
	if n := strings.Count(chart.Find("svg").First().Text(), "Jan 2025"); n == 0 {
		t.Error("the chart lost its censuses")
	}
}

// The download has every census of every role, oldest first; a census the PCN made no
// return for is empty cells, never 0; a name that looks like a formula is escaped.
func TestDecilesCSV(t *testing.T) {
	t.Parallel()
	d := twentyCensuses()
	var buf bytes.Buffer
	if err := d.WriteCSV(&buf); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1+2*20 || len(rows[0]) != 15 {
		t.Fatalf("%d rows of %d columns, want 41 of 15", len(rows), len(rows[0]))
	}
	if got := strings.Join(rows[1], ","); got != "clinical_pharmacist,Clinical pharmacist,2024-01-31,0.00,0.0000,0.1000,0.2000,0.3000,0.4000,0.5000,0.6000,0.7000,0.8000,0.9000,1000" {
		t.Errorf("first row %s", got)
	}
	if got := strings.Join(rows[5][3:5], ","); got != "," {
		t.Errorf("no return: %q, want empty cells", got)
	}
	if rows[20][2] != "2025-08-31" || rows[21][1] != "'=HYPERLINK(1)" {
		t.Errorf("last census %s, escaped name %s", rows[20][2], rows[21][1])
	}
}
