package auth

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/config"
)

// downProvider is single sign-on configured against a provider that does not answer.
func downProvider(t *testing.T) *OIDC {
	t.Helper()
	down := httptest.NewServer(http.NotFoundHandler())
	down.Close()
	return NewOIDC(config.OIDC{Issuer: down.URL, ClientID: "arrs-planner", ClientSecret: "secret", RedirectURL: "http://planner.test/login/callback", Name: "Test CIS2"})
}

func TestOIDCOff(t *testing.T) {
	t.Parallel()
	p := NewOIDC(config.OIDC{})
	if p != nil || p.Name() != "" {
		t.Errorf("single sign-on off: %v, named %q", p, p.Name())
	}
}

func TestOIDCProviderDown(t *testing.T) {
	t.Parallel()
	_, _, err := downProvider(t).Start(context.Background(), time.Now())
	var refused OIDCRefusal
	if !errors.As(err, &refused) || refused.Kind != OIDCDown || !strings.HasPrefix(refused.Message, "Test CIS2 is not answering") {
		t.Errorf("provider down: %v", err)
	}
}

// TestOIDCCallbackChecks: a callback that does not finish the flow it names is
// refused before the provider is asked anything (it is down here).
func TestOIDCCallbackChecks(t *testing.T) {
	t.Parallel()
	p := downProvider(t)
	now := time.Now()
	flow := OIDCFlow{State: "state", Nonce: "nonce", Verifier: "verifier", Started: now.Add(-time.Minute)}
	cases := []struct {
		name   string
		flow   OIDCFlow
		cb     OIDCCallback
		kind   OIDCRefusalKind
		msg    string
		reason string
	}{
		{"provider error", flow, OIDCCallback{State: "state", Error: "access_denied", ErrorDescription: "<script>"}, OIDCBadCallback, "did not work", "access_denied"},
		{"forged state", flow, OIDCCallback{Code: "c", State: "forged"}, OIDCBadCallback, "was not started from this page", "state does not match"},
		{"no flow", OIDCFlow{}, OIDCCallback{Code: "c"}, OIDCBadCallback, "was not started from this page", "state does not match"},
		{"too slow", OIDCFlow{State: "state", Started: now.Add(-OIDCFlowTimeout - time.Second)}, OIDCCallback{Code: "c", State: "state"}, OIDCBadCallback, "took longer than 10 minutes", "flow started"},
		{"provider down at the exchange", flow, OIDCCallback{Code: "c", State: "state"}, OIDCDown, "not answering", "discovering"},
	}
	for _, c := range cases {
		_, err := p.Finish(context.Background(), users{}, c.flow, c.cb, now)
		var refused OIDCRefusal
		if !errors.As(err, &refused) || refused.Kind != c.kind || !strings.Contains(refused.Message, c.msg) || !strings.Contains(refused.Reason, c.reason) {
			t.Errorf("%s: %#v", c.name, err)
		}
		if strings.Contains(refused.Message, "<script>") {
			t.Errorf("%s: the provider's words reached the message", c.name)
		}
	}
}
