package workforce

import "unicode/utf8"

// Limits on free text typed in forms and on the command line, in characters (issue 9:
// every input is read with a limit). A longer value is refused with the field's
// message before anything is looked up or written.
const (
	// MaxNameLength bounds names: of people, supervisors, sites, employers, targets,
	// and a role typed as text. The longest NHS job titles and site names are well
	// under 100 characters.
	MaxNameLength = 200
	// MaxCommentLength bounds a comment on a plan's return or sign-off: a few
	// paragraphs.
	MaxCommentLength = 2000
	// MaxCodeLength bounds short inputs: codes, numbers, amounts, dates and their
	// parts, variants.
	MaxCodeLength = 20
	// MaxEmailLength is the longest email address (RFC 5321's 256-octet path, less
	// its angle brackets).
	MaxEmailLength = 254
	// MaxListLength bounds a list typed one item a line: a user's grants, a target's
	// milestones.
	MaxListLength = 2000
)

// Clip cuts s to at most n bytes, at a character boundary: what is kept of a value
// longer than its limit where it must be kept at all (a header in the access log, an
// email address in the sign-in throttle's key).
func Clip(s string, n int) string {
	for n > 0 && n < len(s) && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:min(n, len(s))]
}
