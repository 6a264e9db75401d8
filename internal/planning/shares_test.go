package planning

import (
	"testing"

	"github.com/arrs-planner/arrs/internal/workforce"
)

const mhp = "mental_health_practitioner"

// nationalShares are role_shares as `arrs seed reference` loads them (DOMAIN.md),
// listed out of order.
var nationalShares = []workforce.RoleShare{
	{RoleCode: mhp, EffectiveFrom: day("2026-04-01"), Share: 0.5},
	{RoleCode: mhp, EffectiveFrom: day("2019-04-01"), Share: 0.5},
	{RoleCode: mhp, EffectiveFrom: day("2024-04-01"), Share: 1},
}

// mhpAgreement is a PCN's written agreement with its trust: 100% from 1 October 2026
// to 31 March 2027.
var mhpAgreement = workforce.ShareAgreement{ID: 3, PCNCode: "U00001", RoleCode: mhp, Share: 1,
	From: day("2026-10-01"), To: day("2027-04-01"), AgreedOn: day("2026-09-15"), Party: "the mental health trust"}

func TestSharesOn(t *testing.T) {
	t.Parallel()
	other := workforce.ShareAgreement{RoleCode: "paramedic", Share: 0.8, From: day("2026-06-01")}
	full := NewShares(nationalShares, []workforce.ShareAgreement{mhpAgreement, other})
	builtIn := NewShares(nil, []workforce.ShareAgreement{mhpAgreement})
	cases := []struct {
		name   string
		s      Shares
		role   string
		d      string
		want   float64
		agreed bool
	}{
		{"zero: built-in 50% from 2026", Shares{}, mhp, "2026-05-01", 0.5, false},
		{"zero: built-in 100% in 2025/26", Shares{}, mhp, "2025-05-01", 1, false},
		{"zero: built-in 50% before 2024", Shares{}, mhp, "2024-03-31", 0.5, false},
		{"zero: other roles in full", Shares{}, "care_coordinator", "2026-05-01", 1, false},
		{"national 50%", full, mhp, "2026-09-30", 0.5, false},
		{"agreement's first day", full, mhp, "2026-10-01", 1, true},
		{"agreement's last day", full, mhp, "2027-03-31", 1, true},
		{"agreement ended", full, mhp, "2027-04-01", 0.5, false},
		{"national 100% in 2025/26", full, mhp, "2025-01-01", 1, false},
		{"national from its first day", full, mhp, "2019-04-01", 0.5, false},
		{"before any national share: in full", full, mhp, "2019-03-31", 1, false},
		{"no national share for the role", full, "care_coordinator", "2026-10-01", 1, false},
		{"another role's agreement", full, "paramedic", "2026-06-01", 0.8, true},
		{"before the other agreement", full, "paramedic", "2026-05-31", 1, false},
		{"built-in with an agreement", builtIn, mhp, "2026-10-01", 1, true},
		{"built-in without", builtIn, mhp, "2026-09-01", 0.5, false},
	}
	for _, c := range cases {
		got := c.s.On(c.role, day(c.d))
		if got.Share != c.want || (got.Agreement != nil) != c.agreed {
			t.Errorf("%s: On(%s, %s) = %v (agreement %v), want %v (%v)", c.name, c.role, c.d, got.Share, got.Agreement, c.want, c.agreed)
		}
	}
}

// A mental health practitioner in 2026/27 at £55,000 (band 7 post: cap £66,972 above
// the cost), 1.0 FTE all year.
//   - By default 50%: 5,500,000 × 0.5 / 12 = 229,166.67 → 229,167p a month,
//     2,750,004p a year.
//   - With the agreement from 1 October: April–September 229,167p × 6 = 1,375,002p;
//     October–March at 100%, 5,500,000 / 12 = 458,333.33 → 458,333p × 6 = 2,749,998p;
//     the year 4,125,000p.
//   - An agreement from 15 October applies from the first month it covers on the 1st:
//     October still 50%, November–March 458,333p × 5: 229,167 × 7 + 2,291,665 =
//     3,895,834p.
func TestMentalHealthAgreement(t *testing.T) {
	t.Parallel()
	s := workforce.Staff{RoleCode: mhp, Band: "7", FTE: 1, Start: day("2020-01-01"), AnnualCostPence: 5500000}
	year := func(shares Shares) FundingLine {
		in := FundingInputs{Year: 2026, Staff: []workforce.Staff{s}, AsOf: day("2026-11-30"), Caps: bandCaps, Shares: shares}
		return YearFunding(in).Lines[0]
	}
	for _, shares := range []Shares{{}, NewShares(nationalShares, nil)} {
		if l := year(shares); l.TotalPence != 2750004 || l.ShareAgreed || l.Months[11].Share != 0.5 {
			t.Errorf("default: %d, agreed %v; want 2750004 at 50%%", l.TotalPence, l.ShareAgreed)
		}
	}
	l := year(NewShares(nationalShares, []workforce.ShareAgreement{mhpAgreement}))
	if l.TotalPence != 4125000 || !l.ShareAgreed || l.MonthPence[5] != 229167 || l.MonthPence[6] != 458333 ||
		l.Months[5].Share != 0.5 || l.Months[6].Share != 1 {
		t.Errorf("agreed from October: %d, months %v, terms %+v", l.TotalPence, l.MonthPence, l.Months)
	}
	mid := mhpAgreement
	mid.From = day("2026-10-15")
	if l := year(NewShares(nationalShares, []workforce.ShareAgreement{mid})); l.TotalPence != 3895834 || l.MonthPence[6] != 229167 {
		t.Errorf("agreed from 15 October: %d, October %d", l.TotalPence, l.MonthPence[6])
	}
}
