package workforce

import "time"

// Stream is the money a post is paid from (PLANNING.md, "Funding streams", from
// 2026/27): every staff record and plan line is funded by exactly one.
type Stream string

// The funding streams.
const (
	// StreamARRS is the PCN's Additional Roles Reimbursement Sum: the default for an
	// ARRS role, and for a post in a role a commissioner approved for the PCN.
	StreamARRS Stream = "arrs"
	// StreamPracticeGP is the practice-level GP reimbursement scheme: GPs only, claimed
	// by the member practice that employs them.
	StreamPracticeGP Stream = "practice_gp"
	// StreamOther is core or local money: nothing is reimbursed, the cost is shown.
	StreamOther Stream = "other"
)

// Streams lists the streams in the order pages and files show them.
var Streams = []Stream{StreamARRS, StreamPracticeGP, StreamOther}

// ParseStream reads a stream code as files and forms write it; "" is not a stream
// (the caller decides the default: DefaultStream).
func ParseStream(s string) (Stream, bool) {
	for _, x := range Streams {
		if string(x) == s {
			return x, true
		}
	}
	return "", false
}

// Label is the stream as pages name it.
func (s Stream) Label() string {
	switch s {
	case StreamARRS:
		return "ARRS"
	case StreamPracticeGP:
		return "Practice GP scheme"
	case StreamOther:
		return "Other money"
	}
	return string(s)
}

// DefaultStream is the stream of a post whose stream is not recorded: the ARRS for an
// ARRS role or a commissioner-approved one, other money for anything else.
func DefaultStream(roleCode string, approvedRole int64) Stream {
	if roleCode != "" || approvedRole != 0 {
		return StreamARRS
	}
	return StreamOther
}

// PracticeGPRole is the only role the practice GP scheme pays for.
const PracticeGPRole = "gp"

// StreamAllowed reports whether a post in the role (approvedRole: a commissioner's
// approval, role "") may be funded by the stream.
func StreamAllowed(s Stream, roleCode string, approvedRole int64) bool {
	switch s {
	case StreamARRS:
		return roleCode != "" || approvedRole != 0
	case StreamPracticeGP:
		return roleCode == PracticeGPRole
	case StreamOther:
		return true
	}
	return false
}

// ApprovedRole is a role outside the national ARRS list that a commissioner (an ICB
// lead) approved for one PCN: posts in it are claimable from that PCN's ARRS sum,
// between From and To, up to the cap, and nowhere else.
type ApprovedRole struct {
	ID      int64
	PCNCode string
	// Name is the role as the PCN's records name it (NWRS STAFF_ROLE or as typed).
	Name string
	Band string
	// CapPence is the maximum per WTE per year the approval allows.
	CapPence Pence
	From     time.Time
	To       time.Time // first day no longer approved; zero: open-ended
	Note     string
	// ApprovedBy and ApprovedAt are the ICB lead who approved it, and when.
	ApprovedBy string
	ApprovedAt time.Time
	Version    int
}

// Covers reports whether the approval is in force on day d.
func (a ApprovedRole) Covers(d time.Time) bool {
	return !a.From.After(d) && (a.To.IsZero() || d.Before(a.To))
}

// RoleShare is a national reimbursement share of a role from a date (DOMAIN.md: a
// mental health practitioner 50% from 1 April 2026); a role with none is paid in full.
type RoleShare struct {
	RoleCode      string
	EffectiveFrom time.Time
	Share         float64
}

// ShareAgreement is a PCN's written agreement that raises a role's share from a day
// (a mental health practitioner's up to 100% with the mental health trust).
type ShareAgreement struct {
	ID       int64
	PCNCode  string
	RoleCode string
	Share    float64
	From     time.Time
	To       time.Time // first day it no longer applies; zero: open-ended
	AgreedOn time.Time // the date of the written agreement
	Party    string    // who it is with, e.g. the trust
	// RecordedBy and RecordedAt are who recorded it here, and when.
	RecordedBy string
	RecordedAt time.Time
	Version    int
}

// Covers reports whether the agreement applies on day d.
func (a ShareAgreement) Covers(d time.Time) bool {
	return !a.From.After(d) && (a.To.IsZero() || d.Before(a.To))
}

// PracticeShare is one practice's agreed percentage of its PCN's costs and
// reimbursements.
type PracticeShare struct {
	PracticeCode string
	Percent      float64
}

// PracticeGPCap is the practice GP scheme's maximum per WTE per year from a date; London
// practices have their own.
type PracticeGPCap struct {
	EffectiveFrom time.Time
	London        bool
	Pence         Pence
}
