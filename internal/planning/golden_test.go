package planning

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// scenario is the JSON of a golden scenario's inputs (testdata/*/inputs.json).
type scenario struct {
	Target struct {
		Name     string  `json:"name"`
		FTE      float64 `json:"fte"`
		Baseline string  `json:"baseline"`
		Deadline string  `json:"deadline"`
	} `json:"target"`
	AsOf           string             `json:"as_of"`
	At             string             `json:"at"`
	Today          string             `json:"today"`
	AttritionRates map[string]float64 `json:"attrition_rates"`
	Regions        []struct{ Code, Name string }
	ICBs           []struct{ Code, Name, Region string }
	PCNs           []struct {
		Code, Name, ICB    string
		WeightedPopulation float64 `json:"weighted_population"`
		ListSize           bool    `json:"list_size"`
		BaselineExtraFTE   float64 `json:"baseline_extra_fte"`
	}
	Staff []struct {
		PCN, Role, Start, End string
		FTE                   float64
	}
	Plan []struct {
		PCN, Role, Quarter string
		Starters, Leavers  float64
	}
}

// load reads a scenario into Inputs and the names of its areas by code.
func load(t *testing.T, dir string) (Inputs, map[string]string) {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(dir, "inputs.json"))
	if err != nil {
		t.Fatal(err)
	}
	var sc scenario
	if err := json.Unmarshal(raw, &sc); err != nil {
		t.Fatal(err)
	}
	names := map[string]string{workforce.EnglandCode: "England"}
	regionOf := map[string]string{}
	for _, r := range sc.Regions {
		names[r.Code] = r.Name
	}
	for _, i := range sc.ICBs {
		names[i.Code], regionOf[i.Code] = i.Name, i.Region
	}
	in := Inputs{
		Target: workforce.Target{Name: sc.Target.Name, FTE: sc.Target.FTE,
			Baseline: day(sc.Target.Baseline), Deadline: day(sc.Target.Deadline)},
		AsOf: day(sc.AsOf), At: day(sc.At), Today: day(sc.Today), AttritionRate: sc.AttritionRates,
	}
	for _, p := range sc.PCNs {
		names[p.Code] = p.Name
		in.PCNs = append(in.PCNs, PCN{Code: p.Code, ICB: p.ICB, Region: regionOf[p.ICB],
			Population: p.WeightedPopulation, PopulationIsListSize: p.ListSize, BaselineExtra: p.BaselineExtraFTE})
	}
	for _, s := range sc.Staff {
		rec := workforce.Staff{PCNCode: s.PCN, RoleCode: s.Role, FTE: s.FTE, Start: day(s.Start)}
		if s.End != "" {
			rec.End = day(s.End)
		}
		in.Staff = append(in.Staff, rec)
	}
	for _, l := range sc.Plan {
		q, err := workforce.ParseQuarter(l.Quarter)
		if err != nil {
			t.Fatal(err)
		}
		in.Plan = append(in.Plan, workforce.PlanLine{PCNCode: l.PCN, RoleCode: l.Role, QuarterStart: q.Start(),
			StartersFTE: l.Starters, LeaversFTE: l.Leavers})
	}
	return in, names
}

// gapCSV writes rows in the gap report format of PLANNING.md, FTE to 2 decimals.
func gapCSV(t *testing.T, rows []Gap, names map[string]string) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	_ = w.Write([]string{"level", "code", "name", "weighted_population", "target_fte", "baseline_fte",
		"in_post_fte", "projected_fte", "additional_fte", "gap_fte", "shortfall_fte", "pcns_short"})
	for _, g := range rows {
		_ = w.Write([]string{string(g.Level), g.Code, names[g.Code], workforce.FormatFTE(g.WeightedPopulation, 2),
			workforce.FormatFTE(g.TargetFTE, 2), workforce.FormatFTE(g.BaselineFTE, 2), workforce.FormatFTE(g.InPostFTE, 2),
			workforce.FormatFTE(g.ProjectedFTE, 2), workforce.FormatFTE(g.AdditionalFTE, 2), workforce.FormatFTE(g.GapFTE, 2),
			workforce.FormatFTE(g.ShortfallFTE, 2), strconv.Itoa(g.PCNsShort)})
	}
	w.Flush() // a csv.Writer keeps its first error for Error
	if err := w.Error(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// paceCSV writes each row's shortfall, months left and required pace.
func paceCSV(t *testing.T, r Report) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	_ = w.Write([]string{"level", "code", "shortfall_fte", "months_left", "required_pace"})
	for _, level := range []workforce.Level{workforce.LevelPCN, workforce.LevelICB, workforce.LevelRegion, workforce.LevelEngland} {
		for _, g := range r.Rows(level) {
			_ = w.Write([]string{string(g.Level), g.Code, workforce.FormatFTE(g.ShortfallFTE, 2),
				workforce.FormatFTE(g.MonthsLeft, 4), workforce.FormatFTE(g.RequiredPace, 4)})
		}
	}
	w.Flush() // a csv.Writer keeps its first error for Error
	if err := w.Error(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestGoldenSmall recomputes the hand-worked scenario of testdata/golden_small (its
// README shows the working) and compares every report byte for byte.
func TestGoldenSmall(t *testing.T) {
	t.Parallel()
	dir := filepath.Join("testdata", "golden_small")
	in, names := load(t, dir)
	r := GapReport(in)
	files := map[string][]byte{
		"gaps_pcn.csv":     gapCSV(t, r.PCNs, names),
		"gaps_icb.csv":     gapCSV(t, r.ICBs, names),
		"gaps_region.csv":  gapCSV(t, r.Regions, names),
		"gaps_england.csv": gapCSV(t, r.Rows(workforce.LevelEngland), names),
		"pace.csv":         paceCSV(t, r),
	}
	for name, got := range files {
		want, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		want = bytes.ReplaceAll(want, []byte("\r\n"), []byte("\n"))
		got = bytes.ReplaceAll(got, []byte("\r\n"), []byte("\n"))
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs.\ngot:\n%s\nwant:\n%s", name, got, want)
		}
	}
	// The list-size stand-in is carried up: Coldwater West is on its registered list.
	if r.ICBs[2].ListSizePCNs != 1 || r.England.ListSizePCNs != 1 || r.England.PCNs != 6 {
		t.Errorf("list-size PCNs: QB1 %d, England %d of %d", r.ICBs[2].ListSizePCNs, r.England.ListSizePCNs, r.England.PCNs)
	}
}
