package workforce

import "time"

// BandCap is the reimbursement maximum per WTE per year of every role in one cap band,
// in force from a date (DOMAIN.md, "Caps follow Agenda for Change bands"): the DES sets
// each role's maximum at the top of its band plus employer on-costs.
type BandCap struct {
	Band          string // "3" … "8c", or "GP"
	EffectiveFrom time.Time
	Pence         Pence
	Provisional   bool
}

// capBands are DOMAIN.md's cap groups: the band whose caps a role shares. The mental
// health practitioner is absent: its band is the post's (CapBand).
var capBands = map[string]string{
	"trainee_nursing_associate": "3", "healthcare_support_worker": "3",
	"care_coordinator": "4", "nursing_associate": "4", "general_practice_assistant": "4",
	"social_prescribing_link_worker": "5", "health_wellbeing_coach": "5", "pharmacy_technician": "5",
	"apprentice_physician_associate": "5", "general_practice_nurse": "5",
	"clinical_pharmacist": "7", "first_contact_physiotherapist": "7", "physician_associate": "7",
	"dietitian": "7", "podiatrist": "7", "occupational_therapist": "7", "paramedic": "7",
	"enhanced_practice_nurse": "7",
	"advanced_practitioner":   "8a", "digital_transformation_lead": "8a",
	"consultant_nurse": "8c",
	"gp":               "GP",
}

// mentalHealthBands are the bands a mental health practitioner's post may have
// (DOMAIN.md: "the band of the post (5 to 8a)").
var mentalHealthBands = map[string]bool{"5": true, "6": true, "7": true, "8a": true}

// CapBand is the band whose caps the record's role shares (DOMAIN.md, "Cap groups"):
// the role's group; band 6 for an experienced general practice nurse (on band 6); for a
// mental health practitioner the post's band, or the lowest, 5, when none (or one
// outside 5 to 8a) is recorded, with assumed set. "" when the role has no cap band.
func (s Staff) CapBand() (band string, assumed bool) {
	switch {
	case s.RoleCode == "mental_health_practitioner" && mentalHealthBands[s.Band]:
		return s.Band, false
	case s.RoleCode == "mental_health_practitioner":
		return "5", true
	case s.CapVariant() == "experienced":
		return "6", false
	}
	return capBands[s.RoleCode], false
}

// mentalHealthHalf is the day from which a mental health practitioner is reimbursed at
// 50% again (DOMAIN.md: 100% in 2024/25 and 2025/26, 50% from 1 April 2026 without a
// written agreement with the trust); before 1 April 2024 it was 50% too.
var (
	mentalHealthFull = Date(2024, time.April, 1)
	mentalHealthHalf = Date(2026, time.April, 1)
)

// ReimbursementShare is the national share of a role's capped cost the scheme
// reimburses on day d (DOMAIN.md, "Mental health practitioners' reimbursement share";
// 1 for every other role). It is the built-in table: `arrs seed reference` loads the
// same figures into role_shares, and planning.Shares answers from it only when no
// national shares are loaded. A PCN's written agreement with its trust (up to 100%
// from 2026/27, share_agreements) overrides it there, not here.
func ReimbursementShare(role string, d time.Time) float64 {
	if role != "mental_health_practitioner" || (!d.Before(mentalHealthFull) && d.Before(mentalHealthHalf)) {
		return 1
	}
	return 0.5
}
