package server

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/arrs-planner/arrs/internal/gaps"
	"github.com/arrs-planner/arrs/internal/need"
	"github.com/arrs-planner/arrs/internal/needreport"
	"github.com/arrs-planner/arrs/internal/report"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/areas"
	"github.com/arrs-planner/arrs/web/layout"

	needweb "github.com/arrs-planner/arrs/web/need"
)

// needData is the need report of a request's day, as-of date and footprints, and what
// England's page says of them.
type needData struct {
	rep       *needreport.Report // nil before any census is imported
	fp        gaps.Footprints
	structure string // the ICBs the areas are summed into
}

// needEngland is /need: England's funnel of every PCN, the ICB of ?icb= highlighted,
// those beyond the 99.8% limits listed below it.
func (s *Server) needEngland(w http.ResponseWriter, r *http.Request) error {
	d, err := s.needOf(r)
	if err != nil {
		return err
	}
	p := needweb.EnglandPage{Layout: s.page(r, "Staffing against need: England", layout.NavEngland), Census: d.rep != nil}
	if d.rep != nil {
		rep := d.rep
		p.Known, p.Day, p.DataStart, p.EnglandFTE = rep.Known, rep.Day, rep.DataStart, rep.EnglandFTE
		p.Sources = needweb.NewSources(need.Need, rep.Need.Weights)
		f := areas.NewFootprints(r.URL.Path, r.URL.Query(), d.fp.IsCurrent(), d.structure)
		p.Footprints = &f
		if err := p.Arrange(funnelPoints(rep, rep.PCNs, nil), funnelPoints(rep, rep.Outliers(), nil), r.URL.Query()); err != nil {
			return errBadRequest("%s", err)
		}
	}
	return render(w, r, needweb.EnglandView(p))
}

// funnelPoints are the need report's PCN rows as a funnel draws them, the one path
// from the report to a point for /need and the comparison: each named with its ICB,
// linked to its page (which every signed-in user may open, as the lists of England's
// PCNs link it), its ratio only where the report has one, flagged when it made no
// return, and highlighted when its code is in highlight.
func funnelPoints(rep *needreport.Report, rows []needreport.Row, highlight map[string]bool) []needweb.FunnelPoint {
	icbs := make(map[string]string, len(rep.ICBs))
	for _, c := range rep.ICBs {
		icbs[c.Code] = c.Name
	}
	out := make([]needweb.FunnelPoint, len(rows))
	for i, row := range rows {
		p := needweb.FunnelPoint{Code: row.Code, Name: row.Name, Href: "/pcns/" + row.Code, ICB: icbs[row.ICB], ICBCode: row.ICB,
			Observed: row.Observed, Expected: row.Expected, NoReturn: row.NoReturn, Highlight: highlight[row.Code]}
		if row.Known && row.HasRatio {
			p.HasRatio, p.Ratio, p.Limits, p.Outside95, p.Outside998 = true, row.Ratio, row.Limits, row.Outside95, row.Outside998
		}
		out[i] = p
	}
	return out
}

// needDownload is /need.csv|.xlsx?level=: the need report as `arrs report need` writes
// it, at one level (default pcn), for the page's day, as-of date and footprints.
func (s *Server) needDownload(format report.Format) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		level, err := needweb.ParseLevel(r.URL.Query().Get("level"))
		if err != nil {
			return errBadRequest("%s", err)
		}
		d, err := s.needOf(r)
		if err != nil {
			return err
		}
		if d.rep == nil {
			return errBadRequest("No workforce has been imported yet: there is nothing to download.")
		}
		rows := d.rep.Rows(level)
		name := "arrs-need-" + string(level) + "-" + d.rep.Day.Format(workforce.DateLayout)
		return attachment(w, format, name, func(w io.Writer) error { return report.WriteNeedFile(w, format, rows) })
	}
}

// needOf reads ?at=, ?as_of= and ?footprints= and computes (or finds cached) the need
// report of every level for them; before any census there is none.
func (s *Server) needOf(r *http.Request) (*needData, error) {
	today := s.today()
	at, err := atParam(r, today)
	if err != nil {
		return nil, err
	}
	asOf, err := asOfParam(r, today)
	if err != nil {
		return nil, err
	}
	fp, err := footprintsParam(r)
	if err != nil {
		return nil, err
	}
	key := "need|" + strings.Join([]string{today.Format(workforce.DateLayout), at.Format(workforce.DateLayout), asOf.Format(workforce.DateLayout), fp.String()}, "|")
	return cachedFor(r.Context(), s, key, depEngland, func(ctx context.Context) (*needData, error) { return s.needOn(ctx, today, at, asOf, fp) })
}

// needOn is the need report of day at (zero: the as-of date) with the staff data of
// asOf (zero: the latest census), its areas those of fp; none before any census. The
// default (no day, no as-of date, the footprints as they were) is the comparison's
// report of the latest census (needReportOn), computed once for both.
func (s *Server) needOn(ctx context.Context, today, at, asOf time.Time, fp gaps.Footprints) (*needData, error) {
	latest, err := s.db.LatestCensus(ctx)
	if errors.Is(err, store.ErrNotFound) {
		return &needData{fp: fp}, nil
	} else if err != nil {
		return nil, err
	}
	var rep *needreport.Report
	if at.IsZero() && asOf.IsZero() && !fp.IsCurrent() {
		rep, err = s.needReportOn(ctx, latest, nil)
	} else {
		rep, err = s.needCompute(ctx, today, latest, needreport.Options{Level: workforce.LevelPCN, At: at, AsOf: asOf}, fp)
	}
	if err != nil {
		return nil, err
	}
	return &needData{rep: rep, fp: fp, structure: fp.Describe(rep.Day, rep.Tree.ICBs)}, nil
}

// needCompute is the need report of opts, its areas today's footprints when fp asks
// for them (those of its day, needreport.DayOf, otherwise).
func (s *Server) needCompute(ctx context.Context, today, latest time.Time, opts needreport.Options, fp gaps.Footprints) (*needreport.Report, error) {
	if fp.IsCurrent() {
		var err error
		if opts.Tree, err = fp.Tree(ctx, s.db, needreport.DayOf(opts.At, opts.AsOf, latest), today); err != nil {
			return nil, err
		}
	}
	reads, err := s.englandReads(ctx)
	if err != nil {
		return nil, err
	}
	return needreport.ComputeWith(ctx, s.db, reads, opts)
}
