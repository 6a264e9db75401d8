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
