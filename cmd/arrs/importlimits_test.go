package main

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The command line reads files within the importer's limits: a hostile file is refused
// with a one-line reason naming the limit (main prints it and exits 1).
func TestImportRefusesHostileFiles(t *testing.T) {
	withSample(t)
	var long bytes.Buffer
	zw := gzip.NewWriter(&long)
	zw.Write(bytes.Repeat([]byte("a"), 5<<20))
	zw.Close()
	header := "pcn_code,role_code,quarter,starters_fte,leavers_fte,annual_cost_gbp\n"
	for _, c := range []struct {
		kind, name string
		data       []byte
		want       string
	}{
		{"plans", "long.csv.gz", long.Bytes(), "long.csv.gz: line 1 is longer than 65,536 characters (the limit)"},
		{"populations", "long.csv.gz", long.Bytes(), "long.csv.gz: line 1 is longer than 65,536 characters (the limit)"},
		{"nwrs", "wide.csv", []byte(strings.Repeat(",", 1000) + "\n"), "wide.csv: line 1 has 1,001 columns, 745 more than the limit of 256 columns"},
		{"plans", "dear.csv", []byte(header + "U60057,paramedic,2026/27 Q2,1,0,900000\n"), "dear.csv: line 2, column annual_cost_gbp: is 900000; the annual cost of one WTE must be between £10,000 and £250,000"},
	} {
		path := filepath.Join(t.TempDir(), c.name)
		if err := os.WriteFile(path, c.data, 0o600); err != nil {
			t.Fatal(err)
		}
		out, _, err := runArrs("import", c.kind, path)
		if err == nil || err.Error() != c.want || out != "" {
			t.Errorf("import %s %s: %v (%q), want %q", c.kind, c.name, err, out, c.want)
		}
	}
}
