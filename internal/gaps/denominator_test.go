package gaps

import (
	"context"
	"math"
	"path"
	"testing"

	"github.com/arrs-planner/arrs/internal/ingest"
	"github.com/arrs-planner/arrs/internal/need"
	"github.com/arrs-planner/arrs/internal/needreport"
	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/refdata"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// With denominator need, a PCN with no weighted population in force takes its
// need-adjusted population on the as-of date as w(p), flagged as a stand-in; a PCN with
// one keeps it (U79722 60,000 and U60057 70,000 on 30 November 2025 are 50,000 and
// 70,000: the 60,000 is in force from 2026). Fair shares still add up to T, and each is
// T × w(p) / Σ w.
func TestComputeNeedDenominator(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := seeded(t)
	loadPractices(t, db)
	res, err := Compute(ctx, db, Options{Target: "Test target", Denominator: need.Need})
	if err != nil {
		t.Fatal(err)
	}
	if res.Denominator != need.Need || res.ListSizePCNs() != len(res.PCNs)-2 {
		t.Errorf("denominator %q, %d of %d PCNs on a stand-in", res.Denominator, res.ListSizePCNs(), len(res.PCNs))
	}
	n, err := needreport.On(ctx, db, res.AsOf)
	if err != nil {
		t.Fatal(err)
	}
	w := map[string]float64{}
	var sumW, sumShares float64
	for _, p := range res.Inputs.PCNs {
		w[p.Code] = p.Population
		sumW += p.Population
	}
	for _, g := range res.PCNs {
		sumShares += g.TargetFTE
	}
	if math.Abs(sumShares-targetFTE) > 1e-6 {
		t.Errorf("Σ fair shares %.9f, want T = %d", sumShares, targetFTE)
	}
	if w[pcn] != population || w["U60057"] != 70000 {
		t.Errorf("weighted populations in force: %s %v, U60057 %v", pcn, w[pcn], w["U60057"])
	}
	needList := 0
	for _, p := range res.Inputs.PCNs {
		if !p.PopulationIsListSize {
			continue
		}
		pn, ok := n.PCNs[p.Code]
		if !ok || pn.Denominator == need.List {
			needList++
		}
		if ok && math.Abs(p.Population-pn.Need) > 1e-9*math.Max(1, pn.Need) {
			t.Errorf("%s: w %v, want its need %v", p.Code, p.Population, pn.Need)
		}
	}
	if needList != res.NeedListPCNs || needList == len(res.PCNs)-2 {
		t.Errorf("NeedListPCNs %d, want %d", res.NeedListPCNs, needList)
	}
	// One stand-in PCN by hand: its share is T × need / Σ w.
	const code = "U13205"
	g := findPCN(t, res, code)
	if want := targetFTE * n.PCNs[code].Need / sumW; math.Abs(g.TargetFTE-want) > 1e-9 || g.ListSizePCNs != 1 {
		t.Errorf("%s fair share %.9f (stand-in %d), want T × need / Σ w = %.9f", code, g.TargetFTE, g.ListSizePCNs, want)
	}
	// The same options on list sizes give the list's share.
	list, err := Compute(ctx, db, Options{Target: "Test target"})
	if err != nil {
		t.Fatal(err)
	}
	var reg int
	for _, p := range list.Tree.PCNs {
		if p.Code == code {
			reg = p.RegisteredPatients
		}
	}
	if lw := inputPopulation(list.Inputs.PCNs, code); list.Denominator != need.List || lw != float64(reg) || lw == w[code] {
		t.Errorf("list: denominator %q, w %v (list %d, need %v)", list.Denominator, lw, reg, w[code])
	}
}

// loadPractices loads the practice files of November 2025 (lists, age bands,
// deprivation), which need is worked out from and the tests' reference data leaves out.
func loadPractices(t *testing.T, db *store.DB) {
	t.Helper()
	for _, name := range refdata.PracticeFiles {
		f, err := refdata.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		_, err = ingest.Practices(context.Background(), db, path.Base(name), f, store.Actor{Name: "test"})
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
}

// inputPopulation is w(p) of one PCN of the inputs.
func inputPopulation(pcns []planning.PCN, code string) float64 {
	for _, p := range pcns {
		if p.Code == code {
			return p.Population
		}
	}
	return math.NaN()
}

// A denominator that is neither list nor need is refused before anything is read, and
// by the what-if as a problem on its parameter, naming the values allowed.
func TestDenominatorRefused(t *testing.T) {
	t.Parallel()
	if err := (Options{Denominator: "lists"}).check(); err == nil {
		t.Error("Options with denominator lists: no error")
	}
	get := func(p string) string {
		if p == need.Param {
			return "lists"
		}
		return ""
	}
	opts, problems := ReadWhatIf(get, Defaults{}, workforce.Date(2026, 2, 1))
	if len(problems) != 1 || problems[0].Field != need.Param || problems[0].Message != DenominatorMessage("lists") {
		t.Errorf("problems %v", problems)
	}
	if opts.Denominator != "" {
		t.Errorf("denominator %q after a bad value, want none (list)", opts.Denominator)
	}
	get = func(p string) string {
		if p == need.Param {
			return "need"
		}
		return ""
	}
	if opts, problems = ReadWhatIf(get, Defaults{}, workforce.Date(2026, 2, 1)); len(problems) != 0 || opts.Denominator != need.Need {
		t.Errorf("need: %q %v", opts.Denominator, problems)
	}
}
