package workforce

import "time"

// EnglandCode is the ONS code of England, the top of every roll-up.
const EnglandCode = "E92000001"

// Level names a layer of the organisational hierarchy used in reports and URLs.
type Level string

// The levels of the hierarchy, from the top: England → region → ICB → PCN.
const (
	LevelEngland Level = "england"
	LevelRegion  Level = "region"
	LevelICB     Level = "icb"
	LevelPCN     Level = "pcn"
)

// ParseLevel accepts one of the four level names.
func ParseLevel(s string) (Level, bool) {
	switch l := Level(s); l {
	case LevelEngland, LevelRegion, LevelICB, LevelPCN:
		return l, true
	}
	return "", false
}

// Region is one of the 7 NHS England commissioning regions (ODS codes Y56–Y63).
type Region struct {
	Code    string
	ONSCode string
	Name    string
}

// ICB is an Integrated Care Board, the commissioner that approves a PCN's ARRS claims.
type ICB struct {
	Code       string
	ONSCode    string
	Name       string
	RegionCode string
	// Opened and Closed bound the days the ICB exists: [Opened, Closed), a zero time
	// unbounded. Closed is the day it was dissolved (1 April 2026 for the 12 merged).
	Opened time.Time
	Closed time.Time
}

// InForce reports whether the ICB exists on day d.
func (i ICB) InForce(d time.Time) bool {
	return (i.Opened.IsZero() || !d.Before(i.Opened)) && (i.Closed.IsZero() || d.Before(i.Closed))
}

// LastDay is the last day a dissolved ICB existed (zero when it still does).
func (i ICB) LastDay() time.Time {
	if i.Closed.IsZero() {
		return time.Time{}
	}
	return i.Closed.AddDate(0, 0, -1)
}

// SubICB is a sub-ICB location (the former CCG footprint), with the ICB it lies in on
// the day it was read for.
type SubICB struct {
	Code    string
	ONSCode string
	Name    string
	ICBCode string
}

// HierarchyStart is the first day of the structure the planner knows: PCNs began on
// 1 July 2019, and the November 2025 structure is taken to hold from then until the
// first change recorded after it.
var HierarchyStart = Date(2019, 7, 1)

// PCN is a Primary Care Network, the employer (or contractor) of ARRS staff. Its
// sub-ICB location and ICB are those in force on the day it was read for;
// RegisteredPatients is the sum of its member practices' lists on that day (the
// latest extract on or before it, or the first before any), or, for a PCN with no
// practice recorded, the published PCN list.
type PCN struct {
	Code               string
	Name               string
	SubICBCode         string
	ICBCode            string
	MemberPractices    int
	RegisteredPatients int
	ListSizeDate       time.Time
}

// Population is a PCN's Carr-Hill weighted population from a date. Weighted
// populations are not open data; until one is entered the registered list stands in.
type Population struct {
	PCNCode       string
	EffectiveDate time.Time
	Weighted      float64
}

// OrgPath is a PCN with the sub-ICB, ICB and region above it, as a file states them.
type OrgPath struct {
	PCN    PCN
	SubICB SubICB
	ICB    ICB
	Region Region
}

// DescribableDays are the first and last day a page or report may be asked about, today
// being today: from the first day of the structure the planner knows (HierarchyStart)
// to the last day of the plan window (this financial year and the next two). Outside
// them there is neither a structure nor a plan, and a figure would be invented.
func DescribableDays(today time.Time) (first, last time.Time) {
	w := PlanWindowAt(today)
	return HierarchyStart, w[len(w)-1].Next().Start().AddDate(0, 0, -1)
}
