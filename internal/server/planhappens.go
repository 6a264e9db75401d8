package server

import (
	"strconv"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// moveHappens says, one sentence each, what the move will do to version p: where it
// goes next and who acts on it, what becomes of the PCN's other versions, and which
// version the gap report then counts (the current plan: the latest accepted version,
// else the latest submitted, else the draft).
func moveHappens(st planState, a workforce.PlanAction, p workforce.Plan) []string {
	n := "Version " + strconv.Itoa(st.Number(p.ID))
	switch a {
	case workforce.ActionSubmit:
		return append([]string{
			n + " goes to the clinical director to sign off; once signed off, the ICB's leads review it.",
			n + " can no longer be changed. To change the plan later, start a new draft: the ICB then reviews the newest version submitted.",
		}, append(st.leavingReview(p), st.currentAfterSubmit(p))...)
	case workforce.ActionSignOff:
		return []string{
			n + " goes to the ICB's leads, who accept it or return it to the network with a comment.",
			"You can no longer return it yourself. If the network submits a newer version meanwhile, that one replaces it in review.",
		}
	case workforce.ActionAccept:
		return []string{
			n + " becomes the network's accepted plan, and the ICB's review of it ends.",
			st.countsAfterAccept(p),
			"It stays the plan they count when the network submits a newer version, until the ICB accepts that one: a submitted version counts only while no version is accepted.",
			n + " cannot be changed: a later change starts a new version, which needs a sign-off and a review again.",
			"The network's managers are told on their home page, with your comment if you write one; it is also shown on the plan with your name.",
		}
	}
	return st.returnedTo(p, a)
}

// countsAfterAccept says what acceptance changes in the figures. The current plan is
// the latest accepted version, else the latest submitted or signed off (PLANNING.md):
// so a version in review already counts unless an older version is accepted, which
// it then replaces.
func (st planState) countsAfterAccept(p workforce.Plan) string {
	n := "Version " + strconv.Itoa(st.Number(p.ID))
	if old := st.acceptedBesides(p); old != 0 {
		return n + " replaces version " + strconv.Itoa(old) + " (accepted) as the network's current plan: the gap report, the money and the ICB's comparison count it from now on."
	}
	return n + " already counts in the gap report, the money and the ICB's comparison, as the network's latest submitted version: accepting it does not change those figures."
}

// leavingReview names the PCN's other versions waiting for sign-off or review, which a
// submission takes out of it.
func (st planState) leavingReview(p workforce.Plan) []string {
	var out []string
	for _, o := range st.PlanVersions {
		waiting := map[workforce.PlanStatus]string{workforce.PlanSubmitted: "the clinical director's sign-off",
			workforce.PlanSignedOff: "the ICB's review"}[o.Status]
		if o.ID != p.ID && waiting != "" {
			out = append(out, "Version "+strconv.Itoa(st.Number(o.ID))+", waiting for "+waiting+", is taken out of review (superseded).")
		}
	}
	return out
}

// currentAfterSubmit says which version the gap report counts once p is submitted.
func (st planState) currentAfterSubmit(p workforce.Plan) string {
	if n := st.acceptedBesides(p); n != 0 {
		return "Version " + strconv.Itoa(n) + ", accepted, stays the network's current plan until this one is accepted."
	}
	return "The gap report and the ICB's figures count this version from now on, as the network's current plan."
}

// returnedTo says what a return does: the version goes back to the network's managers
// and becomes editable again, unless the network has already started a newer draft,
// which takes the return; and which plan the gap report then counts (a returned plan
// never counts).
func (st planState) returnedTo(p workforce.Plan, a workforce.PlanAction) []string {
	n := "Version " + strconv.Itoa(st.Number(p.ID))
	out := []string{n + " goes back to the network's managers with your comment, to change and submit again; it then needs a sign-off and a review again."}
	if a == workforce.ActionSendBack {
		out = append(out, "It does not go to the ICB.")
	}
	if d, ok := st.Editable(); ok && d.ID != p.ID {
		out = append(out, "The network has already started version "+strconv.Itoa(st.Number(d.ID))+": it takes your comment, and "+
			n+" is taken out of review (superseded).")
	} else {
		out = append(out, n+" becomes editable again (returned).")
	}
	out = append(out, "The managers see your comment, with your name, on the plan and on their home page.")
	if cur := st.acceptedBesides(p); cur != 0 {
		return append(out, "Version "+strconv.Itoa(cur)+", accepted, stays the network's current plan.")
	}
	return append(out, "Until the network submits a version again, the gap report and the ICB's figures count no plan for it.")
}

// acceptedBesides is the number of the PCN's newest accepted version other than p (the
// current plan whatever p becomes), or 0.
func (st planState) acceptedBesides(p workforce.Plan) int {
	for _, o := range st.PlanVersions {
		if o.ID != p.ID && o.Status == workforce.PlanAccepted {
			return st.Number(o.ID)
		}
	}
	return 0
}
