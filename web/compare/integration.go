package compare

import (
	"strconv"

	"github.com/arrs-planner/arrs/internal/integration"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/ui"
)

// Integration is a PCN's integration of its ARRS staff (docs/integration.md), or the
// ICB's: its ARRS staff in post, the count of each warning of the integration page and
// the answers to the latest closed round of the pulse. A count nobody keeps the
// records for is not known: "no data", never 0.
type Integration struct {
	ARRSStaff int
	// Warnings are the five counts, in integration.Warnings' order.
	Warnings []WarningCount
	Pulse    PulseCount
	// PCNs, NoRecordPCNs and NoSupervisionPCNs are the ICB total's: how many PCNs it
	// sums and, of them, those with no integration record saved and those with no
	// supervision recorded, whose counts are left out.
	PCNs, NoRecordPCNs, NoSupervisionPCNs int
}

// WarningCount is how many have a warning, when known.
type WarningCount struct {
	Warning integration.Warning
	Count   int
	Known   bool
}

// PulseCount is how many answered of the links issued in the latest closed round of
// the pulse (summed over the PCNs with one, for the ICB); Known is false when no round
// has closed.
type PulseCount struct {
	Known                  bool
	Responses, LinksIssued int
}

// NewIntegration is the integration of counts c and pulse p as the table shows it.
func NewIntegration(c integration.Counts, p PulseCount) Integration {
	out := Integration{ARRSStaff: c.ARRSStaff, Pulse: p, PCNs: c.PCNs, NoRecordPCNs: c.NoRecordPCNs, NoSupervisionPCNs: c.NoSupervisionPCNs}
	for _, w := range integration.Warnings {
		n, ok := c.Value(w)
		out.Warnings = append(out.Warnings, WarningCount{Warning: w, Count: n, Known: ok})
	}
	return out
}

// IntegrationTableID is the integration table's id.
const IntegrationTableID = "compare-integration"

// integrationTable is the PCNs' integration side by side, in the order of the main
// table, then the ICB's total.
func (p Page) integrationTable() ui.TableParams {
	head := []ui.TableHeader{{Text: "PCN"}, {Text: "ARRS staff", Numeric: true}}
	for _, w := range integration.Warnings {
		head = append(head, ui.TableHeader{Text: w.Label(), Numeric: true})
	}
	head = append(head, ui.TableHeader{Text: "Pulse: answered, latest closed round", Numeric: true})
	rows := make([]ui.TableRow, 0, len(p.Rows)+1)
	for _, r := range p.Rows {
		rows = append(rows, integrationRow("cmp-int-"+r.Code, ui.TableCell{Content: integrationPCNCell(r)}, r.Integration))
	}
	rows = append(rows, integrationRow("cmp-int-total", ui.TableCell{Text: p.Name + " total"}, p.IntegrationTotal))
	return ui.TableParams{Caption: "Integration of ARRS staff: warnings by PCN", ID: IntegrationTableID, FirstCellIsHeader: true,
		Compact: true, Head: head, Rows: rows}
}

// integrationRow is one row of the integration table, its cells' test ids id-staff,
// id-<warning> and id-pulse.
func integrationRow(id string, first ui.TableCell, in Integration) ui.TableRow {
	cells := []ui.TableCell{first, {Content: figure(ui.Count(in.ARRSStaff), id+"-staff"), Numeric: true}}
	for _, w := range in.Warnings {
		cells = append(cells, ui.TableCell{Content: figure(countText(w.Count, w.Known), id+"-"+string(w.Warning)), Numeric: true})
	}
	cells = append(cells, ui.TableCell{Content: figure(in.Pulse.text(), id+"-pulse"), Numeric: true})
	return ui.TableRow{TestID: id, Cells: cells}
}

// countText is a count, or no data.
func countText(n int, known bool) string {
	if !known {
		return ui.NoData
	}
	return ui.Count(n)
}

// text is "7 of 9", or no data when no round has closed.
func (c PulseCount) text() string {
	if !c.Known {
		return ui.NoData
	}
	return ui.Count(c.Responses) + " of " + ui.Count(c.LinksIssued)
}

// pulseNote says why the table's pulse answers and the pulse pages' averages differ:
// the averages pool only PCNs whose results are shown (package pulse).
func pulseNote() string {
	return "Those averages pool only networks where " + strconv.Itoa(workforce.PulseMinGroup) +
		" or more answered, while the table's pulse column counts the answers to every network's latest closed round, so the figures differ by design."
}

// integrationNote says what the ICB's total leaves out.
func (in Integration) integrationNote() string {
	return "Of the " + ui.Plural(in.PCNs, "PCN", "PCNs") + ", " + ui.Count(in.NoRecordPCNs) + " " +
		ui.Agree(in.NoRecordPCNs, "has", "have") + " saved no integration record yet and " + ui.Count(in.NoSupervisionPCNs) + " " +
		ui.Agree(in.NoSupervisionPCNs, "records", "record") +
		" no supervision: a count a network does not keep is no data, left out of the total rather than counted as 0."
}
