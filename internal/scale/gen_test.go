package scale

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"math"
	"strings"
	"testing"

	"github.com/arrs-planner/arrs/internal/importer"
	"github.com/arrs-planner/arrs/internal/refdata"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// sampleSHA256 pins the three months generated from the two-ICB sample: a change to
// the generator that changes its output must change GeneratorVersion too (templates
// built by the old one are then rebuilt), and this figure.
const sampleSHA256 = "45794cdef095f390f3a5c4d51a3206289810ff2ccc6a4a878caf51d079fb2672"

// TestGenerateSample generates three months before the two-ICB sample and checks that
// each imports, that no real person appears from nowhere going backwards, and that the
// output is the same byte for byte.
func TestGenerateSample(t *testing.T) {
	ref, err := refdata.Load()
	if err != nil {
		t.Fatal(err)
	}
	src, err := ReadSource(ref, refdata.SampleWorkforceFile)
	if err != nil {
		t.Fatal(err)
	}
	h := Generate(src, ref.Series, Params{Months: 3, LeaveRate: DefaultParams.LeaveRate, ChangeRate: DefaultParams.ChangeRate})
	sum := sha256.New()
	next := keys(src.Records)
	for i := h.Len() - 1; i >= 0; i-- {
		var buf bytes.Buffer
		if err := h.WriteCSV(&buf, i); err != nil {
			t.Fatal(err)
		}
		snap := readBack(t, &buf, ref, i, h)
		checkFTE(t, snap)
		checkArrivals(t, snap, next)
		next = keys(snap.Records)
	}
	for i := range h.Len() {
		var buf bytes.Buffer
		_ = h.WriteCSV(&buf, i)
		sum.Write(buf.Bytes())
	}
	if rows := h.StaffRows(src.Records); rows <= len(src.Records) {
		t.Errorf("%d staff records after %d imports: no history", rows, h.Len()+1)
	}
	if got := hex.EncodeToString(sum.Sum(nil)); got != sampleSHA256 {
		t.Errorf("the generated sample's SHA-256 is %s, want %s (bump GeneratorVersion when the output changes on purpose)", got, sampleSHA256)
	}
}

// readBack reads a generated census as the import does, and checks its month and that
// it holds one row per record.
func readBack(t *testing.T, buf *bytes.Buffer, ref *refdata.Reference, i int, h *History) *importer.Snapshot {
	t.Helper()
	name := FileName(h.Censuses[i])
	snap, err := importer.ReadNWRS(name, bytes.NewReader(buf.Bytes()), ref.NWRSRoleMap)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if !snap.Census.Equal(h.Censuses[i]) || snap.Rows != len(snap.Records) || snap.Rows != h.Records(i) || snap.Rows == 0 {
		t.Fatalf("%s: census %s, %d rows, %d records, want %s and %d of each", name, snap.Census.Format("2006-01-02"),
			snap.Rows, len(snap.Records), h.Censuses[i].Format("2006-01-02"), h.Records(i))
	}
	return snap
}

func checkFTE(t *testing.T, snap *importer.Snapshot) {
	t.Helper()
	for _, s := range snap.Records {
		if math.IsNaN(s.FTE) || math.IsInf(s.FTE, 0) || s.FTE <= 0 || s.FTE > 100 {
			t.Errorf("%s: %s %s has FTE %v", snap.Census.Format("2006-01"), s.PCNCode, s.UniqueIdentifier, s.FTE)
		}
	}
}

// checkArrivals: going backwards, a record absent the month after is a leaver, whom
// the generator names S17-…; a real identifier only ever disappears.
func checkArrivals(t *testing.T, snap *importer.Snapshot, next map[workforce.SnapshotKey]bool) {
	t.Helper()
	leavers := 0
	for _, s := range snap.Records {
		if next[workforce.KeyOf(s)] {
			continue
		}
		if !strings.HasPrefix(s.UniqueIdentifier, "S17-") || s.Source != workforce.SourceNWRSStaff {
			t.Errorf("%s: %+v appears from nowhere going backwards", snap.Census.Format("2006-01"), workforce.KeyOf(s))
		}
		leavers++
	}
	if leavers == 0 {
		t.Errorf("%s: no leavers", snap.Census.Format("2006-01"))
	}
}

func keys(recs []workforce.Staff) map[workforce.SnapshotKey]bool {
	out := make(map[workforce.SnapshotKey]bool, len(recs))
	for _, s := range recs {
		out[workforce.KeyOf(s)] = true
	}
	return out
}
