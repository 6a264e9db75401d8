package need

import (
	"fmt"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// Denominator is what a rate or a fair share divides by where no weighted population
// is in force (PLANNING.md, "Targets and fair shares"; "Need report").
type Denominator string

const (
	// List is the registered list size.
	List Denominator = "list"
	// Need is the need-adjusted population.
	Need Denominator = "need"
)

// ParseDenominator reads ?denominator= and --denominator (PLANNING.md, "Need report";
// docs/need.md, "Denominator"): "" is def; anything but "list" or "need" is refused,
// naming the values allowed.
func ParseDenominator(s string, def Denominator) (Denominator, error) {
	switch Denominator(s) {
	case "":
		return def, nil
	case List, Need:
		return Denominator(s), nil
	}
	return "", fmt.Errorf("denominator %q: want list or need", s)
}

// PCNInput is a PCN of the day with its own registered list, the stand-in for one with
// no member practice on the day.
type PCNInput struct {
	Code       string
	Registered int
}

// PracticeNeed is one practice's need on the day.
type PracticeNeed struct {
	Code, PCN string
	// List is its registered list: the published total, else Σ its age bands; ListKnown
	// is false (List 0) when it has neither.
	List      int
	ListKnown bool
	// AgeData is false when the practice has no age bands (or none with a patient): its
	// list stands in (Need = List).
	AgeData bool
	// Quintile is its national deprivation quintile, 1 to 5; 0 when it has no score (its
	// factor is then England's patient-weighted mean factor, docs/need.md).
	Quintile int
	Factor   float64
	// Raw is Σ bands patients × weight × factor before normalisation (0 without age data).
	Raw  float64
	Need float64
}

// PCNNeed is one PCN's need on the day.
type PCNNeed struct {
	Code string
	// Registered is Σ its member practices' lists (its own registered list when it has
	// no member practice with a list on the day).
	Registered float64
	Need       float64
	// Denominator is Need, or List when none of its practices has age data.
	Denominator Denominator
	// Practices counts its member practices; StandIns those without age data.
	Practices, StandIns int
	// AgeShares is the share of its patients in each of the weights' age bands (men and
	// women together), nil without age data; IMD its list-weighted mean deprivation
	// score (IMDKnown false when no member has one). Both feed the peers.
	AgeShares []float64
	IMD       float64
	IMDKnown  bool
}

// Result is need for every practice and PCN on one day.
type Result struct {
	// Scale is k, the normalising factor: Σ lists ÷ Σ raw over the PCNs' practices with
	// age data.
	Scale float64
	// Cuts are the upper deprivation scores of quintiles 1 to 4 (patient-weighted over
	// every practice in England with a score and a list).
	Cuts      [4]float64
	Practices map[string]PracticeNeed
	PCNs      map[string]PCNNeed
	TotalList float64 // Σ Registered over PCNs
	TotalNeed float64 // Σ Need over PCNs (= TotalList)
	NoAgeData int     // PCNs whose denominator is List
	NoIMD     int     // practices in PCNs with no deprivation score
	// NoList counts practices in PCNs with neither a list nor age data: they add 0 to
	// registered and need.
	NoList  int
	Weights workforce.NeedWeights

	peers *peerCache // the z-scored features, worked out once on the first Peers
}

// Param is the query parameter (?denominator=) and flag (--denominator) that choose a
// denominator, on every page and command that offers the choice.
const Param = "denominator"

// Name is the denominator in words, as pages and files say which one they use.
func (d Denominator) Name() string {
	if d == Need {
		return "need-adjusted population"
	}
	return "registered list size"
}
