package importer

import (
	"bytes"
	"io"
	"testing"

	"github.com/arrs-planner/arrs/internal/refdata"
)

// BenchmarkReadNWRS reads and checks the real November 2025 file (38,696 rows, gzip),
// the import's share that runs in Go before the database's.
func BenchmarkReadNWRS(b *testing.B) {
	f, err := refdata.Open(refdata.DemoWorkforceFile)
	if err != nil {
		b.Fatal(err)
	}
	data, err := io.ReadAll(f)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := ReadNWRS(refdata.DemoWorkforceFile, bytes.NewReader(data), map[string]string{"Pharmacists": "clinical_pharmacist"}); err != nil {
			b.Fatal(err)
		}
	}
}
