package auth

import (
	"strconv"
	"strings"
	"testing"
)

func TestCheckPassword(t *testing.T) {
	t.Parallel()
	jane := PasswordOwner{Email: "jane.smithson@nhs.net", Name: "Jane Smithson"}
	cases := []struct {
		name     string
		password string
		want     error
	}{
		{"empty", "", ErrPasswordEmpty},
		{"11 characters", "x9$Lq2!vB7#", ErrPasswordShort},
		{"12 characters, random", "x9$Lq2!vB7#m", nil},
		{"65 characters", strings.Repeat("violet harbour ", 5)[:65], ErrPasswordLong},
		{"64 characters", strings.Repeat("violet harbour lantern oxbow ", 3)[:64], nil},
		{"three random words", "violet harbour lantern", nil},
		{"common password made long", "password1234", ErrPasswordWeak},
		{"keyboard walk", "qwertyuiopas", ErrPasswordWeak},
		{"repeated character", strings.Repeat("a", 20), ErrPasswordWeak},
		{"digits in sequence", "012345678901", ErrPasswordWeak},
		{"common phrase and digits", "letmein12345", ErrPasswordWeak},
		{"common password and year", "Password2026", ErrPasswordWeak},
		{"the old test password", "0123456789ab", ErrPasswordWeak},
		{"the email's local part", "xx-jane.smithson-xx", ErrPasswordPersonal},
		{"a name part, any case", "SMITHSON violet harbour", ErrPasswordPersonal},
		{"the first name and a year", "Jane2026 violet lantern", ErrPasswordPersonal},
		{"the whole email", "jane.smithson@nhs.net!", ErrPasswordPersonal},
		{"a short part of the name is allowed", "jan violet harbour lantern", nil},
		{"the name with digits for letters", "5m1th50n violet harbour", ErrPasswordPersonal},
		{"the name with 1 for l", "J4ne-Sm1th5on-xyz", ErrPasswordPersonal},
		{"the service's name", "arrs-demo-2025", ErrPasswordPersonal},
		{"the service's name, spelt out", "ARRS-Planner-2025", ErrPasswordPersonal},
		{"the NHS and a place", "nhs-england-2025", ErrPasswordPersonal},
		{"the NHS in leet", "n#s violet harbour", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := CheckPassword(c.password, jane); got != c.want {
				t.Errorf("CheckPassword(%q) = %v, want %v", c.password, got, c.want)
			}
		})
	}
}

// The owner's details are given to the estimator too: a password built from them
// scores lower than the same shape built from words nobody knows.
func TestStrengthCountsTheOwnersDetails(t *testing.T) {
	t.Parallel()
	owner := PasswordOwner{Email: "vbgr@nhs.net", Name: "Ab Cd"}
	if got := owner.inputs(); len(got) < 3 || got[0] != "vbgr@nhs.net" || got[1] != "vbgr" {
		t.Errorf("estimator inputs %q", got)
	}
	if got := containsPersonal("no-vbgr-here1", owner); !got {
		t.Error("the email's local part inside the password was not found")
	}
	if got := containsPersonal("Abacus Cdrom violet", owner); got {
		t.Error("name parts shorter than 4 characters must not be refused")
	}
}

func TestMessagesNameTheLimits(t *testing.T) {
	t.Parallel()
	if !strings.Contains(string(ErrPasswordShort), strconv.Itoa(MinPasswordLength)) || !strings.Contains(string(ErrPasswordLong), strconv.Itoa(MaxPasswordLength)) {
		t.Errorf("messages %q / %q do not name the limits %d / %d", ErrPasswordShort, ErrPasswordLong, MinPasswordLength, MaxPasswordLength)
	}
	for _, p := range []PasswordProblem{ErrPasswordPersonal, ErrPasswordWeak} {
		if !strings.HasPrefix(string(p), "Enter a password that is harder to guess: ") {
			t.Errorf("%q is not in the NHS style", p)
		}
	}
}

// The estimator's work grows steeply with length: the longest password accepted
// must still be checked quickly.
func TestCheckPasswordAtTheLimit(t *testing.T) {
	t.Parallel()
	if err := CheckPassword(longestPassword, PasswordOwner{Email: "a@b.nhs.uk", Name: "A"}); err != nil {
		t.Fatal(err)
	}
}

// longestPassword is a strong password of the longest length accepted.
var longestPassword = "x9$Lq2!vB7#mZ4&pR8@tW1^kN6*cF3(hJ5)gD0_sY2+eU7=oI4-aQ9~lM3|bV8<n"[:MaxPasswordLength]

// BenchmarkCheckPasswordAtTheLimit measures zxcvbn on the longest password accepted:
// the bar is well under 200 ms, so that a sign-up or password change never waits on
// it (a speed bar lives in a benchmark, never in a timed test).
func BenchmarkCheckPasswordAtTheLimit(b *testing.B) {
	owner := PasswordOwner{Email: "a@b.nhs.uk", Name: "A"}
	for b.Loop() {
		if err := CheckPassword(longestPassword, owner); err != nil {
			b.Fatal(err)
		}
	}
}
