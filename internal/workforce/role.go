package workforce

import (
	"strings"
	"time"
)

// Role is an entry of the ARRS role catalogue (DOMAIN.md, "Roles").
type Role struct {
	Code               string
	Name               string
	Added              time.Time
	Band               string
	NeedsSupervision   bool
	Trainee            bool
	RoomSessionsPerWTE float64
	AttritionRate      float64
	NumberLimit        string
	Summary            string
	EntryRequirements  string
	Supervision        string
	SortOrder          int
}

// Cap is a reimbursement maximum per WTE per year, in force from a date.
type Cap struct {
	RoleCode      string
	Variant       string
	EffectiveFrom time.Time
	Pence         Pence
	Provisional   bool
}

// FundingRate is the rate per weighted patient of one financial year, in pounds
// (fractions of a penny allowed, e.g. £22.671).
type FundingRate struct {
	FinancialYear string
	Starts        time.Time
	RateGBP       float64
}

// Target is a national goal of additional FTE against a baseline date, by a deadline.
type Target struct {
	ID         int64
	Name       string
	FTE        float64
	Baseline   time.Time
	Deadline   time.Time
	IsDefault  bool
	Milestones []Milestone
}

// Milestone is an interim expectation of a target (e.g. 15,500 by end 2021/22).
type Milestone struct {
	Due   time.Time
	FTE   float64
	Label string
}

// NonARRS is the role code used in reports for PCN staff outside the ARRS catalogue;
// AllRoles is the code of the row that totals every role.
const (
	NonARRS  = "non_arrs"
	AllRoles = "all"
)

// mentalHealthSuffix marks the NWRS roles counted as ARRS mental health practitioners
// whatever the profession before it (DOMAIN.md: 'every role ending "(Mental Health
// Practitioners)"').
const mentalHealthSuffix = "(Mental Health Practitioners)"

// ARRSRoleFor maps an NWRS STAFF_ROLE to an ARRS role code using the catalogue's
// mapping, or returns "" when the role is PCN staff outside ARRS.
func ARRSRoleFor(staffRole string, mapping map[string]string) string {
	if code, ok := mapping[staffRole]; ok {
		return code
	}
	if strings.HasSuffix(staffRole, mentalHealthSuffix) {
		return "mental_health_practitioner"
	}
	return ""
}

// RoleNames indexes the catalogue's names by role code, for the pages and files that
// name a role they hold by its code.
func RoleNames(roles []Role) map[string]string {
	out := make(map[string]string, len(roles))
	for _, role := range roles {
		out[role.Code] = role.Name
	}
	return out
}
