package compare

import (
	"strconv"

	"github.com/arrs-planner/arrs/web/ui"
)

// table is the PCNs side by side; sortable columns link to the page sorted by them
// (on the server, so it works without JavaScript).
func (p Page) table() ui.TableParams {
	s := p.Sort
	s.Anchor = TableID
	head := []ui.TableHeader{
		s.Header("PCN", SortName, false),
		s.Header("Need-adjusted patients", SortNeed, true),
		s.Header("ARRS FTE", SortFTE, true),
		s.Header(p.per10kTitle(), SortPer10k, true),
		s.Header("In post ÷ expected", SortRatio, true),
		s.Header("Share of the fair share reached", SortReached, true),
		{Text: "Largest roles"},
		s.Header("Headroom "+p.Year, SortHeadroom, true),
		s.Header("Supervision coverage", SortCoverage, true),
		s.Header("Room sessions a week short", SortRooms, true),
		s.Header("Plan", SortPlan, false),
	}
	rows := make([]ui.TableRow, 0, len(p.Rows))
	for _, r := range p.Rows {
		id := "cmp-" + r.Code
		rows = append(rows, ui.TableRow{TestID: id, Cells: []ui.TableCell{
			{Content: pcnCell(r)},
			{Content: patientsCell(r, id)},
			{Content: fteCell(r, id)},
			{Content: per10kCell(r, p.Choice.OnList(), id+"-per10k")},
			{Content: ratioCell(r.Need, id+"-ratio")},
			{Content: measureCell(r.HasReached, Percent(r.Reached), r.ReachedDecile, id+"-reached")},
			{Content: mixCell(r.Mix, id+"-mix")},
			{Content: flagged(r.Headroom.Whole(), id+"-headroom", r.Headroom < 0, "Over-committed")},
			{Content: flagged(coverage(r), id+"-coverage", !r.NoSupervision && r.Covered < r.Needing, "Not all")},
			{Content: roomsCell(r, id)},
			{Content: planCell(r.Plan, id+"-plan")},
		}})
	}
	return ui.TableParams{Caption: "The ICB's PCNs side by side", ID: TableID, FirstCellIsHeader: true, Compact: true, Head: head, Rows: rows}
}

// NoneRecorded is a supervision or rooms cell of a PCN with none recorded.
const NoneRecorded = "None recorded yet"

func coverage(r Row) string {
	if r.NoSupervision {
		return NoneRecorded
	}
	return ui.Count(r.Covered) + " of " + ui.Count(r.Needing) + " (" + Percent(r.Coverage) + ")"
}

func (e England) bandTable(caption, id string, bands []Band, format func(float64) string) ui.TableParams {
	rows := make([]ui.TableRow, 0, len(bands))
	for _, b := range bands {
		from, to := "None", "None"
		if b.PCNs > 0 {
			from, to = format(b.Low), format(b.High)
		}
		rows = append(rows, ui.TableRow{TestID: id + "-" + strconv.Itoa(b.Decile), Cells: []ui.TableCell{
			{Text: strconv.Itoa(b.Decile)}, {Text: ui.Count(b.PCNs)}, {Text: from}, {Text: to},
		}})
	}
	return ui.TableParams{Caption: caption, ID: id, FirstCellIsHeader: true, Compact: true,
		Head: []ui.TableHeader{{Text: "Decile"}, {Text: "PCNs", Numeric: true}, {Text: "Lowest", Numeric: true}, {Text: "Highest", Numeric: true}},
		Rows: rows}
}

func per10kText(v float64) string { return ui.Decimal(v, 2) }

// expectedText is the expected ARRS FTE, or no data.
func expectedText(n NeedFigures) string {
	if !n.Has || !n.Known {
		return ui.NoData
	}
	return ui.FTE(n.Expected)
}

// lower makes "The clinical director, …" read after "Waiting for".
func lower(s string) string {
	if s == "" {
		return s
	}
	return string(s[0]|0x20) + s[1:]
}
