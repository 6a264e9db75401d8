package dashboard

import (
	"strconv"
	"time"

	"github.com/arrs-planner/arrs/internal/integration"
	"github.com/arrs-planner/arrs/web/ui"
)

// Integration is the integration of the network's ARRS staff in post (docs/integration.md):
// how many, how many have each warning of its integration page, and the answers to its
// latest closed round of the pulse. A count the network keeps no records for is not
// known, and says why.
type Integration struct {
	ARRSStaff int
	// Warnings are the five counts, in integration.Warnings' order.
	Warnings []WarningCount
	Pulse    Pulse
}

// WarningCount is how many have a warning; when not known, Reason says why ("no
// integration record saved yet").
type WarningCount struct {
	Warning integration.Warning
	Count   int
	Known   bool
	Reason  string
}

// Pulse is the latest closed round of the pulse: how many answered of the links issued.
// None is true when no round has closed.
type Pulse struct {
	None                   bool
	Responses, LinksIssued int
	ClosedOn               time.Time
}

// Why a count is not known.
const (
	NoRecordReason      = "no integration record saved yet"
	NoSupervisionReason = "no supervision recorded"
)

// NewIntegration is the network's counts c and its latest closed round p as the
// dashboard shows them.
func NewIntegration(c integration.Counts, p Pulse) Integration {
	out := Integration{ARRSStaff: c.ARRSStaff, Pulse: p}
	for _, w := range integration.Warnings {
		n, ok := c.Value(w)
		v := WarningCount{Warning: w, Count: n, Known: ok}
		if !ok {
			v.Reason = NoRecordReason
			if w == integration.NoSupervisor {
				v.Reason = NoSupervisionReason
			}
		}
		out.Warnings = append(out.Warnings, v)
	}
	return out
}

func (in Integration) summary(asOf time.Time) ui.SummaryListParams {
	rows := []ui.SummaryListRow{{Key: "ARRS staff in post on " + asOf.Format(dateLong), Content: figure(strconv.Itoa(in.ARRSStaff), "dash-int-staff")}}
	for _, w := range in.Warnings {
		id := "dash-int-" + string(w.Warning)
		if !w.Known {
			rows = append(rows, ui.SummaryListRow{Key: w.Warning.Label(), Content: figure(ui.NoData+": "+w.Reason, id)})
			continue
		}
		rows = append(rows, ui.SummaryListRow{Key: w.Warning.Label(), Content: flagged(strconv.Itoa(w.Count), id, w.Count > 0, "To act on")})
	}
	return ui.SummaryListParams{ID: "dash-integration-summary", Rows: rows}
}

// text is the pulse's line: "7 of 9 answered the latest round, closed on 3 May 2027.".
func (p Pulse) text() string {
	if p.None {
		return "No round of the pulse has closed yet."
	}
	return strconv.Itoa(p.Responses) + " of " + strconv.Itoa(p.LinksIssued) + " answered the latest round, closed on " +
		p.ClosedOn.Format(dateLong) + "."
}
