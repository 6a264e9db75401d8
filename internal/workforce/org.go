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
}

// SubICB is a sub-ICB location (the former CCG footprint).
type SubICB struct {
	Code    string
	ONSCode string
	Name    string
	ICBCode string
}

// PCN is a Primary Care Network, the employer (or contractor) of ARRS staff.
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
