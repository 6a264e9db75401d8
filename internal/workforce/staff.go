package workforce

import "time"

// Data sources of a staff record. The first two are NWRS's own Data_source values.
const (
	SourceNWRSStaff      = "NWRS Staff"
	SourceNWRSContracted = "NWRS contracted services"
	SourceManual         = "manual"
)

// Staff is one staff record: a person (or, for contracted services, a PCN's contracted
// FTE) in one role at one PCN over a span of days.
type Staff struct {
	ID               int64
	PCNCode          string
	RoleCode         string // "" when the role is outside ARRS
	StaffGroup       string
	StaffRole        string
	DetailedRole     string
	Source           string
	UniqueIdentifier string
	SourceRows       int
	FTE              float64
	Start            time.Time
	End              time.Time // zero while in post
	// Band is the Agenda for Change band ("" not recorded, NonAfC outside it); it
	// picks one of a role's parallel caps (CapVariant).
	Band string
	// AnnualCostPence is salary plus employer NI and pension for one WTE for a year, so
	// that it compares with a cap; 0 when not known.
	AnnualCostPence Pence
	// Stream is the money the post is paid from; "" means as the role says
	// (DefaultStream). FundingStream resolves it.
	Stream Stream
	// PracticeCode is the member practice that employs and claims for a practice-scheme
	// GP (StreamPracticeGP); "" otherwise.
	PracticeCode string
	// ApprovedRole is the commissioner's approval (ApprovedRole.ID) a post outside the
	// ARRS list is claimed under; 0 for none. RoleCode is then "".
	ApprovedRole int64
}

// FundingStream is the stream the post is paid from: its own, else the default for
// its role.
func (s Staff) FundingStream() Stream {
	if s.Stream != "" {
		return s.Stream
	}
	return DefaultStream(s.RoleCode, s.ApprovedRole)
}

// InPost reports whether the record is in post on day d: start ≤ d and (no end or
// d < end) (PLANNING.md, "Staff in post").
func (s Staff) InPost(d time.Time) bool {
	return !s.Start.After(d) && (s.End.IsZero() || d.Before(s.End))
}

// IsARRS reports whether the record counts towards ARRS FTE.
func (s Staff) IsARRS() bool { return s.RoleCode != "" }

// FTEFromHours converts contracted weekly hours to FTE (37.5 hours is 1 WTE).
func FTEFromHours(hours float64) float64 { return hours / 37.5 }

// CapVariant is the parallel cap the record is claimed against: "experienced" for a
// general practice nurse on band 6 (DOMAIN.md: band 5 new to general practice, band 6
// experienced), else the usual cap "".
func (s Staff) CapVariant() string {
	if s.RoleCode == "general_practice_nurse" && s.Band == "6" {
		return "experienced"
	}
	return ""
}
