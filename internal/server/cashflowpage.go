package server

import (
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/arrs-planner/arrs/internal/funding"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/ui"

	cashflowweb "github.com/arrs-planner/arrs/web/cashflow"
	fundingweb "github.com/arrs-planner/arrs/web/funding"
)

// The query values of the page's two forms: each carries the other's over, so that a
// link keeps every setting.
var (
	cashSettingKeys = []string{"year", "lag", "uplift", "uplift_month"}
	cashMoveKeys    = []string{"move", "to", "practice"}
)

// fillCashflowPage sets the page's years, settings, what-if and move form from the
// funding as things stand (before) and with the move (after, nil for none).
func fillCashflowPage(page *cashflowweb.Page, r *http.Request, q cashQuery, window []workforce.FinancialYear, before []funding.PCNYear,
	after *funding.Result, subject moveSubject, names map[string]string) {
	v, action := r.URL.Query(), "/pcns/"+page.Code+"/cashflow"
	if len(before) > 0 {
		page.Lag = before[0].CashFlow.Lag
	}
	if q.uplift != nil {
		page.Uplift = &cashflowweb.Uplift{Percent: q.uplift.Percent, Month: q.upliftMonth}
	}
	practice := practiceOf(before, subject.Practice)
	moved := subject.From == workforce.StreamOther || q.move.to == workforce.StreamOther
	for _, y := range before {
		yr := cashflowweb.Year{Key: strconv.Itoa(int(y.Year.Year)), Name: y.Year.Year.String(), Label: fundingweb.YearLabel(int(y.Year.Year - window[0])),
			Flow: cashFlowView(y), Before: cashFigures(y, practice)}
		if after != nil {
			a, _ := after.For(y.PCN, y.Year.Year)
			f := cashFlowView(a)
			yr.After, yr.AfterFigures, yr.OtherMoved = &f, cashFigures(a, practice), moved
		}
		yr.Downloads = cashDownloads(page.Code, yr.Key, v)
		page.Years = append(page.Years, yr)
	}
	page.Settings = cashSettings(action, v, window)
	if after != nil {
		page.WhatIf = &cashflowweb.WhatIf{Subject: subject.Text, From: subject.From, To: q.move.to, Link: r.URL.RequestURI(),
			ClearHref: action + encodeKeys(v, cashSettingKeys)}
		if q.move.to == workforce.StreamPracticeGP {
			page.WhatIf.Practice = practice.Name
		}
	}
	page.Move = moveForm(action, v, before, names)
}

// namedPractice is the practice a what-if names, as the page shows it.
type namedPractice struct{ Code, Name string }

// practiceOf finds the named practice among the years' members ("" when none named).
func practiceOf(years []funding.PCNYear, code string) namedPractice {
	if code == "" {
		return namedPractice{}
	}
	for _, y := range years {
		for _, pr := range y.Practices {
			if pr.Code == code {
				return namedPractice{Code: code, Name: pr.Name + " (" + code + ")"}
			}
		}
	}
	return namedPractice{Code: code, Name: code}
}

// cashFlowView is a year's cash flow with what the staff data can tell of it
// (funding.CashKnown, as the download and `arrs report cashflow` have it).
func cashFlowView(y funding.PCNYear) cashflowweb.Flow {
	k := y.CashKnown()
	return cashflowweb.Flow{CashFlow: y.CashFlow, DataStart: y.DataStart, Known: k.Earned, ReceivedKnown: k.Received, NetKnown: k.Net,
		PositionKnown: k.Position}
}

// cashFigures are a year's figures as the what-if compares them: the headroom of the
// ARRS and of the practice GP scheme over the member practices whose list is known (as
// the funding page has it, "no data" without a rate or any list), other money's costs,
// the named practice's practice GP scheme and the practice split, as the funding page
// shows them (fundingPractices). A partial year's headroom and costs are not known
// (its committed claims are not).
func cashFigures(y funding.PCNYear, practice namedPractice) cashflowweb.Figures {
	known := !y.Partial()
	f, pg := y.Funding, y.PracticeGP
	h := cashflowweb.Figures{ARRS: fundingweb.Amount{Pence: f.HeadroomPence, Known: known}, Claims: f.CommittedPence + f.PlannedPence,
		Entitlement: f.EntitlementPence,
		PracticeGP:  fundingweb.Amount{Pence: pg.HeadroomPence, Known: known && y.PracticeGPEntitlementKnown()},
		Other:       fundingweb.Amount{Pence: f.Other.CommittedPence + f.Other.PlannedPence, Known: known},
		Split:       fundingPractices(y), PracticeName: practice.Name}
	if h.PracticeGP.Known {
		h.PracticeGP.Note = fundingweb.ExcludingPractices(y.PracticesWithoutList())
	}
	for _, pr := range h.Split.List {
		if practice.Code != "" && pr.Code == practice.Code {
			h.Practice = pr
		}
	}
	return h
}

// cashDownloads are a year's files, with the page's lag and uplift.
func cashDownloads(code, year string, v url.Values) []cashflowweb.Download {
	q := url.Values{"year": {year}}
	for _, k := range cashSettingKeys[1:] {
		if v.Get(k) != "" {
			q.Set(k, v.Get(k))
		}
	}
	base, query := "/pcns/"+code+"/cashflow", "?"+q.Encode()
	return []cashflowweb.Download{
		{Text: "CSV", Href: base + ".csv" + query, TestID: "y" + year + "-csv"},
		{Text: "Excel (XLSX)", Href: base + ".xlsx" + query, TestID: "y" + year + "-xlsx"},
	}
}

// encodeKeys is "?k=v&…" of the query's values for keys (or "" for none).
func encodeKeys(v url.Values, keys []string) string {
	q := url.Values{}
	for _, k := range keys {
		if v.Get(k) != "" {
			q.Set(k, v.Get(k))
		}
	}
	if len(q) == 0 {
		return ""
	}
	return "?" + q.Encode()
}

// hiddenKeys are the query's values for keys, as a form's hidden fields.
func hiddenKeys(v url.Values, keys []string) []cashflowweb.Hidden {
	var out []cashflowweb.Hidden
	for _, k := range keys {
		if v.Get(k) != "" {
			out = append(out, cashflowweb.Hidden{Name: k, Value: v.Get(k)})
		}
	}
	return out
}

// cashSettings is the form of the year, lag and uplift, as the address has them.
func cashSettings(action string, v url.Values, window []workforce.FinancialYear) cashflowweb.Settings {
	s := cashflowweb.Settings{Action: action, Year: v.Get("year"), Lag: v.Get("lag"), Uplift: v.Get("uplift"),
		UpliftMonth: v.Get("uplift_month"), Hidden: hiddenKeys(v, cashMoveKeys),
		LagHint: "Leave empty for the ICB's; the default is 2 months.",
		Years:   []ui.SelectItem{{Value: "", Text: "This year and next"}},
		Months:  []ui.SelectItem{{Value: "", Text: "No uplift"}}}
	for _, y := range window {
		s.Years = append(s.Years, ui.SelectItem{Value: strconv.Itoa(int(y)), Text: y.String()})
		for _, m := range y.MonthStarts() {
			s.Months = append(s.Months, ui.SelectItem{Value: m.Format("2006-01"), Text: m.Format("January 2006")})
		}
	}
	return s
}

// moveForm offers the GPs on the ARRS in the years shown (staff records, with the
// member practices to claim them, and the plan's starters by quarter, which name no
// practice).
func moveForm(action string, v url.Values, years []funding.PCNYear, names map[string]string) cashflowweb.MoveForm {
	f := cashflowweb.MoveForm{Action: action, Post: v.Get("move"), Practice: v.Get("practice"), Hidden: hiddenKeys(v, cashSettingKeys)}
	seen := map[string]bool{}
	add := func(items *[]ui.SelectItem, value, text string) {
		if !seen[value] {
			seen[value] = true
			*items = append(*items, ui.SelectItem{Value: value, Text: text})
		}
	}
	for _, y := range years {
		for _, st := range y.Staff {
			if st.Record.RoleCode == workforce.PracticeGPRole && st.Record.FundingStream() == workforce.StreamARRS {
				add(&f.StaffPosts, "staff-"+strconv.FormatInt(st.Record.ID, 10),
					staffMoveLabel(st.Record.Staff, names)+", "+ui.Decimal(st.Record.FTE, 2)+" FTE")
			}
		}
	}
	for _, y := range years {
		for _, l := range y.Plan {
			if l.Line.RoleCode == workforce.PracticeGPRole && l.Line.FundingStream() == workforce.StreamARRS && !l.Leavers {
				q := workforce.QuarterOf(l.Line.QuarterStart)
				add(&f.PlanPosts, "plan-"+l.Line.RoleCode+"-"+l.Line.QuarterStart.Format(time.DateOnly),
					planMoveLabel(fundingRoleName(names, l.Line.RoleCode), q))
			}
		}
	}
	for _, y := range years {
		for _, pr := range y.Practices {
			add(&f.Practices, pr.Code, pr.Name+" ("+pr.Code+")")
		}
	}
	return f
}
