package pcn

import (
	"time"

	"github.com/arrs-planner/arrs/web/areas"
	"github.com/arrs-planner/arrs/web/ui"
)

// Home is what waits for a network's own PCN manager or clinical director, at the top
// of its page, their home (docs/homes.md). Nobody else sees it: an ICB lead's work is
// on the ICB's page, an admin's on England's.
type Home struct {
	// Manager and Director say which of the network's roles the user holds (never
	// both: no one signs off their own plan).
	Manager, Director bool
	// Waiting are the network's plans in the user's queues (areas.Waiting's): returned
	// to the manager, with who returned it and why, or submitted for the director's
	// sign-off.
	Waiting []areas.WaitingItem
	// Accepted is the network's plan the ICB accepted lately, with who accepted it,
	// when and their comment (manager): news, not work.
	Accepted []areas.Accepted
	// Draft is the manager's draft in progress; nil when there is none.
	Draft *PlanStep
	// Away is the newest version while someone else has it (submitted, signed off),
	// for the manager; nil otherwise.
	Away *PlanStep
	// NoPlan: the network has no plan version at all (manager).
	NoPlan   bool
	PlanHref string
	// CostsAssumed counts the staff records claimed this financial year (Year) with
	// no annual cost recorded: the claims estimate them at the cap (manager).
	CostsAssumed int
	Year         string
	FundingHref  string
	// DashboardHref is the network's dashboard (director).
	DashboardHref string
}

// PlanStep is a plan version where it stands: "version 2", its status, who acts
// next, and who last changed it when.
type PlanStep struct {
	Version, Status, Next string
	By                    string
	At                    time.Time
	Href                  string
}

// empty reports whether nothing waits for the user.
func (h Home) empty() bool {
	return len(h.Waiting) == 0 && h.Draft == nil && h.Away == nil && !h.NoPlan && h.CostsAssumed == 0
}

func have(n int) string { return ui.Agree(n, "has", "have") }

func them(n int) string { return ui.Agree(n, "it", "them") }
