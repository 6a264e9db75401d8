package funding

import (
	"slices"
	"strings"
	"time"

	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// AreaYear is one area's money of one stream for a financial year: the sum of its
// PCNs' figures (PLANNING.md, "Funding report"), each worked to the penny as the PCN's
// funding page works it, so a PCN's row is its page's figures and an ICB's the sum of
// its PCNs' (for the practice GP scheme, of its practices': see Areas).
type AreaYear struct {
	Level  workforce.Level
	Code   string
	Name   string
	Year   workforce.FinancialYear
	Stream workforce.Stream
	// Entitlement, Committed, Planned and Headroom are in pence; Headroom is
	// Entitlement − Committed − Planned. EntitlementKnown is false when no
	// entitlement of the area is known (the practice GP scheme with no rate for the
	// year, or no practice with a list): Entitlement is then 0 and means nothing, and
	// neither does Headroom (see the Known… methods).
	Entitlement, Committed, Planned, Headroom workforce.Pence
	EntitlementKnown                          bool
	// Estimated counts records and plan lines costed at their cap (no cost recorded);
	// Uncosted those with neither a cost nor a cap, left out of the totals.
	Estimated, Uncosted int
	// NoList counts the practices whose registered list is not known, left out of the
	// practice GP scheme's entitlement ("excluding N practices"); 0 for other streams.
	NoList int
	// Partial is true when the year starts before the staff data (DataStart, the
	// first census): Committed and Headroom then stand on months that are not known
	// and are reported as not known (PCNYear.Partial).
	Partial   bool
	DataStart time.Time
}

// practiceArea is a practice in the practice GP scheme of a year, as Areas places it:
// its entitlement, its PCN on the population day ("" for none) and its ICB on the
// year's first day (with Request.AllPractices; else on the population day).
type practiceArea struct {
	code, pcn, icb string
	entitlement    workforce.Pence
	// known: the year has a rate and the practice a list; listKnown: it has a list.
	known, listKnown bool
}

// areaPractices works out every practice's entitlement of each year, for Areas.
func (in *inputs) areaPractices(years []Year) map[workforce.FinancialYear][]practiceArea {
	out := make(map[workforce.FinancialYear][]practiceArea, len(years))
	for _, y := range years {
		icbOn := map[string]string{}
		for _, r := range in.placed[y.Year.Start()] {
			icbOn[r.Code] = r.ICBCode
		}
		rows := in.placed[y.PopulationDay]
		inputs := make([]planning.PracticeInput, len(rows))
		byCode := make(map[string]store.PracticeList, len(rows))
		for i, r := range rows {
			inputs[i], byCode[r.Code] = practiceInput(r), r
		}
		gp, rateKnown := rateOf(in.gpRates, y.Year)
		for _, p := range planning.PracticeGPYear(gp.pounds, inputs, nil, nil).Practices {
			r := byCode[p.Practice.Code]
			icb, ok := icbOn[r.Code]
			if !ok {
				icb = r.ICBCode
			}
			out[y.Year] = append(out[y.Year], practiceArea{code: r.Code, pcn: r.PCNCode, icb: icb, entitlement: p.EntitlementPence,
				known: rateKnown && p.Known, listKnown: r.PatientsKnown})
		}
	}
	return out
}

// Areas sums res's PCN years of year into one row per area of level for a stream,
// sorted by code. A PCN counts in its ICB and region as the tree places it.
//   - arrs: the PCNs' ARRS figures;
//   - practice_gp: a PCN's row is its member practices' scheme (PCNYear.PracticeGP). An
//     ICB's or region's counts each practice in its own ICB (PLANNING.md): the
//     entitlements of the practices in a PCN, and the claims of the GPs naming them;
//     planned claims name no practice and count in their PCN's ICB. England's counts
//     every practice, including those in no PCN (read with Request.AllPractices);
//   - other: the costs of the posts on other money as committed and planned; the
//     entitlement is 0 and there is no headroom (KnownHeadroom is nil): other money
//     reimburses nothing.
func Areas(res *Result, tree *workforce.Tree, level workforce.Level, year workforce.FinancialYear, stream workforce.Stream) []AreaYear {
	a := areas{tree: tree, level: level, year: year, stream: stream, rows: map[string]*AreaYear{}, icbOf: map[string]string{}}
	// Without Request.AllPractices the practices are the PCNs' members, each counted
	// with its PCN.
	gpByPractice := stream == workforce.StreamPracticeGP && level != workforce.LevelPCN && res.practices != nil
	for _, pr := range res.practices[year] {
		a.icbOf[pr.code] = pr.icb
	}
	for _, p := range tree.PCNs {
		y, ok := res.For(p.Code, year)
		if !ok {
			continue
		}
		row := a.row(areaOf(tree, level, p))
		switch {
		case gpByPractice:
			row.countLines(y, stream)
			row.Planned += y.PracticeGP.PlannedPence
			a.addGPCommitted(p, y)
		default:
			row.add(y, stream)
		}
	}
	if gpByPractice {
		a.addGPEntitlements(res.practices[year])
	}
	out := make([]AreaYear, 0, len(a.rows))
	for _, r := range a.rows {
		r.Headroom = r.Entitlement - r.Committed - r.Planned
		out = append(out, *r)
	}
	slices.SortFunc(out, func(a, b AreaYear) int { return strings.Compare(a.Code, b.Code) })
	return out
}

// areas collects the rows of one level.
type areas struct {
	tree   *workforce.Tree
	level  workforce.Level
	year   workforce.FinancialYear
	stream workforce.Stream
	rows   map[string]*AreaYear
	// icbOf is each practice's ICB (practiceArea.icb), by code.
	icbOf map[string]string
}

// row is the area's row, made on first use.
func (a *areas) row(code, name string) *AreaYear {
	r := a.rows[code]
	if r == nil {
		r = &AreaYear{Level: a.level, Code: code, Name: name, Year: a.year, Stream: a.stream,
			EntitlementKnown: a.stream != workforce.StreamPracticeGP}
		a.rows[code] = r
	}
	return r
}

// add counts a PCN's year of the stream in the area.
func (r *AreaYear) add(y PCNYear, stream workforce.Stream) {
	f := y.Funding
	switch stream {
	case workforce.StreamPracticeGP:
		gp := y.PracticeGP
		if y.PracticeGPEntitlementKnown() {
			r.Entitlement += gp.EntitlementPence
			r.EntitlementKnown = true
		}
		r.Committed += gp.CommittedPence
		r.Planned += gp.PlannedPence
		r.NoList += y.PracticesWithoutList()
	case workforce.StreamOther:
		r.Committed += f.Other.CommittedPence
		r.Planned += f.Other.PlannedPence
	default:
		r.Entitlement += f.EntitlementPence
		r.Committed += f.CommittedPence
		r.Planned += f.PlannedPence
	}
	r.countLines(y, stream)
}

// countLines counts a PCN's estimated and uncosted lines of the stream, and a partial
// year.
func (r *AreaYear) countLines(y PCNYear, stream workforce.Stream) {
	staff, plan := y.CostsAssumedIn(stream)
	r.Estimated += staff + plan
	r.Uncosted += y.UncostedIn(stream)
	if y.Partial() {
		r.Partial, r.DataStart = true, y.DataStart
	}
}

// addGPCommitted counts the claims of PCN p's practice-scheme GPs in the area of the
// practice each one names (its PCN's when the practice is not placed).
func (a *areas) addGPCommitted(p workforce.PCN, y PCNYear) {
	for _, s := range y.Staff {
		if s.Stream != workforce.StreamPracticeGP {
			continue
		}
		code, name := areaOf(a.tree, a.level, p)
		if icb, ok := a.icbOf[s.Record.PracticeCode]; ok {
			if c, n, ok := a.icbArea(icb); ok {
				code, name = c, n
			}
		}
		a.row(code, name).Committed += s.ClaimTotal
	}
}

// addGPEntitlements counts each practice's entitlement in its own ICB's area: the
// practices in a PCN, and for England those in none too.
func (a *areas) addGPEntitlements(practices []practiceArea) {
	for _, pr := range practices {
		if pr.pcn == "" && a.level != workforce.LevelEngland {
			continue
		}
		code, name, ok := a.icbArea(pr.icb)
		if !ok {
			continue
		}
		r := a.row(code, name)
		if pr.known {
			r.Entitlement += pr.entitlement
			r.EntitlementKnown = true
		}
		if !pr.listKnown {
			r.NoList++
		}
	}
}

// icbArea is the code and name of the area of the level that holds an ICB; ok is
// false when the tree has no such ICB.
func (a *areas) icbArea(icb string) (code, name string, ok bool) {
	i, ok := a.tree.ICB(icb)
	switch {
	case a.level == workforce.LevelEngland:
		return workforce.EnglandCode, "England", true
	case !ok:
		return "", "", false
	case a.level == workforce.LevelRegion:
		r, _ := a.tree.Region(i.RegionCode)
		return i.RegionCode, r.Name, true
	}
	return i.Code, i.Name, true
}

// areaOf is the code and name of the area of level that holds PCN p.
func areaOf(tree *workforce.Tree, level workforce.Level, p workforce.PCN) (code, name string) {
	switch level {
	case workforce.LevelPCN:
		return p.Code, p.Name
	case workforce.LevelICB:
		icb, _ := tree.ICB(p.ICBCode)
		return p.ICBCode, icb.Name
	case workforce.LevelRegion:
		code := tree.RegionOf(p)
		r, _ := tree.Region(code)
		return code, r.Name
	}
	return workforce.EnglandCode, "England"
}

// PracticeGPEntitlementKnown reports whether the PCN year's practice GP scheme
// entitlement is known: the year has a rate (its own or an earlier one) and some
// member practice a list. Otherwise it is "no data", never £0, and so is the scheme's
// headroom.
func (p PCNYear) PracticeGPEntitlementKnown() bool {
	gp := p.PracticeGP
	return p.PracticeGPRateKnown && gp.Unknown < len(gp.Practices)
}

// PracticesWithoutList counts the member practices with no registered list on the
// population day: left out of the scheme's entitlement and counted ("excluding N
// practices").
func (p PCNYear) PracticesWithoutList() int {
	n := 0
	for _, pr := range p.Practices {
		n += b2i(!pr.ListKnown)
	}
	return n
}

// KnownEntitlement is the area's entitlement, nil when not known.
func (r AreaYear) KnownEntitlement() *workforce.Pence {
	if !r.EntitlementKnown {
		return nil
	}
	return &r.Entitlement
}

// KnownCommitted is the area's committed figure, nil in a partial year (its months
// before the staff data are not known).
func (r AreaYear) KnownCommitted() *workforce.Pence {
	if r.Partial {
		return nil
	}
	return &r.Committed
}

// KnownHeadroom is the area's headroom, nil when the entitlement or the committed
// figure is not known, or on other money, which reimburses nothing and so has no
// headroom (its costs are its committed and planned figures).
func (r AreaYear) KnownHeadroom() *workforce.Pence {
	if !r.EntitlementKnown || r.Partial || r.Stream == workforce.StreamOther {
		return nil
	}
	return &r.Headroom
}
