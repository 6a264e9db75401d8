package refdata

import (
	"math"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// The reference data of the funding streams (issue 14, DOMAIN.md "What changed by
// 2026/27"): the national reimbursement shares by role and date (role_shares.csv, the
// same answers as workforce.ReimbursementShare, TestRoleSharesAreTheBuiltIn), and the
// practice-level GP reimbursement scheme's rates (practice_gp_rates.csv) and caps per
// WTE (practice_gp_caps.csv, London's apart).

func parseRoleShare(ref *Reference, r record) error {
	s := workforce.RoleShare{RoleCode: r.str("role_code"), EffectiveFrom: r.date("effective_from"), Share: r.float("share")}
	if r.err == nil && (s.Share <= 0 || s.Share > 1) {
		r.fail("share", "not more than 0 and at most 1")
	}
	ref.RoleShares = append(ref.RoleShares, s)
	return r.err
}

func parsePracticeGPRate(ref *Reference, r record) error {
	ref.PracticeGPRates = append(ref.PracticeGPRates, r.yearRate())
	return r.err
}

func parsePracticeGPCap(ref *Reference, r record) error {
	ref.PracticeGPCaps = append(ref.PracticeGPCaps, workforce.PracticeGPCap{
		EffectiveFrom: r.date("effective_from"), London: r.bool("london"),
		Pence: workforce.Pence(math.Round(r.float("cap_gbp") * 100)),
	})
	return r.err
}
