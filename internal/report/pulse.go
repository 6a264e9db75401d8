package report

import (
	"bytes"
	"encoding/csv"
	"io"
	"strconv"
	"time"

	"github.com/arrs-planner/arrs/internal/pulse"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// The pulse's downloads (issue 16; docs/integration.md, "The pulse"): a PCN's closed
// rounds and an ICB's PCNs with the ICB's and England's averages, with the pages'
// suppression applied. The rows are built from package pulse's results only, so a
// figure a page may not show cannot reach a file: a round or area whose answers are
// not shown has its counts and empty figures. Comments are never written.

// PulseRow is one row of a pulse file: a cell of a PCN's closed round (group "all" for
// the round's total, a role group, or "merged"), or an area's latest rounds pooled.
type PulseRow struct {
	// Level, Code and Name name the area (the ICB file): pcn, icb or england.
	Level, Code, Name string
	PCNCode           string
	Opened, Closed    time.Time // zero for a pooled area
	Group             string
	// Links is the links issued; unknown (empty) for a group, whose links are deleted
	// when the round is sealed.
	Links      int
	LinksKnown bool
	Responses  int
	Shown      bool
	// Tally holds the figures, read only when Shown.
	Tally pulse.Tally
}

// PulsePCNRows are the rows of one PCN's closed round: its total ("all"), then each
// shown cell.
func PulsePCNRows(pcn string, round workforce.PulseRound, res pulse.PCNResult) []PulseRow {
	base := PulseRow{PCNCode: pcn, Opened: round.OpenedOn, Closed: round.ClosedOn}
	all := base
	all.Group, all.Links, all.LinksKnown, all.Responses, all.Shown = "all", res.LinksIssued, true, res.Responses, res.Shown
	if res.Shown {
		all.Tally = res.Total
	}
	rows := []PulseRow{all}
	for _, c := range res.Cells {
		row := base
		row.Group, row.Responses, row.Shown, row.Tally = string(c.Group), c.Tally.N, true, c.Tally
		rows = append(rows, row)
	}
	return rows
}

// PulseAreaRow is a PCN's latest closed round as a row of the ICB file.
func PulseAreaRow(code, name string, round workforce.PulseRound, res pulse.PCNResult) PulseRow {
	row := PulseRow{Level: string(workforce.LevelPCN), Code: code, Name: name, Opened: round.OpenedOn, Closed: round.ClosedOn,
		Links: res.LinksIssued, LinksKnown: true, Responses: res.Responses, Shown: res.Shown}
	if res.Shown {
		row.Tally = res.Total
	}
	return row
}

// PulsePoolRow is an area's average (the ICB's, England's) of its PCNs' latest closed
// rounds: only the PCNs whose results are shown are pooled (pulse.PoolOf), and only
// their links and answers counted, so the PCNs left out add nothing to any column.
func PulsePoolRow(level workforce.Level, code, name string, results []pulse.PCNResult) PulseRow {
	p := pulse.PoolOf(results)
	links := 0
	for _, r := range results {
		if r.Shown {
			links += r.LinksIssued
		}
	}
	return PulseRow{Level: string(level), Code: code, Name: name, Links: links, LinksKnown: p.Shown(), Responses: p.Tally.N,
		Shown: p.Shown(), Tally: p.Tally}
}

func pulseDate(d time.Time) string {
	if d.IsZero() {
		return ""
	}
	return d.Format(workforce.DateLayout)
}

// pulseFigure is item i's % agree (1 decimal) or mean (2 decimals); empty when the
// row is not shown.
func pulseFigure(r PulseRow, i int, mean bool) string {
	if !r.Shown {
		return ""
	}
	if mean {
		v, ok := r.Tally.Mean(i)
		if !ok {
			return ""
		}
		return strconv.FormatFloat(workforce.Round(v, 2), 'f', 2, 64)
	}
	v, ok := r.Tally.PercentAgree(i)
	if !ok {
		return ""
	}
	return strconv.FormatFloat(workforce.Round(v, 1), 'f', 1, 64)
}

func pulseFigures(r PulseRow) []string {
	out := make([]string, 0, 2*len(workforce.PulseItems))
	for i := range workforce.PulseItems {
		out = append(out, pulseFigure(r, i, false), pulseFigure(r, i, true))
	}
	return out
}

func pulseFigureHeader() []string {
	var out []string
	for _, it := range workforce.PulseItems {
		out = append(out, it.Key+"_agree_pct", it.Key+"_mean")
	}
	return out
}

func pulseCounts(r PulseRow) []string {
	links := ""
	if r.LinksKnown {
		links = strconv.Itoa(r.Links)
	}
	shown := "0"
	if r.Shown {
		shown = "1"
	}
	return []string{links, strconv.Itoa(r.Responses), shown}
}

// PulsePCNHeader is the PCN file's columns.
func PulsePCNHeader() []string {
	return append([]string{"pcn_code", "round_opened", "round_closed", "group", "links_issued", "responses", "shown"}, pulseFigureHeader()...)
}

// PulseAreaHeader is the ICB file's columns.
func PulseAreaHeader() []string {
	return append([]string{"level", "code", "name", "round_opened", "round_closed", "links_issued", "responses", "shown"}, pulseFigureHeader()...)
}

var (
	pulsePCNSheet  = sheet{name: "Pulse", text: map[string]bool{"pcn_code": true, "round_opened": true, "round_closed": true, "group": true}}
	pulseAreaSheet = sheet{name: "Pulse", text: map[string]bool{"level": true, "code": true, "name": true, "round_opened": true, "round_closed": true}}
)

// WritePulsePCNFile writes a PCN's closed rounds as CSV or XLSX: PulsePCNHeader's
// columns, one row per round and shown cell.
func WritePulsePCNFile(w io.Writer, f Format, rows []PulseRow) error {
	recs := make([][]string, 0, len(rows))
	for _, r := range rows {
		rec := []string{escapeFormula(r.PCNCode), pulseDate(r.Opened), pulseDate(r.Closed), r.Group}
		recs = append(recs, append(append(rec, pulseCounts(r)...), pulseFigures(r)...))
	}
	return writePulse(w, f, pulsePCNSheet, PulsePCNHeader(), recs)
}

// WritePulseAreaFile writes an ICB's PCNs and the averages as CSV or XLSX:
// PulseAreaHeader's columns.
func WritePulseAreaFile(w io.Writer, f Format, rows []PulseRow) error {
	recs := make([][]string, 0, len(rows))
	for _, r := range rows {
		rec := []string{r.Level, escapeFormula(r.Code), escapeFormula(r.Name), pulseDate(r.Opened), pulseDate(r.Closed)}
		recs = append(recs, append(append(rec, pulseCounts(r)...), pulseFigures(r)...))
	}
	return writePulse(w, f, pulseAreaSheet, PulseAreaHeader(), recs)
}

func writePulse(w io.Writer, f Format, sh sheet, header []string, recs [][]string) error {
	var csvData bytes.Buffer
	if err := writePulseRecords(&csvData, header, recs); err != nil {
		return err
	}
	return sh.write(w, f, csvData.Bytes())
}

// writePulseRecords writes a header and records as CSV.
func writePulseRecords(w io.Writer, header []string, recs [][]string) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(header); err != nil {
		return err
	}
	if err := cw.WriteAll(recs); err != nil {
		return err
	}
	return cw.Error()
}
