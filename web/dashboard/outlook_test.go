package dashboard

import (
	"testing"

	"github.com/arrs-planner/arrs/internal/planning"
)

// outlookYears are 2026/27 and 2027/28, both on track with money of £100,000 against
// £90,000 spent, changed by f.
func outlookYears(f func(y []OutlookYear)) []OutlookYear {
	ys := []OutlookYear{
		{Key: "2026", Name: "2026/27", Verdict: planning.OnTrack, Staff: planning.OnTrack, Money: planning.OnTrack, HasMoney: true, Entitlement: 100_000_00, Spend: 90_000_00},
		{Key: "2027", Name: "2027/28", Verdict: planning.OnTrack, Staff: planning.OnTrack, Money: planning.OnTrack, HasMoney: true, Entitlement: 100_000_00, Spend: 90_000_00},
	}
	if f != nil {
		f(ys)
	}
	return ys
}

func TestOutlookSentence(t *testing.T) {
	t.Parallel()
	over := func(y []OutlookYear) {
		y[1].Verdict, y[1].Money, y[1].Spend, y[1].Over = planning.OffTrack, planning.OffTrack, 112_400_00, 12_400_00
	}
	cases := []struct {
		name string
		o    Outlook
		want string
	}{
		{"on track throughout", Outlook{FairShare: 15, Last: "2027/28 Q4", Years: outlookYears(nil)},
			"On track this year and next: the projection with the plan stays at or above the fair share of 15.0 FTE to 2027/28 Q4 and " +
				"spending stays within the entitlement in 2026/27 and 2027/28."},
		{"falls below in a later quarter", Outlook{FairShare: 15, Below: "2027/28 Q3", BelowFTE: 14.2, Last: "2027/28 Q4",
			Years: outlookYears(func(y []OutlookYear) { y[1].Verdict, y[1].Staff = planning.OffTrack, planning.OffTrack })},
			"On track this year; from 2027/28 Q3 the projection with the plan falls below the fair share (14.2 FTE against a fair share of 15.0 FTE) and " +
				"spending stays within the entitlement in 2026/27 and 2027/28."},
		{"money over in one year", Outlook{FairShare: 15, Last: "2027/28 Q4", Years: outlookYears(over)},
			"On track this year; the projection with the plan stays at or above the fair share of 15.0 FTE to 2027/28 Q4; " +
				"2027/28 spending exceeds the entitlement by £12,400 and spending stays within the entitlement in 2026/27."},
		{"both, below by less than 0.1 FTE", Outlook{FairShare: 15, Below: "2026/27 Q2", BelowFTE: 14.96, Last: "2027/28 Q4", NoPlan: true,
			Years: outlookYears(func(y []OutlookYear) { over(y); y[0].Verdict, y[0].Staff = planning.OffTrack, planning.OffTrack })},
			"Not on track this year: from 2026/27 Q2 the projection with no plan falls below the fair share (14.96 FTE against a fair share of 15.00 FTE); " +
				"2027/28 spending exceeds the entitlement by £12,400 and spending stays within the entitlement in 2026/27."},
		{"no census", Outlook{NoCensus: true, Years: outlookYears(func(y []OutlookYear) { y[0].Verdict, y[1].Verdict = planning.NotKnown, planning.NotKnown })},
			"Not known whether the network is on track this year: no workforce data has been imported, so the projection against the fair share is not known and " +
				"spending stays within the entitlement in 2026/27 and 2027/28."},
		{"no target, no rate", Outlook{NoTarget: true, Years: outlookYears(func(y []OutlookYear) {
			y[0].Verdict, y[1].Verdict, y[1].NoRate = planning.NotKnown, planning.NotKnown, true
		})},
			"Not known whether the network is on track this year: no target is set, so the network has no fair share to measure against; " +
				"no funding rate is held for 2027/28, so its entitlement is not known and spending stays within the entitlement in 2026/27."},
		{"next year's spend leaves a record out", Outlook{FairShare: 15, Last: "2027/28 Q4", Years: outlookYears(func(y []OutlookYear) {
			y[1].Verdict, y[1].Money, y[1].Uncosted = planning.NotKnown, planning.NotKnown, 2
		})},
			"On track this year, not known for next year: the projection with the plan stays at or above the fair share of 15.0 FTE to 2027/28 Q4; " +
				"2027/28 spending leaves out 2 records with neither a cost nor a cap and spending stays within the entitlement in 2026/27."},
		{"no years", Outlook{}, "Not known whether the network is on track: the projection is not known."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := c.o.Sentence(); got != c.want {
				t.Errorf("sentence\n got %q\nwant %q", got, c.want)
			}
		})
	}
}

// Each year's money is in the figures behind the line, over flagged.
func TestOutlookSummary(t *testing.T) {
	t.Parallel()
	o := Outlook{FairShare: 15, Last: "2027/28 Q4", Years: outlookYears(func(y []OutlookYear) {
		y[1].Spend, y[1].Over = 112_400_00, 12_400_00
		y[0].NoRate = true
	})}
	rows := o.summary().Rows
	keys := map[string]bool{}
	for _, r := range rows {
		keys[r.Key] = true
	}
	for _, k := range []string{"Fair share in post", "First quarter below the fair share", "Projected at the end of 2026/27",
		"Entitlement, 2026/27", "Spending committed and planned, 2027/28"} {
		if !keys[k] {
			t.Errorf("no row %q in %v", k, keys)
		}
	}
	if got := o.Years[0].moneyClause(); got != "no funding rate is held for 2026/27, so its entitlement is not known" {
		t.Errorf("no rate: %q", got)
	}
}
