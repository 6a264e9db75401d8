package compare

import (
	"context"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/gaps"
	"github.com/arrs-planner/arrs/internal/integration"
	"github.com/arrs-planner/arrs/internal/integrationreport"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// Each row carries its PCN's counts as integrationreport.CountsOf gives them (what the
// integration page and `arrs report integration` count), and its latest closed round
// of the pulse: U79722 saves an integration record for one of its ARRS staff and has a
// round that closed by date yesterday with 1 answer of its 2 links, counted once it is
// sealed (the comparison seals nothing: its page does, before reading it); every other
// PCN keeps no integration record (its four record-based counts unknown) and has no
// round. The ICB's total sums the known counts and counts the PCNs keeping none.
func TestComputeIntegration(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, pcns := sample(t)
	staff, err := db.StaffOfPCNs(ctx, []string{"U79722"})
	if err != nil {
		t.Fatal(err)
	}
	var id int64
	for _, s := range staff {
		if s.IsARRS() {
			id = s.ID
			break
		}
	}
	if id == 0 {
		t.Fatal("U79722 has no ARRS staff in the sample")
	}
	if _, err := db.SaveIntegrationRecord(ctx, workforce.IntegrationRecord{StaffID: id, PCNCode: "U79722", ServiceCode: "care_homes"}, today, by); err != nil {
		t.Fatal(err)
	}
	_, links, err := db.OpenPulseRound(ctx, "U79722", today.AddDate(0, 0, -10), today.AddDate(0, 0, -1),
		[]workforce.RoleGroup{workforce.GroupPharmacy, workforce.GroupOther}, by)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.AnswerPulse(ctx, links[0].Token, workforce.PulseAnswer{Scores: [4]int{3, 3, 3, 3}}, today.AddDate(0, 0, -5)); err != nil {
		t.Fatal(err)
	}

	res, err := Compute(ctx, db, gaps.From(db), "QOC", pcns, today, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if _, pulse := res.IntegrationTotal(); pulse.Known {
		t.Errorf("a round not yet sealed is counted: %+v", pulse)
	}
	if n, err := db.SealPulseRounds(ctx, today); err != nil || n != 1 {
		t.Fatalf("the comparison sealed the round, or sealing failed: %d to seal, %v", n, err)
	}
	if res, err = Compute(ctx, db, gaps.From(db), "QOC", pcns, today, time.Time{}); err != nil {
		t.Fatal(err)
	}
	codes := pcnCodes(pcns)
	want, err := integrationreport.CountsOf(ctx, db, codes, res.AsOf, today)
	if err != nil {
		t.Fatal(err)
	}
	staffed := 0
	for _, row := range res.Rows {
		got, w := row.Integration, want[row.PCN.Code]
		if got.ARRSStaff != w.ARRSStaff || got.PCNs != 1 {
			t.Errorf("%s: %d ARRS staff of %d PCNs, want %d of 1", row.PCN.Code, got.ARRSStaff, got.PCNs, w.ARRSStaff)
		}
		staffed += got.ARRSStaff
		for _, warning := range integration.Warnings {
			n, ok := got.Value(warning)
			wn, wok := w.Value(warning)
			if n != wn || ok != wok {
				t.Errorf("%s %s: %d (known %v), want %d (known %v)", row.PCN.Code, warning, n, ok, wn, wok)
			}
		}
		_, recorded := got.Value(integration.NoService)
		if recorded != (row.PCN.Code == "U79722") {
			t.Errorf("%s: no_service known %v", row.PCN.Code, recorded)
		}
		if row.PCN.Code == "U79722" {
			if n, _ := got.Value(integration.NoService); n != got.ARRSStaff-1 {
				t.Errorf("U79722: %d with no service of %d, one named", n, got.ARRSStaff)
			}
			if p := row.Pulse; !p.Known || p.Responses != 1 || p.LinksIssued != 2 || !p.ClosedOn.Equal(today.AddDate(0, 0, -1)) {
				t.Errorf("U79722's pulse %+v, want 1 of 2, closed yesterday", p)
			}
		} else if row.Pulse.Known {
			t.Errorf("%s has no round but its pulse is known: %+v", row.PCN.Code, row.Pulse)
		}
	}
	if staffed == 0 {
		t.Fatal("nobody in post: the counts test nothing")
	}
	total, pulse := res.IntegrationTotal()
	if total.ARRSStaff != staffed || total.PCNs != len(pcns) || total.NoRecordPCNs != len(pcns)-1 {
		t.Errorf("the ICB's total %+v: want %d staff, %d PCNs, %d keeping no record", total, staffed, len(pcns), len(pcns)-1)
	}
	if n, ok := total.Value(integration.NoService); !ok || n != want["U79722"].Count[integration.NoService] {
		t.Errorf("the ICB's no_service %d (known %v): only U79722's count", n, ok)
	}
	if !pulse.Known || pulse.Responses != 1 || pulse.LinksIssued != 2 {
		t.Errorf("the ICB's pulse %+v", pulse)
	}
}
