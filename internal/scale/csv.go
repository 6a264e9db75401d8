package scale

import (
	"encoding/csv"
	"io"
	"sort"
	"strconv"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// header is the NWRS individual-level CSV's, as the importer reads it.
var header = []string{
	"Data_source", "CENSUS_YEAR", "CENSUS_MONTH", "PCN_CODE", "PCN_NAME", "SUB_ICB_CODE",
	"SUB_ICB_NAME", "ICB_CODE", "ICB_NAME", "COMM_REGION_CODE", "COMM_REGION_NAME",
	"STAFF_GROUP", "STAFF_ROLE", "DETAILED_STAFF_ROLE", "FTE", "UNIQUE_IDENTIFIER",
}

// FileName is the name a generated census is imported under.
func FileName(census time.Time) string {
	return "scale_pcnwf_individual_" + census.Format("2006_01") + ".csv"
}

// Len is the number of generated censuses.
func (h *History) Len() int { return len(h.months) }

// Records is the number of records (one CSV row each) of census i.
func (h *History) Records(i int) int { return len(h.months[i]) }

// WriteCSV writes census i (0 the oldest) as an NWRS individual-level CSV, one row per
// record in key order, each PCN placed as the source file places it.
func (h *History) WriteCSV(w io.Writer, i int) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(header); err != nil {
		return err
	}
	c := h.Censuses[i]
	year, month := strconv.Itoa(c.Year()), strconv.Itoa(int(c.Month()))
	for _, s := range h.sorted(i) {
		o := h.orgs[s.PCNCode]
		row := []string{s.Source, year, month, s.PCNCode, o.PCN.Name, o.SubICB.Code, o.SubICB.Name, o.ICB.Code, o.ICB.Name,
			o.Region.Code, o.Region.Name, s.StaffGroup, s.StaffRole, s.DetailedRole,
			strconv.FormatFloat(s.FTE, 'f', -1, 64), s.UniqueIdentifier}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// fteKey is a record as the import matches it: key and FTE to 6 places.
type fteKey struct {
	k   workforce.SnapshotKey
	fte int64
}

func fteKeyOf(s workforce.Staff) fteKey {
	return fteKey{workforce.KeyOf(s), int64(round6(s.FTE) * 1e6)}
}

// StaffRows is how many staff records importing every generated census, oldest first,
// then last (the source file's records) leaves: the first census's records, then each
// month's starters, counting a changed FTE as a new record as the import does.
func (h *History) StaffRows(last []workforce.Staff) int {
	prev := map[fteKey]bool{}
	rows := 0
	count := func(recs []workforce.Staff) {
		now := make(map[fteKey]bool, len(recs))
		for _, s := range recs {
			k := fteKeyOf(s)
			now[k] = true
			if !prev[k] {
				rows++
			}
		}
		prev = now
	}
	for i := range h.months {
		count(h.census(i))
	}
	count(last)
	return rows
}

// sorted is the records of census i in key order.
func (h *History) sorted(i int) []workforce.Staff {
	out := h.census(i)
	sort.Slice(out, func(a, b int) bool { return keyLess(out[a], out[b]) })
	return out
}

// census is the records of census i.
func (h *History) census(i int) []workforce.Staff {
	out := make([]workforce.Staff, len(h.months[i]))
	for n, j := range h.months[i] {
		out[n] = h.pool[j]
	}
	return out
}
