package audit

import (
	"slices"
	"testing"
)

// Each change reads as "field: old → new", in words, pounds and dates, never as the
// JSON the trail stores.
func TestChanges(t *testing.T) {
	t.Parallel()
	roles := map[string]string{"clinical_pharmacist": "Clinical pharmacist", "paramedic": "Paramedic"}
	cases := []struct {
		name          string
		before, after string
		want          []string
	}{
		{"a staff record's cost and end",
			`{"annual_cost_pence": 4500000, "end_date": null, "fte": 1, "role_code": "paramedic", "version": 1}`,
			`{"annual_cost_pence": 4800000, "end_date": "2026-04-01", "fte": 1, "role_code": "paramedic", "version": 2}`,
			[]string{"Annual cost: £45,000 → £48,000", "End date: none → 1 April 2026"}},
		{"a created record lists what it holds, in its own order, without bookkeeping",
			``,
			`{"ID": 7, "PCNCode": "U60057", "Name": "Dr Ahmed", "Profession": "GP", "FTE": 0.8, "HoursPerMonth": 6, "Active": true, "Version": 1}`,
			[]string{"Name: Dr Ahmed", "Profession: GP", "FTE: 0.8", "Hours a month: 6", "Active: yes"}},
		{"a removed record lists what it held",
			`{"ID": 3, "PCNCode": "U60057", "Name": "Main surgery", "SessionsPerWeek": 12.5, "Version": 4}`, ``,
			[]string{"Name: Main surgery", "Sessions a week: 12.5"}},
		{"a link's times, kind and people",
			`{"SuperviseeID": 12, "SupervisorID": 3, "Kind": "clinic_practice", "Start": "2026-04-01T00:00:00Z", "End": "0001-01-01T00:00:00Z"}`,
			`{"SuperviseeID": 12, "SupervisorID": 4, "Kind": "clinical", "Start": "2026-04-01T00:00:00Z", "End": "2027-03-31T00:00:00Z"}`,
			[]string{"Supervisor: supervisor 3 → supervisor 4", "Kind: clinic practice → clinical", "End date: none → 31 March 2027"}},
		{"a cap by role name, effective date and provisional flag",
			`{"cap_pence": 6697200, "effective_from": "2025-04-01", "provisional": true, "role": "clinical_pharmacist", "variant": ""}`,
			`{"cap_pence": 6697250, "effective_from": "2025-04-01", "provisional": false, "role": "clinical_pharmacist", "variant": ""}`,
			[]string{"Cap: £66,972 → £66,972.50", "Provisional: yes → no"}},
		{"a plan's lines added and removed",
			`{"lines": ["paramedic 2026/27 Q2 1 0 -", "paramedic 2026/27 Q3 1 0 -"], "plan": 5, "version": 3}`,
			`{"lines": ["paramedic 2026/27 Q3 1 0 -", "paramedic 2026/27 Q4 2 0 -"], "plan": 5, "status": "draft", "version": 4}`,
			[]string{"Lines added: Paramedic, 2026/27 Q4: 2 FTE starting, 0 leaving, cost not known",
				"Lines removed: Paramedic, 2026/27 Q2: 1 FTE starting, 0 leaving, cost not known", "Status: none → draft"}},
		{"a plan line's cost in pounds",
			``, `{"lines": ["clinical_pharmacist 2027/28 Q1 1 0 45000"]}`,
			[]string{"Lines: Clinical pharmacist, 2027/28 Q1: 1 FTE starting, 0 leaving, £45,000 a year"}},
		{"a move's empty bookkeeping is no change",
			`{"plan": 5, "status": "signed_off"}`, `{"plan": 5, "status": "returned", "returned_to": 0, "superseded": []}`,
			[]string{"Status: signed off → returned"}},
		{"a long list shows its first items and a count",
			``, `{"file": "plan.csv", "lines": ["a", "b", "c", "d", "e", "f", "g"]}`,
			[]string{"File: plan.csv", "Lines: a; b; c; d; e; and 2 more"}},
		{"an import: counts, dates and acronyms",
			``, `{"census": "2025-11-30", "file": "nov.csv", "fte": 26826.3, "pcns_created": 0, "rows": 38696, "scope": null}`,
			[]string{"Census: 30 November 2025", "File: nov.csv", "FTE: 26,826.3", "PCNs created: 0", "Rows: 38,696"}},
		{"nested by role: the role's name leads",
			`{}`, `{"paramedic": {"ICBCode": "QOC", "RoleCode": "paramedic", "FinancialYear": "2026/27", "NewlyQualified": 2, "Movers": 1.5, "Version": 1}}`,
			[]string{"Paramedic, newly qualified: none → 2", "Paramedic, movers: none → 1.5"}},
		{"a rate in pounds and a sign-in time",
			`{"rate_gbp": 3.5}`, `{"rate_gbp": 3.62, "at": "2026-11-23T14:05:09Z"}`,
			[]string{"Rate: £3.50 → £3.62", "At: none → 23 November 2026 14:05 UTC"}},
		{"a staff record's funding: the stream by its label, a version kept before streams",
			`{"arrs_funded": true, "role_code": "gp", "version": 1}`,
			`{"funding_stream": "practice_gp", "practice_code": "A81001", "approved_role_id": null, "role_code": "gp", "version": 2}`,
			[]string{"Funding stream: none → Practice GP scheme", "Practice: none → A81001", "ARRS funded: yes → none"}},
		{"nothing changed but the version", `{"name": "A", "version": 1}`, `{"name": "A", "version": 2}`, nil},
		{"an event with no record", ``, ``, nil},
		{"JSON that cannot be read gives no lines", `{"name": `, `{"name": "B"}`, []string{"Name: B"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			var got []string
			for _, ch := range Changes(c.before, c.after, roles) {
				got = append(got, ch.String())
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("\ngot  %q\nwant %q", got, c.want)
			}
		})
	}
}

func TestWords(t *testing.T) {
	t.Parallel()
	for key, want := range map[string]string{
		"NewlyQualified": "Newly qualified", "pcns_created": "PCNs created", "weighted_population": "Weighted population",
		"TraineesCompleting": "Trainees completing", "ICBCode": "ICB code", "email": "Email",
	} {
		if got := words(key); got != want {
			t.Errorf("words(%q) = %q, want %q", key, got, want)
		}
	}
}
