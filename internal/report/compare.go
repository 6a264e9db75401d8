package report

import (
	"bytes"
	"encoding/csv"
	"io"
	"strconv"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// ComparisonRow is one PCN of an ICB's comparison (docs/dashboards.md) as its download
// writes it: the page's figures unrounded, and the ARRS FTE in post of each role.
type ComparisonRow struct {
	Code, Name string
	Population float64
	// ListSize is true when the registered list size stands in for the weighted
	// population.
	ListSize bool
	InPost   float64
	// Per10k and Reached (a fraction of the fair share) are undefined (Has… false) for
	// a PCN with no population or no fair share; their deciles are England's.
	Per10k, Reached             float64
	HasPer10k, HasReached       bool
	Per10kDecile, ReachedDecile int
	FairShare                   float64
	HeadroomPence               workforce.Pence
	// Needing and Covered count staff needing clinical supervision and those with it;
	// Coverage is the covered share.
	Needing, Covered int
	Coverage         float64
	// Room sessions a week: available, short now and short with the plan; FirstShort
	// is the first quarter short with the plan.
	Available, ShortNow, ShortWithPlan float64
	FirstShort                         string
	// PlanVersion ("Version 3"), PlanStatus (a plan status code, or "none") and
	// WaitingFor (who acts next) say where the PCN's plan stands.
	PlanVersion, PlanStatus, WaitingFor string
	ByRole                              map[string]float64 // ARRS FTE in post by role code
}

// comparisonHeader are the download's columns before the roles'.
var comparisonHeader = []string{"code", "name", "weighted_population", "list_size_stands_in", "arrs_fte",
	"arrs_fte_per_10k", "per_10k_england_decile", "fair_share_fte", "fair_share_reached_pct", "fair_share_england_decile",
	"headroom_gbp", "supervision_needing", "supervision_covered", "supervision_coverage_pct",
	"room_sessions_available", "room_sessions_short_now", "room_sessions_short_with_plan", "first_quarter_short",
	"plan_version", "plan_status", "waiting_for"}

// comparisonSheet is the comparison's workbook and its text columns.
var comparisonSheet = sheet{name: "Comparison", text: map[string]bool{"code": true, "name": true, "list_size_stands_in": true,
	"first_quarter_short": true, "plan_version": true, "plan_status": true, "waiting_for": true}}

// WriteComparison writes an ICB's comparison as its page's download, CSV or XLSX: one
// row per PCN in the order given (the page's download is by code), FTE and pounds with
// 2 decimals (PLANNING.md, "Units and rounding"), then a column of FTE for each role of
// the catalogue; text escaped against formula injection, an undefined measure empty.
func WriteComparison(w io.Writer, f Format, rows []ComparisonRow, roles []workforce.Role) error {
	var buf bytes.Buffer
	cw := csv.NewWriter(&buf)
	header := append([]string{}, comparisonHeader...)
	for _, role := range roles {
		header = append(header, role.Code+"_fte")
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	for _, row := range rows {
		rec := comparisonRecord(row)
		for _, role := range roles {
			rec = append(rec, fte2(row.ByRole[role.Code]))
		}
		for i, cell := range rec {
			if comparisonSheet.text[header[i]] {
				rec[i] = escapeFormula(cell)
			}
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return comparisonSheet.write(w, f, buf.Bytes())
}

// comparisonRecord is a row's cells up to the roles'.
func comparisonRecord(v ComparisonRow) []string {
	listSize := "no"
	if v.ListSize {
		listSize = "yes"
	}
	per10k, per10kDecile, reached, reachedDecile := "", "", "", ""
	if v.HasPer10k {
		per10k, per10kDecile = fte2(v.Per10k), strconv.Itoa(v.Per10kDecile)
	}
	if v.HasReached {
		reached, reachedDecile = workforce.FormatFTE(v.Reached*100, 1), strconv.Itoa(v.ReachedDecile)
	}
	return []string{v.Code, v.Name, FormatPopulation(v.Population), listSize, fte2(v.InPost),
		per10k, per10kDecile, fte2(v.FairShare), reached, reachedDecile,
		v.HeadroomPence.Decimal(), strconv.Itoa(v.Needing), strconv.Itoa(v.Covered), workforce.FormatFTE(v.Coverage*100, 1),
		fte2(v.Available), fte2(v.ShortNow), fte2(v.ShortWithPlan), v.FirstShort,
		v.PlanVersion, v.PlanStatus, v.WaitingFor}
}

// fte2 is an FTE (or sessions) with 2 decimals, as every CSV writes them.
func fte2(x float64) string { return workforce.FormatFTE(x, 2) }
