package main

import (
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/refdata"
)

// copyOut writes an embedded data file into dir and returns its path.
func copyOut(t *testing.T, dir, name string) string {
	t.Helper()
	b, err := refdata.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, path.Base(name))
	if err := os.WriteFile(p, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// oneLine refuses an error of more than one line: the command line prints it after
// "arrs: ".
func oneLine(t *testing.T, what string, err error, want string) {
	t.Helper()
	if err == nil || strings.Contains(err.Error(), "\n") || !strings.Contains(err.Error(), want) {
		t.Errorf("%s: got %v, want one line saying %q", what, err, want)
	}
}

// `arrs import practices` loads each kind of file, known by its header; the same file
// again exits 0 saying nothing changed; a file of no known kind, or naming practices
// the planner does not hold, is refused in one line.
func TestImportPracticesCommand(t *testing.T) {
	_, url := dbtest.NewWithURL(t)
	t.Setenv("DATABASE_URL", url)
	dir := t.TempDir()
	totals := copyOut(t, dir, refdata.PracticeFiles[1])
	_, _, err := runArrs("import", "practices", totals)
	oneLine(t, "totals before the mapping", err, "names practices the planner does not hold: A81001, A81002, A81004, A81005, A81006 and 6195 more")
	mapping := copyOut(t, dir, refdata.PracticeFiles[0])
	out, _, err := runArrs("import", "practices", mapping)
	if err != nil || out != "imported gp-reg-pat-prac-map.csv (mapping, extract 2025-11-01): 6200 practices placed (6200 new, 0 moved)\n" {
		t.Errorf("mapping: %v %q", err, out)
	}
	out, _, err = runArrs("import", "practices", mapping)
	if err != nil || out != "gp-reg-pat-prac-map.csv: already imported; nothing changed\n" {
		t.Errorf("mapping again: %v %q", err, out)
	}
	out, _, err = runArrs("import", "practices", totals)
	if err != nil || !strings.Contains(out, "(totals, extract 2025-11-01): 6200 list-size rows written") {
		t.Errorf("totals: %v %q", err, out)
	}
	bad := filepath.Join(dir, "bad.csv")
	if err := os.WriteFile(bad, []byte("a,b,c\n1,2,3\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, _, err = runArrs("import", "practices", bad)
	oneLine(t, "a file of no known kind", err, "bad.csv: line 1: the header is not that of an NHS England GP practice file")
}

// `arrs import organisations` loads a change folder and says what it did; the same
// folder again exits 0 saying nothing changed; a folder lacking a required file, or a
// file given for a folder, is refused in one line.
func TestImportOrganisationsCommand(t *testing.T) {
	_, url := dbtest.NewWithURL(t)
	t.Setenv("DATABASE_URL", url)
	src, err := refdata.Dir(refdata.OrgChangeDirs[0])
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "organisations_2026-04")
	if err := os.CopyFS(dir, src); err != nil {
		t.Fatal(err)
	}
	incomplete := t.TempDir()
	if err := os.CopyFS(incomplete, src); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(incomplete, "pcn_icb_2026-04-01.csv")); err != nil {
		t.Fatal(err)
	}
	_, _, err = runArrs("import", "organisations", incomplete)
	oneLine(t, "no pcn_icb_ file", err, "the folder has no pcn_icb_YYYY-MM-DD.csv file")
	_, _, err = runArrs("import", "organisations", filepath.Join(dir, "icbs_2026-04-01.csv"))
	oneLine(t, "a file", err, "is not a folder")
	out, _, err := runArrs("import", "organisations", dir)
	for _, want := range []string{
		"imported organisations_2026-04: the structure from 2026-04-01\n",
		"ICBs opened (6): D7T5G, S0E4D, S1Y5D, S9B9J, T6Y0W, Z9B2Z\n",
		"ICBs dissolved (12): QH8, QHG, QJG, QM7, QMJ, QMM, QNQ, QNX, QRV, QU9, QUE, QXU\n",
		"QNQ succeeded by QRL, S0E4D, S9B9J\n",
		"moved: 24 sub-ICB locations, 365 PCNs, 0 practices\n",
	} {
		if err != nil || !strings.Contains(out, want) {
			t.Errorf("the change: %v; %q missing from\n%s", err, want, out)
		}
	}
	out, _, err = runArrs("import", "organisations", dir+string(os.PathSeparator))
	if err != nil || out != "organisations_2026-04: already imported; nothing changed\n" {
		t.Errorf("the same folder again: %v %q", err, out)
	}
}
