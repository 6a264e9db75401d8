package report

import (
	"bytes"
	"encoding/csv"
	"io"
	"strconv"

	"github.com/arrs-planner/arrs/internal/compare"
	"github.com/arrs-planner/arrs/internal/integration"
	"github.com/arrs-planner/arrs/internal/need"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// comparisonHeader are the download's columns before the roles'.
var comparisonHeader = []string{"code", "name", "weighted_population", "list_size_stands_in", "arrs_fte",
	"arrs_fte_per_10k", "per_10k_england_decile", "denominator", "registered_patients", "need_population", "expected_fte",
	"ratio", "lower_998", "upper_998", "flag_998", "fair_share_fte", "fair_share_reached_pct", "fair_share_england_decile",
	"headroom_gbp", "supervision_needing", "supervision_covered", "supervision_coverage_pct",
	"room_sessions_available", "room_sessions_short_now", "room_sessions_short_with_plan", "first_quarter_short",
	"plan_version", "plan_status", "waiting_for"}

// comparisonIntegration are the download's last columns, after the roles': the
// integration of each PCN's ARRS staff (the integration report's columns,
// PLANNING.md "Integration report").
var comparisonIntegration = func() []string {
	out := []string{"arrs_staff"}
	for _, w := range integration.Warnings {
		out = append(out, string(w))
	}
	return append(out, "pulse_responses")
}()

// comparisonSheet is the comparison's workbook and its text columns.
var comparisonSheet = sheet{name: "Comparison", text: map[string]bool{"code": true, "name": true, "list_size_stands_in": true,
	"denominator": true, "flag_998": true,
	"first_quarter_short": true, "plan_version": true, "plan_status": true, "waiting_for": true}}

// WriteComparison writes an ICB's comparison as its page's download, CSV or XLSX: one
// row per PCN by code, the page's figures unrounded to the CSV's precision (FTE and
// pounds with 2 decimals, PLANNING.md "Units and rounding"), then the ARRS FTE in post
// of each role of the catalogue; text escaped against formula injection, an undefined
// measure empty, and so the supervision and room cells of a PCN with none recorded.
// denominator is what arrs_fte_per_10k divides by for the row (need, or list: asked
// for, or a PCN with no age data); the need columns are its line of the need report,
// written as WriteNeed writes them (registered patients whole, need and FTE with 2
// decimals, the ratio and its limits with 4), flag_998 below, above or within.
func WriteComparison(w io.Writer, f Format, res *compare.Result, roles []workforce.Role) error {
	var buf bytes.Buffer
	cw := csv.NewWriter(&buf)
	header := append([]string{}, comparisonHeader...)
	for _, role := range roles {
		header = append(header, role.Code+"_fte")
	}
	header = append(header, comparisonIntegration...)
	if err := cw.Write(header); err != nil {
		return err
	}
	d := res.Denominator
	if d == "" {
		d = need.Need
	}
	for _, row := range res.Rows {
		rec := comparisonRecord(row, d)
		for _, role := range roles {
			rec = append(rec, fte2(row.Position.ByRole[role.Code]))
		}
		rec = append(rec, comparisonIntegrationCells(row.Integration, row.Pulse)...)
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

// comparisonRecord is a row's cells up to the roles', its rate per 10,000 on d.
func comparisonRecord(r compare.Row, d need.Denominator) []string {
	v := r.Position
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
	firstShort := ""
	if q, ok := r.Rooms.Quarters.FirstShort(); ok {
		firstShort = q.String()
	}
	// Nothing recorded is not 0: the cells are empty, as for an undefined measure.
	needing, covered, share := strconv.Itoa(r.Coverage.Needing), strconv.Itoa(r.Coverage.Covered), workforce.FormatFTE(r.Coverage.Share*100, 1)
	if !r.SupervisionRecorded {
		covered, share = "", ""
	}
	available, shortNow, shortPlan := fte2(r.Rooms.Now.Available), fte2(r.Rooms.Now.ShortWithoutPlan), fte2(r.Rooms.Quarters.ShortWithPlan())
	if !r.Rooms.Recorded() {
		available, shortNow, shortPlan, firstShort = "", "", "", ""
	}
	version, status, waitsFor := "", "none", ""
	if p, ok := r.Versions.InWorkflow(); ok {
		version, status, waitsFor = "Version "+strconv.Itoa(p.Number), string(p.Status), p.Status.WaitsFor()
	}
	out := []string{r.PCN.Code, r.PCN.Name, FormatPopulation(v.Population), listSize, fte2(v.InPost), per10k, per10kDecile}
	out = append(out, comparisonNeed(r, d)...)
	return append(out, fte2(v.FairShare), reached, reachedDecile,
		r.Headroom.Decimal(), needing, covered, share,
		available, shortNow, shortPlan, firstShort,
		version, status, waitsFor)
}

// comparisonNeed is a row's denominator and its line of the need report: empty cells
// for what the report does not know (no report; observed and expected before the data
// start; a ratio without expected FTE).
func comparisonNeed(r compare.Row, d need.Denominator) []string {
	out := make([]string, 8)
	out[0] = string(d)
	if !r.HasNeed {
		return out
	}
	n := r.Need
	out[0] = string(compare.Per10kDenominator(n, d))
	out[1], out[2] = strconv.FormatInt(registered(n), 10), fte2(n.Need)
	if n.Known {
		out[3] = fte2(n.Expected)
	}
	if n.Known && n.HasRatio {
		out[4], out[5], out[6] = ratio4(n.Ratio), ratio4(n.Limits.Lower998), ratio4(n.Limits.Upper998)
	}
	out[7] = string(compare.FlagOf(n))
	return out
}

// comparisonIntegrationCells are a PCN's (or an area's) ARRS staff, the count of each warning
// (integration.Warnings' order) and the answers to its latest closed round of the
// pulse; unknown counts are empty cells.
func comparisonIntegrationCells(c integration.Counts, p compare.Pulse) []string {
	out := []string{strconv.Itoa(c.ARRSStaff)}
	for _, w := range integration.Warnings {
		n, ok := c.Value(w)
		out = append(out, comparisonCount(n, ok))
	}
	return append(out, comparisonCount(p.Responses, p.Known))
}

// comparisonCount is a count, or empty when it is not known.
func comparisonCount(n int, known bool) string {
	if !known {
		return ""
	}
	return strconv.Itoa(n)
}

// ratio4 is a ratio or a limit with the need report's 4 decimals.
func ratio4(x float64) string { return workforce.FormatFTE(x, ratioPlaces) }

// fte2 is an FTE (or sessions) with 2 decimals, as every CSV writes them.
func fte2(x float64) string { return workforce.FormatFTE(x, 2) }
