package planning

import "github.com/arrs-planner/arrs/internal/workforce"

// StreamTotals are a stream's committed (staff records) and planned (plan lines)
// amounts for the year: claims for the ARRS and practice GP streams, costs for other
// money.
type StreamTotals struct {
	CommittedPence, PlannedPence workforce.Pence
}

// ByStream returns the lines of one stream.
func (f Funding) ByStream(s workforce.Stream) []FundingLine {
	var out []FundingLine
	for _, l := range f.Lines {
		if l.Stream == s {
			out = append(out, l)
		}
	}
	return out
}

// addLine keeps a line with a day in post in the year and adds it to its stream's
// totals: claims for the ARRS and the practice scheme, costs for other money.
func (f *Funding) addLine(l FundingLine, inYear bool) {
	if !inYear {
		return
	}
	f.Lines = append(f.Lines, l)
	staff := l.Kind == LineStaff
	switch l.Stream {
	case workforce.StreamARRS:
		if staff {
			f.CommittedPence += l.TotalPence
		} else {
			f.PlannedPence += l.TotalPence
		}
	case workforce.StreamPracticeGP:
		f.PracticeGP.add(staff, l.TotalPence)
	case workforce.StreamOther:
		f.Other.add(staff, l.CostTotalPence)
	}
}

// add counts an amount as committed (a staff record's) or planned (a plan line's).
func (t *StreamTotals) add(staff bool, p workforce.Pence) {
	if staff {
		t.CommittedPence += p
	} else {
		t.PlannedPence += p
	}
}
