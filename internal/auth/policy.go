package auth

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/trustelem/zxcvbn"
)

// The password policy (NCSC and NIST SP 800-63B: length and a check against common
// passwords, no composition rules). Passwords set in the app or by `arrs user add`
// follow it; only `arrs seed demo` sets the published demo password, and flags its
// accounts as demo accounts.
const (
	// MinPasswordLength is the shortest password accepted.
	MinPasswordLength = 12
	// MaxPasswordLength is the longest: NIST asks verifiers to allow at least 64, and
	// it bounds the strength estimate's work.
	MaxPasswordLength = 64
	// MinPasswordScore is zxcvbn's score (0–4) a password must reach: 3 is "safely
	// unguessable: moderate protection from offline slow-hash scenarios" (10^8 guesses
	// or more).
	MinPasswordScore = 3
	// strengthWindow is how much of a password the estimator reads: its work grows
	// steeply with length, and a password is at least as strong as its beginning.
	strengthWindow = 48
	// minNameToken is the shortest part of a name or email refused inside a password:
	// shorter parts ("jo", "ann") are too common to refuse.
	minNameToken = 4
)

// PasswordOwner is whose password it is: their own details must not make it up.
type PasswordOwner struct {
	Email string
	Name  string
}

// PasswordProblem is why a password is refused, worded for the person setting it
// (the NHS service manual's style: say what to do).
type PasswordProblem string

func (p PasswordProblem) Error() string { return string(p) }

// The policy's refusals.
const (
	ErrPasswordEmpty    PasswordProblem = "Enter a password"
	ErrPasswordShort    PasswordProblem = "Password must be 12 characters or more"
	ErrPasswordLong     PasswordProblem = "Password must be 64 characters or fewer"
	ErrPasswordPersonal PasswordProblem = "Enter a password that is harder to guess: it must not contain the person's name or email address, or the name of this service (such as ARRS or NHS)"
	ErrPasswordWeak     PasswordProblem = "Enter a password that is harder to guess: use 3 or more random words, or a longer mix of words, numbers and symbols, and avoid common passwords"
)

// CheckPassword reports why a password may not be set for its owner, or nil. The
// checks run cheapest first; the estimator is given the owner's details, so that a
// password built from them scores low.
func CheckPassword(password string, owner PasswordOwner) error {
	n := utf8.RuneCountInString(password)
	switch {
	case password == "":
		return ErrPasswordEmpty
	case n < MinPasswordLength:
		return ErrPasswordShort
	case n > MaxPasswordLength:
		return ErrPasswordLong
	case containsPersonal(password, owner):
		return ErrPasswordPersonal
	}
	if zxcvbn.PasswordStrength(window(password), owner.inputs()).Score < MinPasswordScore {
		return ErrPasswordWeak
	}
	return nil
}

// serviceWords name this service and its owners: a password built on them is among
// the first an attacker of this service would try, so the estimator is told them and
// a password containing them is refused like one containing the person's name.
var serviceWords = []string{"arrs", "nhs", "planner", "england", "reimbursement", "demo", "pcn", "icb"}

// containsPersonal reports whether the password contains, in any case and with
// common letter-for-digit swaps undone ("0l1ve" reads as "olive"), the email's local
// part, a part of the name or email of minNameToken characters or more, or a word of
// the service's own name.
func containsPersonal(password string, owner PasswordOwner) bool {
	for _, p := range []string{strings.ToLower(password), unleet(password, 'i'), unleet(password, 'l')} {
		local := owner.localPart()
		if len(local) >= minNameToken && strings.Contains(p, local) {
			return true
		}
		for _, t := range append(owner.tokens(), serviceWords...) {
			if strings.Contains(p, t) {
				return true
			}
		}
	}
	return false
}

// unleet lower-cases a password and undoes the usual swaps of digits and symbols for
// letters; one stands for i or l, as one reads it.
func unleet(password string, one rune) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '0':
			return 'o'
		case '1', '!', '|':
			return one
		case '3':
			return 'e'
		case '4', '@':
			return 'a'
		case '5', '$':
			return 's'
		case '7', '+':
			return 't'
		case '8':
			return 'b'
		case '9':
			return 'g'
		}
		return unicode.ToLower(r)
	}, password)
}

// localPart is the email's part before the @, lower-cased.
func (o PasswordOwner) localPart() string {
	e := strings.ToLower(strings.TrimSpace(o.Email))
	if at := strings.LastIndex(e, "@"); at >= 0 {
		e = e[:at]
	}
	return e
}

// tokens are the words of the name and the email's local part, lower-cased, of
// minNameToken characters or more.
func (o PasswordOwner) tokens() []string {
	words := strings.FieldsFunc(strings.ToLower(o.Name+" "+o.localPart()), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	var out []string
	for _, w := range words {
		if utf8.RuneCountInString(w) >= minNameToken {
			out = append(out, w)
		}
	}
	return out
}

// inputs are what the estimator is told about the owner.
func (o PasswordOwner) inputs() []string {
	in := append([]string{strings.ToLower(o.Email), o.localPart()}, o.tokens()...)
	in = append(in, serviceWords...)
	return append(in, strings.Fields(strings.ToLower(o.Name))...)
}

// window is the password's first strengthWindow characters.
func window(password string) string {
	i := 0
	for n := range password {
		if i == strengthWindow {
			return password[:n]
		}
		i++
	}
	return password
}
