package importer

import (
	"errors"
	"strconv"
	"unicode"
	"unicode/utf8"
)

// MaxRowErrors is the most wrong rows a refused plan file lists. A file with more is
// wrong throughout (a shifted column, another file altogether), and its first hundred
// say how; the rest are counted.
const MaxRowErrors = 100

// RowErrors is a plan file refused for its rows: every wrong row of it, found in one
// read, so that a person corrects them all before uploading it again rather than one
// upload per mistake. It holds the first MaxRowErrors (each a *RowError, or a
// *ScopeError for a PCN the person may not change) and counts the rest in More.
// A structural refusal (a *LimitError: size, unpacked size, rows, columns, line or cell
// length) is never one of them: it stops the read at once, alone.
type RowErrors struct {
	File string
	errs []error
	// More counts the wrong rows found past the first MaxRowErrors.
	More int
}

// Rows are the wrong rows listed, in the order of the file.
func (e *RowErrors) Rows() []*RowError {
	out := make([]*RowError, len(e.errs))
	for i, err := range e.errs {
		errors.As(err, &out[i])
	}
	return out
}

// Count is how many wrong rows the file has, listed or not.
func (e *RowErrors) Count() int { return len(e.errs) + e.More }

// Unwrap is the rows listed, so that errors.As finds the first *RowError (or
// *ScopeError) of the file.
func (e *RowErrors) Unwrap() []error { return e.errs }

// Error is one line: the row's own message when there is one, else how many and the
// first ("plan.csv: 7 errors, the first: line 2, column starters_fte: is negative (-1)").
func (e *RowErrors) Error() string {
	rows := e.Rows()
	if e.Count() == 1 {
		return rows[0].Error()
	}
	first := *rows[0]
	first.File = ""
	return e.Summary() + ", the first: " + first.Error()
}

// Summary names the file and how many of its rows are wrong: "plan.csv: 7 errors".
func (e *RowErrors) Summary() string {
	n := thousands(int64(e.Count())) + " errors"
	if e.Count() == 1 {
		n = "1 error"
	}
	if e.File == "" {
		return n
	}
	return clip(e.File) + ": " + n
}

// Lines are the wrong rows, one line each, with the file's name, then "and N more
// errors" when some were not listed: what `arrs import plans` writes to stderr.
func (e *RowErrors) Lines() []string {
	var out []string
	for _, r := range e.Rows() {
		out = append(out, r.Error())
	}
	if e.More > 0 {
		out = append(out, e.MoreText())
	}
	return out
}

// Items are the wrong rows, one sentence each without the file's name ("Line 3,
// column starters_fte: is negative (-1)"), for a list under a heading that names it.
func (e *RowErrors) Items() []string {
	var out []string
	for _, r := range e.Rows() {
		at := *r
		at.File = ""
		out = append(out, capitalise(at.Error()))
	}
	return out
}

// MoreText says how many wrong rows were not listed: "and 23 more errors (only the
// first 100 are listed)"; "" when none.
func (e *RowErrors) MoreText() string {
	if e.More == 0 {
		return ""
	}
	noun := " more errors"
	if e.More == 1 {
		noun = " more error"
	}
	return "and " + thousands(int64(e.More)) + noun + " (only the first " + strconv.Itoa(MaxRowErrors) + " are listed)"
}

// add keeps err when it is a wrong row, and reports whether it was: any other error
// (a limit passed, a failure) is for the caller to return at once. The readers return
// their errors unwrapped, so a type switch tells them apart (errors.As, once a row,
// made a file of a million wrong rows three times slower to read).
func (e *RowErrors) add(err error) bool {
	switch err.(type) {
	case *RowError, *ScopeError:
	default:
		return false
	}
	if len(e.errs) < MaxRowErrors {
		e.errs = append(e.errs, err)
	} else {
		e.More++
	}
	return true
}

// err is e when it holds a wrong row, else nil.
func (e *RowErrors) err() error {
	if len(e.errs) == 0 {
		return nil
	}
	return e
}

func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
