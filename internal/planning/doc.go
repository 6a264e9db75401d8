// Package planning holds ARRS Planner's pure calculations: fair shares of a national
// target, staff in post, projections, gaps and their roll-ups to ICB, region and
// England, funding (entitlement, claims, headroom), supervision, rooms and the warnings
// on a plan (planwarn.go), exactly as PLANNING.md defines them. Inputs come in as plain
// values and results go out; there is no database, no clock (every date is an
// argument), no logging and no I/O, so any figure can be recomputed by hand or in a
// spreadsheet.
//
// # Dates
//
// Dates are days: time.Time values at midnight UTC (workforce.Date). workforce.Days
// counts whole calendar days. A staff record is in post on day d when Start ≤ d and
// (End is zero or d < End): the end date is the first day out of post. Financial year
// "2025/26" runs 1 April 2025 to 31 March 2026; its quarters start on 1 April, 1 July,
// 1 October and 1 January (workforce.FinancialYear and Quarter).
//
// Months between two days, used for the required pace, are workforce.Months:
// Days(a, b) × 12 / 365.25 (an average month of 30.4375 days), in a spreadsheet
// =DAYS(b, a)*12/365.25. Calendar months would make a deadline of 31 March sit 1 or 3
// days nearer or further depending on the start; the average month keeps the pace
// proportional to the time left.
//
// # Units and rounding
//
// FTE are float64 and never rounded inside the package: sums are of unrounded values
// (PLANNING.md keeps at least 6 decimal places end to end). workforce.Round and
// workforce.FormatFTE are for the edges only (1 dp on pages, 2 dp in CSV). They round
// half away from zero, as a spreadsheet's ROUND does, after snapping the value to 9
// decimal places so that binary noise (2.675 stored as 2.67499999…) does not turn a
// decimal half downwards.
//
// Money is workforce.Pence, whole pence. Every amount PLANNING.md says is rounded is
// rounded once, half away from zero to the penny, treating each float input as the
// shortest decimal that prints it (22.671 is exactly 22.671): the entitlement per PCN
// per year, and each claim per staff record (or plan line) per month. Totals are sums
// of those rounded amounts, so a year's committed spend is the sum of its twelve
// monthly claims. A post's cost per month is rounded the same way (MonthlyClaim with
// share 1); under a backdated uplift each month's claim and cost are worked afresh
// from the raised annual cost, rounded once (Uplift.apply); a PCN's amounts divide
// between its practices by largest remainder, so that the parts add up to the penny.
//
// # Choices where PLANNING.md is silent
//
//   - ARRS staff: a workforce.Staff or PlanLine with RoleCode "" is outside ARRS and
//     never counts towards FTE; callers may pass every PCN staff record. For money, a
//     record outside ARRS naming a commissioner's approval (Staff.ApprovedRole) is
//     claimed from the ARRS sum while approved (fundingline.go).
//   - Records and plan lines of a PCN code missing from Inputs.PCNs are ignored.
//   - A role with no attrition rate uses DefaultAttritionRate (0.10).
//   - Weighted populations: the caller resolves the population in force on the as-of
//     date; PCN.PopulationIsListSize carries the "registered list stands in" flag
//     through to every row, and areas count such PCNs in ListSizePCNs.
//   - If every weighted population is zero, every fair share is 0 (not NaN): nothing
//     can be shared out. A PCN with population 0 has a share of 0.
//   - Inputs.At left zero means the target's deadline.
//   - Required pace is 0 when there is no shortfall. When no time is left (the
//     deadline is on or before max(as-of, today)) and there is a shortfall, the pace is
//     reported as 0 with DeadlinePassed set, rather than an infinity.
//   - An area's pace is the sum of its PCNs' paces, which equals its shortfall over the
//     same months.
//   - Funding: see YearFunding for committed and planned spend, unknown costs and caps;
//     fundingline.go for the funding streams and shares; PracticeGPYear for the
//     practice GP scheme, and FundingInputs.StreamOf for a year before it (a
//     practice-scheme post is then on its role's default stream); CashFlowYear and Uplift.apply for the cash flow; SplitYear,
//     CheckPracticeShares and allocate for the practices' parts.
//   - Supervision and rooms: see SupervisionCoverage, SupervisorLoads and RoomsFor.
//
// # The current plan
//
// Which plan is current (the latest accepted, else submitted, else the draft) is for
// the caller to decide: Inputs.Plan holds the lines of each PCN's current plan only.
package planning
