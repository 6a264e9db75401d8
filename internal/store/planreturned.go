package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/jackc/pgx/v5"
)

// PlanLinesSavedOver returns the lines a version of the PCN's plan held at lock
// version v, as the first save or upload made from that state kept them in the audit
// trail (auditDraftSave's "before"): the lines of a plan returned to its network, as
// the reviewer saw them, before the network changed them in place. ok is false when
// no save started from that state (an import of a plan lines file keeps no copy of
// the lines it replaces).
func (db *DB) PlanLinesSavedOver(ctx context.Context, pcn string, id int64, v int) (_ []workforce.PlanLine, ok bool, err error) {
	defer wrap(&err, "lines of plan %d of %s at version %d", id, pcn, v)
	var raw []byte
	err = db.q.QueryRow(ctx, `
		SELECT before->'lines' FROM audit_log
		WHERE pcn_code = $1 AND entity = 'plan' AND action IN ('plan.save', 'plan.upload')
		  AND before->>'plan' = $2::text AND before->>'version' = $3::text
		ORDER BY id LIMIT 1`, pcn, strconv.FormatInt(id, 10), strconv.Itoa(v)).Scan(&raw)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	var kept []string
	if err := json.Unmarshal(raw, &kept); err != nil {
		return nil, false, err
	}
	lines := make([]workforce.PlanLine, len(kept))
	for i, s := range kept {
		if lines[i], err = parseAuditLine(pcn, s); err != nil {
			return nil, false, err
		}
	}
	return lines, true, nil
}

// parseAuditLine reads back a line as auditLines writes it: "role 2026/27 Q1 starters
// leavers cost", the cost in pounds or "-" when not known, then the stream when it is
// not the ARRS. It reads from the right, so that a role code is taken whole.
func parseAuditLine(pcn, s string) (workforce.PlanLine, error) {
	f := strings.Fields(s)
	stream := workforce.StreamARRS
	if n := len(f); n > 0 {
		if x, ok := workforce.ParseStream(f[n-1]); ok {
			stream, f = x, f[:n-1]
		}
	}
	n := len(f)
	if n < 6 {
		return workforce.PlanLine{}, fmt.Errorf("audit line %q: want role, quarter, starters, leavers and cost", s)
	}
	q, err := workforce.ParseQuarter(f[n-5] + " " + f[n-4])
	if err != nil {
		return workforce.PlanLine{}, fmt.Errorf("audit line %q: %w", s, err)
	}
	l := workforce.PlanLine{PCNCode: pcn, RoleCode: strings.Join(f[:n-5], " "), QuarterStart: q.Start(), Stream: stream}
	if l.StartersFTE, err = strconv.ParseFloat(f[n-3], 64); err != nil {
		return l, fmt.Errorf("audit line %q: %w", s, err)
	}
	if l.LeaversFTE, err = strconv.ParseFloat(f[n-2], 64); err != nil {
		return l, fmt.Errorf("audit line %q: %w", s, err)
	}
	if f[n-1] != "-" {
		cost, ok := workforce.ParsePounds(f[n-1])
		if !ok {
			return l, fmt.Errorf("audit line %q: cost %q", s, f[n-1])
		}
		l.AnnualCostPence = &cost
	}
	return l, nil
}
