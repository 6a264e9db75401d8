package ui

import (
	"strings"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// Figures puts thousands separators into the whole numbers of five or more digits in
// free text a user named, such as a target's name: "26000 additional roles" reads
// "26,000 additional roles", as every number on a page. Four-digit numbers are left
// alone: in a name they are mostly years ("2024/25"), which take no separator.
func Figures(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		j := i
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j == i {
			b.WriteByte(s[i])
			i++
			continue
		}
		// A run inside a decimal or after another separator is not a whole number.
		if j-i >= 5 && (i == 0 || (s[i-1] != '.' && s[i-1] != ',')) {
			b.WriteString(workforce.Thousands(s[i:j]))
		} else {
			b.WriteString(s[i:j])
		}
		i = j
	}
	return b.String()
}
