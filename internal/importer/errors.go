package importer

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// RowError names where a file is wrong, as one line a person can act on.
type RowError struct {
	File   string
	Line   int    // 1-based line of the file; the header is line 1; 0 for the whole file
	Column string // header name, or "" when the whole line is wrong
	Reason string
	Unit   string // how the file names its lines: "line" (when empty), or "row" for a sheet
}

func (e *RowError) Error() string {
	var where []string
	if e.File != "" {
		where = append(where, clip(e.File)+": ")
	}
	if e.Line != 0 {
		unit := e.Unit
		if unit == "" {
			unit = "line"
		}
		where = append(where, fmt.Sprintf("%s %d", unit, e.Line))
		if e.Column != "" {
			where = append(where, ", column "+clip(e.Column))
		}
		where = append(where, ": ")
	}
	return strings.Join(where, "") + e.Reason
}

// clip shortens a value from a file to MaxEcho characters for a message, so that an
// error never repeats a hostile file back at length.
func clip(s string) string {
	if utf8.RuneCountInString(s) <= MaxEcho {
		return s
	}
	n := 0
	for i := range s {
		if n == MaxEcho {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

// Quote is a value from a file, clipped to MaxEcho characters and quoted, for a
// message.
func Quote(s string) string {
	c := clip(s)
	if c == s {
		return strconv.Quote(s)
	}
	return strconv.Quote(strings.TrimSuffix(c, "…")) + "…"
}

// thousands writes n with a comma between each group of three digits.
func thousands(n int64) string {
	if n < 0 {
		return "-" + thousands(-n)
	}
	return workforce.Thousands(strconv.FormatInt(n, 10))
}
