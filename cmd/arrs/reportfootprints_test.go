package main

import (
	"context"
	"encoding/csv"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/arrs-planner/arrs/internal/importer"
	"github.com/arrs-planner/arrs/internal/refdata"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// withApril2026 loads the April 2026 change into db unless the reference holds it.
func withApril2026(t *testing.T, db *store.DB) {
	t.Helper()
	ctx := context.Background()
	icbs, err := db.ICBs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if slices.ContainsFunc(icbs, func(c workforce.ICB) bool { return c.Code == "S0E4D" }) {
		return
	}
	dir, err := refdata.Dir(refdata.OrgChangeDirs[0])
	if err != nil {
		t.Fatal(err)
	}
	ch, sha, err := importer.ReadOrgChange(dir)
	if err != nil {
		t.Fatal(err)
	}
	_, err = db.ApplyOrgChange(ctx, store.OrgChangeImport{FileName: "organisations_2026-04", SHA256: sha, Change: ch, By: store.Actor{Name: "test"}})
	if err != nil && !errors.Is(err, store.ErrAlreadyImported) {
		t.Fatal(err)
	}
}

// icbCodes are the codes of a CSV report's ICB rows.
func icbCodes(t *testing.T, out string) []string {
	t.Helper()
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var codes []string
	for _, r := range rows[1:] {
		if r[0] == "icb" && !slices.Contains(codes, r[1]) {
			codes = append(codes, r[1])
		}
	}
	return codes
}

// --footprints current sums the census day's PCNs into today's ICBs; as-it-was (the
// default) into the day's; anything else stops with a one-line reason.
func TestReportFootprints(t *testing.T) {
	db := withSample(t)
	withApril2026(t, db)
	for _, report := range [][]string{{"report", "gaps", "--level", "icb"}, {"report", "workforce", "--level", "icb"}} {
		out, _, err := runArrs(report...)
		if err != nil {
			t.Fatal(err)
		}
		then := icbCodes(t, out)
		out, _, err = runArrs(append(report, "--footprints", "current")...)
		if err != nil {
			t.Fatal(err)
		}
		now := icbCodes(t, out)
		if report[1] == "gaps" && (len(then) != 42 || len(now) != 36) {
			t.Errorf("%v: %d ICBs as they were, %d on today's footprints", report, len(then), len(now))
		}
		if !slices.Contains(then, "QOC") || !slices.Contains(now, "QOC") || slices.Contains(now, "QNQ") {
			t.Errorf("%v: as it was %v, on today's footprints %v", report, then, now)
		}
		_, _, err = runArrs(append(report, "--footprints", "today")...)
		if err == nil || strings.Contains(err.Error(), "\n") || !strings.Contains(err.Error(), "--footprints must be as-it-was or current") {
			t.Errorf("%v --footprints today: %v", report, err)
		}
	}
}
