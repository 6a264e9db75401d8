// Package funding gathers what a PCN's ARRS money needs from the store and computes it
// with package planning (PLANNING.md, "Funding"): the entitlement of each financial
// year, the committed claims of staff in post and the planned claims of the current
// plan's starters, month by month, each capped by the role's maximum; the headroom and
// forecast underspend; and, per staff member, the cap against the actual cost (what
// the PCN pays above it). The funding page, its claim schedule downloads, the clinical
// director's dashboard and the ICB comparison share Compute, so that a figure reads
// the same wherever it is shown.
//
// Compute works for one PCN or many with the same queries: one per table (populations,
// rates, caps, staff records, plan lines; and for the funding streams role shares,
// share agreements, approved roles, practice GP rates and caps, ICB payment lags,
// practice shares and member practices with their lists), each filtered by the PCN
// codes asked for, never one per PCN. The organisation tree comes from the caller, who
// has it cached.
//
// From 2026/27 every staff record and plan line is paid from one funding stream
// (docs/funding-streams.md): the ARRS figures (entitlement, committed, planned,
// headroom, CommittedByMonth, PlannedByMonth and the counts of PCNYear's methods)
// are the ARRS stream's; Staff and Plan list every stream's lines, each with its
// Stream. Each PCNYear also carries its member practices, the practice GP scheme
// (PracticeGP), the practice split (Split) and the cash flow (CashFlow, which takes
// the previous year's claims too: Compute works out the year before each year asked
// for). Request.Plan, Lag, Uplift and Move (a what-if, nothing written) change what
// is computed; a request Compute cannot honour is a *RequestError.
//
// The rules it applies before planning takes over:
//   - w(p) for year f is the weighted population in force on 1 January before f (the
//     Carr-Hill census date, DOMAIN.md), else the PCN's registered list size, flagged
//     (PCNYear.PopulationIsListSize);
//   - rate(f) is the year's published rate; for a year with none yet, the latest
//     earlier year's rate, flagged (Year.RateAssumed); before the first rate, none
//     (entitlement 0, Year.RateKnown false);
//   - staff counted are the records in an ARRS role or a commissioner-approved one
//     (store.FundingRecords), each on its stream (funding_stream; as the role says when
//     not recorded; a practice-scheme GP in a year before the scheme, which has no
//     scheme cap on its first day, on the ARRS: planning.FundingInputs.StreamOf,
//     PCNYear.PracticeGPInForce); the claim schedule lists the cap and share each
//     month's claim was worked from (planning.LineMonth); a record's annual cost is its own when recorded, else the cap
//     stands in, flagged "estimated at the cap" (planning.ClaimBasis);
//   - a role's cap is the latest of its own and its Agenda for Change band's
//     (planning.Caps.On, store.BandCaps), flagged when the band's;
//   - a general practice nurse on band 6 is claimed against the "experienced" cap
//     (DOMAIN.md), as the staff record form checks it;
//   - where no cap is known the actual cost is claimed, flagged; with neither cost nor
//     cap the months are left out and the record counted (PCNYear.Uncosted);
//   - planned spend is the current plan's starters less its leavers (store.CurrentPlanLinesOf: never a
//     draft's, which stays private to its PCN), from
//     quarters that start after the as-of date: the day the staff data describes (the
//     latest NWRS census; the caller's choice);
//   - the actual cost of a month is worked and rounded exactly as its claim is, at
//     the annual cost uncapped (planning.MonthDays), so the amount above the cap is
//     cost − claim, penny for penny; it is not known when the record has no annual
//     cost.
//
// The clock is the caller's: which years to compute, and the as-of date, come in as
// arguments.
package funding
