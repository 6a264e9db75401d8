package areas

import (
	"strconv"
	"time"
)

// AdminHome is what needs an admin's attention, at the top of England's page: the
// imports (the latest census and its age, the networks without a weighted population
// for the quarter) and the users (grants on dissolved ICBs, accounts never signed in,
// accounts locked by failed sign-ins). Only what the data holds: a refused upload is
// in the security log, not the database, so it is not here.
type AdminHome struct {
	Imports []Due
	// Dissolved are the grants on dissolved ICBs that an admin moves on the users
	// page (UsersHref).
	Dissolved []DissolvedGrant
	// NeverSignedIn are the oldest of the active accounts with no sign-in in the
	// audit trail, oldest first, NeverSignedInCount how many there are in all;
	// Locked those whose failed sign-ins reach the throttle's limit now.
	NeverSignedIn      []Account
	NeverSignedInCount int
	Locked             []Account
	// LockedFor is how long a lock lasts at most ("15 minutes").
	LockedFor string
	UsersHref string
}

// DissolvedGrant is a user's ICB lead grant on a dissolved ICB.
type DissolvedGrant struct {
	Name, Email, Href string
	ICBName           string
	Closed            time.Time
}

// usersFine reports whether no user needs attention.
func (h AdminHome) usersFine() bool {
	return len(h.Dissolved)+len(h.NeverSignedIn)+len(h.Locked) == 0
}

// neverText introduces the accounts never signed in: all of them, or how many there
// are and that the oldest follow.
func (h AdminHome) neverText() string {
	if h.NeverSignedInCount <= len(h.NeverSignedIn) {
		return "Active accounts that have never signed in:"
	}
	return strconv.Itoa(h.NeverSignedInCount) + " active accounts have never signed in; the " + strconv.Itoa(len(h.NeverSignedIn)) + " made longest ago:"
}

// madeOn says when the account was made, after its email, when asked: ", made on 7
// December 2026".
func madeOn(a Account, show bool) string {
	if !show {
		return ""
	}
	return ", made on " + a.Since.Format("2 January 2006")
}
