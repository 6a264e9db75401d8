package workforce

import "strings"

// Problem is one thing wrong with what someone entered (a staff record, a target, a
// supervisor, a supervision link, a site, a row of expected supply, a cell of a plan's
// grid, a what-if), with the form field it belongs to, so that a form can show the
// message beside the field and the command line as one line.
type Problem struct {
	Field   string // the form field's name, such as "fte" or "deadline"
	Message string // a sentence for people, as GOV.UK error messages are written
}

// Error is the message, so that a problem can be returned as an error.
func (p Problem) Error() string { return p.Message }

// Problems are everything wrong with one thing entered, in the order of its form.
// It is an error, so that a handler with no form to show again may return it and the
// one error adapter answers 422.
type Problems []Problem

// Error is the messages joined by "; ".
func (ps Problems) Error() string {
	msgs := make([]string, len(ps))
	for i, p := range ps {
		msgs[i] = p.Message
	}
	return strings.Join(msgs, "; ")
}
