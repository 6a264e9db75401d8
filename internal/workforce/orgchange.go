package workforce

import (
	"cmp"
	"slices"
	"time"
)

// OrgChange is a reorganisation of ICBs on one day, as NHS England publishes it (the
// layout of data/organisations_2026-04): the ICBs in force from the day, every sub-ICB
// location that changes ICB, code or name, and every PCN's (and practice's) place from
// the day.
type OrgChange struct {
	Effective time.Time // the first day of the new structure (1 April 2026)
	// ICBs is every ICB in force from Effective. An ICB in force the day before and not
	// listed here is dissolved on Effective.
	ICBs []ICB
	// SubICBs are the sub-ICB locations that change, each with its ICB from Effective.
	SubICBs []SubICBChange
	// PCNs is every PCN's sub-ICB and ICB from Effective.
	PCNs []PCNPlace
	// Practices is every practice's PCN, sub-ICB and ICB from Effective (may be empty).
	Practices []PracticeMembership
}

// SubICBChange is one row of a change summary's sub-ICB changes: the old location moves
// to (or becomes) the new one in a new ICB. A location split between ICBs (Frimley's
// D4U1Y) has one row per destination.
type SubICBChange struct {
	OldICBCode    string
	OldSubICBCode string
	New           SubICB // code, name and ICB from Effective
}

// PCNPlace is a PCN's sub-ICB location and ICB from a day.
type PCNPlace struct {
	PCNCode    string
	PCNName    string
	OldICBCode string // as the change summary states it, for checking
	SubICBCode string
	ICBCode    string
}

// Succession records that an ICB was dissolved on a day and (part of) its footprint
// went to a successor. A split has one row per successor.
type Succession struct {
	OldCode   string
	NewCode   string
	Effective time.Time
}

// Successions are the successors of the ICBs a change dissolves: for each, the ICBs
// its PCNs (in force the day before, given by before) and its sub-ICB locations go to,
// in code order.
func Successions(ch *OrgChange, before []PCN, dissolved []string) []Succession {
	gone := map[string]bool{}
	for _, c := range dissolved {
		gone[c] = true
	}
	oldICB := map[string]string{}
	for _, p := range before {
		oldICB[p.Code] = p.ICBCode
	}
	seen := map[Succession]bool{}
	var out []Succession
	add := func(old, next string) {
		s := Succession{OldCode: old, NewCode: next, Effective: ch.Effective}
		if gone[old] && old != next && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	for _, p := range ch.PCNs {
		add(oldICB[p.PCNCode], p.ICBCode)
	}
	for _, s := range ch.SubICBs {
		add(s.OldICBCode, s.New.ICBCode)
	}
	sortSuccessions(out)
	return out
}

func sortSuccessions(s []Succession) {
	slices.SortFunc(s, func(a, b Succession) int {
		return cmp.Or(cmp.Compare(a.OldCode, b.OldCode), cmp.Compare(a.NewCode, b.NewCode))
	})
}

// PCNMove is a PCN a census placed in another sub-ICB location or ICB than the
// structure in force on its day (From* empty: the PCN had no place that day).
type PCNMove struct {
	PCNCode    string
	FromSubICB string
	FromICB    string
	ToSubICB   string
	ToICB      string
}

// CensusMoves compares a census's places (one OrgPath per PCN) with the tree in force on
// its day and subICB (each sub-ICB location's ICB that day): the PCNs to move, by code,
// and the sub-ICB locations whose ICB the census states differently, by code.
func CensusMoves(tree *Tree, subICB map[string]string, orgs []OrgPath) ([]PCNMove, []SubICB) {
	var moves []PCNMove
	var subs []SubICB
	seenSub := map[string]bool{}
	for _, o := range orgs {
		if s := o.SubICB.Code; s != "" && !seenSub[s] && subICB[s] != o.ICB.Code {
			seenSub[s] = true
			subs = append(subs, SubICB{Code: s, Name: o.SubICB.Name, ICBCode: o.ICB.Code})
		}
		p, ok := tree.PCN(o.PCN.Code)
		if ok && p.SubICBCode == o.SubICB.Code && p.ICBCode == o.ICB.Code {
			continue
		}
		moves = append(moves, PCNMove{PCNCode: o.PCN.Code, FromSubICB: p.SubICBCode, FromICB: p.ICBCode,
			ToSubICB: o.SubICB.Code, ToICB: o.ICB.Code})
	}
	slices.SortFunc(moves, func(a, b PCNMove) int { return cmp.Compare(a.PCNCode, b.PCNCode) })
	slices.SortFunc(subs, func(a, b SubICB) int { return cmp.Compare(a.Code, b.Code) })
	return moves, subs
}
