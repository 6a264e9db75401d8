package auth

import "testing"

func TestThrottled(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		account, ip int
		want        string
	}{
		{0, 0, ""},
		{MaxAccountFailures, MaxIPFailures, ""},
		{MaxAccountFailures + 1, 0, ThrottleAccount},
		{0, MaxIPFailures + 1, ThrottleIP},
		{MaxAccountFailures + 1, MaxIPFailures + 1, ThrottleAccount},
	} {
		if got := Throttled(c.account, c.ip); got != c.want {
			t.Errorf("Throttled(%d, %d) = %q, want %q", c.account, c.ip, got, c.want)
		}
	}
	if ThrottleLimit(ThrottleIP) != MaxIPFailures || ThrottleLimit(ThrottleAccount) != MaxAccountFailures {
		t.Error("limits")
	}
}

func TestOIDCClaimsVerified(t *testing.T) {
	t.Parallel()
	for v, want := range map[any]bool{true: true, "true": true, false: false, "false": false, nil: false, "yes": false} {
		if got := (OIDCClaims{EmailVerified: v}).Verified(); got != want {
			t.Errorf("email_verified %#v: %v, want %v", v, got, want)
		}
	}
}
