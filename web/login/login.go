// Package login renders the sign-in page and the accessibility statement.
package login

import (
	"net/url"

	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"
)

// Page is the view model of /login.
type Page struct {
	Layout layout.PageParams
	Email  string
	Next   string
	// Error is the one, generic, failure message (which of email or password was wrong
	// is never said); Notice is a message such as "you were signed out".
	Error  string
	Notice string
	// SSO offers single sign-on when it is configured, with the provider's name.
	SSO string
	// SSOError is why single sign-on did not sign the person in; the error summary
	// links it to the single sign-on link, not to the email field.
	SSOError string
}

// ssoHref starts single sign-on, coming back to Next afterwards.
func (p Page) ssoHref() string { return "/login/sso?" + url.Values{"next": {p.Next}}.Encode() }

func (p Page) errors() ui.ErrorSummaryParams {
	if p.SSOError != "" {
		return ui.ErrorSummaryParams{Title: "There is a problem", Errors: []ui.ErrorSummaryItem{{Text: p.SSOError, Href: "#sso"}}}
	}
	if p.Error == "" {
		return ui.ErrorSummaryParams{}
	}
	return ui.ErrorSummaryParams{Title: "There is a problem", Errors: []ui.ErrorSummaryItem{{Text: p.Error, Href: "#email"}}}
}
