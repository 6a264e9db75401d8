package ingest

import (
	"compress/gzip"
	"context"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/store"
)

// demoRows is the header of the demo census (30 November 2025) and its rows of one ICB.
func demoRows(t *testing.T, icb string) (string, []string) {
	t.Helper()
	f := demoFile(t)
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(gz)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(strings.ReplaceAll(string(b), "\r\n", "\n")), "\n")
	var rows []string
	for _, l := range lines[1:] {
		if field(l, 7) == icb {
			rows = append(rows, l)
		}
	}
	return lines[0], rows
}

// An ICB lead's upload is judged by the structure of its census day: after April 2026
// has dissolved QUE into S1Y5D, QUE's lead still corrects November 2025, when its PCNs
// were QUE's, and S1Y5D's lead cannot.
func TestLeadUploadIsJudgedOnTheCensusDay(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), dbtest.New(t)
	applyApril2026(t, db)
	header, que := demoRows(t, "QUE")
	if _, err := NWRS(ctx, db, "nov.csv", strings.NewReader(csvFile(header, que)), store.Actor{Name: "admin"}, nil, testNow); err != nil {
		t.Fatal(err)
	}
	correction := csvFile(header, que[1:])
	var se *ScopeError
	_, err := NWRS(ctx, db, "que.csv", strings.NewReader(correction), store.Actor{Name: "new-lead"}, []string{"S1Y5D"}, testNow)
	if !errors.As(err, &se) || se.Column != "PCN_CODE" || !strings.Contains(se.Reason, "is in ICB QUE, not one of yours (S1Y5D)") {
		t.Errorf("S1Y5D's lead on November 2025: %v", err)
	}
	log, err := NWRS(ctx, db, "que.csv", strings.NewReader(correction), store.Actor{Name: "old-lead"}, []string{"QUE"}, testNow)
	if err != nil || log.Ended != 1 {
		t.Errorf("QUE's lead on November 2025: %+v, %v", log, err)
	}
}
