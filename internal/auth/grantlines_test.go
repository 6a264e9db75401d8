package auth

import (
	"strings"
	"testing"
)

func TestParseGrantLines(t *testing.T) {
	t.Parallel()
	lines, err := ParseGrantLines("pcn_manager U60057\n\nicb_lead QOC,QSL\nadmin")
	if err != nil {
		t.Fatal(err)
	}
	if len(lines) != 3 || lines[0].Number != 1 || lines[1].Number != 3 || len(lines[1].Grants) != 2 || lines[2].Grants[0].Role != Admin {
		t.Errorf("%+v", lines)
	}
	if _, err := ParseGrantLines("admin\npcn_manager QOC"); err == nil || !strings.HasPrefix(err.Error(), "Line 2 of the grants: ") {
		t.Errorf("a wrong second line: %v", err)
	}
	if got := GrantsText([]Grant{{Role: ICBLead, Org: "QOC"}, {Role: Admin}}, ", "); got != "admin, icb_lead QOC" {
		t.Errorf("GrantsText: %q", got)
	}
}
