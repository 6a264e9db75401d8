package auth

import (
	"slices"
	"time"
)

// DissolvedICB is an ICB lead's grant on an ICB dissolved by today (1 April 2026:
// twelve merged into six, Frimley split three ways). The grant keeps exactly the PCNs
// that were in the ICB on its last day, as the database's lists do (icb_pcns_today):
// nothing is lost when an ICB goes, and nothing is widened to its successors, which
// hold other PCNs too, until an admin moves the grant (PLANNING.md, "Organisations
// over time").
type DissolvedICB struct {
	Code, Name string
	// Closed is the day the ICB was dissolved, its first day out of force.
	Closed time.Time
	// PCNs are the ICB's PCNs on its last day.
	PCNs []string
	// Successors are the ICBs its footprint went to, by code.
	Successors []ICBName
}

// ICBName is an ICB as a notice or a button names it.
type ICBName struct{ Code, Name string }

// LeadsPCN reports whether the user leads the PCN through an ICB: as a lead of the
// ICB it is in today (icbOfPCN), or of a dissolved ICB it was in on that ICB's last
// day. Admins lead every PCN.
func (u *User) LeadsPCN(pcn, icbOfPCN string) bool {
	if u.LeadsICB(icbOfPCN) {
		return true
	}
	return u != nil && slices.ContainsFunc(u.Dissolved, func(d DissolvedICB) bool { return slices.Contains(d.PCNs, pcn) })
}
