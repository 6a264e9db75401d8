// Package supervision answers one question: on a day, which of a PCN's staff needing
// clinical supervision have it, and how loaded is each of its supervisors (PLANNING.md,
// "Supervision and rooms")? It gathers the PCN's supervisors, links and staff records
// from the store and works out coverage, each supervisor's load and trainee ratio, and
// the totals with package planning. The supervision page, the clinical director's
// dashboard and the ICB comparison share it, so that a figure reads the same wherever
// it is shown.
//
// Two clocks, each named (issue 11, "One clock, one horizon"): the staff are those in
// post on the as-of date A, the day the staff data describes (the latest census, or
// ?as_of=), as on every page; the supervisors and links are kept by hand and change
// from day to day, so a link counts when it is in force today, and a supervisor's load
// is of the links in force today. Coverage is thus "of the staff in post on A, how
// many have a clinical supervisor today".
package supervision
