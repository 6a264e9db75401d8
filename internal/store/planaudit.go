package store

import (
	"context"
	"strconv"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// The audit entries of a plan's changes, one payload shape per kind: a save or an
// upload of a draft (plan.save, plan.upload), a move of the workflow (plan.submit,
// plan.sign_off, plan.send_back — the clinical director's return —, plan.accept,
// plan.return) and an import of a plan lines file (plans.import, one entry per PCN).

// auditDraftSave records a save of the draft: the version the person saw with its
// lines, and the version saved with its lines.
func (db *DB) auditDraftSave(ctx context.Context, d DraftSave, old []workforce.PlanLine, saved workforce.Plan) error {
	e := d.By.Entry("plan."+string(d.Action), "plan", strconv.FormatInt(saved.ID, 10))
	e.PCN = d.PCN
	e.Before = map[string]any{"plan": d.PlanID, "version": d.Version, "lines": auditLines(old)}
	e.After = map[string]any{"plan": saved.ID, "version": saved.Version, "status": saved.Status, "lines": auditLines(d.Lines)}
	return db.audit(ctx, e)
}

// auditMove records a move of the workflow under its own kind, plan.<action> (a
// director's return is plan.send_back, never plan.return): the status and version
// before and after, the comment, and the other versions the move superseded or handed
// the return to.
func (db *DB) auditMove(ctx context.Context, m PlanMove, moved MovedPlan) error {
	e := m.By.Entry("plan."+string(m.Action), "plan", strconv.FormatInt(m.PlanID, 10))
	e.PCN = m.PCN
	e.Before = map[string]any{"status": moved.Before.Status, "version": moved.Before.Version}
	e.After = map[string]any{"status": moved.After.Status, "version": moved.After.Version, "comment": m.Comment,
		"superseded": moved.Superseded, "returned_to": moved.ReturnedTo}
	return db.audit(ctx, e)
}

// auditPlanImport records, PCN by PCN in the order the file first names them, how
// many of the file's lines became the PCN's draft.
func (db *DB) auditPlanImport(ctx context.Context, file string, lines []workforce.PlanLine, by Actor) error {
	perPCN := map[string]int{}
	var order []string
	for _, l := range lines {
		if perPCN[l.PCNCode] == 0 {
			order = append(order, l.PCNCode)
		}
		perPCN[l.PCNCode]++
	}
	for _, pcn := range order {
		e := by.Entry("plans.import", "plan", pcn)
		e.PCN = pcn
		e.After = map[string]any{"file": file, "lines": perPCN[pcn]}
		if err := db.audit(ctx, e); err != nil {
			return err
		}
	}
	return nil
}

// auditLines are plan lines as the audit trail keeps them, one string each: role,
// quarter, starters, leavers and the annual cost in pounds ("-" when not known), then
// the funding stream when it is not the ARRS (lines kept before the streams name none).
func auditLines(lines []workforce.PlanLine) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		cost := "-"
		if l.AnnualCostPence != nil {
			cost = l.AnnualCostPence.Input()
		}
		out[i] = l.RoleCode + " " + workforce.QuarterOf(l.QuarterStart).String() + " " +
			strconv.FormatFloat(l.StartersFTE, 'f', -1, 64) + " " + strconv.FormatFloat(l.LeaversFTE, 'f', -1, 64) + " " + cost
		if s := l.FundingStream(); s != workforce.StreamARRS {
			out[i] += " " + string(s)
		}
	}
	return out
}
