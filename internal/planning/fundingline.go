package planning

import (
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// How a post's months are worked, by stream (PLANNING.md, "Funding streams"):
//   - arrs, an ARRS role: against the role's cap (Caps), at the PCN's share of the role
//     on the month's first day (Shares: its agreement, else the national share);
//   - arrs, a commissioner-approved role (RoleCode "", ApprovedRole set): against the
//     approval's cap, share 1, on the days both in post and approved; an approval not
//     in FundingInputs.Approved, or another PCN's, makes nothing claimable
//     (NotApproved) while the post's cost still counts;
//   - practice_gp: against the scheme's cap (London's for a London practice; a plan
//     line's London is the PCN's, London("")), share 1; in a year before the scheme
//     the post is on its role's default stream instead (FundingInputs.StreamOf);
//   - other: nothing is claimable; the cap (the role's, or the approval's) only stands in
//     for a cost not recorded.
//
// Every month in post has a cost (CostMonthPence): the annual cost, else the cap
// (CostAssumed), × FTE / 12 × days in post / days in month, rounded to the penny once,
// exactly as MonthlyClaim rounds a claim with share 1; neither known: 0 and Uncosted.
// What each month stands on (its cap, share and days) is kept in FundingLine.Months.

// monthTerms are what a post's claim in one month stands on.
type monthTerms struct {
	cap    CapOn
	share  float64
	agreed bool
	// claimDays are the days of the month the claim covers: the days in post, or
	// for an approved role those also approved; 0 when nothing is claimable.
	claimDays int
}

// termsFunc gives the terms of the month starting on start (the next starting on
// next), in which the post is in post on days days.
type termsFunc func(start, next time.Time, days int) monthTerms

// postLine is the year's claims and costs of one post (a staff record, or a plan
// line's starters or leavers as one record) paid from stream; inYear is false when it
// has no day in post in the year.
func (in FundingInputs) postLine(kind LineKind, index int, s workforce.Staff, stream workforce.Stream) (FundingLine, bool) {
	l := FundingLine{Kind: kind, Index: index, Role: s.RoleCode, Stream: stream, Approved: s.ApprovedRole,
		CostPence: max(s.AnnualCostPence, 0), FTE: s.FTE}
	if stream == workforce.StreamPracticeGP {
		l.Practice = s.PracticeCode
	}
	terms := in.termsFor(s, stream)
	if stream == workforce.StreamARRS && s.RoleCode == "" {
		_, found := in.approval(s)
		l.NotApproved = !found
	}
	inYear := false
	for m, start := range in.Year.MonthStarts() {
		next := start.AddDate(0, 1, 0)
		days := daysInPost(s, start, next)
		if days == 0 {
			continue
		}
		inYear = true
		l.addMonth(m, s, days, workforce.Days(start, next), terms(start, next, days))
	}
	return l, inYear
}

// termsFor picks how the post's months are claimed, by its stream.
func (in FundingInputs) termsFor(s workforce.Staff, stream workforce.Stream) termsFunc {
	switch {
	case stream == workforce.StreamOther:
		return func(start, _ time.Time, _ int) monthTerms { return monthTerms{cap: in.costCap(s, start)} }
	case stream == workforce.StreamPracticeGP:
		// A year on the scheme has its cap from its first day (StreamOf).
		london := in.London != nil && in.London(s.PracticeCode)
		return func(start, _ time.Time, days int) monthTerms {
			return monthTerms{cap: in.PracticeGPCaps.On(london, start), share: 1, claimDays: days}
		}
	case s.RoleCode == "":
		return in.approvedTerms(s)
	}
	return func(start, _ time.Time, days int) monthTerms {
		sh := in.Shares.On(s.RoleCode, start)
		return monthTerms{cap: in.Caps.On(s, start), share: sh.Share, agreed: sh.Agreement != nil, claimDays: days}
	}
}

// approvedTerms claims a post in an approved role on the days it is approved.
func (in FundingInputs) approvedTerms(s workforce.Staff) termsFunc {
	a, ok := in.approval(s)
	if !ok {
		return func(time.Time, time.Time, int) monthTerms { return monthTerms{} }
	}
	cp := CapOn{Pence: a.CapPence, Known: true}
	approved := s
	approved.Start, approved.End = later(s.Start, a.From), firstEnd(s.End, a.To)
	return func(start, next time.Time, _ int) monthTerms {
		return monthTerms{cap: cp, share: 1, claimDays: daysInPost(approved, start, next)}
	}
}

// costCap is the cap that stands in for a cost not recorded on a post on other
// money: its approval's, else its role's.
func (in FundingInputs) costCap(s workforce.Staff, d time.Time) CapOn {
	if s.RoleCode == "" {
		if a, ok := in.approval(s); ok {
			return CapOn{Pence: a.CapPence, Known: true}
		}
		return CapOn{}
	}
	return in.Caps.On(s, d)
}

// approval is the approval the record names, when it is one of the record's PCN's.
func (in FundingInputs) approval(s workforce.Staff) (workforce.ApprovedRole, bool) {
	for _, a := range in.Approved {
		if a.ID == s.ApprovedRole && a.PCNCode == s.PCNCode {
			return a, true
		}
	}
	return workforce.ApprovedRole{}, false
}

// addMonth works out month m of the line: the post is in post on days of the month's
// inMonth, and claimed on t.
func (l *FundingLine) addMonth(m int, s workforce.Staff, days, inMonth int, t monthTerms) {
	b := ClaimBasis(s.AnnualCostPence, t.cap)
	perYear := costBasis(s.AnnualCostPence, t.cap)
	l.CostMonthPence[m] = MonthlyClaim(perYear, 1, s.FTE, days, inMonth)
	l.CostTotalPence += l.CostMonthPence[m]
	l.Months[m] = LineMonth{Cap: t.cap, Share: t.share, InPost: days, ClaimDays: t.claimDays, Days: inMonth}
	claimable := t.claimDays > 0 && t.share > 0
	if claimable {
		l.MonthPence[m] = MonthlyClaim(b.Pence, t.share, s.FTE, t.claimDays, inMonth)
		l.TotalPence += l.MonthPence[m]
		l.Uncapped = l.Uncapped || b.Uncapped
		l.ShareAgreed = l.ShareAgreed || t.agreed
	}
	// A cap that is neither claimed against nor standing in for the cost is not shown.
	used := claimable || b.Estimated
	l.CostAssumed = l.CostAssumed || b.Estimated
	l.Uncosted = l.Uncosted || b.Uncosted
	l.CapFromBand = l.CapFromBand || (used && t.cap.FromBand)
	l.BandAssumed = l.BandAssumed || (used && t.cap.BandAssumed && t.cap.Known)
}

// costBasis is the annual cost per WTE a post's cost is worked from: its own, else the
// cap standing in; 0 when neither is known.
func costBasis(cost workforce.Pence, c CapOn) workforce.Pence {
	switch {
	case cost > 0:
		return cost
	case c.Known:
		return c.Pence
	}
	return 0
}

// daysInPost counts the days of [from, to) on which the record is in post.
func daysInPost(s workforce.Staff, from, to time.Time) int {
	first := later(s.Start, from)
	end := to
	if !s.End.IsZero() {
		end = earlier(s.End, to)
	}
	return max(0, workforce.Days(first, end))
}

// firstEnd is the earlier of two end dates, where a zero date is no end.
func firstEnd(a, b time.Time) time.Time {
	switch {
	case a.IsZero():
		return b
	case b.IsZero():
		return a
	}
	return earlier(a, b)
}
