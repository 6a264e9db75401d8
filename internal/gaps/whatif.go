package gaps

import (
	"context"
	"errors"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/arrs-planner/arrs/internal/need"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// The what-if's parameters, as a gap page's form and its shareable links name them
// (PLANNING.md, "Web addresses": a what-if is a link), in the order of the form.
const (
	ParamTarget    = "target"
	ParamTargetFTE = "target_fte"
	ParamDeadline  = "deadline"
	ParamAsOf      = "as_of"
	ParamAttrition = "attrition"
)

// WhatIfParams lists the what-if's parameters in the order of the form.
var WhatIfParams = []string{ParamTarget, ParamTargetFTE, ParamDeadline, ParamAsOf, ParamAttrition}

// The what-if bounds, beyond which a value is a typing error rather than a plan.
const (
	maxTargetFTE = 1_000_000 // England has about 30,000 ARRS FTE
	minYear      = 2000
	maxYear      = 2100
)

// Defaults are what a what-if replaces: the stored targets and the latest census.
type Defaults struct {
	Targets []workforce.Target
	Census  time.Time // zero before any import
}

// ReadDefaults reads the stored targets and the latest census date.
func ReadDefaults(ctx context.Context, db *store.DB) (Defaults, error) {
	var d Defaults
	var err error
	if d.Targets, err = db.Targets(ctx); err != nil {
		return d, err
	}
	if d.Census, err = db.LatestCensus(ctx); errors.Is(err, store.ErrNotFound) {
		err = nil
	}
	return d, err
}

// Target is the stored target a what-if names ("" for the default), if it exists.
func (d Defaults) Target(name string) (workforce.Target, bool) {
	for _, t := range d.Targets {
		if (name == "" && t.IsDefault) || (name != "" && t.Name == name) {
			return t, true
		}
	}
	if name == "" && len(d.Targets) > 0 { // no default marked: the store takes the first
		return d.Targets[0], true
	}
	return workforce.Target{}, false
}

// ReadWhatIf reads a what-if, each parameter's value as typed (get returns "" for one
// not given), the footprints (ParamFootprints) and the denominator (need.Param), into the options of the
// computation with today's clock. A value it
// cannot use is a problem on its parameter, in the order of the form, never an error:
// the page shows it again with the messages.
func ReadWhatIf(get func(param string) string, d Defaults, today time.Time) (Options, workforce.Problems) {
	if problems := tooLong(get); len(problems) > 0 {
		return Options{Today: today}, problems
	}
	opts := Options{Target: get(ParamTarget), Today: today}
	var problems workforce.Problems
	fail := func(param, msg string) {
		problems = append(problems, workforce.Problem{Field: param, Message: msg})
	}
	target, ok := d.Target(opts.Target)
	if !ok && opts.Target != "" {
		fail(ParamTarget, "Choose one of the targets")
	}
	var msg string
	if opts.TargetFTEOverride, msg = parseTargetFTE(get(ParamTargetFTE)); msg != "" {
		fail(ParamTargetFTE, msg)
	}
	if opts.DeadlineOverride, msg = parseDay(get(ParamDeadline), "deadline", "2027-03-31"); msg != "" {
		fail(ParamDeadline, msg)
	} else if dl := opts.DeadlineOverride; dl != nil && ok && !dl.After(target.Baseline) {
		fail(ParamDeadline, "The deadline must be after the target's baseline date, "+target.Baseline.Format("2 January 2006"))
	}
	var asOf *time.Time
	if asOf, msg = parseDay(get(ParamAsOf), "as-of date", "2025-11-30"); msg != "" {
		fail(ParamAsOf, msg)
	} else if msg = describable(asOf, today); msg != "" {
		fail(ParamAsOf, msg)
	} else if asOf != nil {
		opts.AsOf = *asOf
	}
	if opts.AttritionOverride, msg = parseAttrition(get(ParamAttrition)); msg != "" {
		fail(ParamAttrition, msg)
	}
	// Not a what-if but a view of the same figures; read here so that every page and
	// download built on the options keeps it.
	var err error
	if opts.Footprints, err = ParseFootprints(get(ParamFootprints)); err != nil {
		fail(ParamFootprints, "Choose ICBs as they were or on today's footprints: the "+err.Error())
	}
	// The fair shares' stand-in, a view like the footprints (pages refuse a bad one
	// with a 400 before reading the what-if; a download or a panel says it here).
	if opts.Denominator, err = need.ParseDenominator(get(need.Param), ""); err != nil {
		fail(need.Param, DenominatorMessage(get(need.Param)))
	}
	return opts, problems
}

// ProblemOf is the problem on a what-if's parameter that an error of Compute stands
// for: a target not found, or options out of range (after ReadWhatIf, only a deadline
// can be). ok is false for any other error.
func ProblemOf(err error) (p workforce.Problem, ok bool) {
	switch {
	case errors.Is(err, store.ErrNotFound):
		return workforce.Problem{Field: ParamTarget, Message: "Choose one of the targets"}, true
	case errors.Is(err, ErrInvalid):
		msg := strings.TrimPrefix(err.Error(), ErrInvalid.Error()+": ")
		return workforce.Problem{Field: ParamDeadline, Message: strings.ToUpper(msg[:1]) + msg[1:]}, true
	}
	return p, false
}

// number reads a decimal as people type it: spaces and thousands separators allowed.
func number(raw string) (float64, bool) {
	v, err := strconv.ParseFloat(strings.NewReplacer(",", "", " ", "").Replace(raw), 64)
	return v, err == nil && !math.IsNaN(v) && !math.IsInf(v, 0)
}

// parseTargetFTE reads T, the target's additional FTE.
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

// parseDay reads a date; what and example name it in the messages.
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

// describable refuses an as-of date outside workforce.DescribableDays, as the pages
// refuse ?at=: before the structure the planner knows, or after the plan window, there
// is no staff data to describe and a figure would be invented.
func describable(d *time.Time, today time.Time) string {
	if d == nil {
		return ""
	}
	first, last := workforce.DescribableDays(today)
	if d.Before(first) || d.After(last) {
		return "The as-of date must be from " + first.Format("2 January 2006") + " to " + last.Format("2 January 2006") +
			" (the first day of the structure of PCNs the planner knows, and the last day of the plan window)"
	}
	return ""
}

// paramNames name the what-if's parameters in a message.
var paramNames = map[string]string{ParamTarget: "target", ParamTargetFTE: "target FTE", ParamDeadline: "deadline",
	ParamAsOf: "as-of date", ParamAttrition: "attrition", ParamFootprints: "choice of ICBs", need.Param: "denominator"}

// tooLong refuses, before anything is read, a value longer than its parameter can
// hold: a target's name (workforce.MaxNameLength), else a number, date or choice
// (workforce.MaxCodeLength). Every input is bounded (issue 9).
func tooLong(get func(param string) string) workforce.Problems {
	var problems workforce.Problems
	for _, p := range append(slices.Clone(WhatIfParams), ParamFootprints, need.Param) {
		limit := workforce.MaxCodeLength
		if p == ParamTarget {
			limit = workforce.MaxNameLength
		}
		if n := utf8.RuneCountInString(get(p)); n > limit {
			problems = append(problems, workforce.Problem{Field: p,
				Message: "The " + paramNames[p] + " must be " + strconv.Itoa(limit) + " characters or fewer; this one has " + strconv.Itoa(n)})
		}
	}
	return problems
}
