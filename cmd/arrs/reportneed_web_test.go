package main

import (
	"context"
	"path"
	"strings"
	"testing"

	"github.com/arrs-planner/arrs/internal/ingest"
	"github.com/arrs-planner/arrs/internal/refdata"
	"github.com/arrs-planner/arrs/internal/store"
)

// `arrs report need --format csv --level pcn` writes /need.csv?level=pcn byte for
// byte, on the sample with the practice files (so need is not the list).
func TestReportNeedIsTheNeedDownload(t *testing.T) {
	db := withSample(t)
	for _, name := range refdata.PracticeFiles {
		f, err := refdata.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		_, err = ingest.Practices(context.Background(), db, path.Base(name), f, store.Actor{Name: "test"})
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	get := pageFiles(t, db)
	sameFile(t, get("/need.csv?level=pcn"), "report", "need", "--format", "csv", "--level", "pcn")
}

// A format a report does not take is refused naming exactly those it takes.
func TestReportFormatMessages(t *testing.T) {
	t.Setenv("DATABASE_URL", "postgres://nobody@127.0.0.1:1/none")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"report", "need", "--format", "pdf"}, `--format must be csv, table, json or xlsx, not "pdf"`},
		{[]string{"report", "gaps", "--format", "pdf"}, `--format must be csv, table, json or xlsx, not "pdf"`},
		{[]string{"report", "workforce", "--format", "xlsx"}, `--format must be csv, table or json, not "xlsx"`},
		{[]string{"report", "funding", "--format", "xlsx"}, `--format must be csv, table or json, not "xlsx"`},
	} {
		_, _, err := runArrs(c.args...)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", strings.Join(c.args, " "), err, c.want)
		}
	}
}
