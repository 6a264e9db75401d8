package server

import (
	"context"
	"errors"

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
	return cached(ctx, s, opts.Key(), func(ctx context.Context) (*gapData, error) {
		res, err := gaps.Compute(ctx, s.db, opts)
		if err != nil {
			return nil, err
		}
		return &gapData{res: res, projection: res.Trajectory()}, nil
	})
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
