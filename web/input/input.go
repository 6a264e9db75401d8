// Package input reads what the NHS.UK form inputs post, as every screen's form does:
// text within its length limit, decimal numbers, day-month-year dates, each with the
// NHS service manual's messages, and a domain value's problems put against their
// fields. A screen keeps the values as typed in its view model, to show them again.
package input

import (
	"fmt"
	"net/url"
	"unicode/utf8"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// Limit is a posted text input with its length limit (workforce.Max…) and its label
// in the message.
type Limit struct {
	Name, Label string
	Max         int
}

// TooLong puts a message in errs for each field with a value over its limit,
// replacing any other message for the field, and reports whether there was one.
// Every text input of every form is checked so, as it is read and before anything is
// looked up or written: a longer value gets its field's message, 422, and nothing is
// saved.
func TooLong(v url.Values, errs map[string]string, fields ...Limit) bool {
	found := false
	for _, f := range fields {
		for _, value := range v[f.Name] {
			if utf8.RuneCountInString(value) > f.Max {
				errs[f.Name] = fmt.Sprintf("%s must be %d characters or fewer", f.Label, f.Max)
				found = true
				break
			}
		}
	}
	return found
}

// AddProblems puts each problem in errs, unless its field already has a message: a
// value that could not be read keeps its own message.
func AddProblems(errs map[string]string, ps []workforce.Problem) {
	for _, p := range ps {
		if errs[p.Field] == "" {
			errs[p.Field] = p.Message
		}
	}
}
