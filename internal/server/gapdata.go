package server

import (
	"context"
	"errors"

	englandlayer "github.com/arrs-planner/arrs/internal/england"
	"github.com/arrs-planner/arrs/internal/gaps"
	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/store"

	gapsweb "github.com/arrs-planner/arrs/web/gaps"
)

// gapData is a gap report with England's projection on the trajectory's days,
// cached per data version and what-if.
type gapData struct {
	res *gaps.Result
	// projection is England's projected FTE on the trajectory's days.
	projection []planning.ProjectionPoint
}

// gapData computes (or finds cached) the gap report of the options.
func (s *Server) gapData(ctx context.Context, opts gaps.Options) (*gapData, error) {
	return cachedFor(ctx, s, opts.Key(), depEngland, func(ctx context.Context) (*gapData, error) {
		reads, err := s.englandReads(ctx)
		if err != nil {
			return nil, err
		}
		res, err := gaps.ComputeWith(ctx, s.db, reads, opts)
		if err != nil {
			return nil, err
		}
		return &gapData{res: res, projection: res.Trajectory()}, nil
	})
}

// englandReads is England's per-PCN inputs as of the request's versions: a figure of
// England reads again only the PCNs that changed since (package england).
func (s *Server) englandReads(ctx context.Context) (englandlayer.Reads, error) {
	v, err := s.versions(ctx)
	if err != nil {
		return englandlayer.Reads{}, err
	}
	return s.perPCN.At(v), nil
}

// gapReport is the gaps.Source of the pages built on a gap report (the plan page, the
// dashboard, the ICB comparison): gapData's, so that they share one computation per
// data version and options.
func (s *Server) gapReport(ctx context.Context, opts gaps.Options) (*gaps.Result, error) {
	data, err := s.gapData(ctx, opts)
	if err != nil {
		return nil, err
	}
	return data.res, nil
}

// gapFigures is what a gap page shows, or why it shows none.
type gapFigures struct {
	data               *gapData
	noCensus, noTarget bool
}

// computeGaps runs the what-if, sorting gaps.Compute's errors: the states a page
// explains (nothing imported, no target), a what-if the form shows again, or a
// failure. With a form in error it computes nothing.
func (s *Server) computeGaps(ctx context.Context, opts gaps.Options, form *gapsweb.WhatIf) (gapFigures, error) {
	if form.HasErrors() {
		return gapFigures{}, nil
	}
	data, err := s.gapData(ctx, opts)
	switch {
	case err == nil:
		return gapFigures{data: data}, nil
	case errors.Is(err, gaps.ErrNoCensus):
		return gapFigures{noCensus: true}, nil
	case errors.Is(err, store.ErrNotFound) && opts.Target == "":
		return gapFigures{noTarget: true}, nil
	}
	p, ok := gaps.ProblemOf(err)
	if !ok {
		return gapFigures{}, err
	}
	form.Errors = append(form.Errors, p)
	return gapFigures{}, nil
}
