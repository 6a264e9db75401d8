package pulse

import (
	"github.com/arrs-planner/arrs/internal/pulse"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"
)

// ICBPage is the view model of an ICB's pulse page (/icbs/{code}/pulse): its PCNs
// today side by side (by name, then code; each named with its code), each by its
// latest closed round, and the averages.
type ICBPage struct {
	Layout           layout.PageParams
	ICBCode, ICBName string
	Rows             []ICBRow
	ICB, England     Pool
	// NoRound is how many of its PCNs have no closed round.
	NoRound int
}

// ICBRow is a PCN of the ICB.
type ICBRow struct {
	Code, Name, Href string
	// Has says the PCN has a closed round; the rest is its latest.
	Has              bool
	Round            string
	Responses, Links int
	Shown            bool
	Figures          []Figure
}

// NewICBRow is a PCN's row; href "" when the reader may not open its page.
func NewICBRow(p workforce.PCN, href string, round *workforce.PulseRound, res pulse.PCNResult) ICBRow {
	row := ICBRow{Code: p.Code, Name: p.Name, Href: href, Figures: notShownFigures()}
	if round == nil {
		return row
	}
	row.Has, row.Round, row.Responses, row.Links, row.Shown = true, Dates(round.OpenedOn, round.ClosedOn), res.Responses, res.LinksIssued, res.Shown
	if res.Shown {
		row.Figures = FiguresOf(res.Total)
	}
	return row
}

// icbTable is the ICB's PCNs, then its average and England's.
func icbTable(p ICBPage) ui.WideTableParams {
	t := ui.TableParams{Caption: "PCNs of " + p.ICBName + ": latest closed round", CaptionSize: ui.SizeS, FirstCellIsHeader: true,
		Head: append([]ui.TableHeader{{Text: "PCN"}, {Text: "Round"}, {Text: "Answered", Numeric: true}}, itemHeads()...)}
	for _, r := range p.Rows {
		cells := []ui.TableCell{{Text: r.Name + " (" + r.Code + ")", Href: r.Href}}
		switch {
		case !r.Has:
			cells = append(cells, ui.TableCell{Text: "No closed round"}, ui.TableCell{Text: ui.NoData})
			for range workforce.PulseItems {
				cells = append(cells, ui.TableCell{Text: ui.NoData})
			}
		default:
			cells = append(cells, ui.TableCell{Text: r.Round}, ui.TableCell{Text: ui.Count(r.Responses) + " of " + ui.Count(r.Links)})
			if r.Shown {
				cells = append(cells, figureCells(r.Figures)...)
			} else {
				for range workforce.PulseItems {
					cells = append(cells, ui.TableCell{Text: NotShown + " (fewer than " + MinGroup + ")"})
				}
			}
		}
		t.Rows = append(t.Rows, ui.TableRow{TestID: "icb-pcn-" + r.Code, Cells: cells})
	}
	t.Rows = append(t.Rows, poolRow(p.ICBName+" average", "icb-average", p.ICB), poolRow("England average", "england-average", p.England))
	return ui.WideTableParams{TestID: "pulse-icb", Table: t}
}

func poolRow(name, id string, p Pool) ui.TableRow {
	cells := []ui.TableCell{{Text: name}, {Text: ui.Plural(p.PCNs, "PCN", "PCNs")}, {Text: ui.Count(p.N)}}
	return ui.TableRow{TestID: id, Cells: append(cells, figureCells(p.Figures)...)}
}
