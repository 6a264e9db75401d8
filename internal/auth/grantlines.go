package auth

import (
	"fmt"
	"slices"
	"strings"
)

// GrantLine is one line of grants as an admin types them ("pcn_manager U60057" or
// "icb_lead QOC,QSL"), with its line number for messages.
type GrantLine struct {
	Number int
	Grants []Grant
}

// ParseGrantLines reads one role and its organisations a line, skipping blank
// lines. The error names the first wrong line ("Line 2 of the grants: …"); the lines
// before it are returned with it, so that a caller checking each line in turn can
// report whichever is wrong first.
func ParseGrantLines(text string) ([]GrantLine, error) {
	var out []GrantLine
	for i, line := range strings.Split(text, "\n") {
		fields := strings.Fields(line)
		if len(fields) == 0 {
			continue
		}
		gs, err := ParseGrants(fields[0], strings.Join(fields[1:], ","))
		if err != nil {
			return out, fmt.Errorf("Line %d of the grants: %w", i+1, err)
		}
		out = append(out, GrantLine{Number: i + 1, Grants: gs})
	}
	return out, nil
}

// GrantsText writes grants as "role ORG", sorted as the store sorts them, so that the
// same grants always read the same.
func GrantsText(gs []Grant, sep string) string {
	parts := make([]string, 0, len(gs))
	for _, g := range gs {
		parts = append(parts, strings.TrimSpace(string(g.Role)+" "+g.Org))
	}
	slices.Sort(parts)
	return strings.Join(parts, sep)
}

// NewGrantOnDissolved is the first ICB lead grant of lines on an ICB dissolved by
// today (dissolved reports which) that the user does not hold already (held), with its
// line number; ok is false when there is none. A grant held since before its ICB was
// dissolved is kept when the user's form is saved again unchanged: nothing is lost,
// and the admin moves it to a successor with one click. None is given anew: it would
// open only the PCNs the ICB had on its last day (DissolvedICB), never the successors'.
func NewGrantOnDissolved(lines []GrantLine, held []Grant, dissolved func(icb string) bool) (line int, g Grant, ok bool) {
	for _, l := range lines {
		for _, g := range l.Grants {
			if g.Role == ICBLead && dissolved(g.Org) && !slices.Contains(held, g) {
				return l.Number, g, true
			}
		}
	}
	return 0, Grant{}, false
}
