package server

import (
	"bytes"
	"encoding/csv"
	"net/http"
	"strconv"

	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/report"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// The ICB comparison as a file: one row per PCN, sorted by code whatever the page's
// order, the page's figures unrounded to the CSV's precision (FTE and pounds with 2
// decimals, PLANNING.md "Units and rounding"), then the ARRS FTE in post of every
// role of the catalogue. The XLSX is the CSV cell for cell (writeTable).

// compareHeader are the download's columns before the roles' (docs/dashboards.md).
var compareHeader = []string{"code", "name", "weighted_population", "list_size_stands_in", "arrs_fte",
	"arrs_fte_per_10k", "per_10k_england_decile", "fair_share_fte", "fair_share_reached_pct", "fair_share_england_decile",
	"headroom_gbp", "supervision_needing", "supervision_covered", "supervision_coverage_pct",
	"room_sessions_available", "room_sessions_short_now", "room_sessions_short_with_plan", "first_quarter_short",
	"plan_version", "plan_status", "waiting_for"}

// compareText are the download's text columns; every other holds a number.
var compareText = map[string]bool{"code": true, "name": true, "list_size_stands_in": true, "first_quarter_short": true,
	"plan_version": true, "plan_status": true, "waiting_for": true}

// icbCompareDownload is /icbs/{code}/compare.csv and .xlsx.
func (s *Server) icbCompareDownload(format report.Format) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		icb, err := s.icbOfURL(r)
		if err != nil {
			return err
		}
		data, err := s.compareOf(r.Context(), icb)
		if err != nil {
			return err
		}
		roles, err := cached(r.Context(), s, "roles", s.db.Roles)
		if err != nil {
			return err
		}
		body, err := compareCSV(data, roles)
		if err != nil {
			return err
		}
		day := data.asOf
		if !data.census {
			day = s.today()
		}
		return writeTable(w, format, "arrs-compare-icb-"+icb.Code+"-"+day.Format(workforce.DateLayout), "Comparison", compareText, body)
	}
}

// compareCSV writes the rows, text cells escaped against formula injection.
func compareCSV(data *compareData, roles []workforce.Role) ([]byte, error) {
	var buf bytes.Buffer
	cw := csv.NewWriter(&buf)
	header := append([]string{}, compareHeader...)
	for _, role := range roles {
		header = append(header, role.Code+"_fte")
	}
	if err := cw.Write(header); err != nil {
		return nil, err
	}
	for _, row := range data.rows {
		rec := compareRecord(row)
		for _, role := range roles {
			rec = append(rec, fte2(row.byRole[role.Code]))
		}
		for i, cell := range rec {
			if compareText[header[i]] {
				rec[i] = escapeFormula(cell)
			}
		}
		if err := cw.Write(rec); err != nil {
			return nil, err
		}
	}
	cw.Flush()
	return buf.Bytes(), cw.Error()
}

// compareRecord is a row's cells up to the roles'; an undefined measure is empty.
func compareRecord(row compareRow) []string {
	v := row.view
	listSize := "no"
	if v.ListSize {
		listSize = "yes"
	}
	per10k, per10kDecile, reached, reachedDecile := "", "", "", ""
	if v.HasPer10k {
		per10k, per10kDecile = planning.FormatFTE(v.Per10k, 2), strconv.Itoa(v.Per10kDecile)
	}
	if v.HasReached {
		reached, reachedDecile = planning.FormatFTE(v.Reached*100, 1), strconv.Itoa(v.ReachedDecile)
	}
	status := "none"
	if !row.plan.None {
		status = row.plan.Status.Code
	}
	return []string{v.Code, v.Name, report.FormatPopulation(v.Population), listSize, fte2(v.InPost),
		per10k, per10kDecile, fte2(v.FairShare), reached, reachedDecile,
		report.FormatPence(v.Headroom), strconv.Itoa(v.Needing), strconv.Itoa(v.Covered), planning.FormatFTE(v.Coverage*100, 1),
		planning.FormatFTE(v.Available, 2), planning.FormatFTE(v.ShortNow, 2), planning.FormatFTE(v.ShortWithPlan, 2), v.FirstShort,
		row.plan.Version, status, row.plan.WaitsFor}
}

func fte2(x float64) string { return planning.FormatFTE(x, 2) }
