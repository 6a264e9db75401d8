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
