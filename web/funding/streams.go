package funding

import (
	"strconv"
	"strings"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/ui"
)

// The three funding streams side by side (PLANNING.md, "Funding streams"): the PCN's
// ARRS sum, the practice GP scheme (its member practices' entitlements) and other money
// (costs only: nothing is reimbursed, so there is no entitlement or headroom).

// Amount is a figure that may be unknown ("no data", never £0) or not apply ("—").
type Amount struct {
	Pence workforce.Pence
	Known bool
	// NotApplicable: the figure has no meaning for the stream (other money's
	// entitlement and headroom).
	NotApplicable bool
	// Note follows the figure: what it leaves out ("excluding 2 practices").
	Note string
}

// Known is an amount that is known.
func Known(p workforce.Pence) Amount { return Amount{Pence: p, Known: true} }

// NotApplicable is an amount that has no meaning here.
func NotApplicable() Amount { return Amount{NotApplicable: true} }

// Text is the amount in whole pounds, "no data" or "—", and its note.
func (a Amount) Text() string {
	switch {
	case a.NotApplicable:
		return "—"
	case !a.Known:
		return a.withText(ui.NoData)
	}
	return a.withText(a.Pence.Whole())
}

// withText is a figure's text followed by the amount's note: "£45,700 (excluding 1
// practice)".
func (a Amount) withText(t string) string {
	if a.Note != "" {
		t += " (" + a.Note + ")"
	}
	return t
}

// StreamColumn is one stream's year.
type StreamColumn struct {
	Stream                                    workforce.Stream
	Entitlement, Committed, Planned, Headroom Amount
}

// key is the stream as test ids write it: "arrs", "practice-gp", "other".
func (c StreamColumn) key() string {
	if c.Stream == workforce.StreamPracticeGP {
		return "practice-gp"
	}
	return string(c.Stream)
}

// Streams is a year's streams and what their figures stand on.
type Streams struct {
	Columns []StreamColumn
	// PracticeRatePounds is the practice GP scheme's rate per patient, from the year
	// PracticeRateYear; PracticeRateAssumed when that is an earlier year,
	// PracticeRateKnown false when none is held.
	PracticeRatePounds  float64
	PracticeRateYear    string
	PracticeRateAssumed bool
	PracticeRateKnown   bool
	// Practices counts the member practices on the population day; NoList those
	// whose registered list is not known, left out of the scheme's entitlement.
	Practices, NoList int
	// ListDay is the publication the lists are read from for the population day
	// (zero when no practice has one).
	ListDay time.Time
}

// streamRows are the table's rows: each figure of each stream.
var streamRows = []struct{ key, label string }{
	{"entitlement", "Entitlement"},
	{"committed", "Committed: staff in post"},
	{"planned", "Planned: the current plan"},
	{"headroom", "Headroom"},
}

func (c StreamColumn) amount(row string) Amount {
	switch row {
	case "entitlement":
		return c.Entitlement
	case "committed":
		return c.Committed
	case "planned":
		return c.Planned
	}
	return c.Headroom
}

// streamsTable is the streams side by side, a figure per cell with its test id
// ("y2026-stream-practice-gp-committed").
func (y Year) streamsTable() ui.TableParams {
	head := []ui.TableHeader{{Text: "Figure"}}
	for _, c := range y.Streams.Columns {
		head = append(head, ui.TableHeader{Text: c.Stream.Label(), Numeric: true})
	}
	rows := make([]ui.TableRow, 0, len(streamRows))
	for _, r := range streamRows {
		cells := []ui.TableCell{{Text: r.label}}
		for _, c := range y.Streams.Columns {
			cells = append(cells, ui.TableCell{Content: Figure(c.amount(r.key).Text(), y.id("stream-"+c.key()+"-"+r.key))})
		}
		rows = append(rows, ui.TableRow{TestID: y.id("streams-" + r.key), Cells: cells})
	}
	return ui.TableParams{Caption: "Funding streams side by side, " + y.Name, FirstCellIsHeader: true, Compact: true, ID: y.id("streams"),
		Head: head, Rows: rows}
}

// practiceRateText says when the practice GP scheme's rate is not the year's own.
func (y Year) practiceRateText() string {
	s := y.Streams
	switch {
	case !s.PracticeRateKnown:
		return "No practice GP scheme rate is held for " + y.Name + " or any earlier year (the scheme starts in 2026/27), so its entitlement is not known."
	case s.PracticeRateAssumed:
		return "No practice GP scheme rate is published for " + y.Name + " yet: " + s.PracticeRateYear + "'s " + poundsRate(s.PracticeRatePounds) + " per patient stands in."
	}
	return ""
}

// practiceListText says, always, that the registered list stands in for the adjusted
// population the scheme pays on, and which practices have none.
func (y Year) practiceListText() string {
	t := "Practice GP scheme: each practice's registered list for " + y.PopulationDay.Format(dateLong) + y.listDayText() +
		" stands in for its adjusted population, which is not published."
	if n := y.Streams.NoList; n > 0 {
		t += " " + ui.Count(n) + " of the " + ui.Count(y.Streams.Practices) + " member practices " + ui.Agree(n, "has", "have") +
			" no list then: " + ui.Agree(n, "its", "their") + " entitlement is not known and is left out of the total."
	}
	return t
}

// listDayText names the publication the lists are from: " (published 1 November
// 2025)".
func (y Year) listDayText() string {
	if y.Streams.ListDay.IsZero() {
		return ""
	}
	return " (published " + y.Streams.ListDay.Format(dateLong) + ")"
}

// poundsRate writes a rate per patient as published: "£4.57", "£26.631".
func poundsRate(p float64) string {
	t := strconv.FormatFloat(p, 'f', -1, 64)
	if whole, frac, ok := strings.Cut(t, "."); ok && len(frac) == 1 {
		t = whole + "." + frac + "0"
	}
	return "£" + t
}
