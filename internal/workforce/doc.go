// Package workforce holds the domain types of ARRS Planner: the organisations of the NHS
// in England, the ARRS role catalogue and staff in post, with the invariants they keep.
// It depends on the standard library only; every other package may depend on it.
package workforce
