package ingest

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/importer"
	"github.com/arrs-planner/arrs/internal/refdata"
	"github.com/arrs-planner/arrs/internal/store"
)

// A change that would put a PCN in an ICB its sub-ICB location is not in is refused,
// naming the PCN, and writes nothing: the ICBs it would open stay unknown and the
// change stays unloaded, so the right folder loads afterwards.
func TestOrgChangeBreakingTheHierarchy(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), dbtest.New(t)
	dir, err := refdata.Dir(refdata.OrgChangeDirs[0])
	if err != nil {
		t.Fatal(err)
	}
	ch, sha, err := importer.ReadOrgChange(dir)
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range ch.PCNs {
		if p.PCNCode == "U00070" { // West Merton, in 36L of South West London (QWE)
			ch.PCNs[i].ICBCode = "QKK"
		}
	}
	version, err := db.DataVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	_, err = db.ApplyOrgChange(ctx, store.OrgChangeImport{FileName: "broken", SHA256: sha, Change: ch, By: seeder})
	if !errors.Is(err, store.ErrBrokenHierarchy) || !strings.Contains(err.Error(), "PCN U00070: from 2026-04-01 its sub-ICB location 36L is in ICB QWE, not QKK") {
		t.Fatalf("got %v", err)
	}
	if after, err := db.DataVersion(ctx); err != nil || after != version {
		t.Errorf("the refused change wrote: data version %d, then %d (%v)", version, after, err)
	}
	if _, err := Organisations(ctx, db, "organisations_2026-04", dir, seeder); err != nil {
		t.Errorf("the right change after the refused one: %v", err)
	}
}

// Practices first held after a change (the November 2025 mapping loaded after April
// 2026's change): each follows its sub-ICB location into its new ICB, and one whose
// location the change closed (Frimley's D4U1Y) has no place from that day, rather
// than a guess.
func TestPracticesLoadedAfterAChange(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), dbtest.New(t)
	applyApril2026(t, db)
	f, err := refdata.Open(refdata.PracticeFiles[0])
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := Practices(ctx, db, "gp-reg-pat-prac-map.csv", f, seeder); err != nil {
		t.Fatal(err)
	}
	for code, want := range map[string]string{
		"D81047": "2019-07-01..2026-04-01 06K QM7; 2026-04-01.. 06K S1Y5D", // 06K moved ICB
		"H81013": "2019-07-01..2026-04-01 D4U1Y QNQ",                       // D4U1Y closed
	} {
		if got := spansOf(t, db, code); got != want {
			t.Errorf("%s: %s, want %s", code, got, want)
		}
	}
	if p := orgProblems(t, db); len(p) > 0 {
		t.Errorf("org_problems(): %v", p)
	}
}

// spansOf is a practice's spans: "from..to sub-ICB ICB", by date.
func spansOf(t *testing.T, db *store.DB, practice string) string {
	t.Helper()
	var s string
	err := db.Pool().QueryRow(context.Background(), `
		SELECT string_agg(concat(valid_from, '..', valid_to, ' ', sub_icb_code, ' ', icb_code), '; ' ORDER BY valid_from)
		FROM practice_spans WHERE practice_code = $1`, practice).Scan(&s)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// applyApril2026 loads the embedded change of 1 April 2026 (refdata.OrgChangeDirs).
func applyApril2026(t *testing.T, db *store.DB) {
	t.Helper()
	dir, err := refdata.Dir(refdata.OrgChangeDirs[0])
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Organisations(context.Background(), db, "organisations_2026-04", dir, seeder); err != nil {
		t.Fatal(err)
	}
}

// A change naming PCNs the planner does not hold is refused, naming the file, each
// PCN's line and code (up to five), and writes nothing: a new PCN comes with its
// census, never as an empty network from a change.
func TestOrgChangeUnknownPCNs(t *testing.T) {
	t.Parallel()
	const pcns = "pcn_icb_2026-04-01.csv"
	const why = ": an organisations change places known PCNs; a new PCN comes with its census"
	ghost := func(code string) string {
		return code + ",GHOST PCN,36L,QWE,QWE,NHS South West London Integrated Care Board,E54000031,36L,unchanged ICB\r\n"
	}
	cases := []struct {
		name, rows, want string
	}{
		{"one", ghost("U99999"), pcns + ": unknown PCN U99999 (line 1299)" + why},
		{"seven", ghost("U99990") + ghost("U99991") + ghost("U99992") + ghost("U99993") + ghost("U99994") + ghost("U99995") + ghost("U99996"),
			pcns + ": unknown PCNs U99990 (line 1299), U99991 (line 1300), U99992 (line 1301), U99993 (line 1302), U99994 (line 1303) and 2 more" + why},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			ctx, db := context.Background(), dbtest.New(t)
			dir := april2026Copy(t)
			dir[pcns].Data = append(dir[pcns].Data, c.rows...)
			version, err := db.DataVersion(ctx)
			if err != nil {
				t.Fatal(err)
			}
			_, err = Organisations(ctx, db, "ghosts", dir, seeder)
			if !errors.Is(err, store.ErrUnknownCodes) || !strings.HasSuffix(err.Error(), c.want) {
				t.Fatalf("got  %v\nwant …%s", err, c.want)
			}
			if after, err := db.DataVersion(ctx); err != nil || after != version {
				t.Errorf("the refused change wrote: data version %d, then %d (%v)", version, after, err)
			}
			var ghosts int
			if err := db.Pool().QueryRow(ctx, `SELECT count(*) FROM pcns WHERE code LIKE 'U9999_'`).Scan(&ghosts); err != nil || ghosts != 0 {
				t.Errorf("%d unknown PCNs created (%v)", ghosts, err)
			}
			applyApril2026(t, db) // the refused folder was not recorded as loaded
		})
	}
}

// april2026Copy is a copy of the embedded change of 1 April 2026, to edit.
func april2026Copy(t *testing.T) fstest.MapFS {
	t.Helper()
	dir, err := refdata.Dir(refdata.OrgChangeDirs[0])
	if err != nil {
		t.Fatal(err)
	}
	entries, err := fs.ReadDir(dir, ".")
	if err != nil {
		t.Fatal(err)
	}
	m := fstest.MapFS{}
	for _, e := range entries {
		b, err := fs.ReadFile(dir, e.Name())
		if err != nil {
			t.Fatal(fmt.Errorf("%s: %w", e.Name(), err))
		}
		m[e.Name()] = &fstest.MapFile{Data: b}
	}
	return m
}
