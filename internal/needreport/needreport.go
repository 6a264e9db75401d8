// Package needreport gathers need and the fair comparison on it from the store
// (PLANNING.md, "Need and fair comparison"; docs/need.md): need for every practice and
// PCN on a day (package need over the store's practices, lists, age bands, scores and
// weights), and the need report at every level — registered patients, need, observed
// and expected ARRS FTE, the ratio and its funnel limits — that the pages, the files
// and `arrs report need` all write.
package needreport

import (
	"time"

	"github.com/arrs-planner/arrs/internal/need"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// Options chooses a need report.
type Options struct {
	// Level is the rows' level; every level is computed, Level picks Rows.
	Level workforce.Level
	// At is the day; zero is the as-of date (the latest census). Observed FTE and need
	// are both of min(At, AsOf) (docs/need.md).
	At   time.Time
	AsOf time.Time
	// Tree is the areas the PCNs are summed into; nil is the structure of the day
	// (store.TreeOn). The server passes today's footprints (gaps.Footprints.Tree) when
	// a page asks for them; the package never imports gaps, which imports it for the
	// need denominator.
	Tree *workforce.Tree
}

// Row is one area's line of the need report (PLANNING.md, "Need report").
type Row struct {
	Level      workforce.Level
	Code, Name string
	// ICB and Region are a PCN's (its ICB's, for an ICB), for highlighting and paging.
	ICB, Region string
	Registered  float64
	Need        float64
	// Denominator is need, or list for a PCN none of whose practices has age data (an
	// area: need when any of its PCNs uses need).
	Denominator need.Denominator
	// Known is false when in_post is unknown on the day (before the data start): then
	// Observed, Expected, Ratio and the limits are "no data", empty in files.
	Known    bool
	Observed float64
	Expected float64
	// HasRatio is false when Expected is 0 (a PCN with no patients).
	HasRatio   bool
	Ratio      float64
	Limits     need.Limits
	Outside998 bool
	Outside95  bool
	// NoReturn is a PCN that made no return for the census of the day (counted 0 FTE,
	// flagged as everywhere); an area's NoReturns counts its PCNs that did not.
	NoReturn  bool
	NoReturns int
	// StandIns counts the member practices (of a PCN or an area) without age data.
	StandIns int
}

// Report is the need report on one day at every level.
type Report struct {
	// Day is min(At, AsOf), the day both need and observed FTE are of; AsOf the as-of
	// date used (zero when no census is imported and none was given).
	Day, AsOf time.Time
	// DataStart is the first national census imported (zero with none): observed FTE
	// of earlier days is unknown (planning.Known).
	DataStart time.Time
	Need      *need.Result
	// EnglandFTE is Σ the PCNs' observed ARRS FTE on Day (0 when not Known).
	EnglandFTE float64
	Known      bool
	// Tree is the structure the PCNs were summed into; Options the options as given.
	Tree    *workforce.Tree
	Options Options
	England Row
	Regions []Row // by code
	ICBs    []Row // by code
	PCNs    []Row // by code
}
