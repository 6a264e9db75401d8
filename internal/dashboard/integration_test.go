package dashboard

import (
	"context"
	"reflect"
	"testing"

	"github.com/arrs-planner/arrs/internal/gaps"
	"github.com/arrs-planner/arrs/internal/integration"
	"github.com/arrs-planner/arrs/internal/integrationreport"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// The integration part is the PCN's counts as integrationreport.CountsOf gives them,
// of the as-of date's staff (the census, 30 November 2025: the paramedic added from
// 1 January 2025 counts), and its latest closed round: U79722 saves a record naming
// no service for the paramedic and closes a round of 3 links that 2 answered; before
// that, its record-based counts are not known and it has no round.
func TestComputeIntegration(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := sample(t)
	tree, err := db.Tree(ctx)
	if err != nil {
		t.Fatal(err)
	}
	p, _ := tree.PCN("U79722")
	f, err := Compute(ctx, db, gaps.From(db), p, today)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := f.Integration.Counts.Value(integration.NoService); ok || f.Integration.Pulse.Known || f.Integration.Counts.ARRSStaff == 0 {
		t.Fatalf("before any record: %+v", f.Integration)
	}
	var paramedic int64
	if err := db.QueryRowForTest(ctx, `SELECT id FROM staff WHERE pcn_code = 'U79722' AND role_code = 'paramedic'`, &paramedic); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SaveIntegrationRecord(ctx, workforce.IntegrationRecord{StaffID: paramedic, PCNCode: "U79722"}, today, by); err != nil {
		t.Fatal(err)
	}
	round, links, err := db.OpenPulseRound(ctx, "U79722", today.AddDate(0, 0, -14), today.AddDate(0, 0, 14),
		[]workforce.RoleGroup{workforce.GroupFirstContact, workforce.GroupOther, workforce.GroupOther}, by)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range links[:2] {
		if err := db.AnswerPulse(ctx, l.Token, workforce.PulseAnswer{Scores: [4]int{5, 4, 3, 2}}, today); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.ClosePulseRound(ctx, "U79722", round.ID, round.Version, today, by); err != nil {
		t.Fatal(err)
	}

	if f, err = Compute(ctx, db, gaps.From(db), p, today); err != nil {
		t.Fatal(err)
	}
	want, err := integrationreport.CountsOf(ctx, db, []string{"U79722"}, f.AsOf, today)
	if err != nil {
		t.Fatal(err)
	}
	if got := f.Integration.Counts; !reflect.DeepEqual(got, want["U79722"]) {
		t.Errorf("counts %+v, the integration report's %+v", got, want["U79722"])
	}
	if n, ok := f.Integration.Counts.Value(integration.NoService); !ok || n != f.Integration.Counts.ARRSStaff {
		t.Errorf("no service named: %d (known %v) of %d", n, ok, f.Integration.Counts.ARRSStaff)
	}
	if pl := f.Integration.Pulse; !pl.Known || pl.Responses != 2 || pl.LinksIssued != 3 || !pl.ClosedOn.Equal(today) {
		t.Errorf("pulse %+v, want 2 of 3 closed today", pl)
	}
}
