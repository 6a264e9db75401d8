package server

import (
	"context"
	"fmt"
	"net/http"

	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/ui"
)

// staffWarnings are what a PCN manager should know before relying on a record but
// that does not stop a save: a cost above the role's cap in force on the start date
// (the PCN pays the difference), or more ARRS-funded staff in a role than the scheme
// reimburses. A record without a start date (still in error) gets none.
func (s *Server) staffWarnings(r *http.Request, sc staffScope, rec workforce.StaffRecord) ([]string, error) {
	if rec.Start.IsZero() || rec.RoleCode == "" || !rec.ARRSFunded {
		return nil, nil
	}
	var out []string
	caps, err := cached(r.Context(), s, "planning-caps", s.planningCaps)
	if err != nil {
		return nil, err
	}
	name := sc.roleName(rec.RoleCode)
	if w, ok := capWarning(caps, rec, name); ok {
		out = append(out, w)
	}
	w, err := s.numberWarning(r, sc, rec, name)
	if err != nil {
		return nil, err
	}
	if w != "" {
		out = append(out, w)
	}
	return out, nil
}

// numberWarning says when, with this record, the ARRS-funded FTE of its role in post
// on its start date goes past the cap on numbers of that financial year (DOMAIN.md,
// "Rules worth encoding"; planning.NumberCap, as the plan editor checks it). The PCN
// may employ more: it pays for them.
func (s *Server) numberWarning(r *http.Request, sc staffScope, rec workforce.StaffRecord, roleName string) (string, error) {
	year := planning.FinancialYearOf(rec.Start)
	limit, ok := planning.NumberCap(rec.RoleCode, year, sc.pcn.RegisteredPatients)
	if !ok {
		return "", nil
	}
	others, err := s.db.ARRSFundedFTEOn(r.Context(), rec.PCNCode, rec.RoleCode, rec.Start, rec.ID)
	if err != nil || others+rec.FTE <= limit+1e-9 {
		return "", err
	}
	return fmt.Sprintf("With this record the PCN has %s FTE of %s claimed from the ARRS on %s, more than the %s per PCN the scheme funds in %s: the PCN pays for the rest.",
		ui.Decimal(others+rec.FTE, 2), roleName, rec.Start.Format("2 January 2006"), ui.Decimal(limit, 0), year), nil
}

// capWarning says when the annual cost is above the role's cap in force on the start
// date. General practice nurses at band 6 are "experienced", with a cap of their own.
func capWarning(caps planning.Caps, rec workforce.StaffRecord, roleName string) (string, bool) {
	if rec.AnnualCostPence == 0 {
		return "", false
	}
	variant := ""
	if rec.RoleCode == "general_practice_nurse" && rec.Band == "6" {
		variant = "experienced"
	}
	limit, known := caps.On(rec.RoleCode, variant, rec.Start)
	if !known || rec.AnnualCostPence <= limit {
		return "", false
	}
	return fmt.Sprintf("The annual cost, %s, is above the maximum for %s, %s per full-time post in force on %s: the PCN pays the difference, %s a year for a full-time post.",
		ui.MoneyWhole(rec.AnnualCostPence), roleName, ui.MoneyWhole(limit), rec.Start.Format("2 January 2006"),
		ui.MoneyWhole(rec.AnnualCostPence-limit)), true
}

// planningCaps indexes the caps of the reference data for cap(role, day).
func (s *Server) planningCaps(ctx context.Context) (planning.Caps, error) {
	caps, err := s.db.Caps(ctx)
	if err != nil {
		return planning.Caps{}, err
	}
	list := make([]planning.Cap, len(caps))
	for i, c := range caps {
		list[i] = planning.Cap{Role: c.RoleCode, Variant: c.Variant, From: c.EffectiveFrom, AnnualPence: c.Pence}
	}
	return planning.NewCaps(list), nil
}
