package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// populationValue is one weighted population as an audit entry records it.
type populationValue struct {
	EffectiveDate string  `json:"effective_date"`
	Weighted      float64 `json:"weighted_population"`
}

// auditPopulations writes one audit entry per PCN a populations file changed, in the
// order the file first names them, with its ICB, the values written and those they
// replaced.
func (db *DB) auditPopulations(ctx context.Context, file string, pops, held []workforce.Population, by Actor) error {
	after, order := valuesByPCN(pops)
	before, _ := valuesByPCN(held)
	icbOf, err := db.icbsOf(ctx, order)
	if err != nil {
		return err
	}
	for _, pcn := range order {
		e := by.Entry("populations.import", "pcn_populations", pcn)
		e.PCN, e.ICB = pcn, icbOf[pcn]
		if b := before[pcn]; b != nil {
			e.Before = map[string]any{"populations": b}
		}
		e.After = map[string]any{"file": file, "populations": after[pcn]}
		if err := db.audit(ctx, e); err != nil {
			return err
		}
	}
	return nil
}

// valuesByPCN groups populations by PCN, in the order the PCNs first appear.
func valuesByPCN(pops []workforce.Population) (map[string][]populationValue, []string) {
	by := map[string][]populationValue{}
	var order []string
	for _, p := range pops {
		if by[p.PCNCode] == nil {
			order = append(order, p.PCNCode)
		}
		by[p.PCNCode] = append(by[p.PCNCode], populationValue{p.EffectiveDate.Format(time.DateOnly), p.Weighted})
	}
	return by, order
}

// icbsOf maps each of the PCNs to its ICB, for filtering the trail by ICB.
func (db *DB) icbsOf(ctx context.Context, pcns []string) (map[string]string, error) {
	rows, err := db.q.Query(ctx, `SELECT pcn_code, icb_code FROM pcn_spans WHERE pcn_code = ANY($1) AND valid_from <= $2 AND (valid_to IS NULL OR $2 < valid_to)`, pcns, workforce.Today(time.Now()))
	if err != nil {
		return nil, fmt.Errorf("ICBs of the PCNs: %w", err)
	}
	defer rows.Close()
	icbOf := make(map[string]string, len(pcns))
	var code, icb string
	_, err = pgx.ForEachRow(rows, []any{&code, &icb}, func() error {
		icbOf[code] = icb
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("ICBs of the PCNs: %w", err)
	}
	return icbOf, nil
}
