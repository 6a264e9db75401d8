package server

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/arrs-planner/arrs/internal/gaps"
	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"

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
	return cached(ctx, s, optionsKey(opts), func(ctx context.Context) (*gapData, error) {
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

// optionsKey normalises the options into a cache key: two what-ifs that compute the
// same report share it, however their links were typed. Options.Drafts (never set by a
// page) has its own prefix, so a report counting drafts can never be served as the
// official one.
func optionsKey(o gaps.Options) string {
	f := func(v *float64) string {
		if v == nil {
			return "-"
		}
		return strconv.FormatFloat(*v, 'g', -1, 64)
	}
	d := func(t time.Time) string {
		if t.IsZero() {
			return "-"
		}
		return t.Format(workforce.DateLayout)
	}
	deadline := "-"
	if o.DeadlineOverride != nil {
		deadline = d(*o.DeadlineOverride)
	}
	kind := "gaps"
	if o.Drafts {
		kind = "gaps-with-drafts"
	}
	return fmt.Sprintf("%s|%q|%s|%s|%s|%s|%s|%s", kind, o.Target, f(o.AttritionOverride), f(o.TargetFTEOverride), deadline, d(o.AsOf), d(o.At), d(o.Today))
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
	case errors.Is(err, store.ErrNotFound):
		form.Errors = append(form.Errors, workforce.Problem{Field: gapsweb.FieldTarget, Message: "Choose one of the targets"})
	case errors.Is(err, gaps.ErrInvalid):
		msg := strings.TrimPrefix(err.Error(), gaps.ErrInvalid.Error()+": ")
		form.Errors = append(form.Errors, workforce.Problem{Field: gapsweb.FieldDeadline, Message: strings.ToUpper(msg[:1]) + msg[1:]})
	default:
		return gapFigures{}, err
	}
	return gapFigures{}, nil
}
