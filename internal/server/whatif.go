package server

import (
	"context"
	"net/http"

	"github.com/arrs-planner/arrs/internal/gaps"

	gapsweb "github.com/arrs-planner/arrs/web/gaps"
)

// whatIf reads a gap page's what-if from the query into the options of the
// computation (gaps.ReadWhatIf) and the form that shows it. A value it cannot use is a
// message on the form (the page answers 422), never an error: only the database fails
// here.
func (s *Server) whatIf(r *http.Request, action string, hidden ...string) (gaps.Options, gapsweb.WhatIf, error) {
	form := gapsweb.NewWhatIf(action, r.URL.Query(), hidden...)
	defaults, err := cached(r.Context(), s, "gap-defaults", func(ctx context.Context) (gaps.Defaults, error) {
		return gaps.ReadDefaults(ctx, s.db)
	})
	if err != nil {
		return gaps.Options{}, form, err
	}
	opts, problems := gaps.ReadWhatIf(form.Value, defaults, s.today())
	form.Errors = append(form.Errors, problems...)
	target, ok := defaults.Target(opts.Target)
	form.Offer(defaults.Targets, target, ok, defaults.Census)
	return opts, form, nil
}
