package importer

import (
	"bytes"
	"io"
	"math"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// planColumns are the required columns of a plan lines file (PLANNING.md, "File
// formats"); planStreamColumn is optional; others are ignored.
var planColumns = []string{"pcn_code", "role_code", "quarter", "starters_fte", "leavers_fte", "annual_cost_gbp"}

// planStreamColumn names a line's funding stream: arrs, practice_gp or other; a file
// without it, or an empty cell, is the ARRS (files written before the streams).
const planStreamColumn = "funding_stream"

// maxPlanFTE bounds one cell of starters or leavers: no PCN recruits 50 WTE of one
// role in a quarter, so more is a typing error.
const maxPlanFTE = 50

// ReadPlans reads a plan lines file (CSV, plain or gzip). Every PCN and role must be
// known, a quarter may not start before its role joined ARRS, FTE are 0 to 50 per
// cell, a cost is within workforce's range for one WTE, a stream is one of
// workforce.Streams (the practice GP scheme for the GP only, from its first day), a
// (PCN, role, quarter, stream) may appear once and a PCN's lines are at most
// MaxPlanLines. Every line names its stream (workforce.StreamARRS when the file does
// not). Every wrong row is reported
// at once (*RowErrors); a limit passed stops the read (*LimitError). FTE are rounded
// to the 6 decimals the database keeps; an empty cost is nil (not known).
func ReadPlans(file string, r io.Reader, known Known) ([]workforce.PlanLine, error) {
	t, err := openTable(file, r, planColumns, MaxPlanRows)
	if err != nil {
		return nil, err
	}
	return readPlans(t, known)
}

// ReadPlanWorkbook reads a plan lines file saved as an Excel workbook (XLSX): its first
// sheet, by the rules of ReadPlans, within the workbook limits of limits.go. Errors
// name the sheet's rows; the plan in the planning-template layout is named as such.
func ReadPlanWorkbook(file string, r io.Reader, known Known) ([]workforce.PlanLine, error) {
	data, err := readWorkbook(file, r)
	if err != nil {
		return nil, err
	}
	t, closeBook, err := openWorkbook(file, bytes.NewReader(data), planColumns)
	if err != nil {
		return nil, templateLayout(file, data, err)
	}
	defer closeBook()
	return readPlans(t, known)
}

// ReadPlanFile reads a plan lines file as ReadPlans does, or as ReadPlanWorkbook does
// when its name ends in .xlsx (any case): the plan page takes either.
func ReadPlanFile(file string, r io.Reader, known Known) ([]workforce.PlanLine, error) {
	if strings.EqualFold(filepath.Ext(file), ".xlsx") {
		return ReadPlanWorkbook(file, r, known)
	}
	return ReadPlans(file, r, known)
}

// planRows is a plan file being read: the lines so far, and every wrong row.
type planRows struct {
	t        *table
	known    Known
	keys     rowKeys[planKey]
	perPCN   map[string]int
	maxLines int
	plan     []workforce.PlanLine
	wrong    RowErrors
}

// planKey is what a line may not repeat.
type planKey struct {
	pcn, role string
	quarter   workforce.Quarter
	stream    workforce.Stream
}

// readPlans reads every row, keeping the wrong ones (RowErrors) and going on to the
// next: a file's mistakes are reported all at once. A limit passed stops the read at
// once with its *LimitError alone; a row the file's format cannot be read past (a
// broken CSV quote, a sheet's unreadable row) stops it with the wrong rows so far.
func readPlans(t *table, known Known) ([]workforce.PlanLine, error) {
	p := &planRows{t: t, known: known, keys: rowKeys[planKey]{}, perPCN: map[string]int{},
		maxLines: MaxPlanLines(len(known.RoleAdded)), wrong: RowErrors{File: t.file}}
	for {
		more, err := t.next()
		if err == nil && more {
			err = p.row()
		}
		if err != nil && !p.wrong.add(err) {
			return nil, err
		}
		if !more {
			break
		}
	}
	if err := p.wrong.err(); err != nil {
		return nil, err
	}
	if len(p.plan) == 0 {
		return nil, &RowError{File: t.file, Line: 2, Reason: "the file has a header but no rows", Unit: t.unit}
	}
	return p.plan, nil
}

// row reads the table's current row as a line, refusing a repeat of an earlier line
// and a PCN's line past MaxPlanLines (a *LimitError).
func (p *planRows) row() error {
	t := p.t
	l, q, err := planRow(t, p.known)
	if err != nil {
		return err
	}
	if first, dup := p.keys.seen(planKey{l.PCNCode, l.RoleCode, q, l.Stream}, t.line); dup {
		what := l.RoleCode
		if l.Stream != workforce.StreamARRS {
			what += " on " + string(l.Stream)
		}
		return t.fail("quarter", q.String()+" of "+what+" is a duplicate of line "+strconv.Itoa(first)+" (same PCN, role, quarter and funding stream)")
	}
	if p.perPCN[l.PCNCode]++; p.perPCN[l.PCNCode] > p.maxLines {
		return &LimitError{File: t.file, Subject: t.unit + " " + strconv.Itoa(t.line) + ": the plan of " + l.PCNCode,
			Limit: LimitPlanLines, Max: int64(p.maxLines)}
	}
	p.plan = append(p.plan, l)
	return nil
}

// planRow reads one row as a plan line, and its quarter.
func planRow(t *table, known Known) (workforce.PlanLine, workforce.Quarter, error) {
	var l workforce.PlanLine
	var q workforce.Quarter
	var err error
	if l.PCNCode, err = known.pcn(t, "pcn_code"); err != nil {
		return l, q, err
	}
	if l.RoleCode, q, err = roleQuarterOf(t, known); err != nil {
		return l, q, err
	}
	l.QuarterStart = q.Start()
	if l.Stream, err = streamOf(t, l.RoleCode, q); err != nil {
		return l, q, err
	}
	if l.StartersFTE, err = planFTEOf(t, "starters_fte"); err != nil {
		return l, q, err
	}
	if l.LeaversFTE, err = planFTEOf(t, "leavers_fte"); err != nil {
		return l, q, err
	}
	l.AnnualCostPence, err = costOf(t, "annual_cost_gbp")
	return l, q, err
}

// roleQuarterOf reads the role and the quarter, refusing a quarter that starts before
// the role could be claimed.
func roleQuarterOf(t *table, known Known) (string, workforce.Quarter, error) {
	role := t.get("role_code")
	added, ok := known.RoleAdded[role]
	if !ok {
		return "", workforce.Quarter{}, t.fail("role_code", "unknown role code "+Quote(role)+" (use the ARRS role codes, e.g. clinical_pharmacist)")
	}
	raw := t.get("quarter")
	if len(raw) > MaxEcho {
		return "", workforce.Quarter{}, t.fail("quarter", "expected a quarter such as 2026/27 Q1, found "+Quote(raw))
	}
	q, err := workforce.ParseQuarter(raw)
	if err != nil {
		return "", q, t.fail("quarter", err.Error())
	}
	if q.Start().Before(added) {
		return "", q, t.fail("quarter", q.String()+" starts on "+q.Start().Format(workforce.DateLayout)+
			", before "+role+" joined ARRS on "+added.Format(workforce.DateLayout))
	}
	return role, q, nil
}

// streamOf reads the line's funding stream: arrs when the file has no such column or
// the cell is empty. The practice GP scheme pays for GPs only, from its first day.
func streamOf(t *table, role string, q workforce.Quarter) (workforce.Stream, error) {
	raw := t.get(planStreamColumn)
	if raw == "" {
		return workforce.StreamARRS, nil
	}
	s, ok := workforce.ParseStream(strings.ToLower(raw))
	switch {
	case !ok:
		return "", t.fail(planStreamColumn, "expected arrs, practice_gp or other, found "+Quote(raw))
	case s == workforce.StreamPracticeGP && role != workforce.PracticeGPRole:
		return "", t.fail(planStreamColumn, "practice_gp is the practice GP scheme, which pays for GPs only (role_code "+
			workforce.PracticeGPRole+"), not "+role+": use arrs or other")
	case s == workforce.StreamPracticeGP && q.Start().Before(workforce.PracticeGPFrom):
		return "", t.fail("quarter", q.String()+" starts on "+q.Start().Format(workforce.DateLayout)+
			", before the practice GP scheme started on "+workforce.PracticeGPFrom.Format(workforce.DateLayout))
	}
	return s, nil
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

// costOf reads an annual cost in pounds as pence, nil when the cell is empty; it must
// be within workforce's range for one WTE, as on the plan page and a staff record. Pounds
// with fractions of a penny are rounded half away from zero to the penny, exactly
// (the decimal digits are read as written, never through binary floating point).
func costOf(t *table, col string) (*workforce.Pence, error) {
	raw := t.get(col)
	if raw == "" {
		return nil, nil
	}
	switch {
	case !workforce.IsPounds(raw) && workforce.IsPounds(strings.TrimPrefix(raw, "-")):
		return nil, t.fail(col, "is negative ("+clip(raw)+")")
	case !workforce.IsPounds(raw):
		return nil, t.fail(col, "expected pounds such as 45000 or 45000.50 (no £ sign or thousands separators), found "+Quote(raw))
	}
	pence, ok := workforce.ParsePounds(raw)
	if !ok || pence < workforce.MinAnnualCostPence || pence > workforce.MaxAnnualCostPence {
		return nil, t.fail(col, "is "+clip(raw)+"; the annual cost of one WTE must be between "+
			workforce.MinAnnualCostPence.Whole()+" and "+workforce.MaxAnnualCostPence.Whole())
	}
	return &pence, nil
}
