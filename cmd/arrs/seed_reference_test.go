package main

import (
	"strings"
	"testing"

	"github.com/arrs-planner/arrs/internal/dbtest"
)

// `arrs seed reference` loads the practices of November 2025 and the change of April
// 2026 once; a second seed says they are loaded and changes nothing.
func TestSeedReferenceLoadsPracticesAndChangesOnce(t *testing.T) {
	db, url := dbtest.NewWithURL(t)
	t.Setenv("DATABASE_URL", url)
	out, _, err := runArrs("seed", "reference")
	for _, want := range []string{
		"gp-reg-pat-prac-map.csv (mapping, extract 2025-11-01): 6200 practices placed (6200 new, 0 moved)",
		"gp-reg-pat-prac-quin-age.csv.gz (ages, extract 2025-11-01): 266600 list-size rows written",
		"practice_imd_2019_fingertips_93553.csv (deprivation): 18330 deprivation scores written",
		"imported organisations_2026-04: the structure from 2026-04-01",
	} {
		if err != nil || !strings.Contains(out, want) {
			t.Errorf("first seed: %v; %q missing from\n%s", err, want, out)
		}
	}
	version, err := db.DataVersion(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	out, _, err = runArrs("seed", "reference")
	if err != nil || !strings.Contains(out, "practices and organisations changes: already loaded") {
		t.Errorf("second seed: %v\n%s", err, out)
	}
	if after, err := db.DataVersion(t.Context()); err != nil || after != version {
		t.Errorf("the second seed changed the data: version %d, then %d (%v)", version, after, err)
	}
}
