package ingest

import (
	"context"
	"io"
	"time"

	"github.com/arrs-planner/arrs/internal/importer"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// Populations reads a weighted populations file and upserts it in one transaction: a
// (PCN, effective date) already held takes the file's value. It returns the rows
// written. A weighted population moves every PCN's fair share in England, so each value
// must be plausible for its PCN's registered list and take effect between the scheme's
// start and 15 months after today in England (importer.PopulationBounds); now is the
// clock's reading. Each PCN changed gets its own audit entry, naming its ICB, with the
// values before and after.
//
// mayChange, when not nil, says which PCNs the person may change (an ICB lead: their
// ICBs' PCNs); a line naming any other refuses the whole file as a *ScopeError.
func Populations(ctx context.Context, db *store.DB, name string, r io.Reader, by store.Actor, mayChange func(pcn string) bool, now time.Time) (int, error) {
	known, pcns, err := knownCodes(ctx, db)
	if err != nil {
		return 0, err
	}
	restrict(known, mayChange)
	y, m, d := now.In(london).Date()
	bounds := importer.PopulationBounds{Today: workforce.Date(y, m, d), ListSizes: make(map[string]int, len(pcns))}
	icbOf := make(map[string]string, len(pcns))
	for _, p := range pcns {
		bounds.ListSizes[p.Code], icbOf[p.Code] = p.RegisteredPatients, p.ICBCode
	}
	pops, err := importer.ReadPopulations(name, r, known, bounds)
	if err != nil {
		return 0, err
	}
	var n int
	err = db.InTx(ctx, func(tx *store.DB) error {
		held, err := tx.HeldPopulations(ctx, pops)
		if err != nil {
			return err
		}
		if n, err = tx.UpsertPopulations(ctx, pops); err != nil {
			return err
		}
		return auditPopulations(ctx, tx, by, name, pops, held, icbOf)
	})
	return n, err
}

// populationValue is one weighted population as an audit entry records it.
type populationValue struct {
	EffectiveDate string  `json:"effective_date"`
	Weighted      float64 `json:"weighted_population"`
}

// auditPopulations writes one audit entry per PCN the file changed, with its ICB, the
// values it wrote and those they replaced, so the trail shows who moved a fair share.
func auditPopulations(ctx context.Context, tx *store.DB, by store.Actor, file string, pops, held []workforce.Population, icbOf map[string]string) error {
	after, order := valuesByPCN(pops)
	before, _ := valuesByPCN(held)
	for _, pcn := range order {
		e := by.Entry("populations.import", "pcn_populations", pcn)
		e.PCN, e.ICB = pcn, icbOf[pcn]
		if b := before[pcn]; b != nil {
			e.Before = map[string]any{"populations": b}
		}
		e.After = map[string]any{"file": file, "populations": after[pcn]}
		if err := tx.Audit(ctx, e); err != nil {
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
