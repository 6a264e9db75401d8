package dashboard

import (
	"time"

	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// OutlookYears is how many financial years the clinical director's one line judges:
// this one and the next (issue 13, item 6).
const OutlookYears = 2

// Outlook is the clinical director's one line (docs/outlook.md): whether the network
// is on track for its fair share and for its money in each quarter of this financial
// year and the next, from the same figures the dashboard draws, and the first quarter
// where it stops being so.
type Outlook struct {
	// Years are the financial years judged, in order.
	Years []workforce.FinancialYear
	Staff StaffOutlook
	Money []MoneyOutlook // one a year of Years
}

// StaffOutlook is the projection with the current plan (the official figures: never a
// draft) against the fair share, on the last day of each quarter judged.
type StaffOutlook struct {
	// NoCensus and NoTarget say why the projection is not known.
	NoCensus, NoTarget bool
	// FairShare is the FTE in post that reaches the fair share, baseline(p) +
	// target(p): the line on the dashboard's chart.
	FairShare float64
	// Quarters are the dashboard's projections of the quarters of Outlook.Years.
	Quarters []Quarter
	// Below is the first of Quarters projected below FairShare; nil when none is.
	Below *Quarter
}

// MoneyOutlook is one financial year's planned spend against its entitlement, as the
// funding page works them out.
type MoneyOutlook struct {
	Year workforce.FinancialYear
	// Spend is committed + planned: the claims of the staff in post and of the current
	// plan's starters less its leavers.
	Entitlement, Spend workforce.Pence
	// NoRate: no funding rate is held, so the entitlement is not known. Partial: the
	// year starts before the staff data, so its committed claims are not all known.
	// Uncosted counts the records and plan lines with neither a cost nor a cap, left
	// out of Spend.
	NoRate, Partial bool
	Uncosted        int
}

// OutlookOf judges the workforce and funding parts of a dashboard for the financial
// year of day d (today) and the next.
func OutlookOf(w Workforce, f Funding, d time.Time) Outlook {
	first := workforce.FinancialYearOf(d)
	o := Outlook{}
	for y := first; y < first+OutlookYears; y++ {
		o.Years = append(o.Years, y)
	}
	o.Staff = staffOutlook(w, o.judges)
	for _, y := range f.Years {
		if o.judges(y.Year.Year) {
			o.Money = append(o.Money, MoneyOutlook{Year: y.Year.Year, Entitlement: y.Funding.EntitlementPence,
				Spend: y.Funding.CommittedPence + y.Funding.PlannedPence, NoRate: !y.Year.RateKnown, Partial: y.Partial(), Uncosted: y.Uncosted()})
		}
	}
	return o
}

// judges reports whether year y is one the outlook judges.
func (o Outlook) judges(y workforce.FinancialYear) bool {
	return len(o.Years) > 0 && y >= o.Years[0] && y <= o.Years[len(o.Years)-1]
}

// staffOutlook keeps the quarters of the years judged and finds the first below the
// fair share.
func staffOutlook(w Workforce, judged func(workforce.FinancialYear) bool) StaffOutlook {
	s := StaffOutlook{NoCensus: w.NoCensus, NoTarget: w.NoTarget}
	if s.NoCensus || s.NoTarget {
		return s
	}
	s.FairShare = w.Position.Baseline + w.Position.FairShare
	for _, q := range w.Quarters {
		if judged(q.Quarter.Year) {
			s.Quarters = append(s.Quarters, q)
		}
	}
	for i, q := range s.Quarters {
		if Below(q.WithPlan, s.FairShare) {
			s.Below = &s.Quarters[i]
			break
		}
	}
	return s
}

// Below reports whether a projection falls short of the fair share. Both are rounded
// to 0.01 FTE first, the precision every page agrees to (workforce.DiffersFTE): a
// shortfall the pages cannot show is none.
func Below(projected, fairShare float64) bool {
	return workforce.Round(projected, 2) < workforce.Round(fairShare, 2)
}

// Verdict is the staff part in year y: on track when every quarter of y is projected
// at or above the fair share.
func (s StaffOutlook) Verdict(y workforce.FinancialYear) planning.Verdict {
	if s.NoCensus || s.NoTarget {
		return planning.NotKnown
	}
	v := planning.NotKnown // no quarter of y: nothing to judge
	for _, q := range s.Quarters {
		if q.Quarter.Year != y {
			continue
		}
		if Below(q.WithPlan, s.FairShare) {
			return planning.OffTrack
		}
		v = planning.OnTrack
	}
	return v
}

// YearEnd is the projection on the last day of year y; ok is false when it is not
// known.
func (s StaffOutlook) YearEnd(y workforce.FinancialYear) (q Quarter, ok bool) {
	for _, q := range s.Quarters {
		if q.Quarter == (workforce.Quarter{Year: y, N: 4}) {
			return q, true
		}
	}
	return Quarter{}, false
}

// Over is how far the spend passes the entitlement; 0 when it does not.
func (m MoneyOutlook) Over() workforce.Pence { return max(m.Spend-m.Entitlement, 0) }

// Verdict is the year's money: off track when the spend known passes the entitlement
// (what is left out would only add to it), not known when the entitlement is not or
// the spend leaves something out, else on track.
func (m MoneyOutlook) Verdict() planning.Verdict {
	switch {
	case m.NoRate:
		return planning.NotKnown
	case m.Over() > 0:
		return planning.OffTrack
	case m.Partial || m.Uncosted > 0:
		return planning.NotKnown
	}
	return planning.OnTrack
}

// MoneyOf is the money of year y; ok is false when the funding part has no such year.
func (o Outlook) MoneyOf(y workforce.FinancialYear) (MoneyOutlook, bool) {
	for _, m := range o.Money {
		if m.Year == y {
			return m, true
		}
	}
	return MoneyOutlook{}, false
}

// Verdict is year y as a whole: off track when either part is, else not known when
// either is, else on track.
func (o Outlook) Verdict(y workforce.FinancialYear) planning.Verdict {
	staff := o.Staff.Verdict(y)
	money := planning.NotKnown
	if m, ok := o.MoneyOf(y); ok {
		money = m.Verdict()
	}
	switch {
	case staff == planning.OffTrack || money == planning.OffTrack:
		return planning.OffTrack
	case staff == planning.NotKnown || money == planning.NotKnown:
		return planning.NotKnown
	}
	return planning.OnTrack
}
