package dashboard

import (
	"strconv"

	"github.com/arrs-planner/arrs/internal/need"
	"github.com/arrs-planner/arrs/web/ui"

	roomsweb "github.com/arrs-planner/arrs/web/rooms"
	supervisionweb "github.com/arrs-planner/arrs/web/supervision"
)

// The key figures of each part, as summary lists; every value carries a test id.

func (w Workforce) summary() ui.SummaryListParams {
	last := w.lastQuarter()
	rows := []ui.SummaryListRow{
		{Key: "ARRS FTE in post on " + w.AsOf.Format(dateLong), Content: figure(ui.FTE(w.InPost), "dash-in-post")},
		{Key: "Fair share of " + w.TargetName, Content: figure(ui.FTE(w.FairShare)+" additional FTE on a baseline of "+ui.FTE(w.Baseline)+
			": "+ui.FTE(w.level())+" FTE in post", "dash-fair-share")},
		{Key: "Share of the fair share reached", Content: figure(w.reachedText(), "dash-reached")},
		{Key: "ARRS FTE per 10,000 " + w.patients(), Content: figure(w.per10kText(), "dash-per-10k")},
	}
	if len(w.Quarters) > 0 {
		rows = append(rows,
			ui.SummaryListRow{Key: "Projected on " + last.Day.Format(dateLong) + " with the plan", Content: figure(ui.FTE(last.WithPlan)+" FTE", "dash-projected")},
			ui.SummaryListRow{Key: "Without the plan", Content: figure(ui.FTE(last.WithoutPlan)+" FTE", "dash-projected-no-plan")})
		if w.Draft != "" {
			rows = append(rows, ui.SummaryListRow{Key: "With your draft", Content: figure(ui.FTE(last.WithDraft)+" FTE", "dash-projected-draft")})
		}
	}
	return ui.SummaryListParams{ID: "dash-workforce-summary", Rows: rows}
}

func (w Workforce) reachedText() string {
	if !w.HasReached {
		return "Not known: the fair share is 0"
	}
	return percent(w.Reached) + decileText(w.ReachedDecile)
}

// patients names the population the rate is divided by (docs/need.md): need-adjusted,
// as every "FTE per 10,000", or registered patients when none of the network's
// practices has age data and its list is the denominator.
func (w Workforce) patients() string {
	if w.Denominator == need.List {
		return "registered patients (none of its practices has age data)"
	}
	return "need-adjusted patients"
}

func (w Workforce) per10kText() string {
	if !w.HasPerTenThousand {
		return "Not known: no patients"
	}
	return ui.Decimal(w.PerTenThousand, 2) + decileText(w.Per10kDecile)
}

func decileText(d int) string {
	if d == 0 {
		return ""
	}
	return " (England decile " + strconv.Itoa(d) + " of 10)"
}

func (f Funding) summary() ui.SummaryListParams {
	rows := make([]ui.SummaryListRow, 0, len(f.Years))
	for _, y := range f.Years {
		text, flag := "Headroom "+y.Headroom.Whole(), ""
		if y.Headroom < 0 {
			text, flag = "Over-committed by "+(-y.Headroom).Whole(), "Over-committed"
		}
		rows = append(rows, ui.SummaryListRow{Key: y.Label + ", " + y.Name, Content: flagged(text, "dash-headroom-"+y.Key, flag != "", flag)})
	}
	return ui.SummaryListParams{ID: "dash-funding-summary", Rows: rows}
}

func (s Supervision) summary() ui.SummaryListParams {
	if s.NoSupervision {
		return ui.SummaryListParams{ID: "dash-supervision-summary", Rows: []ui.SummaryListRow{
			{Key: "Staff needing clinical supervision", Content: figure(strconv.Itoa(s.Needing), "dash-needing")},
			{Key: "Of them, who have it", Content: figure(supervisionweb.NoSupervisionText, "dash-coverage")},
		}}
	}
	coverage := strconv.Itoa(s.Covered) + " of " + strconv.Itoa(s.Needing) + " (" + percent(s.Share) + ")"
	return ui.SummaryListParams{ID: "dash-supervision-summary", Rows: []ui.SummaryListRow{
		{Key: "Staff needing clinical supervision who have it", Content: flagged(coverage, "dash-coverage", s.Covered < s.Needing, "Not everyone is covered")},
		{Key: "Overloaded supervisors", Content: flagged(strconv.Itoa(s.Overloaded), "dash-overloaded", s.Overloaded > 0, "Overloaded")},
		{Key: "Supervisors over the trainee ratio", Content: flagged(strconv.Itoa(s.OverRatio), "dash-over-ratio", s.OverRatio > 0, "Over the ratio")},
		{Key: "Trainees, against places (4 per full-time supervisor)", Content: figure(strconv.Itoa(s.Trainees)+" of "+ui.Decimal(s.TraineeCapacity, 1), "dash-trainees")},
		{Key: "GP sessions a month taken from clinical work", Content: figure(ui.Decimal(s.GPSessions, 1)+" ("+ui.Decimal(s.LinkedHours, 1)+" hours)", "dash-gp-sessions")},
	}}
}

func (r Rooms) summary() ui.SummaryListParams {
	if r.NoSites {
		return ui.SummaryListParams{ID: "dash-rooms-summary", Rows: []ui.SummaryListRow{
			{Key: "Room sessions a week available at the sites", Content: figure(roomsweb.NoSitesText, "dash-rooms-available")},
			{Key: "Needed by the staff in post", Content: figure(sessions(r.NeededNow), "dash-rooms-needed-now")},
		}}
	}
	rows := []ui.SummaryListRow{
		{Key: "Room sessions a week available at the sites", Content: figure(sessions(r.Available), "dash-rooms-available")},
		{Key: "Needed by the staff in post", Content: figure(sessions(r.NeededNow), "dash-rooms-needed-now")},
		{Key: "Short now", Content: flagged(sessions(r.ShortNow), "dash-rooms-short-now", r.ShortNow > 0, "Short")},
	}
	if len(r.Quarters) > 0 {
		first := r.FirstShort
		if first == "" {
			first = "None"
		}
		rows = append(rows,
			ui.SummaryListRow{Key: "Short with the plan by " + r.Quarters[len(r.Quarters)-1].Quarter,
				Content: flagged(sessions(r.ShortWithPlan), "dash-rooms-short-with-plan", r.ShortWithPlan > 0, "Short")},
			ui.SummaryListRow{Key: "First quarter short with the plan", Content: figure(first, "dash-rooms-first-short")})
	}
	return ui.SummaryListParams{ID: "dash-rooms-summary", Rows: rows}
}

// arrsFTE is the ARRS FTE of the leavers.
func (l Leaving) arrsFTE() float64 {
	var sum float64
	for _, p := range l.People {
		if p.ARRS {
			sum += p.FTE
		}
	}
	return sum
}

func (l Leaving) summary() ui.SummaryListParams {
	return ui.SummaryListParams{ID: "dash-leaving-summary", Rows: []ui.SummaryListRow{
		{Key: "Staff records ending by " + l.Until.Format(dateLong), Content: figure(strconv.Itoa(len(l.People)), "dash-leaving-count")},
		{Key: "Of them, ARRS FTE", Content: figure(ui.Decimal(l.arrsFTE(), 2), "dash-leaving-fte")},
	}}
}

func (p PlanStatus) summary() ui.SummaryListParams {
	waits := p.WaitsFor
	if waits == "" {
		waits = "Nobody: the ICB has accepted it"
	}
	rows := []ui.SummaryListRow{
		{Key: "Newest version", Content: figure(p.Version+", since "+p.Since.Format(dateLong), "dash-plan-version")},
		{Key: "Status", Content: tag(p.Status, "dash-plan-status")},
		{Key: "Waiting for", Content: figure(waits, "dash-plan-waits")},
	}
	if p.Current != "" {
		rows = append(rows, ui.SummaryListRow{Key: "The figures use", Content: figure(p.Current, "dash-plan-current")})
	}
	return ui.SummaryListParams{ID: "dash-plan-summary", Rows: rows}
}

// notes say, for a year, what stands in for a missing figure.
func (y FundingYear) notes() []string {
	var out []string
	if y.ListSize {
		out = append(out, y.Name+": the registered list stands in for the weighted population.")
	}
	if y.RateAssumed {
		out = append(out, y.Name+": no rate is published yet, so the latest earlier year's rate stands in.")
	}
	if y.NoRate {
		out = append(out, y.Name+": no rate is known, so the entitlement is £0.")
	}
	return out
}
