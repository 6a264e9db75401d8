package areas

import "time"

// Home is the signed-in person's panel at the top of an area page that is their home
// (docs/homes.md): on England's, their places (several grants) and, for an admin, the
// imports and users that need attention; on an ICB's, what waits for its leads. The
// zero Home shows nothing.
type Home struct {
	Places []Place
	Admin  *AdminHome
	ICB    *ICBHome
}

// Place is one organisation the user's grants give them work in, linked.
type Place struct {
	// Kind is "PCN" or "ICB".
	Kind, Code, Name, Href string
	// Note qualifies it: a dissolved ICB's "dissolved on 1 April 2026".
	Note string
}

// note is the place's note after its code: ", dissolved on 1 April 2026".
func (p Place) note() string {
	if p.Note == "" {
		return ""
	}
	return ", " + p.Note
}

// Due is one fact about the imports: the latest census and its age, the networks
// without a weighted population for the quarter. Due marks one that asks for an
// import.
type Due struct {
	Text   string
	Due    bool
	TestID string
}

// tag labels the fact: due, or up to date.
func (d Due) tag() string {
	if d.Due {
		return "Import due"
	}
	return "Up to date"
}

// Account is a user an admin should look at, linked to their account.
type Account struct {
	Name, Email, Href string
	// Since is when the account was made (never signed in).
	Since time.Time
}
