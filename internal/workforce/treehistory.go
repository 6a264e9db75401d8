package workforce

import "time"

// History is what a Tree knows beyond its own day: every ICB there has been (dissolved
// ones included) and the successions between them.
type History struct {
	ICBs        []ICB
	Successions []Succession
}

// WithHistory sets the day the tree's structure is in force and what it knows of other
// days, and returns the tree.
func (t *Tree) WithHistory(day time.Time, h History) *Tree {
	t.Day, t.History = day, h
	return t
}

// AnyICB looks an ICB up by code whether or not it exists on the tree's day.
func (t *Tree) AnyICB(code string) (ICB, bool) {
	if c, ok := t.ICB(code); ok {
		return c, true
	}
	for _, c := range t.History.ICBs {
		if c.Code == code {
			return c, true
		}
	}
	return ICB{}, false
}

// Successors are the ICBs a dissolved ICB's footprint went to, by code.
func (t *Tree) Successors(code string) []ICB {
	return t.succeeding(func(s Succession) (string, bool) { return s.NewCode, s.OldCode == code })
}

// Predecessors are the ICBs a new ICB was made from, by code.
func (t *Tree) Predecessors(code string) []ICB {
	return t.succeeding(func(s Succession) (string, bool) { return s.OldCode, s.NewCode == code })
}

// succeeding is the ICBs at the other end of the successions end matches, in their
// order: end gives a succession's other ICB and whether it is one of those asked for.
func (t *Tree) succeeding(end func(Succession) (other string, match bool)) []ICB {
	var out []ICB
	for _, s := range t.History.Successions {
		if other, ok := end(s); ok {
			if c, known := t.AnyICB(other); known {
				out = append(out, c)
			}
		}
	}
	return out
}
