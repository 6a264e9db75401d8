// Package scale builds the national dataset of the scale benchmark (`make bench-scale`,
// issue 17): the 59 monthly NWRS censuses before the real November 2025 file, generated
// backwards from it with realistic churn, then loaded through the real import path with
// a plan per PCN, 10,000 users and a million audit rows, and kept as template databases.
//
// Everything is deterministic: the only randomness is a PCG with a fixed seed, drawn
// in a fixed order over records kept in key order, and FNV hashes, so that the same
// source file gives the same censuses byte for byte on every machine.
package scale

import (
	"math"
	"math/rand/v2"
	"sort"
	"strconv"
	"time"

	"github.com/arrs-planner/arrs/internal/importer"
	"github.com/arrs-planner/arrs/internal/refdata"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// GeneratorVersion names the generator's output; change it whenever the censuses
// change, so that cached template databases are rebuilt.
const GeneratorVersion = "scale-gen-2"

// Params shape the churn of the generated censuses.
type Params struct {
	Months int // censuses generated before the source file's
	// LeaveRate is, for each month, the leavers of the month after as a share of its
	// records: people in post this month and gone the next (added going backwards).
	// 1.2% a month is about 14% turnover a year.
	LeaveRate float64
	// ChangeRate is the share of records whose FTE differs from the month after's. The
	// import ends such a record and starts a new one, so it is the knob that brings the
	// staff table to the 121k rows after 60 imports.
	ChangeRate float64
}

// DefaultParams are the benchmark's: 59 months (December 2020 to October 2025), which
// with the real file make 124,601 staff records after 60 imports (the issue: 121k).
var DefaultParams = Params{Months: 59, LeaveRate: 0.012, ChangeRate: 0.056}

// History is the generated censuses, oldest first. The source file's own census is
// not among them: it is imported as published, last.
type History struct {
	Censuses []time.Time
	months   [][]int32 // indexes into pool, per census, by role (a fixed order)
	pool     []workforce.Staff
	orgs     map[string]workforce.OrgPath
}

// gen is the state of one generation run.
type gen struct {
	rng     *rand.Rand
	pool    []workforce.Staff
	targets targets
	p       Params
	seq     int // synthetic identifiers handed out
}

// Generate builds p.Months censuses before src's, backwards from it: each month keeps
// the month after's records, adds leavers (people who left during the month after),
// changes some FTEs, and removes starters until every staff role's FTE is the
// published national series' share of the source's (series from refdata).
func Generate(src *importer.Snapshot, series []refdata.SeriesPoint, p Params) *History {
	g := &gen{rng: rand.New(rand.NewPCG(17, 2025)), p: p, pool: sortedRecords(src.Records)}
	g.targets = newTargets(series, g.pool, src.Census)
	h := &History{Censuses: make([]time.Time, p.Months), months: make([][]int32, p.Months), orgs: map[string]workforce.OrgPath{}}
	for _, o := range src.Orgs {
		h.orgs[o.PCN.Code] = o
	}
	cur := make([]int32, len(g.pool))
	for i := range cur {
		cur[i] = int32(i)
	}
	for k := p.Months - 1; k >= 0; k-- {
		census := monthsBefore(src.Census, p.Months-k)
		cur = g.step(cur, census)
		h.Censuses[k], h.months[k] = census, cur
	}
	h.pool = g.pool
	return h
}

// monthsBefore is the census date n months before census.
func monthsBefore(census time.Time, n int) time.Time {
	first := workforce.Date(census.Year(), census.Month(), 1).AddDate(0, -n, 0)
	return workforce.CensusDate(first.Year(), first.Month())
}

// sortedRecords copies records in key order, so that nothing depends on the file's
// row order beyond its content.
func sortedRecords(in []workforce.Staff) []workforce.Staff {
	out := append([]workforce.Staff(nil), in...)
	sort.Slice(out, func(i, j int) bool { return keyLess(out[i], out[j]) })
	return out
}

func keyLess(a, b workforce.Staff) bool {
	switch {
	case a.PCNCode != b.PCNCode:
		return a.PCNCode < b.PCNCode
	case a.Source != b.Source:
		return a.Source < b.Source
	case a.UniqueIdentifier != b.UniqueIdentifier:
		return a.UniqueIdentifier < b.UniqueIdentifier
	case a.StaffRole != b.StaffRole:
		return a.StaffRole < b.StaffRole
	}
	return a.DetailedRole < b.DetailedRole
}

// step makes the census before from the month after's records (next).
func (g *gen) step(next []int32, census time.Time) []int32 {
	cur := append([]int32(nil), next...)
	keep := map[int32]bool{} // leavers added this month: in post now by definition
	n := len(next)
	for range int(math.Round(g.p.LeaveRate * float64(n))) {
		if i, ok := g.leaver(cur[g.rng.IntN(n)]); ok {
			cur = append(cur, i)
			keep[i] = true
		}
	}
	for range int(math.Round(g.p.ChangeRate * float64(n))) {
		j := g.rng.IntN(n)
		cur[j] = g.changed(cur[j])
	}
	return g.calibrate(cur, census, keep) // by role, in a fixed order; WriteCSV sorts by key
}

// leaver clones a person's record as someone else in the same role at the same PCN;
// contracted services carry no identifier to clone, so they give none.
func (g *gen) leaver(of int32) (int32, bool) {
	s := g.pool[of]
	if s.Source != workforce.SourceNWRSStaff {
		return 0, false
	}
	g.seq++
	s.UniqueIdentifier = "S17-" + strconv.Itoa(g.seq)
	s.SourceRows = 1
	g.pool = append(g.pool, s)
	return int32(len(g.pool) - 1), true
}

// changed is a record's FTE a tenth higher or lower: kept above zero, and a change
// never takes a person above full time (contracted services may hold several WTE).
func (g *gen) changed(of int32) int32 {
	s := g.pool[of]
	up := g.rng.IntN(2) == 0
	if s.FTE <= 0.15 || (up && (s.Source != workforce.SourceNWRSStaff || s.FTE+0.1 <= 1)) {
		s.FTE = round6(s.FTE + 0.1)
	} else {
		s.FTE = round6(s.FTE - 0.1)
	}
	g.pool = append(g.pool, s)
	return int32(len(g.pool) - 1)
}

func round6(v float64) float64 { return math.Round(v*1e6) / 1e6 }
