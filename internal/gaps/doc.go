// Package gaps gathers what a gap report needs from the store and computes it with
// package planning: each PCN's fair share of a target, its projection and its gap, rolled
// up to ICB, region and England (PLANNING.md, "Targets and fair shares", "Projection",
// "Gap"). The command line (arrs report gaps) and the web pages (/gaps and the area
// pages, with their what-ifs) share Compute, so a figure reads the same wherever it
// is shown.
//
// The rules it applies before planning takes over:
//   - w(p) is the weighted population in force on the as-of date (the latest effective
//     on or before it), else the PCN's registered list size, flagged;
//   - the as-of date defaults to the latest census date imported, the day the gap is
//     measured on ("at") to the target's deadline;
//   - each PCN's current plan is its latest accepted version, else its latest submitted
//     or signed-off one (store.CurrentPlanLines); drafts and returned versions never
//     count, so no figure computed here tells anyone what a draft holds. Only
//     Options.Drafts (arrs report gaps --drafts) counts each PCN's latest version
//     instead, whatever its status;
//   - the baseline adds any baseline FTE entered for the PCN against the target;
//   - the PCNs are summed into the ICBs in force on the day the gap is measured on
//     (PLANNING.md, "Organisations over time"), or with Options.Footprints into today's
//     (a PCN that no longer exists then counts in England only).
//
// The clock is the caller's: Options.Today comes in as an argument, as every date does.
package gaps
