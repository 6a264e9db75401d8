package imports

import (
	"fmt"
	"strings"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// movesNamed is how many moves an upload summary names; the rest it counts.
const movesNamed = 5

// Moves is the sentences of an NWRS upload summary that say which PCNs the census
// placed differently from the structure in force on its day (each has a new membership
// from that day, PLANNING.md "Organisations over time"): "PCN U12345 moved from ICB QUE
// to S1Y5D from 30 June 2026.", the first few by name, then how many more; "" when
// none moved.
func Moves(census time.Time, moves []workforce.PCNMove) string {
	if len(moves) == 0 {
		return ""
	}
	from := " from " + census.Format("2 January 2006") + "."
	var b strings.Builder
	for i, m := range moves {
		if i == movesNamed {
			fmt.Fprintf(&b, " %d more PCNs moved%s", len(moves)-movesNamed, from)
			break
		}
		if i > 0 {
			b.WriteString(" ")
		}
		b.WriteString(move(m) + from)
	}
	return b.String()
}

// move is one PCN's move, without its day.
func move(m workforce.PCNMove) string {
	switch {
	case m.FromICB == "":
		return fmt.Sprintf("PCN %s placed in ICB %s", m.PCNCode, m.ToICB)
	case m.FromICB != m.ToICB:
		return fmt.Sprintf("PCN %s moved from ICB %s to %s", m.PCNCode, m.FromICB, m.ToICB)
	}
	return fmt.Sprintf("PCN %s moved from sub-ICB location %s to %s", m.PCNCode, m.FromSubICB, m.ToSubICB)
}
