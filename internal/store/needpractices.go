package store

import (
	"context"
	"encoding/binary"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// NeedPractices lists every practice of England on day d (its span in force on d), by
// code, with its need inputs (workforce.NeedPractice): its PCN that day ("" for none),
// its published total and its patients by sex in w's age bands, both at the extract
// a list on d is read from (the latest on or before d, else the first: PCNsOn's), and
// its deprivation score of the latest year present nationally (one vintage for every
// practice: a practice without a score that year has none). Each 5-year band counts in
// the band of w that holds it (w.BandOf); weights that w.Check refuses are refused.
//
// One query. The bands come from practice_bands (migration 000019): one row per
// practice and extract, each sex's 20 counts as 80 bytes, kept in step with
// practice_patients by its triggers. Reading the 248,000 rows of practice_patients
// took most of the time of need for England; the 6,200 rows as integer[] took about
// twice as long as the same as bytes (BenchmarkNeedGather).
func (db *DB) NeedPractices(ctx context.Context, d time.Time, w workforce.NeedWeights) (_ []workforce.NeedPractice, err error) {
	defer wrap(&err, "need inputs of practices on %s", d.Format(time.DateOnly))
	if err := w.Check(); err != nil {
		return nil, err
	}
	var bandOf [fiveYearBands]int
	for i, label := range workforce.FiveYearBands {
		bandOf[i], _ = w.BandOf(label) // Check: each lies in one of w's bands
	}
	rows, err := db.q.Query(ctx, `
		WITH ext AS (`+listExtractSQL+`)
		SELECT m.practice_code, coalesce(m.pcn_code, ''), t.patients, s.score::float8, b.male, b.female
		FROM practice_spans m
		CROSS JOIN ext
		LEFT JOIN practice_patients t ON t.practice_code = m.practice_code AND t.extract = ext.day
		     AND t.sex = 'ALL' AND t.age_band = 'ALL'
		LEFT JOIN practice_bands b ON b.extract = ext.day AND b.practice_code = m.practice_code
		LEFT JOIN practice_deprivation s ON s.practice_code = m.practice_code
		     AND s.year = (SELECT max(year) FROM practice_deprivation)
		WHERE m.valid_from <= $1 AND (m.valid_to IS NULL OR $1 < m.valid_to)
		ORDER BY m.practice_code`, d)
	if err != nil {
		return nil, err
	}
	var out []workforce.NeedPractice
	var p workforce.NeedPractice
	var list *int32
	var score *float64
	var male, female pgtype.DriverBytes
	_, err = pgx.ForEachRow(rows, []any{&p.Code, &p.PCN, &list, &score, &male, &female}, func() error {
		q := workforce.NeedPractice{Code: p.Code, PCN: p.PCN}
		if list != nil {
			q.List, q.ListKnown = int(*list), true
		}
		if score != nil {
			q.IMD, q.IMDKnown = *score, true
		}
		if male != nil {
			q.Male, q.Female = make([]int, len(w.Age)), make([]int, len(w.Age))
			if err := addBands(q.Male, male, &bandOf); err != nil {
				return fmt.Errorf("%s, men: %w", q.Code, err)
			}
			if err := addBands(q.Female, female, &bandOf); err != nil {
				return fmt.Errorf("%s, women: %w", q.Code, err)
			}
		}
		out = append(out, q)
		return nil
	})
	return out, err
}

// fiveYearBands is how many 5-year bands practice_bands holds for each sex.
const fiveYearBands = len(workforce.FiveYearBands)

// addBands adds the 5-year counts of practice_bands (4-byte big-endian integers in
// age order) into bands, count i into bands[bandOf[i]].
func addBands(bands []int, counts []byte, bandOf *[fiveYearBands]int) error {
	if len(counts) != 4*fiveYearBands {
		return fmt.Errorf("%d bytes of 5-year bands, want %d", len(counts), 4*fiveYearBands)
	}
	for i, b := range bandOf {
		bands[b] += int(int32(binary.BigEndian.Uint32(counts[4*i:])))
	}
	return nil
}
