package planning

import "time"

// Staff is one staff record: a person (or a contracted service's FTE) in one role at
// one PCN over a span of days.
type Staff struct {
	ID  int64
	PCN string
	// Role is the ARRS role code, or "" for PCN staff outside ARRS, who never count.
	Role string
	FTE  float64
	// Start is the first day in post; End is the first day out of post, zero while in
	// post.
	Start time.Time
	End   time.Time
	// AnnualCostPence is the record's salary plus employer on-costs for one WTE for a
	// year (so it compares with a cap); 0 when not known (see YearFunding).
	AnnualCostPence int64
	// CapVariant picks one of parallel caps of a role (e.g. "experienced" for general
	// practice nurses); "" for the usual cap.
	CapVariant string
}

// InPost reports whether the record is in post on day d: start ≤ d and (no end or
// d < end) (PLANNING.md, "Staff in post").
func (s Staff) InPost(d time.Time) bool {
	return !s.Start.After(d) && (s.End.IsZero() || d.Before(s.End))
}

// IsARRS reports whether the record counts towards ARRS FTE.
func (s Staff) IsARRS() bool { return s.Role != "" }

// InPostFTE is in_post(p, d) for a PCN's records: the ARRS FTE in post on day d.
// Records outside ARRS (Role "") are left out; the caller passes one PCN's records.
func InPostFTE(staff []Staff, d time.Time) float64 {
	var sum float64
	for _, s := range staff {
		if s.IsARRS() && s.InPost(d) {
			sum += s.FTE
		}
	}
	return sum
}

// InPostByRole is in_post(p, r, d) for every ARRS role with FTE in post on day d.
func InPostByRole(staff []Staff, d time.Time) map[string]float64 {
	byRole := make(map[string]float64)
	for _, s := range staff {
		if s.IsARRS() && s.InPost(d) {
			byRole[s.Role] += s.FTE
		}
	}
	return byRole
}
