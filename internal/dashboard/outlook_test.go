package dashboard

import (
	"testing"

	"github.com/arrs-planner/arrs/internal/funding"
	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// outlookWorkforce is a network with a fair share of 15.0 FTE in post (5 on the
// baseline, 10 more), projected with the plan over the 12 quarters of the window from
// 2026/27 Q1: 16.0 FTE, except the quarters given.
func outlookWorkforce(except map[string]float64) Workforce {
	w := Workforce{Position: planning.Position{Baseline: 5, FairShare: 10}}
	for _, q := range workforce.PlanWindowAt(today) {
		v, ok := except[q.String()]
		if !ok {
			v = 16
		}
		w.Quarters = append(w.Quarters, Quarter{Quarter: q, Day: q.LastDay(), WithPlan: v, WithoutPlan: v - 2})
	}
	return w
}

// outlookFunding is the window's three years, each an entitlement of £100,000 and a
// spend of £90,000 (£60,000 committed, £30,000 planned), except the years whose spend
// is given; a rate is known for each.
func outlookFunding(spend map[workforce.FinancialYear]workforce.Pence) Funding {
	var f Funding
	for _, y := range funding.Years(today) {
		s, ok := spend[y]
		if !ok {
			s = 90_000_00
		}
		f.Years = append(f.Years, funding.PCNYear{Year: funding.Year{Year: y, RateKnown: true},
			Funding: planning.Funding{Year: y, EntitlementPence: 100_000_00, CommittedPence: 60_000_00, PlannedPence: s - 60_000_00}})
	}
	return f
}

func TestOutlookOf(t *testing.T) {
	t.Parallel()
	noRate := outlookFunding(nil)
	noRate.Years[1].Year.RateKnown = false
	uncosted := outlookFunding(nil)
	uncosted.Years[0].Plan = []funding.PlanFunding{{Uncosted: true}}
	uncostedOver := outlookFunding(map[workforce.FinancialYear]workforce.Pence{2026: 100_000_01})
	uncostedOver.Years[0].Plan = []funding.PlanFunding{{Uncosted: true}}
	cases := []struct {
		name string
		w    Workforce
		f    Funding
		// below is the first quarter below the fair share, "" for none; staff and
		// money the verdicts of 2026/27 and 2027/28; over 2027/28's excess.
		below        string
		staff, money [2]planning.Verdict
		year         [2]planning.Verdict
		over         workforce.Pence
	}{
		{name: "on track throughout", w: outlookWorkforce(nil), f: outlookFunding(nil),
			staff: [2]planning.Verdict{planning.OnTrack, planning.OnTrack}, money: [2]planning.Verdict{planning.OnTrack, planning.OnTrack}, year: [2]planning.Verdict{planning.OnTrack, planning.OnTrack}},
		// Exactly the fair share is on track; 14.996 rounds to 15.00, which is too.
		{name: "at the fair share", w: outlookWorkforce(map[string]float64{"2026/27 Q4": 15, "2027/28 Q1": 14.996}), f: outlookFunding(nil),
			staff: [2]planning.Verdict{planning.OnTrack, planning.OnTrack}, money: [2]planning.Verdict{planning.OnTrack, planning.OnTrack}, year: [2]planning.Verdict{planning.OnTrack, planning.OnTrack}},
		{name: "falls below in a later quarter", w: outlookWorkforce(map[string]float64{"2027/28 Q3": 14.2, "2027/28 Q4": 13.9}), f: outlookFunding(nil),
			below: "2027/28 Q3", staff: [2]planning.Verdict{planning.OnTrack, planning.OffTrack}, money: [2]planning.Verdict{planning.OnTrack, planning.OnTrack}, year: [2]planning.Verdict{planning.OnTrack, planning.OffTrack}},
		// The year after next is the plan's, not the outlook's.
		{name: "falls below only after next year", w: outlookWorkforce(map[string]float64{"2028/29 Q1": 10}), f: outlookFunding(map[workforce.FinancialYear]workforce.Pence{2028: 200_000_00}),
			staff: [2]planning.Verdict{planning.OnTrack, planning.OnTrack}, money: [2]planning.Verdict{planning.OnTrack, planning.OnTrack}, year: [2]planning.Verdict{planning.OnTrack, planning.OnTrack}},
		{name: "money over in one year", w: outlookWorkforce(nil), f: outlookFunding(map[workforce.FinancialYear]workforce.Pence{2027: 112_400_00}),
			staff: [2]planning.Verdict{planning.OnTrack, planning.OnTrack}, money: [2]planning.Verdict{planning.OnTrack, planning.OffTrack}, year: [2]planning.Verdict{planning.OnTrack, planning.OffTrack}, over: 12_400_00},
		{name: "both", w: outlookWorkforce(map[string]float64{"2026/27 Q2": 14.9}), f: outlookFunding(map[workforce.FinancialYear]workforce.Pence{2027: 112_400_00}),
			below: "2026/27 Q2", staff: [2]planning.Verdict{planning.OffTrack, planning.OnTrack}, money: [2]planning.Verdict{planning.OnTrack, planning.OffTrack}, year: [2]planning.Verdict{planning.OffTrack, planning.OffTrack}, over: 12_400_00},
		{name: "no census", w: Workforce{NoCensus: true}, f: outlookFunding(nil),
			staff: [2]planning.Verdict{planning.NotKnown, planning.NotKnown}, money: [2]planning.Verdict{planning.OnTrack, planning.OnTrack}, year: [2]planning.Verdict{planning.NotKnown, planning.NotKnown}},
		{name: "no target", w: Workforce{NoTarget: true}, f: outlookFunding(nil),
			staff: [2]planning.Verdict{planning.NotKnown, planning.NotKnown}, money: [2]planning.Verdict{planning.OnTrack, planning.OnTrack}, year: [2]planning.Verdict{planning.NotKnown, planning.NotKnown}},
		{name: "no rate next year", w: outlookWorkforce(nil), f: noRate,
			staff: [2]planning.Verdict{planning.OnTrack, planning.OnTrack}, money: [2]planning.Verdict{planning.OnTrack, planning.NotKnown}, year: [2]planning.Verdict{planning.OnTrack, planning.NotKnown}},
		// A spend that leaves a plan line out is not known to be within; one already
		// over is over, whatever is left out.
		{name: "spend leaves a line out", w: outlookWorkforce(nil), f: uncosted,
			staff: [2]planning.Verdict{planning.OnTrack, planning.OnTrack}, money: [2]planning.Verdict{planning.NotKnown, planning.OnTrack}, year: [2]planning.Verdict{planning.NotKnown, planning.OnTrack}},
		{name: "over, leaving a line out", w: outlookWorkforce(nil), f: uncostedOver,
			staff: [2]planning.Verdict{planning.OnTrack, planning.OnTrack}, money: [2]planning.Verdict{planning.OffTrack, planning.OnTrack}, year: [2]planning.Verdict{planning.OffTrack, planning.OnTrack}},
		{name: "no funding at all", w: outlookWorkforce(nil), f: Funding{},
			staff: [2]planning.Verdict{planning.OnTrack, planning.OnTrack}, money: [2]planning.Verdict{planning.NotKnown, planning.NotKnown}, year: [2]planning.Verdict{planning.NotKnown, planning.NotKnown}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := OutlookOf(c.w, c.f, today)
			if len(o.Years) != 2 || o.Years[0] != 2026 || o.Years[1] != 2027 {
				t.Fatalf("years %v, want 2026/27 and 2027/28", o.Years)
			}
			below := ""
			if o.Staff.Below != nil {
				below = o.Staff.Below.Quarter.String()
			}
			if below != c.below {
				t.Errorf("first below %q, want %q", below, c.below)
			}
			for i, y := range o.Years {
				money := planning.NotKnown // no funding of the year
				if m, ok := o.MoneyOf(y); ok {
					money = m.Verdict()
				}
				if got := o.Staff.Verdict(y); got != c.staff[i] {
					t.Errorf("%v staff %v, want %v", y, got, c.staff[i])
				}
				if got := money; got != c.money[i] {
					t.Errorf("%v money %v, want %v", y, got, c.money[i])
				}
				if got := o.Verdict(y); got != c.year[i] {
					t.Errorf("%v %v, want %v", y, got, c.year[i])
				}
			}
			if m, _ := o.MoneyOf(2027); m.Over() != c.over {
				t.Errorf("2027/28 over by %v, want %v", m.Over(), c.over)
			}
			if len(o.Staff.Quarters) > 8 || len(o.Money) > 2 {
				t.Errorf("judges %d quarters and %d years, want this year and next only", len(o.Staff.Quarters), len(o.Money))
			}
		})
	}
}

// The figures behind the line: the fair share in post and the projection at each
// year's end.
func TestOutlookFigures(t *testing.T) {
	t.Parallel()
	o := OutlookOf(outlookWorkforce(map[string]float64{"2027/28 Q4": 13.9}), outlookFunding(nil), today)
	if o.Staff.FairShare != 15 {
		t.Errorf("fair share %v, want 15", o.Staff.FairShare)
	}
	for y, want := range map[workforce.FinancialYear]float64{2026: 16, 2027: 13.9} {
		if q, ok := o.Staff.YearEnd(y); !ok || q.WithPlan != want || !q.Day.Equal(workforce.Quarter{Year: y, N: 4}.LastDay()) {
			t.Errorf("%v ends %+v (%v), want %v", y, q, ok, want)
		}
	}
	if _, ok := o.Staff.YearEnd(2028); ok {
		t.Error("2028/29 is judged")
	}
	if m, ok := o.MoneyOf(2026); !ok || m.Spend != 90_000_00 || m.Entitlement != 100_000_00 {
		t.Errorf("2026/27 money %+v", m)
	}
}
