package pulse

import (
	"time"

	"github.com/arrs-planner/arrs/internal/pulse"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"
)

// Page is the view model of a PCN's pulse page (/pcns/{code}/pulse).
type Page struct {
	Layout           layout.PageParams
	PCNCode, PCNName string
	Success          string
	// CanRun opens the links to open, print and close rounds: the PCN's managers and
	// admins (the route's rule decides).
	CanRun bool
	// Open is the round taking answers, if any: its count only.
	Open *OpenRound
	// Latest is the latest closed round's results; nil before any round closed.
	Latest *Result
	// Trend is every closed round, oldest first.
	Trend []TrendRow
	// ICB and England are the averages of the PCNs' latest closed rounds.
	ICBName      string
	ICB, England Pool
}

// OpenRound is a round taking answers: while it is open only its count is shown.
type OpenRound struct {
	ID                 int64
	OpenedOn, ClosesOn time.Time
	Responses, Links   int
	// Earliest is the first day a manager may close it (store.EarliestPulseClose).
	Earliest time.Time
}

// ClosesByItself says the round closes on its own day before a manager could close
// it (a round stays open at least workforce.MinPulseRoundDays), so no page offers to.
func (o OpenRound) ClosesByItself() bool { return !o.Earliest.Before(o.ClosesOn) }

// Result is what may be shown of a closed round.
type Result struct {
	OpenedOn, ClosedOn time.Time
	Questions          []string
	Responses, Links   int
	Shown              bool
	// Total is the round's figures (when Shown).
	Total []Figure
	// Cells are the shown groups; empty when only the total may be shown.
	Cells []Cell
	// Merged: some group was combined or left out (the page says so).
	Merged bool
	// Comments are the total's, when it is the only shown cell and the reader may read
	// comments.
	Comments []string
}

// Cell is a shown group of a round, or the smaller groups combined: that cell is
// labelled "Smaller groups combined" and never names its groups, since naming one that
// no shown cell holds would say that someone in it answered.
type Cell struct {
	Label    string
	N        int
	Figures  []Figure
	Comments []string
}

// NewResult is what a round's result shows; comments only when withComments (the
// reader is one of the PCN's managers).
func NewResult(round workforce.PulseRound, res pulse.PCNResult, withComments bool) Result {
	out := Result{OpenedOn: round.OpenedOn, ClosedOn: round.ClosedOn, Questions: questions(round.Questions),
		Responses: res.Responses, Links: res.LinksIssued, Shown: res.Shown, Merged: res.Merged}
	if !res.Shown {
		return out
	}
	out.Total = FiguresOf(res.Total)
	if len(res.Cells) == 0 && withComments {
		out.Comments = res.Total.Comments
	}
	for _, c := range res.Cells {
		cell := Cell{Label: c.Group.Label(), N: c.Tally.N, Figures: FiguresOf(c.Tally)}
		if withComments {
			cell.Comments = c.Tally.Comments
		}
		out.Cells = append(out.Cells, cell)
	}
	return out
}

// TrendRow is a closed round in the trend.
type TrendRow struct {
	OpenedOn, ClosedOn time.Time
	Responses, Links   int
	Figures            []Figure
}

// NewTrendRow is a round's row of the trend: its % agree per item, or not shown.
func NewTrendRow(round workforce.PulseRound, res pulse.PCNResult) TrendRow {
	row := TrendRow{OpenedOn: round.OpenedOn, ClosedOn: round.ClosedOn, Responses: res.Responses, Links: res.LinksIssued, Figures: notShownFigures()}
	if res.Shown {
		row.Figures = FiguresOf(res.Total)
	}
	return row
}

// Pool is an area's average of its PCNs' latest closed rounds.
type Pool struct {
	Shown         bool
	PCNs, LeftOut int
	N             int
	Figures       []Figure
}

// NewPool is an area's average as shown.
func NewPool(p pulse.Pool) Pool {
	out := Pool{Shown: p.Shown(), PCNs: p.PCNs, LeftOut: p.LeftOut, N: p.Tally.N, Figures: notShownFigures()}
	if out.Shown {
		out.Figures = FiguresOf(p.Tally)
	}
	return out
}

// Pools says what an average pools: "pools 3 PCNs (41 answers); 2 PCNs with fewer
// than 5 answers are left out".
func (p Pool) Pools() string {
	s := "no PCN has a closed round with " + MinGroup + " or more answers, so it is not shown"
	if p.Shown {
		s = "pools " + ui.Plural(p.PCNs, "PCN", "PCNs") + " (" + ui.Plural(p.N, "answer", "answers") + ")"
	}
	if p.LeftOut > 0 {
		s += "; " + ui.Plural(p.LeftOut, "PCN", "PCNs") + " with fewer than " + MinGroup + " answers " + ui.Agree(p.LeftOut, "is", "are") + " left out"
	}
	return s
}

// figureCells are a row's figure cells.
func figureCells(fs []Figure) []ui.TableCell {
	out := make([]ui.TableCell, len(fs))
	for i, f := range fs {
		out[i] = ui.TableCell{Text: f.Agree, Numeric: true}
		if f.Agree == "" {
			out[i].Text = NotShown
		}
	}
	return out
}

// itemTable is a cell's figures: one row per item, % agree and mean.
func itemTable(caption string, qs []string, fs []Figure) ui.TableParams {
	t := ui.TableParams{Caption: caption, CaptionSize: ui.SizeS, FirstCellIsHeader: true,
		Head: []ui.TableHeader{{Text: "Question"}, {Text: "Agree", Numeric: true}, {Text: "Mean (1 to 5)", Numeric: true}}}
	for i, f := range fs {
		t.Rows = append(t.Rows, ui.TableRow{TestID: "item-" + workforce.PulseItems[i].Key, Cells: []ui.TableCell{
			{Text: workforce.PulseItems[i].Short + ": " + qs[i]}, {Text: f.Agree}, {Text: f.Mean}}})
	}
	return t
}

// trendTable is the trend across closed rounds.
func trendTable(rows []TrendRow) ui.WideTableParams {
	t := ui.TableParams{Caption: "Closed rounds, oldest first", CaptionSize: ui.SizeS, FirstCellIsHeader: true,
		Head: append([]ui.TableHeader{{Text: "Round"}, {Text: "Answered", Numeric: true}}, itemHeads()...)}
	for _, r := range rows {
		cells := append([]ui.TableCell{{Text: Dates(r.OpenedOn, r.ClosedOn)}, {Text: ui.Count(r.Responses) + " of " + ui.Count(r.Links)}}, figureCells(r.Figures)...)
		t.Rows = append(t.Rows, ui.TableRow{TestID: "trend-" + r.ClosedOn.Format(workforce.DateLayout), Cells: cells})
	}
	return ui.WideTableParams{TestID: "pulse-trend", Table: t}
}

// contextTable sets the PCN's latest round beside the ICB's and England's averages.
func contextTable(p Page) ui.WideTableParams {
	t := ui.TableParams{Caption: "Agreement beside the ICB and England", CaptionSize: ui.SizeS, FirstCellIsHeader: true,
		Head: []ui.TableHeader{{Text: "Question"}, {Text: p.PCNName, Numeric: true}, {Text: p.ICBName + " average", Numeric: true}, {Text: "England average", Numeric: true}}}
	own := notShownFigures()
	if p.Latest != nil && p.Latest.Shown {
		own = p.Latest.Total
	}
	for i, it := range workforce.PulseItems {
		t.Rows = append(t.Rows, ui.TableRow{TestID: "context-" + it.Key, Cells: []ui.TableCell{
			{Text: it.Short}, {Text: own[i].Text()}, {Text: p.ICB.Figures[i].Text()}, {Text: p.England.Figures[i].Text()}}})
	}
	return ui.WideTableParams{TestID: "pulse-context", Table: t}
}
