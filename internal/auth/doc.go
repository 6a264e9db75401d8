// Package auth holds who a user is and what they may do: roles and grants, the access
// rules every route group applies, password hashing (argon2id) and the sign-in
// decision with its throttle, session timeouts, and single sign-on as an OpenID
// Connect relying party. It serves no HTTP and holds no SQL: the server asks it and
// keeps what it returns in the session; the store keeps its data, behind the narrow
// interfaces (Accounts, Attempts) this package declares.
package auth
