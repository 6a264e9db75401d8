package auth

import (
	"fmt"
	"slices"
	"strings"
)

// Role is what a grant lets a user do.
type Role string

// The roles of ARRS Planner (DOMAIN.md, "Users").
const (
	PCNManager       Role = "pcn_manager"
	ClinicalDirector Role = "clinical_director"
	ICBLead          Role = "icb_lead"
	Admin            Role = "admin"
)

// Roles lists every role, in the order forms show them.
var Roles = []Role{PCNManager, ClinicalDirector, ICBLead, Admin}

// ParseRole accepts a role name.
func ParseRole(s string) (Role, error) {
	if r := Role(s); slices.Contains(Roles, r) {
		return r, nil
	}
	return "", fmt.Errorf("role must be one of pcn_manager, clinical_director, icb_lead, admin, not %q", s)
}

// Label is the role's name for people.
func (r Role) Label() string {
	switch r {
	case PCNManager:
		return "PCN manager"
	case ClinicalDirector:
		return "Clinical director"
	case ICBLead:
		return "ICB lead"
	case Admin:
		return "Admin"
	}
	return string(r)
}

// Grant gives a role over an organisation: a PCN code for PCN managers and clinical
// directors, an ICB code for ICB leads, nothing for admins.
type Grant struct {
	Role Role
	Org  string
}

// Validate checks that the grant names the kind of organisation its role needs.
func (g Grant) Validate() error {
	switch g.Role {
	case Admin:
		if g.Org != "" {
			return fmt.Errorf("an admin grant names no organisation")
		}
	case PCNManager, ClinicalDirector:
		if !strings.HasPrefix(g.Org, "U") || len(g.Org) != 6 {
			return fmt.Errorf("a %s grant names a PCN code such as U60057, not %q", g.Role.Label(), g.Org)
		}
	case ICBLead:
		if !icbCode(g.Org) {
			return fmt.Errorf("an ICB lead grant names an ICB code such as QOC or S0E4D, not %q", g.Org)
		}
	default:
		return fmt.Errorf("unknown role %q", g.Role)
	}
	return nil
}

// icbCode reports whether s has the shape of an ICB's ODS code: three characters for
// the ICBs of 2022 (QOC), five for those made from 1 April 2026 (S0E4D).
func icbCode(s string) bool {
	if len(s) != 3 && len(s) != 5 {
		return false
	}
	for _, c := range s {
		if (c < 'A' || c > 'Z') && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// User is a person who can sign in, with their grants.
type User struct {
	ID           int64
	Email        string
	Name         string
	PasswordHash string
	Active       bool
	// Demo marks an account of `arrs seed demo`, whose password is published; the
	// server warns loudly when one is active in production.
	Demo    bool
	Version int
	Grants  []Grant
	// Dissolved are the user's ICB lead grants on ICBs dissolved by today, each with
	// the PCNs it still opens (the store reads them with the grants).
	Dissolved []DissolvedICB
}

// Has reports whether the user holds a role for any organisation.
func (u *User) Has(role Role) bool {
	return u != nil && slices.ContainsFunc(u.Grants, func(g Grant) bool { return g.Role == role })
}

// IsAdmin reports whether the user may see and do everything.
func (u *User) IsAdmin() bool { return u.Has(Admin) }

// ICBs are the ICBs the user leads.
func (u *User) ICBs() []string { return u.orgs(ICBLead) }

// PCNs are the PCNs the user manages or directs.
func (u *User) PCNs() []string { return append(u.orgs(PCNManager), u.orgs(ClinicalDirector)...) }

func (u *User) orgs(role Role) []string {
	if u == nil {
		return nil
	}
	var out []string
	for _, g := range u.Grants {
		if g.Role == role && !slices.Contains(out, g.Org) {
			out = append(out, g.Org)
		}
	}
	return out
}

// CanSeePCN reports whether the user may see a PCN's staff detail: that PCN's own
// users, the leads of its ICB (LeadsPCN), and admins.
func (u *User) CanSeePCN(pcn, icbOfPCN string) bool {
	if u == nil {
		return false
	}
	return u.IsAdmin() || slices.Contains(u.PCNs(), pcn) || u.LeadsPCN(pcn, icbOfPCN)
}

// CanActOnPCN reports whether the user holds a given role for a PCN (directly, not
// through an ICB): e.g. only the PCN's manager edits its plan.
func (u *User) CanActOnPCN(role Role, pcn string) bool {
	return u != nil && slices.Contains(u.Grants, Grant{Role: role, Org: pcn})
}

// LeadsICB reports whether the user is a lead of the ICB (admins lead every ICB).
func (u *User) LeadsICB(icb string) bool {
	return u != nil && (u.IsAdmin() || slices.Contains(u.ICBs(), icb))
}

// CanImport reports whether the user may load national files (NWRS, populations):
// ICB leads and admins.
func (u *User) CanImport() bool { return u.IsAdmin() || u.Has(ICBLead) }

// ErrSelfSignOff refuses grants that would let someone sign off their own plan.
type ErrSelfSignOff struct{ PCN string }

func (e ErrSelfSignOff) Error() string {
	return "a user cannot be both the PCN manager and a clinical director of " + e.PCN + ", or they would sign off their own plan"
}

// CheckGrants refuses a set of grants holding both the manager and the clinical
// director role for one PCN: the director signs off the plan the manager writes, so
// the two must be different people (DOMAIN.md, "Users": the manager submits the
// plan, the clinical director signs it off).
func CheckGrants(gs []Grant) error {
	for _, g := range gs {
		if g.Role == PCNManager && slices.Contains(gs, Grant{Role: ClinicalDirector, Org: g.Org}) {
			return ErrSelfSignOff{PCN: g.Org}
		}
	}
	return nil
}

// ErrSelfAccept refuses grants that would let someone accept the plan they signed off.
type ErrSelfAccept struct{ PCN, ICB string }

func (e ErrSelfAccept) Error() string {
	return "a user cannot be both a clinical director of " + e.PCN + " and a lead of its ICB " + e.ICB +
		", or they would accept the plan they signed off"
}

// CheckGrantsIn is CheckGrants with the rule that needs to know which ICB each PCN is
// in (icbOf, "" for an unknown PCN): it also refuses a clinical director's grant for a
// PCN together with a lead's grant for that PCN's ICB, since the ICB's leads accept
// the plan the director signs off (DOMAIN.md, "Users"). The workflow refuses the
// same person both moves anyway (workforce.DutyError); this keeps such accounts from
// being made. Admins act everywhere and are kept apart by the workflow alone.
func CheckGrantsIn(gs []Grant, icbOf func(pcn string) string) error {
	if err := CheckGrants(gs); err != nil {
		return err
	}
	for _, g := range gs {
		if g.Role != ClinicalDirector {
			continue
		}
		if icb := icbOf(g.Org); icb != "" && slices.Contains(gs, Grant{Role: ICBLead, Org: icb}) {
			return ErrSelfAccept{PCN: g.Org, ICB: icb}
		}
	}
	return nil
}

// ParseGrants reads "--role R --org CODE[,CODE]" into grants.
func ParseGrants(role, orgs string) ([]Grant, error) {
	r, err := ParseRole(role)
	if err != nil {
		return nil, err
	}
	if r == Admin {
		if strings.TrimSpace(orgs) != "" {
			return nil, fmt.Errorf("an admin grant names no organisation")
		}
		return []Grant{{Role: Admin}}, nil
	}
	var gs []Grant
	for _, org := range strings.Split(orgs, ",") {
		g := Grant{Role: r, Org: strings.ToUpper(strings.TrimSpace(org))}
		if err := g.Validate(); err != nil {
			return nil, err
		}
		gs = append(gs, g)
	}
	return gs, nil
}

// NormaliseEmail lower-cases and trims an email address, and checks its shape.
func NormaliseEmail(s string) (string, error) {
	e := strings.ToLower(strings.TrimSpace(s))
	at := strings.LastIndex(e, "@")
	if at < 1 || at == len(e)-1 || strings.ContainsAny(e, " \t\r\n<>\"") {
		return "", fmt.Errorf("enter an email address in the correct format, like name@example.nhs.uk")
	}
	return e, nil
}
