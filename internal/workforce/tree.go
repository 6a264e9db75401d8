package workforce

import (
	"sort"
	"time"
)

// RoleFTE is the FTE in post at one PCN in one NWRS staff role on a day.
type RoleFTE struct {
	PCNCode   string
	RoleCode  string // ARRS role code, "" outside ARRS
	StaffRole string
	FTE       float64
}

// Tree is England's organisational hierarchy on one day (Day), with lookups both ways:
// the ICBs in force that day and every PCN with its place that day.
type Tree struct {
	Day     time.Time // zero: a tree built without dates (tests)
	Regions []Region
	ICBs    []ICB
	PCNs    []PCN
	History History
	region  map[string]int
	icb     map[string]int
	pcn     map[string]int
}

// NewTree indexes the hierarchy.
func NewTree(regions []Region, icbs []ICB, pcns []PCN) *Tree {
	t := &Tree{Regions: regions, ICBs: icbs, PCNs: pcns, region: map[string]int{}, icb: map[string]int{}, pcn: map[string]int{}}
	for i, r := range regions {
		t.region[r.Code] = i
	}
	for i, c := range icbs {
		t.icb[c.Code] = i
	}
	for i, p := range pcns {
		t.pcn[p.Code] = i
	}
	return t
}

// Region looks a region up by code.
func (t *Tree) Region(code string) (Region, bool) {
	i, ok := t.region[code]
	if !ok {
		return Region{}, false
	}
	return t.Regions[i], true
}

// ICB looks an ICB up by code.
func (t *Tree) ICB(code string) (ICB, bool) {
	i, ok := t.icb[code]
	if !ok {
		return ICB{}, false
	}
	return t.ICBs[i], true
}

// PCN looks a PCN up by code.
func (t *Tree) PCN(code string) (PCN, bool) {
	i, ok := t.pcn[code]
	if !ok {
		return PCN{}, false
	}
	return t.PCNs[i], true
}

// ICBOf returns the ICB code of a PCN given by code ("" when unknown).
func (t *Tree) ICBOf(pcn string) string {
	p, _ := t.PCN(pcn)
	return p.ICBCode
}

// PCNsOf returns the PCNs of an ICB given by code, in the tree's order.
func (t *Tree) PCNsOf(icb string) []PCN {
	var out []PCN
	for _, p := range t.PCNs {
		if p.ICBCode == icb {
			out = append(out, p)
		}
	}
	return out
}

// RegionOf returns the region code of a PCN ("" when unknown).
func (t *Tree) RegionOf(p PCN) string {
	icb, _ := t.ICB(p.ICBCode)
	return icb.RegionCode
}

// AreaFTE is the workforce of one area on a day.
type AreaFTE struct {
	Level    Level
	Code     string
	Name     string
	Parent   string // code of the area above ("" for England)
	PCNs     int
	Patients int                // registered patients of its PCNs
	ByRole   map[string]float64 // ARRS role code → FTE
	ARRS     float64
	NonARRS  float64
}

// All is the FTE of every PCN staff member, ARRS or not.
func (a AreaFTE) All() float64 { return a.ARRS + a.NonARRS }

// PerTenThousand is ARRS FTE per 10,000 registered patients (0 when the list is empty).
func (a AreaFTE) PerTenThousand() float64 {
	if a.Patients == 0 {
		return 0
	}
	return a.ARRS * 10000 / float64(a.Patients)
}

// Areas is the workforce rolled up to every level, each level sorted by code.
type Areas struct {
	England AreaFTE
	Regions []AreaFTE
	ICBs    []AreaFTE
	PCNs    []AreaFTE
}

// Level returns the areas of one level.
func (a *Areas) Level(l Level) []AreaFTE {
	switch l {
	case LevelRegion:
		return a.Regions
	case LevelICB:
		return a.ICBs
	case LevelPCN:
		return a.PCNs
	}
	return []AreaFTE{a.England}
}

// Find returns the area of a level with a code.
func (a *Areas) Find(l Level, code string) (AreaFTE, bool) {
	for _, x := range a.Level(l) {
		if x.Code == code {
			return x, true
		}
	}
	return AreaFTE{}, false
}

// Children returns the areas one level below the given area.
func (a *Areas) Children(l Level, code string) []AreaFTE {
	var below []AreaFTE
	switch l {
	case LevelEngland:
		return a.Regions
	case LevelRegion:
		below = a.ICBs
	case LevelICB:
		below = a.PCNs
	}
	var out []AreaFTE
	for _, x := range below {
		if x.Parent == code {
			out = append(out, x)
		}
	}
	return out
}

// Rollup sums FTE by PCN up the hierarchy. Every PCN of the tree appears, with zero FTE
// when it has no staff; FTE of PCNs unknown to the tree counts in England only.
func Rollup(t *Tree, rows []RoleFTE) *Areas {
	pcn := make(map[string]*AreaFTE, len(t.PCNs))
	icb := make(map[string]*AreaFTE, len(t.ICBs))
	reg := make(map[string]*AreaFTE, len(t.Regions))
	eng := newArea(LevelEngland, EnglandCode, "England", "")
	for _, r := range t.Regions {
		reg[r.Code] = newArea(LevelRegion, r.Code, r.Name, EnglandCode)
	}
	for _, c := range t.ICBs {
		icb[c.Code] = newArea(LevelICB, c.Code, c.Name, c.RegionCode)
	}
	for _, p := range t.PCNs {
		pcn[p.Code] = newArea(LevelPCN, p.Code, p.Name, p.ICBCode)
		for _, a := range []*AreaFTE{pcn[p.Code], icb[p.ICBCode], reg[t.RegionOf(p)], eng} {
			if a != nil {
				a.PCNs++
				a.Patients += p.RegisteredPatients
			}
		}
	}
	for _, r := range rows {
		p, _ := t.PCN(r.PCNCode)
		for _, a := range []*AreaFTE{pcn[r.PCNCode], icb[p.ICBCode], reg[t.RegionOf(p)], eng} {
			if a != nil {
				a.add(r)
			}
		}
	}
	return &Areas{England: *eng, Regions: sorted(reg), ICBs: sorted(icb), PCNs: sorted(pcn)}
}

func newArea(l Level, code, name, parent string) *AreaFTE {
	return &AreaFTE{Level: l, Code: code, Name: name, Parent: parent, ByRole: map[string]float64{}}
}

func (a *AreaFTE) add(r RoleFTE) {
	if r.RoleCode == "" {
		a.NonARRS += r.FTE
		return
	}
	a.ARRS += r.FTE
	a.ByRole[r.RoleCode] += r.FTE
}

func sorted(m map[string]*AreaFTE) []AreaFTE {
	out := make([]AreaFTE, 0, len(m))
	for _, a := range m {
		out = append(out, *a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out
}
