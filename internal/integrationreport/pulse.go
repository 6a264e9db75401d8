package integrationreport

import (
	"context"
	"time"

	"github.com/arrs-planner/arrs/internal/pulse"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// Pulse is a PCN's latest closed round of the pulse and what may be shown of it
// (package pulse's suppression applied to its answers).
type Pulse struct {
	Round  workforce.PulseRound
	Result pulse.PCNResult
}

// PulseCount is a latest closed round's answers counted, as the dashboard, the ICB
// comparison and the integration report show it: how many answered of the links
// issued (a count is always shown; the scores are the pulse pages'). Known is false
// when no round of the PCN has closed: "no data", never 0.
type PulseCount struct {
	Known                  bool
	Responses, LinksIssued int
	ClosedOn               time.Time
}

// LatestPulses is, for each PCN given that has one, its latest closed round of the
// pulse with its result, by PCN code (a PCN with none is absent): two queries for
// them all, for pages that show results (counts alone: LatestPulseCounts). Both read
// the rounds from store.LatestClosedPulseRounds, the one reading of "each PCN's latest
// closed round" that the pulse pages, the dashboard, the ICB comparison and the
// integration report share.
//
// Closed means sealed, and latest is by closing day, then id (the one rule of
// store.PulseRounds). It seals nothing: the callers
// at the edges (the pages, `arrs report integration`) seal the rounds due first, with
// the real clock, so a gatherer never writes.
func LatestPulses(ctx context.Context, db *store.DB, pcns []string) (map[string]Pulse, error) {
	rounds, err := db.LatestClosedPulseRounds(ctx, pcns)
	if err != nil || len(rounds) == 0 {
		return map[string]Pulse{}, err
	}
	ids := make([]int64, 0, len(rounds))
	for _, r := range rounds {
		ids = append(ids, r.ID)
	}
	answers, err := db.PulseAnswers(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make(map[string]Pulse, len(rounds))
	for pcn, r := range rounds {
		out[pcn] = Pulse{Round: r, Result: pulse.ForPCN(answers[r.ID], r.LinksIssued)}
	}
	return out, nil
}

// LatestPulseCounts is, for each PCN given that has one, its latest closed round's
// answers counted, by PCN code (a PCN with none is absent): the same rounds as
// LatestPulses, but counted in the database (store.PulseResponses), so that counting
// for all of England reads no answer and no comment. A round nobody answered counts 0,
// known.
func LatestPulseCounts(ctx context.Context, db *store.DB, pcns []string) (map[string]PulseCount, error) {
	rounds, err := db.LatestClosedPulseRounds(ctx, pcns)
	if err != nil || len(rounds) == 0 {
		return map[string]PulseCount{}, err
	}
	ids := make([]int64, 0, len(rounds))
	for _, r := range rounds {
		ids = append(ids, r.ID)
	}
	responses, err := db.PulseResponses(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make(map[string]PulseCount, len(rounds))
	for pcn, r := range rounds {
		out[pcn] = PulseCount{Known: true, Responses: responses[r.ID], LinksIssued: r.LinksIssued, ClosedOn: r.ClosedOn}
	}
	return out, nil
}
