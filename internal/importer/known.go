package importer

import (
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// Known is what the population and plan readers check a file's codes against: the
// PCNs the database holds, and the ARRS roles with the first day each could be claimed.
// The readers take it as a value so that they stay free of the database.
type Known struct {
	// PCNs maps each PCN code the database holds to whether the person importing may
	// change it (false: known, but another network's).
	PCNs      map[string]bool
	RoleAdded map[string]time.Time // ARRS role code → the day it joined the scheme
}

// NewKnown is what a file is checked against: the PCNs given, each changeable when
// mayChange says so (nil: all), and the roles given.
func NewKnown(pcns []workforce.PCN, roles []workforce.Role, mayChange func(pcn string) bool) Known {
	k := Known{PCNs: make(map[string]bool, len(pcns)), RoleAdded: make(map[string]time.Time, len(roles))}
	for _, p := range pcns {
		k.PCNs[p.Code] = mayChange == nil || mayChange(p.Code)
	}
	for _, r := range roles {
		k.RoleAdded[r.Code] = r.Added
	}
	return k
}

// pcn checks a pcn_code cell against the known PCNs.
func (k Known) pcn(t *table, col string) (string, error) {
	code := t.get(col)
	mine, known := k.PCNs[code]
	switch {
	case code == "":
		return "", t.fail(col, "is empty")
	case !known:
		return "", t.fail(col, "unknown PCN code "+Quote(code)+" (PCN codes are \"U\" and 5 digits, as in NHS England's PCN list)")
	case !mine:
		return "", &ScopeError{&RowError{File: t.file, Line: t.line, Column: col, Unit: t.unit,
			Reason: "PCN " + code + " is not one of the networks you may change"}}
	}
	return code, nil
}

// ScopeError is a row that reaches beyond what the person importing may change: a
// known PCN that is not theirs (here), or for an ICB lead's census another ICB's rows,
// an organisation the reference data does not know, or a census other than the latest
// national one (ingest). A RowError like any other to the person, and a security event
// to the server.
type ScopeError struct{ *RowError }

// Unwrap returns the RowError, so errors.As finds it.
func (e *ScopeError) Unwrap() error { return e.RowError }

// rowKeys remembers the line of each key of a file, to name both lines of a duplicate.
type rowKeys[K comparable] map[K]int

// seen records key at line, or returns the line that already holds it.
func (r rowKeys[K]) seen(key K, line int) (first int, dup bool) {
	if first, dup = r[key]; dup {
		return first, true
	}
	r[key] = line
	return 0, false
}
