package admin

import (
	"strconv"
	"strings"
	"time"
)

// DissolvedGrant is a user's ICB lead grant on a dissolved ICB, listed on the users
// page with a one-click move to the successors. A grant on a split ICB (Frimley: three
// successors) offers a move to each successor alone and one to all of them: which
// part of the old footprint the lead now works for is the admin's choice, and none is
// given without being asked for.
type DissolvedGrant struct {
	UserID      int64
	Name, Email string
	ICBCode     string
	ICBName     string
	Closed      time.Time
	// PCNs is how many PCNs the grant still opens: the ICB's on its last day.
	PCNs       int
	Successors []Successor
}

// Successor is an ICB a dissolved ICB's footprint went to.
type Successor struct{ Code, Name string }

// MoveAction is where the moves of a user's grant post.
func (g DissolvedGrant) MoveAction() string {
	return "/admin/users/" + strconv.FormatInt(g.UserID, 10) + "/move-grant"
}

// testID names the grant's row: user and ICB.
func (g DissolvedGrant) testID() string {
	return "dissolved-" + g.Email + "-" + g.ICBCode
}

// keeps says what the grant opens until it is moved.
func (g DissolvedGrant) keeps() string {
	return "Dissolved on " + g.Closed.Format("2 January 2006") + ". Until moved, the grant opens the " +
		strconv.Itoa(g.PCNs) + " PCNs that were in it on its last day."
}

// moveText is a button's text: to one successor, or to all of them.
func moveText(to string) string { return "Move to " + to }

// allNames names every successor, for the "all successors" button.
func (g DissolvedGrant) allNames() string {
	names := make([]string, len(g.Successors))
	for i, s := range g.Successors {
		names[i] = s.Name
	}
	return strings.Join(names, ", ")
}

// MaxDissolvedShown bounds the grants on dissolved ICBs listed at once (issue 17: no
// page above 250 KB): after a reorganisation hundreds of leads may wait to be moved,
// each card with its buttons; the rest follow as these are moved.
const MaxDissolvedShown = 20

// firstDissolved is the grants listed: at most MaxDissolvedShown, in the given order.
func firstDissolved(gs []DissolvedGrant) []DissolvedGrant {
	return gs[:min(len(gs), MaxDissolvedShown)]
}
