// Package workforce holds the domain of ARRS Planner, the one home of each concept:
//   - the organisations of the NHS in England, their levels and codes (org.go, tree.go);
//   - the ARRS role catalogue, caps and targets (role.go, cap.go, target.go);
//   - staff records and supervision (staff.go, staffrecord.go, supervision.go, site.go);
//   - a PCN's recruitment plan: its lines, versions, sign-off workflow (which move a plan
//     may take, and who may take it), the duty rule, and its editor's grid (plan*.go);
//   - financial years, quarters and dates, and Today, the date in England (fy.go,
//     dates.go); FTE and its rounding for display (fte.go); money in pence, parsed and
//     formatted (money.go); and the problems a form or file can have (problem.go).
//
// It depends on the standard library only; every other package may depend on it.
package workforce
