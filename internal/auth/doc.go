// Package auth holds who a user is and what they may see: roles and grants, password
// hashing (argon2id), and the access rules every route group applies. It has no HTTP
// or SQL of its own; the server asks it, the store keeps its data.
package auth
