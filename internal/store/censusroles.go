package store

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
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
// post that day by PCN and role and the PCNs that made a return (a decile chart reads
// every census at once). A later import ends records on its own census date, never
// before, so an earlier census's figures stay what they were when imported; ICB leads'
// corrections are not censuses of their own.
func (db *DB) CensusRoles(ctx context.Context) ([]CensusRoles, error) {
	return db.CensusRolesOf(ctx, nil)
}

// CensusRolesOf is CensusRoles for the PCNs named (nil: all); the others are absent
// from every census's maps.
func (db *DB) CensusRolesOf(ctx context.Context, pcns []string) (_ []CensusRoles, err error) {
	defer wrap(&err, "ARRS FTE by PCN and role on each national census (%d PCNs, 0: all)", len(pcns))
	censuses, err := db.NationalCensuses(ctx)
	if err != nil || len(censuses) == 0 {
		return nil, err
	}
	changes, err := db.roleChanges(ctx, pcns, censuses[len(censuses)-1])
	if err != nil {
		return nil, err
	}
	return replayCensuses(censuses, changes), nil
}

// NationalCensuses is the dates of the national imports, oldest first.
func (db *DB) NationalCensuses(ctx context.Context) (_ []time.Time, err error) {
	defer wrap(&err, "national censuses")
	rows, err := db.q.Query(ctx, `SELECT DISTINCT census_date FROM nwrs_imports WHERE scope IS NULL ORDER BY 1`)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowTo[time.Time])
}

// roleChange is what the records of one PCN and role (code; empty outside ARRS)
// gained on one day: starts less ends of ARRS FTE in millionths (exact, as the
// numeric column), of records, and of NWRS records.
type roleChange struct {
	day           time.Time
	pcn, role     string
	micro         int64
	records, nwrs int
}

// roleChanges is every roleChange on or before last, oldest first. In post on c is
// started on or before c and not ended on or before it, so the state on a census is
// the sum of the changes up to it: one pass over the records rather than one per
// census (at 60 censuses, 121,000 records, the join of every census with the records
// took 8.6 s where this takes 1.8 s, side by side on a busy 2-core machine). The sums
// are exact, so each figure is the numeric sum the join converted to float8.
func (db *DB) roleChanges(ctx context.Context, pcns []string, last time.Time) ([]roleChange, error) {
	rows, err := db.q.Query(ctx, `
		SELECT day, pcn_code, role, (sum(fte) * 1000000)::bigint, sum(n)::int, sum(nwrs)::int
		FROM (
			SELECT start_date AS day, pcn_code, coalesce(role_code, '') AS role,
			       CASE WHEN role_code IS NULL THEN 0 ELSE fte END AS fte, 1 AS n, (source = ANY($1))::int AS nwrs
			FROM staff WHERE start_date <= $2 AND `+pcnsWhere(pcns, 3)+`
			UNION ALL
			SELECT end_date, pcn_code, coalesce(role_code, ''),
			       CASE WHEN role_code IS NULL THEN 0 ELSE -fte END, -1, -(source = ANY($1))::int
			FROM staff WHERE end_date <= $2 AND `+pcnsWhere(pcns, 3)+`) e
		GROUP BY 1, 2, 3 ORDER BY 1`, pcnsArgs(pcns, nwrsSources, last)...)
	if err != nil {
		return nil, err
	}
	codes := codeSet{}
	var out []roleChange
	var c roleChange
	var pcn, role pgtype.DriverBytes
	_, err = pgx.ForEachRow(rows, []any{&c.day, &pcn, &role, &c.micro, &c.records, &c.nwrs}, func() error {
		c.pcn, c.role = codes.get(pcn), codes.get(role)
		out = append(out, c)
		return nil
	})
	return out, err
}

// roleState is the records of one PCN and role in post after the changes so far.
type roleState struct {
	micro         int64
	records, nwrs int
}

// replayCensuses sums the changes up to each census (changes oldest first). A PCN that
// nothing changed since the previous census shares that census's map of roles (read
// only), so 60 censuses hold little more than one.
func replayCensuses(censuses []time.Time, changes []roleChange) []CensusRoles {
	state := map[string]map[string]*roleState{}
	out := make([]CensusRoles, len(censuses))
	for i, census := range censuses {
		dirty := map[string]bool{}
		for len(changes) > 0 && !changes[0].day.After(census) {
			applyChange(state, changes[0])
			dirty[changes[0].pcn] = true
			changes = changes[1:]
		}
		c := CensusRoles{Census: census, FTE: map[string]map[string]float64{}, Returned: map[string]bool{}}
		for pcn, roles := range state {
			if i > 0 && !dirty[pcn] {
				if m := out[i-1].FTE[pcn]; m != nil {
					c.FTE[pcn] = m
				}
				if out[i-1].Returned[pcn] {
					c.Returned[pcn] = true
				}
				continue
			}
			censusOf(&c, pcn, roles)
		}
		out[i] = c
	}
	return out
}

func applyChange(state map[string]map[string]*roleState, ch roleChange) {
	roles := state[ch.pcn]
	if roles == nil {
		roles = map[string]*roleState{}
		state[ch.pcn] = roles
	}
	r := roles[ch.role]
	if r == nil {
		r = &roleState{}
		roles[ch.role] = r
	}
	r.micro += ch.micro
	r.records += ch.records
	r.nwrs += ch.nwrs
}

// censusOf sets a PCN's FTE by role (ARRS roles with records in post and FTE other
// than 0) and whether it made a return (an NWRS record in post in any role). The FTE
// is the exact sum in millionths as a float8, as Postgres converts the numeric sum.
func censusOf(c *CensusRoles, pcn string, roles map[string]*roleState) {
	var m map[string]float64
	for role, r := range roles {
		if r.nwrs > 0 {
			c.Returned[pcn] = true
		}
		if role == "" || r.records <= 0 || r.micro == 0 {
			continue
		}
		if m == nil {
			m = map[string]float64{}
		}
		m[role] = float64(r.micro) / 1e6
	}
	if m != nil {
		c.FTE[pcn] = m
	}
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
