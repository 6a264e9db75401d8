package main

import (
	"bytes"
	"strings"
	"testing"
)

// An ICB that did not exist on the census day (S0E4D, formed on 1 April 2026) has no
// PCNs to compare: `arrs report compare` writes its page's download, the header alone,
// byte for byte, and says why on standard error; `arrs report gaps --icb` refuses, as
// the page's download does, saying it did not exist that day; a code never known is
// an unknown ICB.
func TestReportICBThatDidNotExist(t *testing.T) {
	db := withSample(t)
	withApril2026(t, db)
	get := pageFiles(t, db)
	for _, format := range []string{"csv", "xlsx"} {
		page := get("/icbs/S0E4D/compare." + format)
		out, stderr, err := runArrs("report", "compare", "--icb", "S0E4D", "--format", format)
		if err != nil || !bytes.Equal([]byte(out), page) {
			t.Errorf("compare %s: %v; %d bytes, the page's %d", format, err, len(out), len(page))
		}
		if !strings.Contains(stderr, "ICB S0E4D did not exist on 30 November 2025") {
			t.Errorf("compare %s: stderr %q", format, stderr)
		}
	}
	if n := strings.Count(strings.TrimSpace(string(get("/icbs/S0E4D/compare.csv"))), "\n"); n != 0 {
		t.Errorf("the download has %d rows after its header", n)
	}
	for code, want := range map[string]string{"S0E4D": "ICB S0E4D did not exist on 30 November 2025", "QXX": "unknown ICB QXX"} {
		if _, _, err := runArrs("report", "gaps", "--icb", code); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("gaps --icb %s: %v, want %q", code, err, want)
		}
	}
}

// --at names a day from the first of the structure the planner knows to the last of
// the plan window, as ?at= does on the pages.
func TestReportAtIsBounded(t *testing.T) {
	// The refusal comes before any database: none is reachable here.
	t.Setenv("DATABASE_URL", "postgres://127.0.0.1:1/none?connect_timeout=1")
	for _, c := range []struct{ at, want string }{{"9999-12-31", "the last day of the plan window"}, {"2019-06-30", "before 1 July 2019"}} {
		for _, report := range []string{"workforce", "gaps"} {
			if _, _, err := runArrs("report", report, "--at", c.at); err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("report %s --at %s: %v, want %q", report, c.at, err, c.want)
			}
		}
	}
}

// The usage names --footprints for the reports that take it, and an import of an
// organisations change with no folder says it needs one.
func TestUsageAndMissingFolder(t *testing.T) {
	out, _, _ := runArrs("help")
	entries := map[string]string{} // "arrs report gaps" → its lines
	var cur string
	for _, line := range strings.Split(out, "\n") {
		if f := strings.Fields(line); strings.HasPrefix(line, "  arrs ") && len(f) > 2 {
			cur = strings.Join(f[:3], " ")
		}
		entries[cur] += line
	}
	for _, report := range []string{"workforce", "gaps", "compare"} {
		if !strings.Contains(entries["arrs report "+report], "--footprints as-it-was|current") {
			t.Errorf("the usage of report %s lacks --footprints: %q", report, entries["arrs report "+report])
		}
	}
	if _, _, err := runArrs("import", "organisations"); err == nil || !strings.Contains(err.Error(), "arrs import organisations DIR: needs a folder") {
		t.Errorf("import organisations with no folder: %v", err)
	}
}
