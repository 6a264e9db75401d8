package gaps

import (
	"fmt"
	"strconv"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// Key normalises the options into a cache key: two what-ifs that compute the same
// report share it, however their links were typed (no denominator and list are one);
// the denominator is part of it. Drafts (never set by a page) has its own prefix, so a report counting drafts can never be served as the official one.
func (o Options) Key() string {
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
	return fmt.Sprintf("%s|%q|%s|%s|%s|%s|%s|%s|%s|%s", kind, o.Target, f(o.AttritionOverride), f(o.TargetFTEOverride), deadline, d(o.AsOf), d(o.At), d(o.Today), o.Footprints,
		o.denominator())
}
