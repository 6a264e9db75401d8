package workforce

import "time"

// A PCN's recruitment plan (DOMAIN.md, "Plans") is a series of versions, each a set of
// lines, moved through the sign-off workflow of planmove.go by the people planduty.go
// keeps apart. The files plan*.go of this package hold the whole of that workflow and
// of the plan editor's grid (plangrid.go, plandiff.go); the store only keeps it.

// PlanLine is one line of a plan: FTE starting and leaving in a role in the quarter
// that starts on QuarterStart.
type PlanLine struct {
	PCNCode      string
	RoleCode     string
	QuarterStart time.Time
	StartersFTE  float64
	LeaversFTE   float64
	// AnnualCostPence is salary plus employer on-costs of one WTE for a year; nil when
	// not known.
	AnnualCostPence *Pence
	// Stream is the money the line's posts are paid from; "" reads as StreamARRS (a
	// plan line is always in a role of the catalogue, PLANNING.md "File formats").
	Stream Stream
}

// FundingStream is the line's stream: StreamARRS when none is recorded.
func (l PlanLine) FundingStream() Stream {
	if l.Stream == "" {
		return StreamARRS
	}
	return l.Stream
}

// CostInput is the line's annual cost as the grid and a plan file write it: plain
// pounds, with pence only when there are any ("45000", "45000.50"); "" when not known.
func (l PlanLine) CostInput() string {
	if l.AnnualCostPence == nil {
		return ""
	}
	return l.AnnualCostPence.Input()
}

// Plan is one version of a PCN's recruitment plan: where it is in the sign-off, and
// who took each move of it, when.
type Plan struct {
	ID          int64
	PCNCode     string
	Status      PlanStatus
	Version     int // bumped by every write, for optimistic locking
	Comment     string
	CreatedBy   string
	CreatedAt   time.Time
	UpdatedAt   time.Time
	SubmittedAt *time.Time
	SubmittedBy string
	SignedOffAt *time.Time
	SignedOffBy string
	ReviewedAt  *time.Time
	ReviewedBy  string
}

// PlanEvent is one step of a plan version's life, with who took it and when.
type PlanEvent struct {
	ID      int64
	PlanID  int64
	Action  PlanAction
	From    PlanStatus // "" for a creation
	To      PlanStatus
	Version int // the plan's version after the step
	Actor   string
	At      time.Time
	Comment string
}

// LastChange is who last changed the version, and when: its latest event, else its
// creation (a plan imported from the command line has no events). events are the
// PCN's, oldest first.
func (p Plan) LastChange(events []PlanEvent) (by string, at time.Time) {
	for i := len(events) - 1; i >= 0; i-- {
		if events[i].PlanID == p.ID {
			return events[i].Actor, events[i].At
		}
	}
	if p.CreatedBy == "" {
		return "someone", p.UpdatedAt
	}
	return p.CreatedBy, p.UpdatedAt
}
