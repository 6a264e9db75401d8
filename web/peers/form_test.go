package peers

import (
	"net/url"
	"slices"
	"strings"
	"testing"
)

// The codes box is read one code a line or separated by commas, upper-cased; each bound
// is checked before any code is looked up, and each refusal names what is wrong.
func TestFormRead(t *testing.T) {
	t.Parallel()
	known := map[string]bool{"U47425": true, "U00070": true, "U00000": true, "U60057": true}
	var lookedUp []string
	lookup := func(c string) bool { lookedUp = append(lookedUp, c); return known[c] }
	many := strings.Repeat("U00000,", MaxCodes) + "U00070"
	for _, c := range []struct {
		name, typed string
		want        []string
		msg         string // a part of the message; "" when accepted
		lookups     bool   // whether codes were looked up
	}{
		{"lines", "u47425\r\nU00070\n\n", []string{"U47425", "U00070"}, "", true},
		{"commas", " U47425, U00070 ,U00000", []string{"U47425", "U00070", "U00000"}, "", true},
		{"empty", " \n ,", nil, "Enter the codes", false},
		{"too long", strings.Repeat("U", MaxText+1), nil, "400 characters or fewer: you entered 401, and only the first 400", false},
		{"too many", many, nil, "Enter 20 PCN codes or fewer: you entered 21", false},
		{"long code", "U47425\nU0000000000", nil, `like U47425: "U0000000000" is not one`, false},
		{"pattern", "U47425\nU-0070", nil, `"U-0070" is not one`, false},
		{"itself", "U47425\nU60057", nil, "U60057 is Example PCN itself", true},
		{"twice", "U47425\nu47425", nil, "U47425 is entered more than once", true},
		{"unknown", "U47425\nU99998", nil, "U99998 is not a PCN of England", true},
	} {
		lookedUp = nil
		f := NewForm("U60057", "Example PCN", nil, 0)
		f.Example = "U47425"
		got := f.Read(url.Values{"peers": {c.typed}}, lookup)
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: codes %v, want %v", c.name, got, c.want)
		}
		if msg := f.Errors["peers"]; (c.msg == "") != (msg == "") || !strings.Contains(msg, c.msg) {
			t.Errorf("%s: message %q, want %q", c.name, msg, c.msg)
		}
		if (len(lookedUp) > 0) != c.lookups {
			t.Errorf("%s: looked up %v", c.name, lookedUp)
		}
		if kept := []rune(c.typed); f.Codes != string(kept[:min(len(kept), MaxText)]) {
			t.Errorf("%s: kept %q", c.name, f.Codes)
		}
	}
}
