package workforce

import (
	"slices"
	"time"
)

// Limits of an integration record and of the pulse (issue 16; docs/integration.md).
const (
	// MaxAdminSupportLength bounds the named admin support (a name, or a team).
	MaxAdminSupportLength = MaxNameLength
	// MaxDevelopmentStepLength bounds the development step typed as text.
	MaxDevelopmentStepLength = 500
	// MaxBasedPractices bounds the practices a person is based at (a PCN has at most
	// a few dozen members).
	MaxBasedPractices = 30
	// BasedPracticesWarnAbove is the planner's rule: based at more than two practices
	// is a warning (informed by the BJGP 2025 study of deployment models; not a
	// national rule).
	BasedPracticesWarnAbove = 2
	// FirstDayMonths is the planner's rule: records access and induction are expected
	// within three months of starting.
	FirstDayMonths = 3
	// AppraisalMonths is how long after the last appraisal (or the start, with none)
	// the next is due when no due date is recorded.
	AppraisalMonths = 12

	// PulseMinGroup is the smallest group whose pulse results are shown: fewer answers
	// are merged or suppressed (the planner's rule, the 5).
	PulseMinGroup = 5
	// MaxPulseCommentLength bounds a pulse comment.
	MaxPulseCommentLength = 1000
	// MaxPulseRoundDays bounds how long a round stays open: eight weeks.
	MaxPulseRoundDays = 56
	// MinPulseRoundDays is the least a round stays open, even when a manager closes it
	// early: a round opened and closed within minutes would let whoever holds the links
	// time answers, and retry (docs/integration.md).
	MinPulseRoundDays = 7
	// MaxPulseLinks bounds the links of one round (the largest PCN has a few hundred
	// ARRS staff).
	MaxPulseLinks = 2000
	// PulseTokenLength is the length of a link's token: 26 base-32 characters, 130 bits.
	PulseTokenLength = 26
)

// IntegrationRecord is what a PCN's managers record of how one member of staff is
// integrated. A zero date is not recorded. The named clinical supervisor is not here:
// it is the staff record's clinical supervision link.
type IntegrationRecord struct {
	StaffID int64
	PCNCode string
	// Practices are the member practices (ODS codes) the person is based at.
	Practices        []string
	InductionOn      time.Time
	RecordsAccessOn  time.Time
	AdminSupport     string
	LastAppraisalOn  time.Time
	NextAppraisalDue time.Time
	// DevelopmentStep is free text; RoadmapStage a stage of RoadmapStagesOf(role)
	// (code), for the roles that have a roadmap.
	DevelopmentStep string
	RoadmapStage    string
	// ServiceCode is an IntegrationService's code; "" when none is named.
	ServiceCode string
	Version     int
	UpdatedBy   string
	UpdatedAt   time.Time
}

// IntegrationService is an entry of the reference list of services a member of staff
// is here to deliver (admins edit it).
type IntegrationService struct {
	Code     string
	Name     string
	Position int
	Active   bool
	Version  int
}

// RoadmapStage is a step of a role's development pathway, for the pick list.
type RoadmapStage struct {
	Code  string
	Label string
}

// fcpStages are the First Contact Practitioner roadmap's stages (HEE roadmaps to
// practice; docs/integration-sources.md §3).
var fcpStages = []RoadmapStage{
	{"not_started", "Not started"},
	{"stage1_taught", "Stage 1 in progress (taught route)"},
	{"stage1_portfolio", "Stage 1 in progress (portfolio route)"},
	{"stage1_complete", "Stage 1 complete"},
	{"stage2_in_progress", "Stage 2 in progress"},
	{"stage2_verified", "Stage 2 verified (first contact practitioner)"},
	{"stage3_advanced", "Stage 3: advanced practice"},
}

// pharmacyStages are the primary care pharmacy education pathway's steps (CPPE;
// docs/integration-sources.md §3).
var pharmacyStages = []RoadmapStage{
	{"not_started", "Not started"},
	{"cppe_on_pathway", "On the CPPE pathway"},
	{"cppe_completed", "Pathway completed"},
	{"cppe_exempt", "Exempt (all or part)"},
	{"cppe_equivalence", "Equivalence recognised"},
	{"independent_prescriber", "Independent prescriber"},
}

// fcpRoles are the roles with a first contact roadmap.
var fcpRoles = []string{"first_contact_physiotherapist", "paramedic", "dietitian", "podiatrist", "occupational_therapist"}

// pharmacyRoles are the roles on the CPPE pathway.
var pharmacyRoles = []string{"clinical_pharmacist", "pharmacy_technician"}

// RoadmapStagesOf lists the stages a role's development step is picked from; nil for
// a role without a roadmap (its step is free text).
func RoadmapStagesOf(role string) []RoadmapStage {
	switch {
	case slices.Contains(fcpRoles, role):
		return fcpStages
	case role == "clinical_pharmacist":
		return pharmacyStages
	case role == "pharmacy_technician":
		return pharmacyStages[:len(pharmacyStages)-1] // not independent prescribers
	}
	return nil
}

// RoadmapStageLabel is a stage's label for a role, or the code when the role has no
// such stage (a stage recorded before the role changed).
func RoadmapStageLabel(role, code string) string {
	for _, s := range RoadmapStagesOf(role) {
		if s.Code == code {
			return s.Label
		}
	}
	return code
}

// RoleGroup is the group a pulse answer is stored and shown under: wide enough that a
// PCN's groups reach PulseMinGroup more often than single roles would.
type RoleGroup string

// The role groups, in the order pages show them.
const (
	GroupPharmacy         RoleGroup = "pharmacy"
	GroupFirstContact     RoleGroup = "first_contact"
	GroupPersonalisedCare RoleGroup = "personalised_care"
	GroupNursing          RoleGroup = "nursing"
	GroupOther            RoleGroup = "other"
	// GroupMerged is not stored: it is the cell pages show for groups merged to reach
	// PulseMinGroup ("Smaller groups combined").
	GroupMerged RoleGroup = "merged"
)

// RoleGroups lists the stored groups in order.
var RoleGroups = []RoleGroup{GroupPharmacy, GroupFirstContact, GroupPersonalisedCare, GroupNursing, GroupOther}

var roleGroupOf = map[string]RoleGroup{
	"clinical_pharmacist":            GroupPharmacy,
	"pharmacy_technician":            GroupPharmacy,
	"first_contact_physiotherapist":  GroupFirstContact,
	"dietitian":                      GroupFirstContact,
	"podiatrist":                     GroupFirstContact,
	"occupational_therapist":         GroupFirstContact,
	"paramedic":                      GroupFirstContact,
	"advanced_practitioner":          GroupFirstContact,
	"social_prescribing_link_worker": GroupPersonalisedCare,
	"care_coordinator":               GroupPersonalisedCare,
	"health_wellbeing_coach":         GroupPersonalisedCare,
	"nursing_associate":              GroupNursing,
	"trainee_nursing_associate":      GroupNursing,
	"enhanced_practice_nurse":        GroupNursing,
	"general_practice_nurse":         GroupNursing,
	"healthcare_support_worker":      GroupNursing,
	"consultant_nurse":               GroupNursing,
}

// RoleGroupOf is the pulse group of an ARRS role: every role not named above
// (physician associates, GPs, mental health practitioners, general practice
// assistants, digital leads, a role added later) is GroupOther.
func RoleGroupOf(role string) RoleGroup {
	if g, ok := roleGroupOf[role]; ok {
		return g
	}
	return GroupOther
}

// Label is the group's name for people.
func (g RoleGroup) Label() string {
	switch g {
	case GroupPharmacy:
		return "Pharmacy team"
	case GroupFirstContact:
		return "First contact and advanced practitioners"
	case GroupPersonalisedCare:
		return "Personalised care"
	case GroupNursing:
		return "Nursing"
	case GroupOther:
		return "Other roles"
	case GroupMerged:
		return "Smaller groups combined"
	}
	return string(g)
}

// Valid reports whether g is a stored group.
func (g RoleGroup) Valid() bool { return slices.Contains(RoleGroups, g) }

// PulseItem is one question of the pulse: its key (the answers' column) and wording.
type PulseItem struct {
	Key   string
	Short string
	Text  string
}

// PulseItems are the four questions, in order, each answered on PulseScale. The
// belonging and contribution items are the NHS Staff Survey's wording (q7h, q6a); the
// autonomy and staying items are the planner's own, not validated
// (docs/integration-sources.md §5).
var PulseItems = []PulseItem{
	{"autonomy", "Autonomy", "I have enough say over how I do my work."},
	{"belonging", "Belonging", "I feel valued by my team."},
	{"contribution", "Contribution", "I feel that my role makes a difference to patients / service users."},
	{"staying", "Intention to stay", "I expect to still be working in this PCN in 12 months' time."},
}

// PulseScale is the 5-point agreement scale, score 1 to 5.
var PulseScale = []string{"Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"}

// PulseRound is a round of the pulse of one PCN.
type PulseRound struct {
	ID       int64
	PCNCode  string
	OpenedOn time.Time
	ClosesOn time.Time
	// ClosedOn is zero while the round is open.
	ClosedOn time.Time
	// Questions is the wording asked, in PulseItems' order.
	Questions   []string
	LinksIssued int
	OpenedBy    string
	Sealed      bool
	Version     int
}

// Open reports whether the round takes answers on day d: not closed, and d before
// ClosesOn.
func (r PulseRound) Open(d time.Time) bool { return r.ClosedOn.IsZero() && d.Before(r.ClosesOn) }

// PulseAnswer is one answer: its round, PCN and role group, the four scores (1–5, in
// PulseItems' order) and an optional comment. Nothing else is ever stored with it.
type PulseAnswer struct {
	RoundID   int64
	PCNCode   string
	RoleGroup RoleGroup
	Scores    [4]int
	Comment   string
}
