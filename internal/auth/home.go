package auth

import "slices"

// Workplace is an organisation a user's grants give them work in: a PCN they manage or
// direct, or an ICB they lead.
type Workplace struct {
	Code string
	// ICB is true for an ICB lead's ICB, false for a PCN.
	ICB bool
	// Dissolved marks an ICB dissolved by today: its page is the ICB's history, not
	// where the lead's work waits (that is on England's page until an admin moves the
	// grant).
	Dissolved bool
}

// Href is the workplace's own page.
func (w Workplace) Href() string {
	if w.ICB {
		return "/icbs/" + w.Code
	}
	return "/pcns/" + w.Code
}

// Workplaces lists the PCNs the user manages or directs, then the ICBs they lead, each
// once. An admin's grant names no organisation, so it adds none.
func (u *User) Workplaces() []Workplace {
	var out []Workplace
	for _, code := range u.PCNs() {
		if !slices.ContainsFunc(out, func(w Workplace) bool { return w.Code == code }) {
			out = append(out, Workplace{Code: code})
		}
	}
	for _, code := range u.ICBs() {
		dissolved := slices.ContainsFunc(u.Dissolved, func(d DissolvedICB) bool { return d.Code == code })
		out = append(out, Workplace{Code: code, ICB: true, Dissolved: dissolved})
	}
	return out
}

// HomePlace is the one workplace that is the user's home, if they have one: a user
// whose grants name a single PCN or a single ICB in force today. Admins, people with
// several places and the lead of a dissolved ICB have none: their home is England's
// page, which lists their places and what waits for them there.
func (u *User) HomePlace() (Workplace, bool) {
	if u == nil || u.IsAdmin() {
		return Workplace{}, false
	}
	ws := u.Workplaces()
	if len(ws) != 1 || ws[0].Dissolved {
		return Workplace{}, false
	}
	return ws[0], true
}

// Home is where the user lands after signing in when they asked for no page: their
// one place (HomePlace), else England's page.
func (u *User) Home() string {
	if w, ok := u.HomePlace(); ok {
		return w.Href()
	}
	return "/"
}
