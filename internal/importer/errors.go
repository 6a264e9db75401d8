package importer

import "fmt"

// RowError names where a file is wrong, as one line a person can act on.
type RowError struct {
	File   string
	Line   int    // 1-based line of the file; the header is line 1
	Column string // header name, or "" when the whole line is wrong
	Reason string
}

func (e *RowError) Error() string {
	where := fmt.Sprintf("line %d", e.Line)
	if e.Column != "" {
		where += ", column " + e.Column
	}
	if e.File != "" {
		where = e.File + ": " + where
	}
	return where + ": " + e.Reason
}
