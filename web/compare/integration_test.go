package compare

import (
	"strings"
	"testing"
)

// The note under the ICB's total agrees with its counts: "1 has … 1 records", "0 have
// … 2 record".
func TestIntegrationNote(t *testing.T) {
	for _, c := range []struct {
		in   Integration
		want string
	}{
		{Integration{PCNs: 9, NoRecordPCNs: 1, NoSupervisionPCNs: 1}, "Of the 9 PCNs, 1 has saved no integration record yet and 1 records no supervision: "},
		{Integration{PCNs: 3, NoRecordPCNs: 0, NoSupervisionPCNs: 2}, "Of the 3 PCNs, 0 have saved no integration record yet and 2 record no supervision: "},
	} {
		if got := c.in.integrationNote(); !strings.HasPrefix(got, c.want) {
			t.Errorf("%+v: %q, want it to start %q", c.in, got, c.want)
		}
	}
}
