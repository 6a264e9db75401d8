package peers

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/input"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"
)

// Bounds of the peer group form, checked in this order before any code is looked up.
const (
	// MaxText is the most characters the codes box takes: 20 codes of up to 10
	// characters with their separators, and room to spare.
	MaxText = 400
	// MaxCodes is the most networks a group holds (store.MaxPeerGroup).
	MaxCodes = 20
	// MaxCode is the longest code read as one (PCN codes are 6 characters).
	MaxCode = 10
)

// codePattern is a PCN code as typed (upper-cased): letters and digits.
var codePattern = regexp.MustCompile(`^[A-Z0-9]+$`)

// ActionReset is the form's "Use the 10 most similar instead": it removes the group.
const ActionReset = "reset"

// Form is the view model of /pcns/{code}/peers/edit: the codes as typed, the version of
// the group it was opened at (0: none saved), and the message.
type Form struct {
	Layout     layout.PageParams
	Code, Name string
	Codes      string
	Version    int
	// Saved is true when a custom group is saved (the reset button shows).
	Saved  bool
	Errors map[string]string
	// Example is another network's code the hint and messages give as an example (the
	// first computed peer, Groups.Example); "" gives none.
	Example string
	// Conflict holds the group as someone else saved it meanwhile (its codes, "" when
	// none is saved now) after a stale save; Stale marks it. Removed says a saved group
	// was removed (the audit trail has it): false when none was ever saved.
	Stale    bool
	Conflict string
	Removed  bool
}

// NewForm is the form prefilled with codes (the saved group's, else the computed 10)
// at version.
func NewForm(code, name string, codes []string, version int) Form {
	return Form{Code: code, Name: name, Codes: strings.Join(codes, "\n"), Version: version, Saved: version > 0}
}

// Action is where the form posts.
func (f Form) Action() string { return EditHref(f.Code) }

func (f Form) errorSummary() ui.ErrorSummaryParams {
	conflict := ""
	if f.Stale {
		conflict = input.Conflict
	}
	return input.ErrorSummary(f.Errors, conflict, []string{"peers"}, nil)
}

// WithStale marks a save refused because the group changed since the form was opened:
// saved is the group now (nil when none is), at version; removed whether a group was
// ever removed (else none was ever saved); the codes typed are kept.
func (f Form) WithStale(saved []string, version int, removed bool) Form {
	f.Stale, f.Conflict, f.Version, f.Saved, f.Removed = true, strings.Join(saved, ", "), version, version > 0, removed
	return f
}

// hint is the codes box's hint, with another network's code as the example.
func (f Form) hint() string {
	h := fmt.Sprintf("One per line, or separated by commas: 1 to %d networks of England other than this one", MaxCodes)
	if f.Example != "" {
		h += ", for example " + f.Example
	}
	return h + "."
}

// Example is a code to give as an example in the form of g's PCN: its first computed
// peer, else the first of its chosen group; "" when it has neither.
func (g Groups) Example() string {
	for _, grp := range []*Group{&g.Computed, g.Custom} {
		if grp != nil && len(grp.Peers) > 0 {
			return grp.Peers[0].Code
		}
	}
	return ""
}

// Read reads the codes of a posted form into f (kept as typed), bounded before
// anything is looked up: at most MaxText characters, MaxCodes codes of at most MaxCode
// letters and digits; then each must be a PCN of England (known), not the PCN itself
// and not repeated. The codes, upper-cased, come back when there is no message.
func (f *Form) Read(v url.Values, known func(code string) bool) []string {
	f.Errors, f.Codes = map[string]string{}, v.Get("peers")
	if n := utf8.RuneCountInString(f.Codes); n > MaxText {
		f.Codes = string([]rune(f.Codes)[:MaxText])
		f.Errors["peers"] = fmt.Sprintf("PCN codes must be %d characters or fewer: you entered %d, and only the first %d are shown again below", MaxText, n, MaxText)
		return nil
	}
	codes := strings.FieldsFunc(strings.ToUpper(f.Codes), func(r rune) bool { return r == ',' || r == ';' || r == ' ' || r == '\t' || r == '\n' || r == '\r' })
	if msg := f.check(codes, known); msg != "" {
		f.Errors["peers"] = msg
		return nil
	}
	return codes
}

// check is the message for codes, "" when they make a group.
func (f *Form) check(codes []string, known func(code string) bool) string {
	switch {
	case len(codes) == 0:
		return "Enter the codes of the PCNs in the peer group, one per line"
	case len(codes) > MaxCodes:
		return fmt.Sprintf("Enter %d PCN codes or fewer: you entered %d", MaxCodes, len(codes))
	}
	for _, c := range codes {
		if utf8.RuneCountInString(c) > MaxCode || !codePattern.MatchString(c) {
			like := ""
			if f.Example != "" {
				like = ", like " + f.Example
			}
			return fmt.Sprintf("Enter PCN codes of up to %d letters and digits%s: %q is not one", MaxCode, like, workforce.Clip(c, 2*MaxCode))
		}
	}
	seen := map[string]bool{}
	for _, c := range codes {
		switch {
		case c == f.Code:
			return c + " is " + f.Name + " itself: enter other networks"
		case seen[c]:
			return c + " is entered more than once: enter each network once"
		case !known(c):
			return c + " is not a PCN of England: check the code"
		}
		seen[c] = true
	}
	return ""
}
