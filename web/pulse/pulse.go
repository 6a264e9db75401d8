// Package pulse renders the anonymous pulse (issue 16; docs/integration.md, "The
// pulse"): the form a member of staff answers through a single-use link, with no
// account; a PCN's page of rounds, results and trend; the pages that open a round,
// print its links and close it; and an ICB's PCNs side by side. Every figure comes
// from package pulse's results, so a group under workforce.PulseMinGroup answers never
// reaches a view model; comments reach one only when the server says the reader is
// one of the PCN's managers.
package pulse

import (
	"strconv"
	"time"

	"github.com/arrs-planner/arrs/internal/pulse"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/ui"
)

const dateLong = "2 January 2006"

// Href is a PCN's pulse page.
func Href(pcn string) string { return "/pcns/" + pcn + "/pulse" }

// NewHref is the page that opens a round.
func NewHref(pcn string) string { return Href(pcn) + "/new" }

// LinksHref is the printable sheet of a round's links.
func LinksHref(pcn string, id int64) string {
	return Href(pcn) + "/" + strconv.FormatInt(id, 10) + "/links"
}

// CloseHref is the page that closes a round.
func CloseHref(pcn string, id int64) string {
	return Href(pcn) + "/" + strconv.FormatInt(id, 10) + "/close"
}

// ICBHref is an ICB's pulse page.
func ICBHref(icb string) string { return "/icbs/" + icb + "/pulse" }

// FormPath is the path of a link's form.
func FormPath(token string) string { return "/pulse/" + token }

// LastAnswerDay is the last day a round closing on closes takes answers: the day
// before (a round is open until its closing day, store.PulseRound's Open).
func LastAnswerDay(closes time.Time) time.Time { return closes.AddDate(0, 0, -1) }

// NotShown is what a page writes for a figure suppressed below PulseMinGroup answers.
const NotShown = "not shown"

// Figure is one item's figures in a cell: % agree and the mean, as shown.
type Figure struct{ Agree, Mean string }

// Text is the figure in one cell of a table: "80%, mean 4.1".
func (f Figure) Text() string {
	if f.Agree == "" {
		return NotShown
	}
	return f.Agree + ", mean " + f.Mean
}

// FiguresOf are a tally's figures per item (PulseItems' order).
func FiguresOf(t pulse.Tally) []Figure {
	out := make([]Figure, len(workforce.PulseItems))
	for i := range out {
		agree, ok := t.PercentAgree(i)
		mean, _ := t.Mean(i)
		if ok {
			out[i] = Figure{Agree: ui.Decimal(agree, 0) + "%", Mean: ui.Decimal(mean, 1)}
		}
	}
	return out
}

// notShownFigures are a row's figures when they may not be shown.
func notShownFigures() []Figure { return make([]Figure, len(workforce.PulseItems)) }

// Answered is "7 of 12 answered".
func Answered(responses, links int) string {
	return ui.Count(responses) + " of " + ui.Count(links) + " answered"
}

// Dates are a round's days: "1 March 2027 to 22 March 2027".
func Dates(from, to time.Time) string {
	return from.Format(dateLong) + " to " + to.Format(dateLong)
}

// itemHeads are the table headings of the four items.
func itemHeads() []ui.TableHeader {
	out := make([]ui.TableHeader, len(workforce.PulseItems))
	for i, it := range workforce.PulseItems {
		out[i] = ui.TableHeader{Text: it.Short + " (% agree)", Numeric: true}
	}
	return out
}

// questions are a round's stored wording, or today's when it holds none.
func questions(q []string) []string {
	if len(q) == len(workforce.PulseItems) {
		return q
	}
	out := make([]string, len(workforce.PulseItems))
	for i, it := range workforce.PulseItems {
		out[i] = it.Text
	}
	return out
}

// MinGroup is PulseMinGroup in words for the pages.
var MinGroup = strconv.Itoa(workforce.PulseMinGroup)
