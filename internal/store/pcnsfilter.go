package store

import "strconv"

// pcnsWhere is the condition "pcn_code is one of pcns" on parameter $n, or true for
// nil (every PCN). The two cases are two statements, not one with "$n IS NULL OR …",
// so that a cached generic plan of a PCN's read still uses the index on pcn_code.
func pcnsWhere(pcns []string, n int) string {
	if pcns == nil {
		return "true"
	}
	return "pcn_code = ANY($" + strconv.Itoa(n) + ")"
}

// pcnsArgs appends pcns to args when pcnsWhere names it.
func pcnsArgs(pcns []string, args ...any) []any {
	if pcns == nil {
		return args
	}
	return append(args, pcns)
}
