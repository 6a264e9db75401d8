package server

import (
	"context"
	"errors"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/arrs-planner/arrs/internal/gaps"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/ui"

	gapsweb "github.com/arrs-planner/arrs/web/gaps"
)

// The what-if bounds, beyond which a value is a typing error rather than a plan.
const (
	maxTargetFTE = 1_000_000 // England has about 30,000 ARRS FTE
	minYear      = 2000
	maxYear      = 2100
)

// gapDefaults are what a what-if replaces: the stored targets and the latest census.
type gapDefaults struct {
	targets []workforce.Target
	census  time.Time // zero before any import
}

func (s *Server) gapDefaults(ctx context.Context) (gapDefaults, error) {
	return cached(ctx, s, "gap-defaults", func(ctx context.Context) (gapDefaults, error) {
		var d gapDefaults
		var err error
		if d.targets, err = s.db.Targets(ctx); err != nil {
			return d, err
		}
		if d.census, err = s.db.LatestCensus(ctx); errors.Is(err, store.ErrNotFound) {
			err = nil
		}
		return d, err
	})
}

// target is the stored target a what-if names ("" for the default), if it exists.
func (d gapDefaults) target(name string) (workforce.Target, bool) {
	for _, t := range d.targets {
		if (name == "" && t.IsDefault) || (name != "" && t.Name == name) {
			return t, true
		}
	}
	if name == "" && len(d.targets) > 0 { // no default marked: the store takes the first
		return d.targets[0], true
	}
	return workforce.Target{}, false
}

// whatIf reads a gap page's what-if from the query into the options of the
// computation and the form that shows it. A value it cannot use is a message on the
// form (the page answers 422), never an error: only the database fails here.
func (s *Server) whatIf(r *http.Request, action string, hidden ...string) (gaps.Options, gapsweb.WhatIf, error) {
	q := r.URL.Query()
	form := gapsweb.WhatIf{Action: action, Values: map[string]string{}, ClearHref: action}
	keep := url.Values{}
	for _, name := range hidden {
		if v := q.Get(name); v != "" {
			form.Hidden = append(form.Hidden, gapsweb.Hidden{Name: name, Value: v})
			keep.Set(name, v)
		}
	}
	if len(keep) > 0 {
		form.ClearHref += "?" + keep.Encode()
	}
	for _, f := range gapsweb.WhatIfFields {
		form.Values[f] = strings.TrimSpace(q.Get(f))
	}
	defaults, err := s.gapDefaults(r.Context())
	if err != nil {
		return gaps.Options{}, form, err
	}
	for _, t := range defaults.targets {
		form.Targets = append(form.Targets, t.Name)
	}
	opts := gaps.Options{Target: form.Values[gapsweb.FieldTarget], Today: today(s.now())}
	fail := func(field, msg string) {
		form.Errors = append(form.Errors, gapsweb.FieldError{Field: field, Text: msg})
	}
	target, ok := defaults.target(opts.Target)
	if !ok && opts.Target != "" {
		fail(gapsweb.FieldTarget, "Choose one of the targets")
	}
	form.Now = nowValues(target, ok, defaults.census)
	var msg string
	if opts.TargetFTEOverride, msg = parseTargetFTE(form.Values[gapsweb.FieldTargetFTE]); msg != "" {
		fail(gapsweb.FieldTargetFTE, msg)
	}
	if opts.DeadlineOverride, msg = parseDay(form.Values[gapsweb.FieldDeadline], "deadline", "2027-03-31"); msg != "" {
		fail(gapsweb.FieldDeadline, msg)
	} else if d := opts.DeadlineOverride; d != nil && ok && !d.After(target.Baseline) {
		fail(gapsweb.FieldDeadline, "The deadline must be after the target's baseline date, "+target.Baseline.Format("2 January 2006"))
	}
	var asOf *time.Time
	if asOf, msg = parseDay(form.Values[gapsweb.FieldAsOf], "as-of date", "2025-11-30"); msg != "" {
		fail(gapsweb.FieldAsOf, msg)
	} else if asOf != nil {
		opts.AsOf = *asOf
	}
	if opts.AttritionOverride, msg = parseAttrition(form.Values[gapsweb.FieldAttrition]); msg != "" {
		fail(gapsweb.FieldAttrition, msg)
	}
	return opts, form, nil
}

// nowValues are the stored values, for the form's hints.
func nowValues(t workforce.Target, ok bool, census time.Time) gapsweb.Defaults {
	var d gapsweb.Defaults
	if ok {
		d.Target = t.Name
		d.TargetFTE = ui.Decimal(t.FTE, 0) + " FTE"
		d.Deadline = t.Deadline.Format(workforce.DateLayout)
	}
	if !census.IsZero() {
		d.AsOf = census.Format(workforce.DateLayout)
	}
	return d
}

// whatIfQuery is the what-if of the request as query parameters, for every link of a
// gap page to keep: only the fields given, as typed.
func whatIfQuery(r *http.Request) url.Values {
	q := r.URL.Query()
	out := url.Values{}
	for _, f := range gapsweb.WhatIfFields {
		if v := strings.TrimSpace(q.Get(f)); v != "" {
			out.Set(f, v)
		}
	}
	return out
}

// withQuery adds the parameters to a path.
func withQuery(path string, q url.Values) string {
	if len(q) == 0 {
		return path
	}
	return path + "?" + q.Encode()
}

// merged is a copy of q with the pairs set, for links that change one parameter.
func merged(q url.Values, pairs ...string) url.Values {
	out := url.Values{}
	for k, v := range q {
		out[k] = v
	}
	for i := 0; i+1 < len(pairs); i += 2 {
		out.Set(pairs[i], pairs[i+1])
	}
	return out
}

// number reads a decimal as people type it: spaces and thousands separators allowed.
func number(raw string) (float64, bool) {
	v, err := strconv.ParseFloat(strings.NewReplacer(",", "", " ", "").Replace(raw), 64)
	return v, err == nil && !math.IsNaN(v) && !math.IsInf(v, 0)
}

func parseTargetFTE(raw string) (*float64, string) {
	if raw == "" {
		return nil, ""
	}
	v, ok := number(raw)
	if !ok {
		return nil, "Enter the target as a number of FTE, like 26000"
	}
	if v < 0 || v > maxTargetFTE {
		return nil, "The target must be from 0 to 1,000,000 FTE"
	}
	return &v, ""
}

// parseAttrition reads a percentage a year and returns the rate (12.5 → 0.125).
func parseAttrition(raw string) (*float64, string) {
	if raw == "" {
		return nil, ""
	}
	v, ok := number(strings.TrimSuffix(raw, "%"))
	if !ok {
		return nil, "Enter the attrition as a percentage a year, like 10"
	}
	if v < 0 || v > 100 {
		return nil, "The attrition must be from 0% to 100% a year"
	}
	rate := v / 100
	return &rate, ""
}

func parseDay(raw, what, example string) (*time.Time, string) {
	if raw == "" {
		return nil, ""
	}
	d, err := workforce.ParseDate(raw)
	if err != nil {
		return nil, "Enter the " + what + " as a date in the form YYYY-MM-DD, like " + example
	}
	if d.Year() < minYear || d.Year() > maxYear {
		return nil, "The " + what + " must be in the years 2000 to 2100"
	}
	return &d, ""
}

// today is the calendar day of the server's clock, at midnight UTC like every date.
func today(now time.Time) time.Time {
	return workforce.Date(now.UTC().Date())
}
