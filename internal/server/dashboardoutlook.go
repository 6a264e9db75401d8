package server

import (
	"strconv"

	"github.com/arrs-planner/arrs/internal/dashboard"

	dashboardweb "github.com/arrs-planner/arrs/web/dashboard"
)

// dashboardOutlook is the one line's facts as the page shows them: the decisions are
// dashboard.OutlookOf's, the words web/dashboard's. noPlan is true when the network has
// no current plan.
func dashboardOutlook(o dashboard.Outlook, noPlan bool) dashboardweb.Outlook {
	s := o.Staff
	out := dashboardweb.Outlook{NoCensus: s.NoCensus, NoTarget: s.NoTarget, NoPlan: noPlan, FairShare: s.FairShare}
	if s.Below != nil {
		out.Below, out.BelowFTE = s.Below.Quarter.String(), s.Below.WithPlan
	}
	if len(s.Quarters) > 0 {
		out.Last = s.Quarters[len(s.Quarters)-1].Quarter.String()
	}
	for _, y := range o.Years {
		v := dashboardweb.OutlookYear{Key: strconv.Itoa(int(y)), Name: y.String(), Verdict: o.Verdict(y), Staff: s.Verdict(y)}
		if q, ok := s.YearEnd(y); ok {
			v.End, v.EndFTE, v.HasEnd, v.EndBelow = q.Day, q.WithPlan, true, dashboard.Below(q.WithPlan, s.FairShare)
		}
		if m, ok := o.MoneyOf(y); ok {
			v.HasMoney, v.Money, v.Entitlement, v.Spend, v.Over = true, m.Verdict(), m.Entitlement, m.Spend, m.Over()
			v.NoRate, v.Partial, v.Uncosted = m.NoRate, m.Partial, m.Uncosted
		}
		out.Years = append(out.Years, v)
	}
	return out
}
