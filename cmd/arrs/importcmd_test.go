package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/arrs-planner/arrs/internal/refdata"
)

// The command line imports nationally: a census month after this one, or a row whose
// PCN_CODE is no PCN code, is refused naming its line; the next month imports.
func TestImportNWRSCommand(t *testing.T) {
	withSample(t)
	f, err := refdata.Open(refdata.SampleWorkforceFile)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(f)
	f.Close()
	sample := strings.ReplaceAll(string(b), "\r\n", "\n")
	lines := strings.Split(strings.TrimSpace(sample), "\n")
	write := func(name, text string) string {
		p := filepath.Join(t.TempDir(), name)
		if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	pcn := strings.Split(lines[3], ",")[3]
	badPCN := strings.Join(append(lines[:3:3], strings.Replace(lines[3], ","+pcn+",", ",X12345,", 1)), "\n")
	for name, c := range map[string]struct{ file, want string }{
		"December 2100": {strings.ReplaceAll(sample, ",2025,11,", ",2100,12,"), "line 2, column CENSUS_MONTH: census December 2100 is after the current month"},
		"bad PCN code":  {badPCN, `line 4, column PCN_CODE: expected a PCN code such as U60057 (U and 5 digits), found "X12345"`},
	} {
		if _, _, err := runArrs("import", "nwrs", write("f.csv", c.file)); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want %q", name, err, c.want)
		}
	}
	dec := write("dec.csv", strings.ReplaceAll(sample, ",2025,11,", ",2025,12,"))
	out, _, err := runArrs("import", "nwrs", dec)
	if err != nil || !strings.Contains(out, "census 2025-12-31") {
		t.Errorf("the next month: %v %q", err, out)
	}
	// The same file again succeeds (exit 0) and says nothing changed.
	out, _, err = runArrs("import", "nwrs", dec)
	if err != nil || out != "dec.csv: already imported; nothing changed\n" {
		t.Errorf("the same file again: %v %q", err, out)
	}
}
