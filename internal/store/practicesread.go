package store

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// listExtractSQL is the extract a list on day $1 is read from: the latest publication
// on or before the day, or the first one when the day is before them all. PCNsOn sums
// its members' totals at the same extract, so that a PCN's list is its practices' sum.
var listExtractSQL = listExtractOn("$1")

// listExtractOn is listExtractSQL for the day an SQL expression gives (a parameter, or
// a column of the query it is joined into laterally).
func listExtractOn(day string) string {
	return `
	SELECT coalesce(
		(SELECT max(extract) FROM practice_patients WHERE sex = 'ALL' AND age_band = 'ALL' AND extract <= ` + day + `),
		(SELECT min(extract) FROM practice_patients WHERE sex = 'ALL' AND age_band = 'ALL')) AS day`
}

// MemberPractice is a practice that is a member of a PCN on a day, with its own ICB
// that day (23 PCNs have practices in two ICBs) and its registered patients.
type MemberPractice struct {
	workforce.Practice
	ICBCode, ICBName string
	// PCNICBCode is the PCN's ICB the same day, to tell a practice in another ICB.
	PCNICBCode string
	// Patients is the practice's published total at Extract; PatientsKnown is false
	// when that publication has no row for it (unknown, not 0).
	Patients      int
	PatientsKnown bool
	Extract       time.Time
}

// OtherICB reports whether the practice sits in an ICB other than its PCN's.
func (m MemberPractice) OtherICB() bool { return m.PCNICBCode != "" && m.ICBCode != m.PCNICBCode }

// PracticesOfPCN lists the practices that are members of a PCN on day d, by name,
// each with its patients at the extract PCNsOn takes for d (listExtractSQL).
func (db *DB) PracticesOfPCN(ctx context.Context, pcn string, d time.Time) (_ []MemberPractice, err error) {
	defer wrap(&err, "practices of %s on %s", pcn, d.Format(time.DateOnly))
	rows, err := db.q.Query(ctx, `
		WITH ext AS (`+listExtractSQL+`)
		SELECT pr.code, pr.name, pr.postcode, m.icb_code, i.name, coalesce(s.icb_code, ''),
		       pp.patients, coalesce(ext.day, '0001-01-01')
		FROM practice_spans m
		JOIN practices pr ON pr.code = m.practice_code
		JOIN icbs i ON i.code = m.icb_code
		CROSS JOIN ext
		LEFT JOIN pcn_spans s ON s.pcn_code = m.pcn_code AND s.valid_from <= $1 AND (s.valid_to IS NULL OR $1 < s.valid_to)
		LEFT JOIN practice_patients pp ON pp.practice_code = m.practice_code AND pp.extract = ext.day
		     AND pp.sex = 'ALL' AND pp.age_band = 'ALL'
		WHERE m.pcn_code = $2 AND m.valid_from <= $1 AND (m.valid_to IS NULL OR $1 < m.valid_to)
		ORDER BY pr.name, pr.code`, d, pcn)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (MemberPractice, error) {
		var m MemberPractice
		var patients *int32
		err := r.Scan(&m.Code, &m.Name, &m.Postcode, &m.ICBCode, &m.ICBName, &m.PCNICBCode, &patients, &m.Extract)
		if patients != nil {
			m.Patients, m.PatientsKnown = int(*patients), true
		}
		if m.Extract.Year() == 1 {
			m.Extract = time.Time{}
		}
		return m, err
	})
}
