package workforce

// PlanStatus is where a version of a PCN's recruitment plan is in its sign-off.
type PlanStatus string

// The statuses of a plan: a draft is submitted by the PCN manager, signed off by the
// clinical director, and accepted or returned by the ICB lead; a returned plan is
// edited again. Only a draft or a returned plan is editable. A superseded version was
// taken out of review because a newer version of the same PCN was submitted (or
// returned in its place): read-only, kept for the history, never the current plan
// (migration 000007).
const (
	PlanDraft      PlanStatus = "draft"
	PlanSubmitted  PlanStatus = "submitted"
	PlanSignedOff  PlanStatus = "signed_off"
	PlanAccepted   PlanStatus = "accepted"
	PlanReturned   PlanStatus = "returned"
	PlanSuperseded PlanStatus = "superseded"
)

// Editable reports whether a plan in this status may change its lines.
func (s PlanStatus) Editable() bool { return s == PlanDraft || s == PlanReturned }

// Label is the status's name for people.
func (s PlanStatus) Label() string {
	switch s {
	case PlanDraft:
		return "Draft"
	case PlanSubmitted:
		return "Submitted"
	case PlanSignedOff:
		return "Signed off"
	case PlanAccepted:
		return "Accepted"
	case PlanReturned:
		return "Returned"
	case PlanSuperseded:
		return "Superseded"
	}
	return string(s)
}

// WaitsFor says who acts next on a version in this status, and what they do (the
// workflow of docs/planning-choices.md); "" when nobody does.
func (s PlanStatus) WaitsFor() string {
	switch s {
	case PlanDraft:
		return "The PCN's managers, to finish and submit it"
	case PlanReturned:
		return "The PCN's managers, to change it as asked and submit it again"
	case PlanSubmitted:
		return "The clinical director, to sign it off"
	case PlanSignedOff:
		return "The ICB's leads, to accept or return it"
	}
	return ""
}

// Stage orders the statuses along the workflow, for sorting PCNs by how far their
// plan has gone: draft 1, returned 2, submitted 3, signed off 4, accepted 5; 0 for a
// superseded version, which has left the workflow (and for no plan at all).
func (s PlanStatus) Stage() int {
	switch s {
	case PlanDraft:
		return 1
	case PlanReturned:
		return 2
	case PlanSubmitted:
		return 3
	case PlanSignedOff:
		return 4
	case PlanAccepted:
		return 5
	}
	return 0
}
