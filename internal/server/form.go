package server

import (
	"net/http"
	"net/url"
	"strconv"
)

// readForm parses a posted form and returns its fields. A body that cannot be read
// (cut short, or malformed) is the user's 400, not a server failure; cleanInput has
// already bounded and checked a url-encoded one.
func readForm(r *http.Request) (url.Values, error) {
	if err := r.ParseForm(); err != nil {
		return nil, errBadRequest("The form could not be read.")
	}
	return r.PostForm, nil
}

// formVersion is the version of the record the form was read at, which a change
// compares with the stored one (optimistic locking: a stale one is store.ErrConflict,
// 409). Every change form sends it in a hidden field, so a missing one is as garbled
// as a non-numeric or negative one: refused with a 400 before anything is written,
// rather than read as version 0 and reported as someone else's change.
func formVersion(v url.Values) (int, error) {
	return parseVersion(v.Get("version"))
}

// parseVersion reads a version field as formVersion does.
func parseVersion(raw string) (int, error) {
	n, err := strconv.Atoi(raw)
	if err != nil || n < 0 {
		return 0, errBadRequest("The form did not say which version of the record it changes, so nothing was saved. Open the page again and repeat your change.")
	}
	return n, nil
}
