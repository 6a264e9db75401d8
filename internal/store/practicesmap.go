package store

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// importMemberships loads a mapping file (see ImportPractices): it refuses PCNs and
// sub-ICB locations the planner does not hold, upserts the practices, places them
// (each until its sub-ICB location leaves the structure, if it does), gives each its
// sub-ICB location's ICB on every day, and checks the hierarchy.
func (db *DB) importMemberships(ctx context.Context, in PracticeImport, log *PracticeImportLog) error {
	f := in.Files
	ms := f.Memberships
	pcns := distinct(len(ms), func(i int) string { return ms[i].PCNCode })
	if err := db.refuseUnknown(ctx, in.FileName, "PCNs", `SELECT code FROM pcns WHERE code = ANY($1)`, pcns,
		"load the reference data or the organisations change that creates them first"); err != nil {
		return err
	}
	subs := distinct(len(ms), func(i int) string { return ms[i].SubICBCode })
	spans, err := db.subICBSpansOf(ctx, subs)
	if err != nil {
		return err
	}
	codes := distinct(len(ms), func(i int) string { return ms[i].PracticeCode })
	placed, err := db.knownCodes(ctx, `SELECT DISTINCT practice_code FROM practice_spans WHERE practice_code = ANY($1)`, codes)
	if err != nil {
		return err
	}
	if err := db.upsertPractices(ctx, f.Practices); err != nil {
		return err
	}
	moving, fresh, err := practicePlaces(in.FileName, ms, spans, placed)
	if err != nil {
		return err
	}
	if err := db.placeNew(ctx, fresh); err != nil {
		return err
	}
	if log.Moved, err = db.placeFrom(ctx, practiceSpans, f.Extract, "mapping", moving); err != nil {
		return err
	}
	log.Practices, log.Created = len(ms), len(ms)-len(placed)
	if err := db.trimPractices(ctx, codes); err != nil {
		return err
	}
	if _, err := db.alignPractices(ctx, codes); err != nil {
		return err
	}
	return db.checkOrgs(ctx)
}

// placeNew places the practices new to the planner, each group from its day.
func (db *DB) placeNew(ctx context.Context, byDay map[time.Time][]place) error {
	days := make([]time.Time, 0, len(byDay))
	for d := range byDay {
		days = append(days, d)
	}
	slices.SortFunc(days, time.Time.Compare)
	for _, d := range days {
		if _, err := db.placeFrom(ctx, practiceSpans, d, "mapping", byDay[d]); err != nil {
			return err
		}
	}
	return nil
}

// practicePlaces is the places of the file's practices: moving, those already placed,
// from the extract date; fresh, those new to the planner, grouped by the first day
// their sub-ICB location is known, from which they are placed. Each carries its sub-ICB
// location's ICB on its day; alignPractices then splits a span where that ICB changes
// later. A sub-ICB location in no ICB on the extract date is refused: the file cannot
// be placed in the structure.
func practicePlaces(file string, ms []workforce.PracticeMembership, spans map[string][]subICBSpan, placed map[string]bool) (moving []place, fresh map[time.Time][]place, err error) {
	fresh = map[time.Time][]place{}
	for _, m := range ms {
		if _, ok := icbOn(spans[m.SubICBCode], m.From); !ok {
			return nil, nil, fmt.Errorf("%w: %s places practice %s in sub-ICB location %s, which is in no ICB on %s; "+
				"load the organisations change that creates it first",
				ErrUnknownCodes, file, m.PracticeCode, m.SubICBCode, m.From.Format(time.DateOnly))
		}
		day := m.From
		if !placed[m.PracticeCode] {
			day = spans[m.SubICBCode][0].from
		}
		icb, _ := icbOn(spans[m.SubICBCode], day)
		p := place{key: m.PracticeCode, values: []string{m.PCNCode, m.SubICBCode, icb}}
		if placed[m.PracticeCode] {
			moving = append(moving, p)
		} else {
			fresh[day] = append(fresh[day], p)
		}
	}
	return moving, fresh, nil
}

// subICBSpan is a sub-ICB location's ICB over [from, to) (to zero: still in force).
type subICBSpan struct {
	icb      string
	from, to time.Time
}

// subICBSpansOf is the spans of each of the sub-ICB locations, in date order.
func (db *DB) subICBSpansOf(ctx context.Context, codes []string) (map[string][]subICBSpan, error) {
	rows, err := db.q.Query(ctx, `
		SELECT sub_icb_code, icb_code, valid_from, coalesce(valid_to, '0001-01-01')
		FROM sub_icb_spans WHERE sub_icb_code = ANY($1) ORDER BY sub_icb_code, valid_from`, codes)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string][]subICBSpan{}
	for rows.Next() {
		var code string
		var s subICBSpan
		if err := rows.Scan(&code, &s.icb, &s.from, &s.to); err != nil {
			return nil, err
		}
		out[code] = append(out[code], s)
	}
	return out, rows.Err()
}

// icbOn is the ICB of the span in force on day d.
func icbOn(spans []subICBSpan, d time.Time) (string, bool) {
	for _, s := range spans {
		if !d.Before(s.from) && (s.to.IsZero() || d.Before(s.to)) {
			return s.icb, true
		}
	}
	return "", false
}

// upsertPractices writes the practices' names and postcodes, the file's being the
// latest.
func (db *DB) upsertPractices(ctx context.Context, ps []workforce.Practice) error {
	code, name, postcode := make([]string, len(ps)), make([]string, len(ps)), make([]string, len(ps))
	for i, p := range ps {
		code[i], name[i], postcode[i] = p.Code, p.Name, p.Postcode
	}
	_, err := db.q.Exec(ctx, `
		INSERT INTO practices (code, name, postcode) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
		ON CONFLICT (code) DO UPDATE SET name = excluded.name, postcode = excluded.postcode
		WHERE (practices.name, practices.postcode) IS DISTINCT FROM (excluded.name, excluded.postcode)`, code, name, postcode)
	if err != nil {
		return fmt.Errorf("practices: %w", err)
	}
	return nil
}
