package importer

import (
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// planColumns are the columns of a plan lines file (PLANNING.md, "File formats");
// others are ignored.
var planColumns = []string{"pcn_code", "role_code", "quarter", "starters_fte", "leavers_fte", "annual_cost_gbp"}

// maxPlanFTE bounds one cell of starters or leavers: no PCN recruits 50 WTE of one
// role in a quarter, so more is a typing error.
const maxPlanFTE = 50

// PlanLine is one checked row of a plan lines file: FTE starting and leaving in a role
// at a PCN in a quarter, and the expected annual cost of one WTE.
type PlanLine struct {
	PCNCode     string
	RoleCode    string
	Quarter     planning.Quarter
	StartersFTE float64 // rounded to the 6 decimals the database keeps
	LeaversFTE  float64
	// AnnualCostPence is salary plus employer on-costs of one WTE for a year, nil when
	// the cell is empty (not known).
	AnnualCostPence *int64
}

// ReadPlans reads a plan lines file (CSV, plain or gzip). Every PCN and role must be
// known, a quarter may not start before its role joined ARRS, FTE are 0 to 50 per
// cell, a cost is within workforce's range for one WTE, a (PCN, role, quarter) may
// appear once and a PCN's lines are at most MaxPlanLines. The first bad row stops the
// read.
func ReadPlans(file string, r io.Reader, known Known) ([]PlanLine, error) {
	t, err := openTable(file, r, planColumns, MaxPlanRows)
	if err != nil {
		return nil, err
	}
	return readPlans(t, known)
}

// ReadPlanWorkbook reads a plan lines file saved as an Excel workbook (XLSX): its first
// sheet, by the rules of ReadPlans, within the workbook limits of limits.go. Errors
// name the sheet's rows.
func ReadPlanWorkbook(file string, r io.Reader, known Known) ([]PlanLine, error) {
	t, closeBook, err := openWorkbook(file, r, planColumns)
	if err != nil {
		return nil, err
	}
	defer closeBook()
	return readPlans(t, known)
}

func readPlans(t *table, known Known) ([]PlanLine, error) {
	type key struct {
		pcn, role string
		quarter   planning.Quarter
	}
	lines := rowKeys[key]{}
	perPCN := map[string]int{}
	maxLines := MaxPlanLines(len(known.RoleAdded))
	var plan []PlanLine
	for {
		more, err := t.next()
		if err != nil {
			return nil, err
		}
		if !more {
			break
		}
		l, err := planRow(t, known)
		if err != nil {
			return nil, err
		}
		if first, dup := lines.seen(key{l.PCNCode, l.RoleCode, l.Quarter}, t.line); dup {
			return nil, t.fail("quarter", "duplicate of line "+strconv.Itoa(first)+" (same PCN, role and quarter)")
		}
		if perPCN[l.PCNCode]++; perPCN[l.PCNCode] > maxLines {
			return nil, &LimitError{File: t.file, Subject: t.unit + " " + strconv.Itoa(t.line) + ": the plan of " + l.PCNCode,
				Limit: LimitPlanLines, Max: int64(maxLines)}
		}
		plan = append(plan, l)
	}
	if len(plan) == 0 {
		return nil, &RowError{File: t.file, Line: 2, Reason: "the file has a header but no rows", Unit: t.unit}
	}
	return plan, nil
}

func planRow(t *table, known Known) (PlanLine, error) {
	var l PlanLine
	var err error
	if l.PCNCode, err = known.pcn(t, "pcn_code"); err != nil {
		return l, err
	}
	if l.RoleCode, l.Quarter, err = roleQuarterOf(t, known); err != nil {
		return l, err
	}
	if l.StartersFTE, err = planFTEOf(t, "starters_fte"); err != nil {
		return l, err
	}
	if l.LeaversFTE, err = planFTEOf(t, "leavers_fte"); err != nil {
		return l, err
	}
	l.AnnualCostPence, err = costOf(t, "annual_cost_gbp")
	return l, err
}

// roleQuarterOf reads the role and the quarter, refusing a quarter that starts before
// the role could be claimed.
func roleQuarterOf(t *table, known Known) (string, planning.Quarter, error) {
	role := t.get("role_code")
	added, ok := known.RoleAdded[role]
	if !ok {
		return "", planning.Quarter{}, t.fail("role_code", "unknown role code "+Quote(role)+" (use the ARRS role codes, e.g. clinical_pharmacist)")
	}
	raw := t.get("quarter")
	if len(raw) > MaxEcho {
		return "", planning.Quarter{}, t.fail("quarter", "expected a quarter such as 2026/27 Q1, found "+Quote(raw))
	}
	q, err := planning.ParseQuarter(raw)
	if err != nil {
		return "", q, t.fail("quarter", err.Error())
	}
	if q.Start().Before(added) {
		return "", q, t.fail("quarter", q.String()+" starts on "+q.Start().Format(workforce.DateLayout)+
			", before "+role+" joined ARRS on "+added.Format(workforce.DateLayout))
	}
	return role, q, nil
}

// planFTEOf reads a starters or leavers cell: 0 to maxPlanFTE, 6 decimals kept.
func planFTEOf(t *table, col string) (float64, error) {
	raw := t.get(col)
	v, err := strconv.ParseFloat(raw, 64)
	switch {
	case raw == "":
		return 0, t.fail(col, "is empty; write 0 for none")
	case err != nil || math.IsNaN(v) || math.IsInf(v, 0):
		return 0, t.fail(col, "expected an FTE such as 1 or 0.6, found "+Quote(raw))
	case v < 0:
		return 0, t.fail(col, "is negative ("+clip(raw)+")")
	case v > maxPlanFTE:
		return 0, t.fail(col, "is "+clip(raw)+", more than "+strconv.Itoa(maxPlanFTE)+" FTE in one cell")
	}
	return round6(v), nil
}

// poundsPattern is a plain amount in pounds: digits with an optional decimal part.
var poundsPattern = regexp.MustCompile(`^([0-9]+)(?:\.([0-9]*))?$|^\.([0-9]+)$`)

// costOf reads an annual cost in pounds as pence, nil when the cell is empty; it must
// be within workforce's range for one WTE, as on the plan page and a staff record. Pounds
// with fractions of a penny are rounded half away from zero to the penny, exactly
// (the decimal digits are read as written, never through binary floating point).
func costOf(t *table, col string) (*int64, error) {
	raw := t.get(col)
	if raw == "" {
		return nil, nil
	}
	m := poundsPattern.FindStringSubmatch(raw)
	switch {
	case m == nil && poundsPattern.MatchString(strings.TrimPrefix(raw, "-")):
		return nil, t.fail(col, "is negative ("+clip(raw)+")")
	case m == nil:
		return nil, t.fail(col, "expected pounds such as 45000 or 45000.50 (no £ sign or thousands separators), found "+Quote(raw))
	}
	pence, ok := penceOf(m[1], m[2]+m[3])
	if !ok || pence < workforce.MinAnnualCostPence || pence > workforce.MaxAnnualCostPence {
		return nil, t.fail(col, "is "+clip(raw)+"; the annual cost of one WTE must be between "+
			poundsText(workforce.MinAnnualCostPence)+" and "+poundsText(workforce.MaxAnnualCostPence))
	}
	return &pence, nil
}

// penceOf turns the digits of pounds and of their decimal part into pence, rounding
// half away from zero on the third decimal; ok is false when the pounds have more
// digits than an int64 of pence can hold safely.
func penceOf(whole, frac string) (pence int64, ok bool) {
	whole = strings.TrimLeft(whole, "0")
	if len(whole) > 15 {
		return 0, false
	}
	frac += "000"
	pounds, _ := strconv.ParseInt("0"+whole, 10, 64)
	pence, _ = strconv.ParseInt(frac[:2], 10, 64)
	if frac[2] >= '5' {
		pence++
	}
	return pounds*100 + pence, true
}
