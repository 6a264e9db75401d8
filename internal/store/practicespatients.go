package store

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// importPatients loads a list-size file (see ImportPractices). The rows go in by COPY
// (the 5-year file holds about 270,000) to a work table, then replace those of the
// same practice, extract, sex and age band; a file of age bands also drops the bands
// it no longer lists for its practices and extract, keeping their totals. The old rows
// are deleted and the new inserted rather than upserted: an upsert of the 5-year file
// takes half as long again. practice_patients' triggers (migration 000019) work the
// practice_bands rows of the practices and extracts each statement touches out again in
// the same transaction, as they do for any other write to it.
func (db *DB) importPatients(ctx context.Context, in PracticeImport, log *PracticeImportLog) error {
	pts := in.Files.Patients
	codes := distinct(len(pts), func(i int) string { return pts[i].PracticeCode })
	if err := db.refuseUnknown(ctx, in.FileName, "practices", `SELECT code FROM practices WHERE code = ANY($1)`, codes,
		"load the mapping file (gp-reg-pat-prac-map.csv) that lists them first"); err != nil {
		return err
	}
	if err := db.copyPatients(ctx, pts); err != nil {
		return err
	}
	stmts := []string{`
		DELETE FROM practice_patients p USING practice_patients_in i
		WHERE (p.practice_code, p.extract, p.sex, p.age_band) = (i.practice_code, i.extract, i.sex, i.age_band)`}
	if hasBands(pts) {
		stmts = append(stmts, `
			DELETE FROM practice_patients p USING (SELECT DISTINCT practice_code, extract FROM practice_patients_in) n
			WHERE (p.practice_code, p.extract) = (n.practice_code, n.extract) AND NOT (p.sex = 'ALL' AND p.age_band = 'ALL')`)
	}
	for _, stmt := range stmts {
		if _, err := db.q.Exec(ctx, stmt); err != nil {
			return fmt.Errorf("practice lists: %w", err)
		}
	}
	tag, err := db.q.Exec(ctx, `
		INSERT INTO practice_patients (practice_code, extract, sex, age_band, patients)
		SELECT practice_code, extract, sex, age_band, patients FROM practice_patients_in`)
	if err != nil {
		return fmt.Errorf("practice lists: %w", err)
	}
	log.Patients = int(tag.RowsAffected())
	return nil
}

// copyPatients copies the rows into practice_patients_in, a work table dropped at
// commit.
func (db *DB) copyPatients(ctx context.Context, pts []workforce.PracticePatients) error {
	err := db.workTable(ctx, "practice_patients_in", "practice_code text, extract date, sex text, age_band text, patients integer")
	if err != nil {
		return err
	}
	cols := []string{"practice_code", "extract", "sex", "age_band", "patients"}
	_, err = db.q.CopyFrom(ctx, pgx.Identifier{"practice_patients_in"}, cols, pgx.CopyFromSlice(len(pts), func(i int) ([]any, error) {
		p := pts[i]
		return []any{p.PracticeCode, p.Extract, p.Sex, p.AgeBand, int32(p.Patients)}, nil
	}))
	if err != nil {
		return fmt.Errorf("practice lists: %w", err)
	}
	return nil
}

// hasBands reports whether the rows hold any age band or sex other than the total.
func hasBands(pts []workforce.PracticePatients) bool {
	for _, p := range pts {
		if p.Sex != workforce.AllSexes || p.AgeBand != workforce.AllAges {
			return true
		}
	}
	return false
}

// importDeprivation upserts the scores of the practices the planner holds; the rest
// (Fingertips lists closed practices too) are counted as skipped.
func (db *DB) importDeprivation(ctx context.Context, in PracticeImport, log *PracticeImportLog) error {
	ds := in.Files.Deprivation
	codes := distinct(len(ds), func(i int) string { return ds[i].PracticeCode })
	known, err := db.knownCodes(ctx, `SELECT code FROM practices WHERE code = ANY($1)`, codes)
	if err != nil {
		return err
	}
	var code, source []string
	var year []int32
	var score []float64
	for _, d := range ds {
		if !known[d.PracticeCode] {
			log.Skipped++
			continue
		}
		code, year, score, source = append(code, d.PracticeCode), append(year, int32(d.Year)), append(score, d.Score), append(source, d.Source)
	}
	tag, err := db.q.Exec(ctx, `
		INSERT INTO practice_deprivation (practice_code, year, score, source)
		SELECT * FROM unnest($1::text[], $2::int[], $3::numeric[], $4::text[])
		ON CONFLICT (practice_code, year) DO UPDATE SET score = excluded.score, source = excluded.source
		WHERE (practice_deprivation.score, practice_deprivation.source) IS DISTINCT FROM (excluded.score, excluded.source)`,
		code, year, score, source)
	if err != nil {
		return fmt.Errorf("deprivation scores: %w", err)
	}
	log.Scores = int(tag.RowsAffected())
	return nil
}
