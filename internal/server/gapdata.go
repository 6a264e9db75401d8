package server

import (
	"context"
	"errors"
	"fmt"
	"slices"
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
	// projection is England's projected FTE on each of trajectoryDays.
	projection []planning.ProjectionPoint
}

// gapData computes (or finds cached) the gap report of the options.
func (s *Server) gapData(ctx context.Context, opts gaps.Options) (*gapData, error) {
	return cached(ctx, s, optionsKey(opts), func(ctx context.Context) (*gapData, error) {
		res, err := gaps.Compute(ctx, s.db, opts)
		if err != nil {
			return nil, err
		}
		return &gapData{res: res, projection: planning.ProjectionTotal(res.Inputs, trajectoryDays(res))}, nil
	})
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

// trajectoryDays are the days England's projection is drawn on: the as-of date, the
// quarters to the deadline, the deadline, and the target's milestones after the as-of
// date, so that each marker has a projected figure beside it.
func trajectoryDays(res *gaps.Result) []time.Time {
	days := planning.ProjectionDays(res.AsOf, res.Target.Deadline)
	for _, m := range res.Target.Milestones {
		if m.Due.After(res.AsOf) && !m.Due.After(res.Target.Deadline) {
			days = append(days, m.Due)
		}
	}
	slices.SortFunc(days, time.Time.Compare)
	return slices.CompactFunc(days, time.Time.Equal)
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
		form.Errors = append(form.Errors, gapsweb.FieldError{Field: gapsweb.FieldTarget, Text: "Choose one of the targets"})
	case errors.Is(err, gaps.ErrInvalid):
		msg := strings.TrimPrefix(err.Error(), gaps.ErrInvalid.Error()+": ")
		form.Errors = append(form.Errors, gapsweb.FieldError{Field: gapsweb.FieldDeadline, Text: strings.ToUpper(msg[:1]) + msg[1:]})
	default:
		return gapFigures{}, err
	}
	return gapFigures{}, nil
}
