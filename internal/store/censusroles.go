package store

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"
)

// CensusRoles is the staff in post on the date of one national census (PLANNING.md,
// "Staff in post"): the ARRS FTE of each PCN in each role, and which PCNs made a return.
type CensusRoles struct {
	Census time.Time
	// FTE is the ARRS FTE in post by PCN and role code, records a PCN entered itself
	// included (in_post); a PCN or role with none is absent (0).
	FTE map[string]map[string]float64
	// Returned is the PCNs with an NWRS record in post on the census date, in any role:
	// the complement of NoReturn among the PCNs of the reference data.
	Returned map[string]bool
}

// CensusRoles is, for every national census imported (oldest first), the ARRS FTE in
// post that day by PCN and role and the PCNs that made a return, in one query grouped
// by census, PCN and role (a decile chart reads every census at once). A later import
// ends records on its own census date, never before, so an earlier census's figures
// stay what they were when imported; ICB leads' corrections are not censuses of their
// own.
func (db *DB) CensusRoles(ctx context.Context) (_ []CensusRoles, err error) {
	defer wrap(&err, "ARRS FTE by PCN and role on each national census")
	// Records are first summed by PCN, role and span of days: a census then joins the
	// spans rather than the records (60 censuses of the November 2025 workforce: 0.7 s
	// rather than 1.8 s).
	rows, err := db.q.Query(ctx, `
		WITH spans AS (
			SELECT pcn_code, coalesce(role_code, '') AS role_code, start_date, end_date,
			       sum(fte) FILTER (WHERE role_code IS NOT NULL) AS fte, bool_or(source = ANY($1)) AS nwrs
			FROM staff GROUP BY 1, 2, 3, 4)
		SELECT c.census_date, coalesce(s.pcn_code, ''), coalesce(s.role_code, ''),
		       coalesce(sum(s.fte), 0)::float8, coalesce(bool_or(s.nwrs), false)
		FROM (SELECT DISTINCT census_date FROM nwrs_imports WHERE scope IS NULL) c
		LEFT JOIN spans s ON s.start_date <= c.census_date AND (s.end_date IS NULL OR c.census_date < s.end_date)
		GROUP BY 1, 2, 3 ORDER BY 1`, nwrsSources)
	if err != nil {
		return nil, err
	}
	var out []CensusRoles
	var census time.Time
	var pcn, role string
	var fte float64
	var returned bool
	_, err = pgx.ForEachRow(rows, []any{&census, &pcn, &role, &fte, &returned}, func() error {
		if len(out) == 0 || !out[len(out)-1].Census.Equal(census) {
			out = append(out, CensusRoles{Census: census, FTE: map[string]map[string]float64{}, Returned: map[string]bool{}})
		}
		c := &out[len(out)-1]
		if pcn == "" { // a census with no record in post at all
			return nil
		}
		if returned {
			c.Returned[pcn] = true
		}
		if role != "" && fte != 0 {
			if c.FTE[pcn] == nil {
				c.FTE[pcn] = map[string]float64{}
			}
			c.FTE[pcn][role] = fte
		}
		return nil
	})
	return out, err
}

// CensusNeedInputs says what need on a national census day is worked out from, besides
// the weights and the deprivation scores that every day shares: the list extract the
// day reads (listExtractSQL) and the last day on or before it that a PCN's or a
// practice's span starts or ends. Two censuses with the same inputs have the same need,
// so a decile chart works it out once for both.
type CensusNeedInputs struct {
	Census, Extract, Structure time.Time
}

// CensusNeedInputs is the need inputs of every national census imported, oldest first.
func (db *DB) CensusNeedInputs(ctx context.Context) (_ []CensusNeedInputs, err error) {
	defer wrap(&err, "need inputs of each national census")
	rows, err := db.q.Query(ctx, `
		WITH bounds AS (
			SELECT valid_from AS day FROM practice_spans UNION SELECT valid_to FROM practice_spans
			UNION SELECT valid_from FROM pcn_spans UNION SELECT valid_to FROM pcn_spans)
		SELECT c.census_date, coalesce(e.day, '0001-01-01'),
		       coalesce((SELECT max(day) FROM bounds WHERE day <= c.census_date), '0001-01-01')
		FROM (SELECT DISTINCT census_date FROM nwrs_imports WHERE scope IS NULL) c
		CROSS JOIN LATERAL (`+listExtractOn("c.census_date")+`) e
		ORDER BY 1`)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (CensusNeedInputs, error) {
		var x CensusNeedInputs
		return x, r.Scan(&x.Census, &x.Extract, &x.Structure)
	})
}
