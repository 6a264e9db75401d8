package server

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/arrs-planner/arrs/internal/gaps"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/ui"

	gapsweb "github.com/arrs-planner/arrs/web/gaps"
)

// whatIf reads a gap page's what-if from the query into the options of the
// computation (gaps.ReadWhatIf) and the form that shows it. A value it cannot use is a
// message on the form (the page answers 422), never an error: only the database fails
// here.
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
	defaults, err := cached(r.Context(), s, "gap-defaults", func(ctx context.Context) (gaps.Defaults, error) {
		return gaps.ReadDefaults(ctx, s.db)
	})
	if err != nil {
		return gaps.Options{}, form, err
	}
	for _, t := range defaults.Targets {
		form.Targets = append(form.Targets, t.Name)
	}
	opts, problems := gaps.ReadWhatIf(func(param string) string { return form.Values[param] }, defaults, s.today())
	form.Errors = append(form.Errors, problems...)
	target, ok := defaults.Target(opts.Target)
	form.Now = nowValues(target, ok, defaults.Census)
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
