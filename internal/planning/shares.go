package planning

import (
	"slices"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// Shares answers a PCN's reimbursement share of a role on a day (PLANNING.md, "A role's
// reimbursement share on a day (DOMAIN.md; default 100%) multiplies what is
// claimable"): the PCN's written agreement in force on the day, else the national
// share of the role in force (the latest by effective date), else 1.
//
// The zero Shares holds no national figures and no agreements: it answers with
// workforce.ReimbursementShare, the built-in national table that `arrs seed reference`
// loads into role_shares, so that pure tests need no data.
type Shares struct {
	national   map[string][]datedShare
	agreements []workforce.ShareAgreement
}

type datedShare struct {
	from  time.Time
	share float64
}

func (x datedShare) fromDay() time.Time { return x.from }

// NewShares indexes the national shares and one PCN's agreements. With no national
// shares at all (none loaded) the built-in table stands in, as for the zero Shares.
func NewShares(national []workforce.RoleShare, agreements []workforce.ShareAgreement) Shares {
	s := Shares{agreements: slices.Clone(agreements)}
	if len(national) == 0 {
		return s
	}
	s.national = make(map[string][]datedShare)
	for _, r := range national {
		s.national[r.RoleCode] = append(s.national[r.RoleCode], datedShare{r.EffectiveFrom, r.Share})
	}
	for _, list := range s.national {
		sortDated(list)
	}
	return s
}

// ShareOn is a share on a day and what sets it.
type ShareOn struct {
	Share float64
	// Agreement is the PCN's agreement that sets it; nil for the national share. It
	// points into the Shares: read it, do not change it.
	Agreement *workforce.ShareAgreement
}

// On is the share of the PCN's posts in the role on day d: the agreement covering d
// (of two, which the database does not allow, the later-starting one), else the
// national share with the latest effective date on or before d, else 1 (a role with no
// national share before d is reimbursed in full).
func (s Shares) On(role string, d time.Time) ShareOn {
	if a := s.agreementOn(role, d); a != nil {
		return ShareOn{Share: a.Share, Agreement: a}
	}
	if s.national == nil {
		return ShareOn{Share: workforce.ReimbursementShare(role, d)}
	}
	if x, ok := latest(s.national[role], d); ok {
		return ShareOn{Share: x.share}
	}
	return ShareOn{Share: 1}
}

// agreementOn is the agreement for the role covering d; nil when none.
func (s Shares) agreementOn(role string, d time.Time) *workforce.ShareAgreement {
	var found *workforce.ShareAgreement
	for i := range s.agreements {
		a := &s.agreements[i]
		if a.RoleCode == role && a.Covers(d) && (found == nil || a.From.After(found.From)) {
			found = a
		}
	}
	return found
}
