package report

import "testing"

// ParseFormat takes the formats a command accepts (csv, table and json by default) and
// refuses anything else naming exactly those.
func TestParseFormat(t *testing.T) {
	t.Parallel()
	if f, err := ParseFormat("xlsx", CSV, Table, JSON, XLSX); f != XLSX || err != nil {
		t.Errorf("xlsx where taken: %q %v", f, err)
	}
	for _, c := range []struct {
		typed    string
		accepted []Format
		want     string
	}{
		{"xlsx", nil, `--format must be csv, table or json, not "xlsx"`},
		{"pdf", []Format{CSV, Table, JSON, XLSX}, `--format must be csv, table, json or xlsx, not "pdf"`},
		{"json", []Format{CSV, XLSX}, `--format must be csv or xlsx, not "json"`},
	} {
		if _, err := ParseFormat(c.typed, c.accepted...); err == nil || err.Error() != c.want {
			t.Errorf("%q of %v: %v, want %q", c.typed, c.accepted, err, c.want)
		}
	}
}
