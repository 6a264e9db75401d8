package need

import (
	"cmp"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/areas"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"
)

// EnglandHref is England's page of staffing against need.
const EnglandHref = "/need"

// The query parameters of England's page: the ICB whose networks are highlighted, and
// the pages of its two tables.
const (
	ParamICB          = "icb"
	ParamPage         = "page"
	ParamOutliersPage = "outliers_page"
)

// kept are the parameters every link of the page keeps: the day, the as-of date and
// the footprints it was worked out for.
var kept = []string{"at", "as_of", areas.FootprintsParam}

// maxICBCode bounds ?icb= before it is looked up: ICB codes are three characters.
const maxICBCode = 10

// EnglandPage is /need: England's funnel of every PCN, those beyond the 99.8% limits
// listed below it, and the need report as files.
type EnglandPage struct {
	Layout layout.PageParams
	// Census is false before any workforce is imported; Known false on a day before the
	// data start: then there are no figures, "no data", never 0.
	Census, Known  bool
	Day, DataStart time.Time
	EnglandFTE     float64
	Sources        Sources
	Footprints     *areas.Footprints

	// Set by Arrange.
	Funnel       Funnel
	Outliers     []FunnelPoint // lowest ratio first, then by code
	OutlierPages Pages
	ICB, ICBName string
	ICBs         []ui.SelectItem
	Hidden       url.Values // the kept parameters, for the highlight form
	Downloads    []Download
}

// Download is a link to the need report as a file.
type Download struct{ Text, Href, TestID string }

// Arrange lays England's PCNs' points out for the query q (each point with its ICB's
// code and name), and its outliers, the points beyond the 99.8% limits in the need
// report's order (lowest ratio first, then by code): the ICB of ?icb= highlighted,
// the table's page ?page= and the outliers' ?outliers_page=. A value out of range is
// refused, naming the limit.
func (p *EnglandPage) Arrange(points, outliers []FunnelPoint, q url.Values) error {
	p.Hidden = url.Values{}
	for _, k := range kept {
		if v := q.Get(k); v != "" {
			p.Hidden.Set(k, v)
		}
	}
	p.Downloads = downloads(p.Hidden)
	if err := p.highlight(points, q.Get(ParamICB)); err != nil {
		return err
	}
	keep := clone(p.Hidden)
	if p.ICB != "" {
		keep.Set(ParamICB, p.ICB)
	}
	p.Funnel = Funnel{ID: "need-funnel", Points: points, Sources: p.Sources, HighlightLabel: p.ICBName + "'s PCNs",
		Title: "ARRS FTE in post against need: every PCN in England",
		Desc:  "ARRS staff in post on " + p.Day.Format(dateLong) + " in each PCN of England, divided by what England's ARRS FTE shared out by need would give it.",
		Pages: Pages{Param: ParamPage, Path: EnglandHref, Query: with(keep, ParamOutliersPage, q.Get(ParamOutliersPage)), Anchor: "need-funnel-table"}}
	p.Funnel.TableCaption = "England's PCNs, lowest ratio first"
	if p.ICB != "" {
		p.Funnel.TableCaption = p.ICBName + "'s PCNs, lowest ratio first"
	}
	p.Outliers = outliers
	p.OutlierPages = Pages{Param: ParamOutliersPage, Path: EnglandHref, Query: with(keep, ParamPage, q.Get(ParamPage)), Anchor: "need-outliers"}
	var err error
	if p.Funnel.Pages.Page, err = ParsePage(q, ParamPage, p.Funnel.tableCount()); err != nil {
		return sentence(err)
	}
	if p.OutlierPages.Page, err = ParsePage(q, ParamOutliersPage, len(p.Outliers)); err != nil {
		return sentence(err)
	}
	return nil
}

// highlight marks the points of ICB code and offers every ICB of the plot; ""
// highlights none, and a code of none of them is refused.
func (p *EnglandPage) highlight(points []FunnelPoint, code string) error {
	names := map[string]string{}
	for _, pt := range points {
		names[pt.ICBCode] = pt.ICB
	}
	delete(names, "")
	p.ICBs = []ui.SelectItem{{Value: "", Text: "None"}}
	for _, c := range slices.SortedFunc(func(yield func(string) bool) {
		for c := range names {
			if !yield(c) {
				return
			}
		}
	}, func(a, b string) int { return cmp.Or(cmp.Compare(names[a], names[b]), cmp.Compare(a, b)) }) {
		p.ICBs = append(p.ICBs, ui.SelectItem{Value: c, Text: names[c]})
	}
	if code == "" {
		return nil
	}
	code = strings.ToUpper(code)
	name, ok := names[code]
	if len(code) > maxICBCode || !ok {
		return fmt.Errorf("The ICB to highlight must be one of the %d ICBs of the plot, given by its code (such as %s), not %q.", len(names), p.ICBs[min(1, len(p.ICBs)-1)].Value, clip(code))
	}
	p.ICB, p.ICBName = code, name
	for i := range points {
		points[i].Highlight = points[i].ICBCode == code
	}
	return nil
}

// downloads are the need report's files at each level, with the page's day.
func downloads(keep url.Values) []Download {
	var out []Download
	for _, l := range []struct{ level, text string }{{"pcn", "Every PCN"}, {"icb", "Every ICB"}, {"region", "Every region"}, {"england", "England"}} {
		q := clone(keep)
		if l.level != "pcn" {
			q.Set("level", l.level)
		}
		for _, f := range []struct{ ext, text string }{{"csv", "CSV"}, {"xlsx", "Excel (XLSX)"}} {
			out = append(out, Download{Text: l.text + ", " + f.text, Href: link(EnglandHref+"."+f.ext, q), TestID: "need-download-" + l.level + "-" + f.ext})
		}
	}
	return out
}

// sentence is a refusal of ParsePage as the page says it.
func sentence(err error) error {
	s := err.Error()
	return fmt.Errorf("The %s.", strings.TrimPrefix(s, "the "))
}

func clone(q url.Values) url.Values {
	out := url.Values{}
	for k, v := range q {
		out[k] = slices.Clone(v)
	}
	return out
}

// with is a copy of q with key set to v, or without key when v is "".
func with(q url.Values, key, v string) url.Values {
	out := clone(q)
	if v != "" {
		out.Set(key, v)
	}
	return out
}

func link(path string, q url.Values) string {
	if len(q) == 0 {
		return path
	}
	return path + "?" + q.Encode()
}

// dateLong is how a sentence writes a day.
const dateLong = "2 January 2006"

// Levels are the levels of the need report's files, as ?level= names them.
var Levels = []workforce.Level{workforce.LevelEngland, workforce.LevelRegion, workforce.LevelICB, workforce.LevelPCN}

// ParseLevel reads ?level= of the need report's files: "" is pcn; anything but one of
// Levels is refused, naming them.
func ParseLevel(v string) (workforce.Level, error) {
	if v == "" {
		return workforce.LevelPCN, nil
	}
	if l := workforce.Level(v); slices.Contains(Levels, l) {
		return l, nil
	}
	names := make([]string, len(Levels))
	for i, l := range Levels {
		names[i] = string(l)
	}
	return "", fmt.Errorf("The level must be one of %s, not %q.", strings.Join(names, ", "), clip(v))
}
