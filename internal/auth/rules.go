package auth

import "slices"

// Rule is the access rule of a group of routes: who may call them. Every route is
// registered with one; the server's matrix test walks them all.
type Rule int

// The rules. A rule ending in a kind of organisation is judged on the organisation
// the URL names (its {code}): see OnPCN and OnICB.
const (
	// Public routes need no sign-in: sign-in itself, the role guide, health, assets.
	Public Rule = iota
	// SignedIn routes show the national picture to every signed-in user.
	SignedIn
	// PCNMembers routes show one PCN's detail to its own users, the leads of its ICB
	// and admins.
	PCNMembers
	// Importers routes load national files: ICB leads and admins.
	Importers
	// Planners routes change plans of PCNs the user manages or leads (the handler
	// checks each PCN): PCN managers, ICB leads and admins.
	Planners
	// Auditors routes read the audit trail: ICB leads (their ICBs) and admins.
	Auditors
	// AdminsOnly routes manage users and reference data.
	AdminsOnly
	// PCNManagers routes change one PCN's records: its managers and admins. Its
	// clinical directors and ICB leads see them (PCNMembers), not change.
	PCNManagers
	// PCNDirectors routes sign off one PCN's plan: its clinical directors.
	PCNDirectors
	// ICBReviewers routes accept or return one PCN's plan: the leads of its ICB, admins.
	ICBReviewers
	// ICBMembers routes show one ICB's detail: to the users of its PCNs, its leads and
	// admins.
	ICBMembers
	// ICBLeads routes change one ICB's records: its leads and admins.
	ICBLeads
)

// String is the rule's name in the security log and the route table.
func (r Rule) String() string {
	return [...]string{"public", "signedIn", "pcnMember", "importers", "planner", "auditor", "adminOnly", "pcnManager", "pcnDirector", "icbReviewer", "icbMember", "icbLead"}[r]
}

// OnPCN reports whether the rule is judged on the PCN the URL names.
func (r Rule) OnPCN() bool {
	return r == PCNMembers || r == PCNManagers || r == PCNDirectors || r == ICBReviewers
}

// OnICB reports whether the rule is judged on the ICB the URL names.
func (r Rule) OnICB() bool { return r == ICBMembers || r == ICBLeads }

// Place is the organisation a rule is judged on: a PCN and its ICB (OnPCN), or an
// ICB (OnICB) with ICBOf, the ICB of any PCN, to find the user's PCNs in it.
type Place struct {
	PCN, ICB string
	ICBOf    func(pcn string) string
}

// Allows reports whether the rule lets the signed-in user in at the place. Public
// routes are let through before anyone signs in, so they are no rule's business here.
func (u *User) Allows(r Rule, at Place) bool {
	switch r {
	case SignedIn:
		return true
	case PCNMembers:
		return u.CanSeePCN(at.PCN, at.ICB)
	case Importers:
		return u.CanImport()
	case Planners:
		return u.CanUploadPlans()
	case Auditors:
		return u.CanAudit()
	case AdminsOnly:
		return u.IsAdmin()
	case PCNManagers:
		return u.CanChangePCN(at.PCN)
	case PCNDirectors:
		return u.CanSignOff(at.PCN)
	case ICBReviewers:
		return u.LeadsPCN(at.PCN, at.ICB)
	case ICBLeads:
		return u.LeadsICB(at.ICB)
	case ICBMembers:
		return u.SeesICB(at.ICB, at.ICBOf)
	}
	return false
}

// CanChangePCN reports whether the user may change a PCN's records (staff, sites,
// supervision, its plan): its managers and admins.
func (u *User) CanChangePCN(pcn string) bool {
	return u.IsAdmin() || u.CanActOnPCN(PCNManager, pcn)
}

// Who may do what to a PCN's recruitment plan (DOMAIN.md, "Users"): viewing is the
// PCNMembers rule (the PCN's users, its ICB's leads, admins); editing, uploading and
// submitting the PCNManagers rule (CanChangePCN); signing off and reviewing below.

// CanSignOff reports whether the user may sign off a PCN's plan: its clinical
// directors (DOMAIN.md, "Users").
func (u *User) CanSignOff(pcn string) bool { return u.CanActOnPCN(ClinicalDirector, pcn) }

// CanReview reports whether the user may accept or return the plan of a PCN in the
// ICB: the ICB's leads and admins. It knows the ICB only: CanReviewPCN also lets in
// the lead of a dissolved ICB the PCN was in on its last day, as the review route
// (ICBReviewers) does.
func (u *User) CanReview(icbOfPCN string) bool { return u.LeadsICB(icbOfPCN) }

// CanReviewPCN reports whether the user may accept or return a PCN's plan: the leads
// of its ICB (LeadsPCN) and admins.
func (u *User) CanReviewPCN(pcn, icbOfPCN string) bool { return u.LeadsPCN(pcn, icbOfPCN) }

// CanUploadPlans reports whether the user may upload plan files: PCN managers, ICB
// leads and admins (each file is checked PCN by PCN).
func (u *User) CanUploadPlans() bool { return u.IsAdmin() || u.Has(ICBLead) || u.Has(PCNManager) }

// CanAudit reports whether the user may read the audit trail: ICB leads and admins.
func (u *User) CanAudit() bool { return u.IsAdmin() || u.Has(ICBLead) }

// SeesICB reports whether the user may see an ICB's detail: admins, its leads, and
// the managers and clinical directors of its PCNs (icbOf finds a PCN's ICB).
func (u *User) SeesICB(icb string, icbOf func(pcn string) string) bool {
	if u.LeadsICB(icb) {
		return true
	}
	return slices.ContainsFunc(u.PCNs(), func(code string) bool { return icbOf(code) == icb })
}
