package audit

import (
	"strings"
	"unicode"
)

// fieldLabels name the fields of the audited records whose key does not read well
// split into words (store/*audit*.go and the workforce types the store audits whole).
var fieldLabels = map[string]string{
	"annual_cost_pence": "Annual cost", "cap_pence": "Cap", "rate_gbp": "Rate",
	"fte": "FTE", "baseline_fte": "Baseline FTE",
	"start_date": "Start date", "Start": "Start date", "end_date": "End date", "End": "End date",
	"role_code": "Role", "role": "Role", "RoleCode": "Role",
	"staff_role": "NWRS staff role", "detailed_role": "NWRS detailed role", "arrs_funded": "ARRS funded",
	"funding_stream": "Funding stream", "practice_code": "Practice", "approved_role_id": "Approved additional role",
	"oidc_subject": "Single sign-on subject", "sha256": "SHA-256 of the file",
	"SuperviseeID": "Supervisee", "SupervisorID": "Supervisor", "target_id": "Target",
	"HoursPerMonth": "Hours a month", "SessionsPerWeek": "Sessions a week",
	"IsDefault": "Default target", "Baseline": "Baseline date", "returned_to": "Returned to version",
	"superseded": "Superseded versions", "sub_icbs_moved": "Sub-ICBs moved",
	// share agreements, approved roles, practice shares and payment lags (issue 14)
	"share_percent": "Share (%)", "valid_from": "From", "valid_to": "Until (first day not covered)", "agreed_on": "Date agreed",
	"party": "Agreed with", "payment_lag_months": "Payment lag (months)",
}

// hiddenFields are bookkeeping that says nothing to a reader: the version that
// optimistic locking moves, a record's own id and the PCN or ICB the entry names in
// its own columns. The raw JSON keeps them.
var hiddenFields = map[string]bool{"version": true, "Version": true, "ID": true, "PCNCode": true, "ICBCode": true}

// nestedHidden repeat the key a nested record sits under (an ICB's expected supply,
// keyed by role, for the year of the page).
var nestedHidden = map[string]bool{"RoleCode": true, "FinancialYear": true}

func hidden(p path) bool {
	return hiddenFields[p.last()] || (len(p) > 1 && nestedHidden[p.last()])
}

// acronyms keep their capitals when a key is split into words.
var acronyms = map[string]string{"fte": "FTE", "icb": "ICB", "icbs": "ICBs", "pcn": "PCN", "pcns": "PCNs",
	"nwrs": "NWRS", "arrs": "ARRS", "id": "ID", "oidc": "OIDC", "gp": "GP"}

// label names a field for people: its own label, else its key split into words
// ("NewlyQualified", "pcns_created" → "Newly qualified", "PCNs created"); a nested
// field follows the label of the key it sits under ("Paramedic, movers").
func (f formatter) label(p path) string {
	if len(p) == 0 {
		return "Value"
	}
	var parts []string
	for i, k := range p {
		l := fieldLabels[k]
		if l == "" {
			l = words(k)
		}
		if i == 0 {
			if name := f.roles[k]; name != "" {
				l = name
			}
		} else {
			l = lowerFirst(l)
		}
		parts = append(parts, l)
	}
	return strings.Join(parts, ", ")
}

// words splits a snake_case or CamelCase key into a phrase: first word capitalised,
// acronyms kept.
func words(key string) string {
	var ws []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			ws = append(ws, string(cur))
			cur = nil
		}
	}
	rs := []rune(key)
	for i, r := range rs {
		switch {
		case r == '_' || r == '-' || r == ' ':
			flush()
			continue
		case unicode.IsUpper(r) && i > 0 && (unicode.IsLower(rs[i-1]) || (i+1 < len(rs) && unicode.IsLower(rs[i+1]) && unicode.IsUpper(rs[i-1]))):
			flush()
		}
		cur = append(cur, r)
	}
	flush()
	for i, w := range ws {
		if a, ok := acronyms[strings.ToLower(w)]; ok {
			ws[i] = a
		} else {
			ws[i] = strings.ToLower(w)
		}
	}
	if len(ws) == 0 {
		return key
	}
	return upperFirst(strings.Join(ws, " "))
}

func upperFirst(s string) string {
	r := []rune(s)
	if len(r) > 0 {
		r[0] = unicode.ToUpper(r[0])
	}
	return string(r)
}

// lowerFirst lowers a label's first letter unless it begins an acronym ("FTE").
func lowerFirst(s string) string {
	r := []rune(s)
	if len(r) > 1 && unicode.IsUpper(r[1]) {
		return s
	}
	if len(r) > 0 {
		r[0] = unicode.ToLower(r[0])
	}
	return string(r)
}
