package gaps

import (
	"net/url"
	"strings"
	"time"

	"github.com/arrs-planner/arrs/internal/need"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// WhatIfQuery is the what-if of a page's query, its footprints and its denominator, for every link of
// a gap page to keep: only the fields given, as typed.
func WhatIfQuery(q url.Values) url.Values {
	out := url.Values{}
	for _, f := range append(WhatIfFields, FieldFootprints, need.Param) {
		if v := strings.TrimSpace(q.Get(f)); v != "" {
			out.Set(f, v)
		}
	}
	return out
}

// Link is path with the parameters q: the links of a gap page keep its what-if.
func Link(path string, q url.Values) string {
	if len(q) == 0 {
		return path
	}
	return path + "?" + q.Encode()
}

// With is a copy of q with the pairs set, for links that change one parameter.
func With(q url.Values, pairs ...string) url.Values {
	out := url.Values{}
	for k, v := range q {
		out[k] = v
	}
	for i := 0; i+1 < len(pairs); i += 2 {
		out.Set(pairs[i], pairs[i+1])
	}
	return out
}

// RowHref is where an area's row leads: an ICB to its gap page, a PCN to its overview
// (whose panel reads the same what-if); a region to nothing, its ICBs being one click
// away in the ICB table.
func RowHref(level workforce.Level, code string, q url.Values) string {
	switch level {
	case workforce.LevelICB:
		return Link(ICBHref(code), q)
	case workforce.LevelPCN:
		return Link("/pcns/"+code, q)
	}
	return ""
}

// ICBHref is an ICB's gap page.
func ICBHref(code string) string { return "/gaps/icbs/" + code }

// Downloads are a table's CSV and XLSX links: path.csv and path.xlsx with the page's
// query.
func Downloads(path string, q url.Values) []Download {
	return []Download{
		{Text: "CSV", Href: Link(path+".csv", q), TestID: "download-csv"},
		{Text: "Excel (XLSX)", Href: Link(path+".xlsx", q), TestID: "download-xlsx"},
	}
}

// laterDeadline offers, when the deadline has passed (on or before the as-of date),
// the same page with the deadline at the end of the next financial year.
func laterDeadline(path string, q url.Values, deadline, asOf time.Time) string {
	if deadline.After(asOf) {
		return ""
	}
	next := (workforce.FinancialYearOf(asOf) + 1).End().AddDate(0, 0, -1)
	return Link(path, With(q, FieldDeadline, next.Format(workforce.DateLayout)))
}
