package refdata

import (
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// TestRoleSharesAreTheBuiltIn checks that role_shares.csv, which `arrs seed reference`
// loads, answers as workforce.ReimbursementShare (the built-in table the zero
// planning.Shares falls back on) for every role on the first of every month from the
// role's start to March 2031: the latest share on or before the day, else 1.
func TestRoleSharesAreTheBuiltIn(t *testing.T) {
	t.Parallel()
	ref, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(ref.RoleShares) == 0 {
		t.Fatal("no role shares")
	}
	roles := map[string]bool{}
	for _, r := range ref.Roles {
		roles[r.Code] = true
	}
	for _, s := range ref.RoleShares {
		if !roles[s.RoleCode] {
			t.Errorf("share of unknown role %q", s.RoleCode)
		}
	}
	for _, r := range ref.Roles {
		for d := r.Added; d.Before(workforce.Date(2031, time.April, 1)); d = d.AddDate(0, 1, 0) {
			if got, want := shareOn(ref.RoleShares, r.Code, d), workforce.ReimbursementShare(r.Code, d); got != want {
				t.Errorf("%s on %s: role_shares.csv %v, built in %v", r.Code, d.Format(time.DateOnly), got, want)
			}
		}
	}
}

// shareOn is the share in force on d: the latest by date on or before it, else 1.
func shareOn(shares []workforce.RoleShare, role string, d time.Time) float64 {
	share, from := 1.0, time.Time{}
	for _, s := range shares {
		if s.RoleCode == role && !s.EffectiveFrom.After(d) && !s.EffectiveFrom.Before(from) {
			share, from = s.Share, s.EffectiveFrom
		}
	}
	return share
}

// TestPracticeGPScheme checks the scheme's figures of DOMAIN.md: £4.57 per adjusted
// patient in 2026/27, £152,900 per WTE (£155,698 in London) from 1 April 2026.
func TestPracticeGPScheme(t *testing.T) {
	t.Parallel()
	ref, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(ref.PracticeGPRates) != 1 || ref.PracticeGPRates[0].FinancialYear != "2026/27" || ref.PracticeGPRates[0].RateGBP != 4.57 ||
		!ref.PracticeGPRates[0].Starts.Equal(workforce.Date(2026, time.April, 1)) {
		t.Errorf("rates: %+v", ref.PracticeGPRates)
	}
	want := map[bool]workforce.Pence{false: 15290000, true: 15569800}
	if len(ref.PracticeGPCaps) != 2 {
		t.Fatalf("caps: %+v", ref.PracticeGPCaps)
	}
	for _, c := range ref.PracticeGPCaps {
		if c.Pence != want[c.London] || !c.EffectiveFrom.Equal(workforce.Date(2026, time.April, 1)) {
			t.Errorf("cap %+v, want %d from 2026-04-01", c, want[c.London])
		}
		// The plan file and grid refuse practice-scheme lines before PracticeGPFrom; the
		// money starts the scheme at its first cap: they must be the same day.
		if c.EffectiveFrom.Before(workforce.PracticeGPFrom) || !c.London && !c.EffectiveFrom.Equal(workforce.PracticeGPFrom) {
			t.Errorf("the scheme's first cap starts %s, the plan's PracticeGPFrom %s", c.EffectiveFrom.Format(time.DateOnly), workforce.PracticeGPFrom.Format(time.DateOnly))
		}
	}
}
