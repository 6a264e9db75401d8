// Package supervision answers one question: on a day, which of a PCN's staff needing
// clinical supervision have it, and how loaded is each of its supervisors (PLANNING.md,
// "Supervision and rooms")? It gathers the PCN's supervisors, links and staff records
// from the store and works out coverage, each supervisor's load and trainee ratio, and
// the totals with package planning. The supervision page, the clinical director's
// dashboard and the ICB comparison share it, so that a figure reads the same wherever
// it is shown.
//
// The day is the caller's: links and supervisors are kept by hand and change from day
// to day, so the pages ask about today (or ?at=), not the last census date. Every staff
// record of the PCN is read, in post or not, and planning counts those in post on the
// day; a record without an end date is in post on it.
package supervision
