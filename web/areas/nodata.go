package areas

import (
	"time"

	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/web/ui"
)

// NoData reports whether the staff records do not describe the snapshot's day: it is
// before the data start (PLANNING.md, "Known and unknown"). Their sums on such a day
// are not 0 FTE but nothing, and the pages say so.
func (s Snapshot) NoData() bool { return !planning.Known(s.At, s.DataStart) }

// NoDataText is what a page shows in place of a figure the staff records cannot give:
// where they start and the census that would describe the day.
func (s Snapshot) NoDataText() string {
	return NoDataText(s.DataStart, s.At)
}

// NoDataText says the staff records start at the census of dataStart, and name the
// census that would describe day.
func NoDataText(dataStart, day time.Time) string {
	return "No data: the staff records start at the census of " + dataStart.Format("2 January 2006") +
		"; this needs the census of " + planning.CensusNeeded(day).Format("January 2006")
}

// publishedLabel marks England's figure taken from NHS England's published series.
const publishedLabel = " (NHS England's published series)"

// arrsText is the headline ARRS FTE: the staff records' sum, England's published
// figure labelled as such, or "no data".
func (p Page) arrsText() string {
	switch {
	case !p.NoData:
		return ui.FTE(p.ARRS)
	case p.Published:
		return ui.FTE(p.ARRS) + publishedLabel
	}
	return p.NoDataText
}

// figure is an FTE-like figure from the staff records, or "no data".
func (p Page) figure(text string) string {
	if p.NoData {
		return p.NoDataText
	}
	return text
}

// shareText is the ARRS FTE as a share of the target, unknown with the ARRS FTE.
func (p Page) shareText() string {
	if p.NoData && !p.Published {
		return p.NoDataText
	}
	return ui.Decimal(p.targetShare(), 1) + "%"
}

// PublishedFTE is England's ARRS FTE in the published month whose census describes
// day, from series (the trend England's page draws); false when the series lacks it.
func PublishedFTE(series []SeriesPoint, day time.Time) (float64, bool) {
	month := planning.CensusNeeded(day)
	for _, p := range series {
		if !p.Imported && p.Month.Year() == month.Year() && p.Month.Month() == month.Month() {
			return p.FTE, true
		}
	}
	return 0, false
}

// noList stands in for registered patients when an area has none on the day (a PCN
// with no practice recorded and no published list), and for the figures divided by
// them: unknown, not 0.
const noList = "no data"

// patientsText is an area's registered patients, or "no data" when it has none.
func patientsText(patients int) string {
	if patients == 0 {
		return noList
	}
	return ui.Count(patients)
}

// perTenThousandText is ARRS FTE per 10,000 of the patients: unknown before the data
// start, and with no patients to divide by.
func (p Page) perTenThousandText(patients int, per float64) string {
	if patients == 0 && !p.NoData {
		return noList
	}
	return p.figure(ui.Decimal(per, 2))
}
