package auth

import "context"

// Accounts is what signing in asks of the users' store. The store's own errors stay
// its own (this package does not import it): an absence is found == false, any
// error is a failure to decide, never a refusal.
type Accounts interface {
	// UserByEmail is the account with a normalised email address.
	UserByEmail(ctx context.Context, email string) (u User, found bool, err error)
	// UserByOIDCSubject is the account linked to a single sign-on subject.
	UserByOIDCSubject(ctx context.Context, subject string) (u User, found bool, err error)
	// LinkOIDCSubject links the subject to the user at their first single sign-on,
	// audited as the user's own act; linked is false when the user is linked to
	// another subject already.
	LinkOIDCSubject(ctx context.Context, u User, subject string) (linked bool, err error)
}
