package compare

import (
	"net/url"

	"github.com/a-h/templ"

	"github.com/arrs-planner/arrs/internal/need"
	"github.com/arrs-planner/arrs/web/areas"
	"github.com/arrs-planner/arrs/web/ui"

	needweb "github.com/arrs-planner/arrs/web/need"
)

// NeedFigures are a PCN's (or the ICB's) line of the need report (docs/need.md) as the
// page shows it: need-adjusted population, expected ARRS FTE, the ratio observed ÷
// expected and where it lies against the 99.8% limits.
type NeedFigures struct {
	// Has is false when there is no need report (no census imported): "no data".
	Has bool
	// Registered is the sum of the practices' lists; Need the need-adjusted population.
	Registered, Need float64
	// OnList is true when none of the PCN's practices has age data: its list stands in.
	OnList bool
	// Known is false before the data start: expected FTE, ratio and flag are no data.
	Known    bool
	Expected float64
	// HasRatio is false with no expected FTE.
	HasRatio bool
	Ratio    float64
	Limits   need.Limits
	// Flag is where the ratio lies against the 99.8% limits (need.FlagNone without one).
	Flag need.Flag
	// NoReturn is a PCN that made no return for the census of the day: counted 0 FTE,
	// and its ratio cell says so (needweb.NoReturnText).
	NoReturn bool
}

// flagText says where a ratio lies against the 99.8% limits.
func flagText(flag need.Flag) string {
	switch flag {
	case need.FlagBelow:
		return "Below the 99.8% limits"
	case need.FlagAbove:
		return "Above the 99.8% limits"
	case need.FlagWithin:
		return "Within the 99.8% limits"
	}
	return ""
}

// flagColour is a flag's tag: red below (short of staff for the need beyond what chance
// explains), blue above, grey within.
func flagColour(flag need.Flag) ui.TagColour {
	switch flag {
	case need.FlagBelow:
		return ui.TagRed
	case need.FlagAbove:
		return ui.TagBlue
	}
	return ui.TagGrey
}

// DenominatorChoice offers the rate per 10,000 on the other denominator, saying which
// one the page uses: a pair of links, the chosen one in bold.
type DenominatorChoice struct {
	Denominator        need.Denominator
	NeedHref, ListHref string
}

// NewDenominatorChoice is the choice on the page at path whose query is q (checked):
// need drops the parameter (the default), list sets it; every other parameter is kept.
func NewDenominatorChoice(path string, q url.Values, d need.Denominator) DenominatorChoice {
	onNeed, onList := url.Values{}, url.Values{}
	for k, v := range q {
		onNeed[k], onList[k] = v, v
	}
	onNeed.Del(need.Param)
	onList.Set(need.Param, string(need.List))
	return DenominatorChoice{Denominator: d, NeedHref: link(path, onNeed), ListHref: link(path, onList)}
}

func link(path string, q url.Values) string {
	if len(q) == 0 {
		return path
	}
	return path + "?" + q.Encode()
}

// OnList is true when the rate per 10,000 divides by registered lists.
func (c DenominatorChoice) OnList() bool { return c.Denominator == need.List }

// per10kPatients names the population of the rate per 10,000.
func (p Page) per10kPatients() string {
	if p.Choice.OnList() {
		return "registered patients"
	}
	return "need-adjusted patients"
}

// outliersText is England's PCNs beyond the 99.8% limits.
func (p Page) outliersText() string { return ui.Count(p.Outliers) }

// needRatio is a ratio or a limit as the page writes it (needweb.RatioText: 2
// decimals, "< 0.01" for a value above 0 that would show as 0.00).
func needRatio(v float64) string { return needweb.RatioText(v) }

// needHref is England's funnel plot with the ICB's PCNs highlighted, of the page's
// as-of date and footprints (the ones the comparison's links keep).
func (p Page) needHref() string {
	q := url.Values{needweb.ParamICB: {p.Code}}
	for _, k := range []string{"as_of", areas.FootprintsParam} {
		if v := p.Sort.Query.Get(k); v != "" {
			q.Set(k, v)
		}
	}
	return NeedHref + "?" + q.Encode()
}

// chart is the funnel, or nothing.
func (p Page) chart() templ.Component {
	if p.Funnel == nil {
		return templ.NopComponent
	}
	return p.Funnel
}
