// Package refdata parses the reference data embedded in the binary: NHS England's
// organisations (Nov 2025), the ARRS role catalogue, caps, funding rates, targets, the
// national monthly series and the demo workforce. See data/README.md for attribution.
package refdata

import (
	"embed"
	"encoding/csv"
	"fmt"
	"io"
	"io/fs"
	"strconv"
	"strings"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
)

//go:embed data
var files embed.FS

// DemoWorkforceFile is the real NWRS individual-level CSV of 30 Nov 2025 (gzip).
const DemoWorkforceFile = "data/pcnwf_individual_nov2025.csv.gz"

// SampleWorkforceFile holds the rows of two ICBs (QOC, QSL) of the same file.
const SampleWorkforceFile = "data/pcnwf_individual_sample_QOC_QSL.csv"

// Open opens an embedded data file by its path (e.g. DemoWorkforceFile).
func Open(name string) (fs.File, error) { return files.Open(name) }

// Reference is the whole of the reference data, ready to load.
type Reference struct {
	Regions      []workforce.Region
	ICBs         []workforce.ICB
	SubICBs      []workforce.SubICB
	PCNs         []workforce.PCN
	Roles        []workforce.Role
	NWRSRoleMap  map[string]string
	Caps         []workforce.Cap
	BandCaps     []workforce.BandCap
	FundingRates []workforce.FundingRate
	Targets      []workforce.Target
	Series       []SeriesPoint
	// RoleShares, PracticeGPRates and PracticeGPCaps are the funding streams' (streams.go).
	RoleShares      []workforce.RoleShare
	PracticeGPRates []workforce.FundingRate
	PracticeGPCaps  []workforce.PracticeGPCap
	// Need is the need weights with their sources (need.go).
	Need workforce.NeedWeights
	// SHA256 (hex) is of the files read, so that a load of the same data twice can be
	// recognised and skipped.
	SHA256 string
}

// SeriesPoint is one cell of NHS England's national FTE series: one staff role in
// one census month.
type SeriesPoint struct {
	Month      time.Time // census date, the last day of the month
	StaffGroup string
	StaffRole  string
	FTE        float64
}

// listSizeDate is the extract date of the registered list sizes in pcns.csv.
var listSizeDate = workforce.Date(2025, 11, 1)

// Load parses every embedded reference file.
func Load() (*Reference, error) {
	ref := &Reference{}
	steps := []struct {
		file  string
		parse func(*Reference, record) error
	}{
		{"icbs.csv", parseICB},
		{"sub_icb_locations.csv", parseSubICB},
		{"pcns.csv", parsePCN},
		{"roles.csv", parseRole},
		{"nwrs_role_map.csv", parseRoleMap},
		{"role_caps.csv", parseCap},
		{"band_caps.csv", parseBandCap},
		{"funding_rates.csv", parseRate},
		{"targets.csv", parseTarget},
		{"role_shares.csv", parseRoleShare},
		{"practice_gp_rates.csv", parsePracticeGPRate},
		{"practice_gp_caps.csv", parsePracticeGPCap},
		{"need_age_weights.csv", parseNeedAgeWeight},
		{"need_deprivation_factors.csv", parseNeedFactor},
		{"need_sources.csv", parseNeedSource},
	}
	ref.NWRSRoleMap = map[string]string{}
	for _, s := range steps {
		if err := eachRecord("data/"+s.file, func(r record) error { return s.parse(ref, r) }); err != nil {
			return nil, err
		}
	}
	series, err := loadSeries()
	if err != nil {
		return nil, err
	}
	ref.Series = series
	names := []string{seriesFile}
	for _, s := range steps {
		names = append(names, "data/"+s.file)
	}
	ref.SHA256, err = hashFiles(names)
	return ref, err
}

// record is one CSV row addressed by header name; the first error sticks.
type record struct {
	file string
	line int
	cols map[string]int
	row  []string
	err  error
}

func (r *record) str(name string) string {
	i, ok := r.cols[name]
	if !ok {
		r.fail(name, "column missing")
		return ""
	}
	return strings.TrimSpace(r.row[i])
}

func (r *record) fail(col, why string) {
	if r.err == nil {
		r.err = fmt.Errorf("%s line %d, column %s: %s", r.file, r.line, col, why)
	}
}

func (r *record) int(name string) int {
	v, err := strconv.Atoi(r.str(name))
	if err != nil {
		r.fail(name, "not a whole number")
	}
	return v
}

func (r *record) float(name string) float64 {
	v, err := strconv.ParseFloat(r.str(name), 64)
	if err != nil {
		r.fail(name, "not a number")
	}
	return v
}

func (r *record) date(name string) time.Time {
	v, err := workforce.ParseDate(r.str(name))
	if err != nil {
		r.fail(name, "not a date (YYYY-MM-DD)")
	}
	return v
}

func (r *record) bool(name string) bool {
	v, err := strconv.ParseBool(r.str(name))
	if err != nil {
		r.fail(name, "not true or false")
	}
	return v
}

func eachRecord(name string, fn func(record) error) error {
	f, err := files.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	cr := csv.NewReader(f)
	header, err := cr.Read()
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	cols := map[string]int{}
	for i, h := range header {
		cols[strings.TrimPrefix(h, "\ufeff")] = i
	}
	for line := 2; ; line++ {
		row, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		r := record{file: name, line: line, cols: cols, row: row}
		if err := fn(r); err != nil {
			return err
		}
	}
}
