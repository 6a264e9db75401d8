package server

import (
	"net/http"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// atParam reads ?at=: zero when absent; a value that is no date, or a day outside
// workforce.DescribableDays, is a 400 naming the limit.
func atParam(r *http.Request, today time.Time) (time.Time, error) {
	v := r.URL.Query().Get("at")
	if v == "" {
		return time.Time{}, nil
	}
	d, err := workforce.ParseDate(v)
	if err != nil {
		return d, errBadRequest("The date %q is not a date in the form YYYY-MM-DD, such as 2025-11-30.", v)
	}
	first, last := workforce.DescribableDays(today)
	switch {
	case d.Before(first):
		return d, errBadRequest("The date %s is before %s, the first day of the structure of PCNs the planner knows.", v, first.Format(dateLong))
	case d.After(last):
		return d, errBadRequest("The date %s is after %s, the last day of the plan window (this financial year and the next two).", v, last.Format(dateLong))
	}
	return d, nil
}
