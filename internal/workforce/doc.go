// Package workforce holds the domain types of ARRS Planner: the organisations of the NHS
// in England, the ARRS role catalogue and staff in post, with the invariants they keep,
// and a PCN's recruitment plan: its lines, versions and sign-off workflow (which move a
// plan may take, and who may take it) and its editor's grid (plan*.go).
// It depends on the standard library only; every other package may depend on it.
package workforce
