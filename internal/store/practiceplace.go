package store

import (
	"context"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// PracticePlace is one practice on a day: its place in that day's structure, its
// registered patients and its latest deprivation score. What is not held is unknown,
// never 0: Placed, PatientsKnown and DeprivationKnown say which parts are.
type PracticePlace struct {
	workforce.Practice
	// Placed is false when the practice has no place in the day's structure (it had
	// closed, or was not yet listed); the codes and names below are then empty.
	Placed bool
	// PCNCode is "" for a practice in no PCN (74 in November 2025).
	PCNCode, PCNName       string
	SubICBCode, SubICBName string
	ICBCode, ICBName       string
	// Patients is the practice's published total at Extract, the publication a PCN's
	// list is read from on the same day (listExtractSQL), so the practice's figure is
	// the one its PCN's total counts.
	Patients      int
	PatientsKnown bool
	Extract       time.Time
	// Deprivation is the latest year's score held for the practice.
	Deprivation      workforce.Deprivation
	DeprivationKnown bool
}

// PracticeOn reads a practice by its code on day d (PracticePlace); ErrNotFound when
// no practice has the code.
func (db *DB) PracticeOn(ctx context.Context, code string, d time.Time) (_ PracticePlace, err error) {
	defer wrap(&err, "practice %s on %s", code, d.Format(time.DateOnly))
	var p PracticePlace
	var patients, year *int32
	var score *float64
	var source *string
	err = db.q.QueryRow(ctx, `
		WITH ext AS (`+listExtractSQL+`)
		SELECT pr.code, pr.name, pr.postcode, m.practice_code IS NOT NULL,
		       coalesce(m.pcn_code, ''), coalesce(pc.name, ''), coalesce(m.sub_icb_code, ''), coalesce(si.name, ''),
		       coalesce(m.icb_code, ''), coalesce(i.name, ''),
		       pp.patients, coalesce(ext.day, '0001-01-01'), dep.year, dep.score::float8, dep.source
		FROM practices pr
		CROSS JOIN ext
		LEFT JOIN practice_spans m ON m.practice_code = pr.code AND m.valid_from <= $1 AND (m.valid_to IS NULL OR $1 < m.valid_to)
		LEFT JOIN pcns pc ON pc.code = m.pcn_code
		LEFT JOIN sub_icbs si ON si.code = m.sub_icb_code
		LEFT JOIN icbs i ON i.code = m.icb_code
		LEFT JOIN practice_patients pp ON pp.practice_code = pr.code AND pp.extract = ext.day
		     AND pp.sex = 'ALL' AND pp.age_band = 'ALL'
		LEFT JOIN LATERAL (SELECT year, score, source FROM practice_deprivation
		                   WHERE practice_code = pr.code ORDER BY year DESC LIMIT 1) dep ON true
		WHERE pr.code = $2`, d, code).Scan(&p.Code, &p.Name, &p.Postcode, &p.Placed,
		&p.PCNCode, &p.PCNName, &p.SubICBCode, &p.SubICBName, &p.ICBCode, &p.ICBName,
		&patients, &p.Extract, &year, &score, &source)
	if err != nil {
		return p, mapErr(err)
	}
	p.Extract = orZero(p.Extract)
	if patients != nil {
		p.Patients, p.PatientsKnown = int(*patients), true
	}
	if year != nil && score != nil && source != nil {
		p.Deprivation = workforce.Deprivation{PracticeCode: p.Code, Year: int(*year), Score: *score, Source: *source}
		p.DeprivationKnown = true
	}
	return p, nil
}
