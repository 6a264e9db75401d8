// Package planfigures answers one question: what figures stand beside a PCN's plan
// grid? For each quarter of the grid, the projection and the gap to the PCN's fair
// share on the quarter's last day, with the version shown and with the current plan;
// the "with your draft" outlook on the gap report's day; and for each financial year
// of the grid, the money: entitlement, committed, planned and left (PLANNING.md,
// "Projection", "Gap" with "Drafts stay private", and "Funding").
//
// The projection and the gap come from the same gap report as /gaps (gaps.Options
// with the caller's today): the PCN's staff, attrition rates, fair share and baseline,
// with the version's lines in place of the current plan's, through
// planning.Projected. So when the version shown is the current plan they are the
// report's figures for each quarter's last day. The report comes from a gaps.Source:
// the server's is cached, so a plan page costs no gap report of its own.
//
// The money is funding.Compute's for each year of the grid, the funding page's own
// definitions (rates, populations, caps, funding streams, reimbursement shares,
// approved roles, the practice GP scheme), with the version's lines counted in place of
// the current plan's (funding.Request.Plan), beside the same with the current plan: the
// official money, which the server caches between changes of the data (Source). Each
// year holds the ARRS money, the practice GP scheme's (its practices' entitlements, the
// claims against them, committed and planned) and the costs of posts on other money.
package planfigures
