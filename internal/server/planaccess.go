package server

import (
	"github.com/arrs-planner/arrs/internal/auth"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// Who may do what to a PCN's recruitment plan (DOMAIN.md, "Users"). Viewing is the
// pcnMember rule (the PCN's users, its ICB's leads, admins); editing, uploading and
// submitting the pcnManager rule (the PCN's managers, admins); the rules below are
// the sign-off's.

// canSignOff: the PCN's clinical directors sign its plan off.
func canSignOff(u *auth.User, pcn string) bool {
	return u.CanActOnPCN(auth.ClinicalDirector, pcn)
}

// canReview: the leads of the PCN's ICB (and admins) accept or return its plan.
func canReview(u *auth.User, p workforce.PCN) bool {
	return u.LeadsICB(p.ICBCode)
}
