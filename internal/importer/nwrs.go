package importer

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// nwrsColumns are the columns of NHS England's PCN Workforce individual-level CSV
// that the import needs; others are ignored.
var nwrsColumns = []string{
	"Data_source", "CENSUS_YEAR", "CENSUS_MONTH", "PCN_CODE", "PCN_NAME", "SUB_ICB_CODE",
	"SUB_ICB_NAME", "ICB_CODE", "ICB_NAME", "COMM_REGION_CODE", "COMM_REGION_NAME",
	"STAFF_GROUP", "STAFF_ROLE", "DETAILED_STAFF_ROLE", "FTE", "UNIQUE_IDENTIFIER",
}

// maxRowFTE bounds one row's FTE: a contracted-services row can hold several WTE, but
// a value in the hundreds is a typing error, not a contract.
const maxRowFTE = 100

// Snapshot is one NWRS census, read and checked, ready to reconcile.
type Snapshot struct {
	Census  time.Time
	SHA256  string // of the file as given (compressed or not), to spot a repeat import
	Rows    int
	FTE     float64 // sum of every row, unrounded
	ARRSFTE float64
	// Records sums rows sharing a key: (PCN, identifier, STAFF_ROLE, DETAILED_STAFF_ROLE)
	// for staff, (PCN, data source, STAFF_ROLE, DETAILED_STAFF_ROLE) for contracted
	// services, which carry no identifier. A person with two contracts in one role at one
	// PCN is one record with the summed FTE. FTE is rounded to 6 decimals.
	Records []workforce.Staff
	// Orgs holds each PCN's place in the hierarchy as the file states it, so that PCNs
	// unknown to the reference data can be created.
	Orgs []workforce.OrgPath
	// FirstLine is the line where each PCN code first appears, for messages about it.
	FirstLine map[string]int
	// Index gives each record's position in Records by its key, for
	// workforce.ReconcileIndexed.
	Index map[workforce.SnapshotKey]int
}

// ReadNWRS reads an NWRS individual-level CSV (plain or gzip). mapping gives the ARRS
// role of each STAFF_ROLE (workforce.ARRSRoleFor). The first bad row stops the read.
func ReadNWRS(file string, r io.Reader, mapping map[string]string) (*Snapshot, error) {
	if err := checkSize(file, r); err != nil { // the hash hides r's size from openTable
		return nil, err
	}
	hash := sha256.New()
	t, stop, err := openTableAhead(file, io.TeeReader(r, hash), nwrsColumns, MaxNWRSRows)
	if err != nil {
		return nil, err
	}
	defer stop()
	snap := &Snapshot{FirstLine: map[string]int{}}
	index := map[workforce.SnapshotKey]int{}
	orgs := map[string]workforce.OrgPath{}
	for {
		more, err := t.next()
		if err != nil {
			return nil, err
		}
		if !more {
			break
		}
		rec, err := nwrsRow(t, snap, mapping)
		if err != nil {
			return nil, err
		}
		snap.Rows++
		snap.FTE += rec.FTE
		if rec.RoleCode != "" {
			snap.ARRSFTE += rec.FTE
		}
		k := workforce.SnapshotKey{PCN: rec.PCNCode, Source: rec.Source, Identifier: rec.UniqueIdentifier, StaffRole: rec.StaffRole, DetailedRole: rec.DetailedRole}
		if i, ok := index[k]; ok {
			snap.Records[i].FTE += rec.FTE
			snap.Records[i].SourceRows++
		} else {
			index[k] = len(snap.Records)
			snap.Records = append(snap.Records, rec)
		}
		if _, ok := orgs[rec.PCNCode]; !ok {
			orgs[rec.PCNCode] = nwrsOrg(t)
			snap.FirstLine[rec.PCNCode] = t.line
		}
	}
	if snap.Rows == 0 {
		return nil, &RowError{File: file, Line: 2, Reason: "the file has a header but no rows"}
	}
	for i := range snap.Records {
		snap.Records[i].FTE = round6(snap.Records[i].FTE)
		snap.Records[i].Start = snap.Census
	}
	snap.Orgs = sortedOrgs(orgs)
	snap.Index = index
	stop() // the hash is the read-ahead's until it has stopped
	snap.SHA256 = hex.EncodeToString(hash.Sum(nil))
	return snap, nil
}

func nwrsRow(t *table, snap *Snapshot, mapping map[string]string) (workforce.Staff, error) {
	census, err := censusOf(t)
	if err != nil {
		return workforce.Staff{}, err
	}
	if snap.Census.IsZero() {
		snap.Census = census
	} else if !census.Equal(snap.Census) {
		return workforce.Staff{}, t.fail("CENSUS_MONTH", "census "+census.Format("2006-01")+" differs from the file's first row ("+snap.Census.Format("2006-01")+"); a file holds one census month")
	}
	rec := workforce.Staff{
		PCNCode: t.get("PCN_CODE"), StaffGroup: t.get("STAFF_GROUP"), StaffRole: t.get("STAFF_ROLE"),
		DetailedRole: t.get("DETAILED_STAFF_ROLE"), UniqueIdentifier: t.get("UNIQUE_IDENTIFIER"), SourceRows: 1,
	}
	if rec.Source, err = sourceOf(t, rec.UniqueIdentifier); err != nil {
		return rec, err
	}
	for _, col := range []string{"PCN_CODE", "ICB_CODE", "COMM_REGION_CODE", "STAFF_ROLE"} {
		if t.get(col) == "" {
			return rec, t.fail(col, "is empty")
		}
	}
	if !isPCNCode(rec.PCNCode) {
		return rec, t.fail("PCN_CODE", "expected a PCN code such as U60057 (U and 5 digits), found "+Quote(rec.PCNCode))
	}
	if rec.FTE, err = fteOf(t); err != nil {
		return rec, err
	}
	rec.RoleCode = workforce.ARRSRoleFor(rec.StaffRole, mapping)
	return rec, nil
}

// isPCNCode says whether s looks like an NHS PCN code: U and five digits.
func isPCNCode(s string) bool {
	if len(s) != 6 || s[0] != 'U' {
		return false
	}
	for _, c := range s[1:] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

func censusOf(t *table) (time.Time, error) {
	y, err := strconv.Atoi(t.get("CENSUS_YEAR"))
	if err != nil || y < 2019 || y > 2100 {
		return time.Time{}, t.fail("CENSUS_YEAR", "expected a year such as 2025, found "+Quote(t.get("CENSUS_YEAR")))
	}
	m, err := strconv.Atoi(t.get("CENSUS_MONTH"))
	if err != nil || m < 1 || m > 12 {
		return time.Time{}, t.fail("CENSUS_MONTH", "expected a month number from 1 to 12, found "+Quote(t.get("CENSUS_MONTH")))
	}
	return workforce.CensusDate(y, time.Month(m)), nil
}

func sourceOf(t *table, id string) (string, error) {
	switch src := t.get("Data_source"); {
	case strings.EqualFold(src, workforce.SourceNWRSStaff):
		if id == "" {
			return "", t.fail("UNIQUE_IDENTIFIER", "is empty; every NWRS Staff row names its person")
		}
		return workforce.SourceNWRSStaff, nil
	case strings.EqualFold(src, workforce.SourceNWRSContracted):
		return workforce.SourceNWRSContracted, nil
	default:
		return "", t.fail("Data_source", "expected \"NWRS Staff\" or \"NWRS contracted services\", found "+Quote(src))
	}
}

func fteOf(t *table) (float64, error) {
	raw := t.get("FTE")
	v, err := strconv.ParseFloat(raw, 64)
	switch {
	case err != nil || math.IsNaN(v) || math.IsInf(v, 0):
		return 0, t.fail("FTE", "expected a number such as 0.946667, found "+Quote(raw))
	case v < 0:
		return 0, t.fail("FTE", "is negative ("+clip(raw)+")")
	case v > maxRowFTE:
		return 0, t.fail("FTE", "is "+clip(raw)+", more than "+strconv.Itoa(maxRowFTE)+" FTE in one row")
	}
	return v, nil
}

func nwrsOrg(t *table) workforce.OrgPath {
	icb := t.get("ICB_CODE")
	return workforce.OrgPath{
		PCN:    workforce.PCN{Code: t.get("PCN_CODE"), Name: t.get("PCN_NAME"), SubICBCode: t.get("SUB_ICB_CODE"), ICBCode: icb},
		SubICB: workforce.SubICB{Code: t.get("SUB_ICB_CODE"), Name: t.get("SUB_ICB_NAME"), ICBCode: icb},
		ICB:    workforce.ICB{Code: icb, Name: t.get("ICB_NAME"), RegionCode: t.get("COMM_REGION_CODE")},
		Region: workforce.Region{Code: t.get("COMM_REGION_CODE"), Name: t.get("COMM_REGION_NAME")},
	}
}

func sortedOrgs(m map[string]workforce.OrgPath) []workforce.OrgPath {
	out := make([]workforce.OrgPath, 0, len(m))
	for _, o := range m {
		out = append(out, o)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].PCN.Code < out[j].PCN.Code })
	return out
}

// round6 rounds FTE to the 6 decimal places NWRS publishes, half away from zero.
func round6(v float64) float64 { return math.Round(v*1e6) / 1e6 }
