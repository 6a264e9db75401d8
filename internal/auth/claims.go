package auth

// OIDCClaims are the claims of a single sign-on's ID token that find the account.
// email_verified is a boolean, or a string at some providers. Absent, the provider
// has not said that the address belongs to the person (OpenID Connect Core 5.1: the
// claim is optional, and an unverified email must not be trusted to match an
// account), so it does not count as verified.
type OIDCClaims struct {
	Email         string `json:"email"`
	EmailVerified any    `json:"email_verified"`
}

// Verified reports whether the provider vouches for the email address.
func (c OIDCClaims) Verified() bool {
	return c.EmailVerified == true || c.EmailVerified == "true"
}
