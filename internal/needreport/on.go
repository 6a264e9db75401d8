package needreport

import (
	"context"
	"time"

	"github.com/arrs-planner/arrs/internal/need"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// On is need for every practice and PCN of England on day d: the PCNs of the day, their
// member practices on d, each practice's list and age bands at the extract that day
// reads (the latest on or before d, else the first), its latest deprivation score, and
// the weights in force.
func On(ctx context.Context, db *store.DB, d time.Time) (*need.Result, error) {
	pcns, err := db.PCNsOn(ctx, d)
	if err != nil {
		return nil, err
	}
	return onPCNs(ctx, db, d, pcns)
}

// onPCNs is need on day d for the PCNs given (a tree's, each with its list of d): the
// weights, then every practice's inputs, in two round trips.
func onPCNs(ctx context.Context, db *store.DB, d time.Time, pcns []workforce.PCN) (*need.Result, error) {
	w, err := db.NeedWeights(ctx)
	if err != nil {
		return nil, err
	}
	practices, err := db.NeedPractices(ctx, d, w)
	if err != nil {
		return nil, err
	}
	in := make([]need.PCNInput, len(pcns))
	for i, p := range pcns {
		in[i] = need.PCNInput{Code: p.Code, Registered: p.RegisteredPatients}
	}
	return need.Compute(w, practices, in), nil
}
