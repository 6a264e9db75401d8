package server

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/a-h/templ"

	"github.com/arrs-planner/arrs/internal/compare"
	"github.com/arrs-planner/arrs/internal/gaps"
	"github.com/arrs-planner/arrs/internal/need"
	"github.com/arrs-planner/arrs/internal/needreport"
	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"

	compareweb "github.com/arrs-planner/arrs/web/compare"
	needweb "github.com/arrs-planner/arrs/web/need"
)

// denominatorParam reads ?denominator= of the comparison: need (the default) or list;
// anything else is a 400 naming both.
func denominatorParam(r *http.Request) (need.Denominator, error) {
	v := r.URL.Query().Get(need.Param)
	d, err := need.ParseDenominator(v, need.Need)
	if err != nil {
		return "", errBadRequest("%s.", gaps.DenominatorMessage(v))
	}
	return d, nil
}

// needReportOn is the need report of day (observed and need of that day), cached per
// data version under "needreport|<day>", the key the dashboard's peers use
// (needReportNow), or with a tree (today's footprints) under a key of its own.
func (s *Server) needReportOn(ctx context.Context, day time.Time, tree *workforce.Tree) (*needreport.Report, error) {
	key := "needreport|" + day.Format(workforce.DateLayout)
	if tree != nil {
		key += "|current|" + s.today().Format(workforce.DateLayout)
	}
	return cachedFor(ctx, s, key, depEngland, func(ctx context.Context) (*needreport.Report, error) {
		reads, err := s.englandReads(ctx)
		if err != nil {
			return nil, err
		}
		return needreport.ComputeWith(ctx, s.db, reads, needreport.Options{Level: workforce.LevelPCN, At: day, AsOf: day, Tree: tree})
	})
}

// compareSources are the comparison's figures of England on day (its as-of date), all
// cached: the gap report, the need report and the positions on each denominator.
func (s *Server) compareSources(day time.Time) compare.Sources {
	return compare.Sources{Gaps: s.gapReport, Positions: s.positionsOn,
		Need: func(ctx context.Context, o needreport.Options) (*needreport.Report, error) {
			return s.needReportOn(ctx, day, o.Tree)
		}}
}

// positionsOn is England's positions on the gap report of opts with FTE per 10,000 on
// denominator d (compare.PositionsOn, need of the report's as-of date; no rate without
// a need report), cached per data version for every ICB's comparison (and the
// dashboard's).
func (s *Server) positionsOn(ctx context.Context, opts gaps.Options, d need.Denominator) (*planning.Positions, error) {
	return cachedFor(ctx, s, "positions|"+opts.Key()+"|"+string(d), depEngland, func(ctx context.Context) (*planning.Positions, error) {
		res, err := s.gapReport(ctx, opts)
		if err != nil {
			return nil, err
		}
		var n *need.Result
		switch rep, err := s.needReportOn(ctx, res.AsOf, nil); {
		case err == nil:
			n = rep.Need
		case !errors.Is(err, store.ErrNotFound):
			return nil, err
		}
		return compare.PositionsOn(res, n, d), nil
	})
}

// comparePageParam pages the table of the ICB's PCNs beside the funnel plot.
const comparePageParam = "page"

// funnelCharts are the comparison's funnel plot drawn, by page of its table and the
// order of the comparison's table its page links keep: the same for every reader of
// the comparison (its links keep only the as-of date, footprints, denominator, which
// the comparison's key holds, and the checked sort), so each is drawn once per data
// version and a request writes it out. England's 1,300 points are most of the page's
// work otherwise.
type funnelCharts struct {
	mu   sync.Mutex
	html map[string]string
}

// chart is the funnel with page of its table, drawn on first use; its page links keep
// the comparison's query and sort (checked by icbCompare before it asks).
func (c *compareData) chart(r *http.Request, page int) (templ.Component, error) {
	q := compareQuery(r)
	for _, k := range []string{"sort", "dir", compareweb.ParamPage} {
		if v := r.URL.Query().Get(k); v != "" {
			if q == nil {
				q = url.Values{}
			}
			q.Set(k, v)
		}
	}
	key := strconv.Itoa(page) + "?" + q.Encode()
	c.charts.mu.Lock()
	html, ok := c.charts.html[key]
	c.charts.mu.Unlock()
	if ok {
		return templ.Raw(html), nil
	}
	f := *c.funnel
	f.Pages = needweb.Pages{Page: page, Param: comparePageParam, Path: r.URL.Path, Query: q, Anchor: f.ID + "-table"}
	var b strings.Builder
	if err := needweb.Chart(f).Render(r.Context(), &b); err != nil {
		return nil, err
	}
	c.charts.mu.Lock()
	defer c.charts.mu.Unlock()
	if c.charts.html == nil {
		c.charts.html = map[string]string{}
	}
	c.charts.html[key] = b.String()
	return templ.Raw(b.String()), nil
}

// pageBuffers are the buffers large pages are drawn into before they are sent.
var pageBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// renderWhole is render for a large page (the comparison with its funnel runs to 300
// kB): drawn whole into a pooled buffer, then sent in one write rather than 4 kB at a
// time, and a failure while drawing is an error page, never half a page.
func renderWhole(w http.ResponseWriter, r *http.Request, c templ.Component) error {
	b := pageBuffers.Get().(*bytes.Buffer)
	defer pageBuffers.Put(b)
	b.Reset()
	if err := c.Render(r.Context(), b); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	_, err := w.Write(b.Bytes())
	return err
}

// needFiguresOf is a line of the need report as the comparison shows it.
func needFiguresOf(r needreport.Row, has bool) compareweb.NeedFigures {
	if !has {
		return compareweb.NeedFigures{}
	}
	return compareweb.NeedFigures{Has: true, Registered: r.Registered, Need: r.Need, OnList: r.Denominator == need.List,
		Known: r.Known, Expected: r.Expected, HasRatio: r.HasRatio, Ratio: r.Ratio, Limits: r.Limits, Flag: compare.FlagOf(r),
		NoReturn: r.NoReturn}
}

// compareFunnel is England's funnel plot with the ICB's PCNs (mine) highlighted: every
// PCN of the need report as funnelPoints makes it (as /need does); nil before the data
// start (no observed FTE).
func compareFunnel(icb workforce.ICB, rep *needreport.Report, mine map[string]bool) *needweb.Funnel {
	if rep == nil || !rep.Known {
		return nil
	}
	return &needweb.Funnel{ID: "cmp-funnel-plot", Title: icb.Name + "'s PCNs among England's: ARRS FTE in post ÷ expected for need",
		Desc:           "England's PCNs on " + rep.Day.Format(dateLong) + ", " + icb.Name + "'s among them.",
		HighlightLabel: icb.Name + "'s PCNs", Sources: needweb.NewSources(need.Need, rep.Need.Weights),
		TableCaption: icb.Name + "'s PCNs against need", Points: funnelPoints(rep, rep.PCNs, mine)}
}
