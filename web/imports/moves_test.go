package imports

import (
	"testing"

	"github.com/arrs-planner/arrs/internal/workforce"
)

func TestMoves(t *testing.T) {
	t.Parallel()
	june := workforce.Date(2026, 6, 30)
	icb := workforce.PCNMove{PCNCode: "U12345", FromSubICB: "06K", FromICB: "QM7", ToSubICB: "06K", ToICB: "S1Y5D"}
	sub := workforce.PCNMove{PCNCode: "U23456", FromSubICB: "D4U1Y", FromICB: "QRL", ToSubICB: "D9Y0V", ToICB: "QRL"}
	placed := workforce.PCNMove{PCNCode: "U34567", ToSubICB: "06K", ToICB: "S1Y5D"}
	many := []workforce.PCNMove{icb, icb, icb, icb, icb, sub, placed}
	for name, c := range map[string]struct {
		moves []workforce.PCNMove
		want  string
	}{
		"none":    {nil, ""},
		"ICB":     {[]workforce.PCNMove{icb}, "PCN U12345 moved from ICB QM7 to S1Y5D from 30 June 2026."},
		"sub-ICB": {[]workforce.PCNMove{sub}, "PCN U23456 moved from sub-ICB location D4U1Y to D9Y0V from 30 June 2026."},
		"placed":  {[]workforce.PCNMove{placed}, "PCN U34567 placed in ICB S1Y5D from 30 June 2026."},
		"many": {many, "PCN U12345 moved from ICB QM7 to S1Y5D from 30 June 2026. PCN U12345 moved from ICB QM7 to S1Y5D from 30 June 2026. " +
			"PCN U12345 moved from ICB QM7 to S1Y5D from 30 June 2026. PCN U12345 moved from ICB QM7 to S1Y5D from 30 June 2026. " +
			"PCN U12345 moved from ICB QM7 to S1Y5D from 30 June 2026. 2 more PCNs moved from 30 June 2026."},
	} {
		if got := Moves(june, c.moves); got != c.want {
			t.Errorf("%s:\n got %q\nwant %q", name, got, c.want)
		}
	}
}
