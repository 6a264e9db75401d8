package gaps

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/csv"
	"errors"
	"io"
	"maps"
	"math"
	"os"
	"slices"
	"sort"
	"strconv"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/importer"
	"github.com/arrs-planner/arrs/internal/ingest"
	"github.com/arrs-planner/arrs/internal/refdata"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

var (
	nov2025 = workforce.Date(2025, time.November, 30)
	jun2026 = workforce.Date(2026, time.June, 30)
	// footprintsToday is the clock of these tests: December 2026, after the change.
	footprintsToday = workforce.Date(2026, time.December, 7)
)

// The 12 ICBs dissolved on 1 April 2026 (data/organisations_2026-04/README.md).
var dissolved = []string{"QHG", "QH8", "QJG", "QM7", "QMJ", "QMM", "QNQ", "QNX", "QRV", "QU9", "QUE", "QXU"}

// orgChangeDir is the April 2026 change: the project's copy, else the shared data.
func orgChangeDir(t *testing.T) string {
	for _, dir := range []string{"../refdata/data/organisations_2026-04", "/work/shared/data/organisations_2026-04"} {
		if _, err := os.Stat(dir); err == nil {
			return dir
		}
	}
	t.Skip("no organisations_2026-04 folder")
	return ""
}

// census is an NWRS individual-level file as rows, with its columns by name.
type census struct {
	header []string
	col    map[string]int
	rows   [][]string
}

func readCensus(t *testing.T, r io.Reader) *census {
	t.Helper()
	all, err := csv.NewReader(r).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	c := &census{header: all[0], col: map[string]int{}, rows: all[1:]}
	for i, h := range c.header {
		c.col[h] = i
	}
	return c
}

func (c *census) get(row []string, name string) string { return row[c.col[name]] }

func (c *census) bytes(t *testing.T) []byte {
	t.Helper()
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	if err := w.WriteAll(append([][]string{c.header}, c.rows...)); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// novCensus is NHS England's census of 30 November 2025 as shipped.
func novCensus(t *testing.T) *census {
	t.Helper()
	f, err := refdata.Open(refdata.DemoWorkforceFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	return readCensus(t, z)
}

// readCSV reads a file of the change folder into maps by header.
func readCSV(t *testing.T, path string) []map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	c := readCensus(t, f)
	out := make([]map[string]string, len(c.rows))
	for i, r := range c.rows {
		out[i] = map[string]string{}
		for name, j := range c.col {
			out[i][name] = r[j]
		}
	}
	return out
}

// june2026 is the November census as NHS England would publish it for June 2026: each
// PCN with its sub-ICB location and ICB from 1 April 2026 (pcn_icb_2026-04-01.csv), the
// new names and regions, everything else the same.
func june2026(t *testing.T, nov *census, dir string) (*census, map[string]string) {
	t.Helper()
	pcnICB := map[string]map[string]string{}
	for _, r := range readCSV(t, dir+"/pcn_icb_2026-04-01.csv") {
		pcnICB[r["pcn_code"]] = r
	}
	region := map[string]string{}
	for _, r := range readCSV(t, dir+"/icbs_2026-04-01.csv") {
		region[r["code"]] = r["region_code"]
	}
	subName := map[string]string{}
	for _, r := range readCSV(t, dir+"/icb_changes_2026-04-01.csv") {
		subName[r["new_sub_icb_code"]] = r["new_sub_icb_name"]
	}
	regionName := map[string]string{}
	for _, row := range nov.rows {
		regionName[nov.get(row, "COMM_REGION_CODE")] = nov.get(row, "COMM_REGION_NAME")
	}
	newICB := map[string]string{}
	jun := &census{header: nov.header, col: nov.col}
	for _, row := range nov.rows {
		row = slices.Clone(row)
		p, ok := pcnICB[nov.get(row, "PCN_CODE")]
		if !ok {
			t.Fatalf("PCN %s of the census is not in pcn_icb_2026-04-01.csv", nov.get(row, "PCN_CODE"))
		}
		set := func(name, v string) { row[jun.col[name]] = v }
		set("CENSUS_YEAR", "2026")
		set("CENSUS_MONTH", "6")
		set("ICB_CODE", p["new_icb_code"])
		set("ICB_NAME", p["new_icb_name"])
		if p["new_sub_icb_code"] != p["old_sub_icb_code"] || subName[p["new_sub_icb_code"]] != "" {
			set("SUB_ICB_CODE", p["new_sub_icb_code"])
			if n := subName[p["new_sub_icb_code"]]; n != "" {
				set("SUB_ICB_NAME", n)
			}
		}
		set("COMM_REGION_CODE", region[p["new_icb_code"]])
		set("COMM_REGION_NAME", regionName[region[p["new_icb_code"]]])
		newICB[p["pcn_code"]] = p["new_icb_code"]
		jun.rows = append(jun.rows, row)
	}
	return jun, newICB
}

// fteByICB sums a census's FTE by the ICB each PCN is placed in (icbOf).
func fteByICB(t *testing.T, c *census, icbOf func(row []string) string) map[string]float64 {
	t.Helper()
	out := map[string]float64{}
	for _, row := range c.rows {
		v, err := strconv.ParseFloat(c.get(row, "FTE"), 64)
		if err != nil {
			t.Fatal(err)
		}
		out[icbOf(row)] += v
	}
	return out
}

// applyOrgChange loads the April 2026 change unless the reference already holds it.
func applyOrgChange(t *testing.T, db *store.DB, dir string) {
	t.Helper()
	ctx := context.Background()
	icbs, err := db.ICBs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if slices.ContainsFunc(icbs, func(c workforce.ICB) bool { return c.Code == "S0E4D" }) {
		return
	}
	ch, sha, err := importer.ReadOrgChange(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	_, err = db.ApplyOrgChange(ctx, store.OrgChangeImport{FileName: "organisations_2026-04", SHA256: sha, Change: ch, By: store.Actor{Name: "test"}})
	if err != nil && !errors.Is(err, store.ErrAlreadyImported) {
		t.Fatal(err)
	}
}

func importCensus(t *testing.T, db *store.DB, name string, c *census) {
	t.Helper()
	now := time.Date(2026, time.December, 7, 9, 0, 0, 0, time.UTC)
	if _, err := ingest.NWRS(context.Background(), db, name, bytes.NewReader(c.bytes(t)), store.Actor{Name: "test"}, nil, now); err != nil {
		t.Fatalf("import %s: %v", name, err)
	}
}

// icbTotals is every ICB's FTE (ARRS and other PCN staff) of a roll-up, by code.
func icbTotals(a *workforce.Areas) map[string]float64 {
	out := map[string]float64{}
	for _, x := range a.ICBs {
		out[x.Code] = x.All()
	}
	return out
}

func codes(m map[string]float64) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// sameTotals reports every ICB whose total differs from want's, and any ICB one has and
// the other lacks.
func sameTotals(t *testing.T, what string, got, want map[string]float64) {
	t.Helper()
	if !slices.Equal(codes(got), codes(want)) {
		t.Errorf("%s: ICBs %v, want %v", what, codes(got), codes(want))
	}
	for code, w := range want {
		if g := got[code]; math.Abs(g-w) > 1e-6 {
			t.Errorf("%s: %s has %.4f FTE, want %.4f", what, code, g, w)
		}
	}
}

// A June 2026 census with the April 2026 codes, built from November's: ICB totals on
// 30 June 2026 are by the 36 new ICBs (the 12 dissolved have none), on 30 November
// 2025 by the 42 as they were; on today's footprints both days sum into the 36 ICBs as
// the PCNs belong to them today, England's totals the same either way; Frimley's 16
// PCNs go whole to three successors (PLANNING.md, "Organisations over time").
func TestFootprintsAcrossTheApril2026Change(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := dbtest.New(t)
	dir := orgChangeDir(t)
	applyOrgChange(t, db, dir)
	nov := novCensus(t)
	jun, newICB := june2026(t, nov, dir)
	importCensus(t, db, "pcnwf_individual_nov2025.csv", nov)
	importCensus(t, db, "pcnwf_individual_jun2026.csv", jun)

	byFileICB := func(c *census) map[string]float64 {
		return fteByICB(t, c, func(row []string) string { return c.get(row, "ICB_CODE") })
	}
	byNewICB := func(c *census) map[string]float64 {
		return fteByICB(t, c, func(row []string) string { return newICB[c.get(row, "PCN_CODE")] })
	}
	wantNov, wantJun := byFileICB(nov), byFileICB(jun)
	if len(wantNov) != 42 || len(wantJun) != 36 {
		t.Fatalf("the censuses name %d and %d ICBs, want 42 and 36", len(wantNov), len(wantJun))
	}

	areas := map[string]*workforce.Areas{}
	for _, c := range []struct {
		name string
		day  time.Time
		fp   Footprints
	}{{"nov", nov2025, AsItWas}, {"jun", jun2026, AsItWas}, {"nov-current", nov2025, Current}, {"jun-current", jun2026, Current}} {
		a, err := c.fp.Areas(ctx, db, c.day, footprintsToday)
		if err != nil {
			t.Fatal(err)
		}
		areas[c.name] = a
	}
	sameTotals(t, "30 June 2026 as it was", icbTotals(areas["jun"]), wantJun)
	for _, code := range dissolved {
		if _, ok := areas["jun"].Find(workforce.LevelICB, code); ok {
			t.Errorf("dissolved ICB %s has a row on 30 June 2026", code)
		}
	}
	sameTotals(t, "30 November 2025 as it was", icbTotals(areas["nov"]), wantNov)
	sameTotals(t, "30 November 2025 on today's footprints", icbTotals(areas["nov-current"]), byNewICB(nov))
	sameTotals(t, "30 June 2026 on today's footprints", icbTotals(areas["jun-current"]), wantJun)
	for _, pair := range [][2]string{{"nov", "nov-current"}, {"jun", "jun-current"}, {"nov", "jun"}} {
		a, b := areas[pair[0]].England, areas[pair[1]].England
		if math.Abs(a.All()-b.All()) > 1e-6 || math.Abs(a.ARRS-b.ARRS) > 1e-6 || a.PCNs != b.PCNs {
			t.Errorf("England %s: %.4f FTE (%.4f ARRS, %d PCNs), %s: %.4f (%.4f, %d)", pair[0], a.All(), a.ARRS, a.PCNs, pair[1], b.All(), b.ARRS, b.PCNs)
		}
	}
	frimleyOnTodays(t, db, nov, areas["nov"], areas["nov-current"])
	gapsOnBothFootprints(t, db, areas["nov"], areas["nov-current"])
}

// gapsOnBothFootprints checks the gap report of 30 November 2025: by the 42 ICBs as
// they were, or by today's 36 with each ICB's in-post FTE that of the roll-up on the
// same footprints, England's the same either way.
func gapsOnBothFootprints(t *testing.T, db *store.DB, asItWas, current *workforce.Areas) {
	t.Helper()
	reports := map[Footprints]*Result{}
	for fp, a := range map[Footprints]*workforce.Areas{AsItWas: asItWas, Current: current} {
		res, err := Compute(context.Background(), db, Options{AsOf: nov2025, At: nov2025, Today: footprintsToday, Footprints: fp})
		if err != nil {
			t.Fatal(err)
		}
		reports[fp] = res
		if len(res.ICBs) != len(a.ICBs) {
			t.Errorf("%s: %d ICB rows, want %d", fp, len(res.ICBs), len(a.ICBs))
		}
		for _, x := range a.ICBs {
			g, ok := Find(res.ICBs, x.Code)
			if !ok || math.Abs(g.InPostFTE-x.ARRS) > 1e-6 || g.PCNs != x.PCNs {
				t.Errorf("%s: %s in post %.4f FTE in %d PCNs, the roll-up %.4f in %d", fp, x.Code, g.InPostFTE, g.PCNs, x.ARRS, x.PCNs)
			}
			if res.Name(workforce.LevelICB, x.Code) != x.Name {
				t.Errorf("%s: %s named %q, want %q", fp, x.Code, res.Name(workforce.LevelICB, x.Code), x.Name)
			}
		}
	}
	a, c := reports[AsItWas].England, reports[Current].England
	if math.Abs(a.InPostFTE-c.InPostFTE) > 1e-6 || math.Abs(a.TargetFTE-c.TargetFTE) > 1e-6 || a.PCNs != c.PCNs {
		t.Errorf("England: as it was %+v, on today's footprints %+v", a, c)
	}
	if got := reports[Current].Structure(); got != "ICBs on today's footprints (36 ICBs from 1 April 2026)" {
		t.Errorf("structure %q", got)
	}
	if got := reports[AsItWas].Structure(); got != "ICBs as they were on 30 November 2025" {
		t.Errorf("structure %q", got)
	}
}

// frimleyOnTodays checks Frimley's 16 PCNs on 30 November 2025: in QNQ as it was, and
// on today's footprints each whole in QRL, S0E4D or S9B9J, its FTE with it.
func frimleyOnTodays(t *testing.T, db *store.DB, nov *census, asItWas, current *workforce.Areas) {
	t.Helper()
	then, err := db.TreeOn(context.Background(), nov2025)
	if err != nil {
		t.Fatal(err)
	}
	now, err := db.TreeOnTodays(context.Background(), nov2025, footprintsToday)
	if err != nil {
		t.Fatal(err)
	}
	frimley := then.PCNsOf("QNQ")
	if len(frimley) != 16 {
		t.Fatalf("QNQ has %d PCNs on 30 November 2025, want 16", len(frimley))
	}
	fte := fteByICB(t, nov, func(row []string) string { return nov.get(row, "PCN_CODE") })
	moved := map[string]int{}
	share := map[string]float64{}
	var total float64
	for _, p := range frimley {
		to := now.ICBOf(p.Code)
		moved[to]++
		share[to] += fte[p.Code]
		total += fte[p.Code]
		if a, ok := current.Find(workforce.LevelPCN, p.Code); !ok || a.Parent != to {
			t.Errorf("PCN %s on today's footprints: %+v, want it under %s", p.Code, a, to)
		}
	}
	if want := map[string]int{"QRL": 4, "S0E4D": 10, "S9B9J": 2}; !maps.Equal(moved, want) {
		t.Errorf("Frimley's PCNs went to %v, want %v", moved, want)
	}
	if q, _ := asItWas.Find(workforce.LevelICB, "QNQ"); math.Abs(q.All()-total) > 1e-6 {
		t.Errorf("QNQ as it was: %.4f FTE, its PCNs %.4f", q.All(), total)
	}
	if _, ok := current.Find(workforce.LevelICB, "QNQ"); ok {
		t.Error("QNQ has a row on today's footprints")
	}
	// What each successor holds on today's footprints is its own PCNs of November plus
	// its share of Frimley's.
	for code, part := range share {
		var own float64
		for _, p := range then.PCNsOf(code) {
			own += fte[p.Code]
		}
		for _, old := range dissolved {
			for _, p := range then.PCNsOf(old) {
				if old != "QNQ" && now.ICBOf(p.Code) == code {
					own += fte[p.Code]
				}
			}
		}
		if c, _ := current.Find(workforce.LevelICB, code); math.Abs(c.All()-own-part) > 1e-6 {
			t.Errorf("%s on today's footprints: %.4f FTE, want %.4f of its own and %.4f of Frimley's", code, c.All(), own, part)
		}
	}
}

// ?footprints= and --footprints take as-it-was (or nothing) and current, and refuse
// anything else naming it.
func TestParseFootprints(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		in   string
		want Footprints
		ok   bool
	}{{"", AsItWas, true}, {"as-it-was", AsItWas, true}, {"current", Current, true}, {"Current", AsItWas, false}, {"today", AsItWas, false}} {
		got, err := ParseFootprints(c.in)
		if got != c.want || (err == nil) != c.ok {
			t.Errorf("%q: %q, %v", c.in, got, err)
		}
		if err != nil && !errors.Is(err, ErrFootprints) {
			t.Errorf("%q: %v is not ErrFootprints", c.in, err)
		}
	}
}
