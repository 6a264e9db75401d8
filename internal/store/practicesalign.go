package store

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// alignPractices gives each practice, on every day of its spans, the ICB its sub-ICB
// location is in that day (sub_icb_spans): a practice's own ICB, which may differ from
// its PCN's. A span across a day its sub-ICB location changes ICB is split there; a
// practice whose sub-ICB location is in no ICB on some day of its spans is refused
// (ErrBrokenHierarchy), as a change closing a location must say where its practices
// go. codes limits the work to those practices (nil: every practice). It returns how
// many practices were rewritten. It must run in a transaction.
func (db *DB) alignPractices(ctx context.Context, codes []string) (int, error) {
	if err := db.practicesCovered(ctx, codes); err != nil {
		return 0, err
	}
	err := db.workTable(ctx, "practice_pieces", `practice_code text, pcn_code text, sub_icb_code text,
		icb_code text, valid_from date, valid_to date`)
	if err != nil {
		return 0, err
	}
	tag, err := db.q.Exec(ctx, `INSERT INTO practice_pieces `+alignedSpans, codes)
	if err != nil || tag.RowsAffected() == 0 {
		return 0, err
	}
	if _, err := db.q.Exec(ctx, `DELETE FROM practice_spans WHERE practice_code IN (SELECT practice_code FROM practice_pieces)`); err != nil {
		return 0, err
	}
	if _, err := db.q.Exec(ctx, `INSERT INTO practice_spans (practice_code, pcn_code, sub_icb_code, icb_code, valid_from, valid_to)
		SELECT * FROM practice_pieces`); err != nil {
		return 0, fmt.Errorf("aligning practices with their sub-ICB locations: %w", err)
	}
	var n int
	err = db.q.QueryRow(ctx, `SELECT count(DISTINCT practice_code) FROM practice_pieces`).Scan(&n)
	return n, err
}

// alignedSpans selects the new spans of the practices ($1: of these, or NULL: any)
// that have a span in another ICB than its sub-ICB location's on some day: each span
// cut where its location's ICB changes and given that ICB, then neighbouring pieces
// that say the same joined again. (least and greatest skip NULLs: an open end loses to
// a closed one.)
const alignedSpans = `
	WITH misplaced AS (
		SELECT DISTINCT p.practice_code FROM practice_spans p
		JOIN sub_icb_spans s ON s.sub_icb_code = p.sub_icb_code
		 AND daterange(p.valid_from, p.valid_to) && daterange(s.valid_from, s.valid_to)
		WHERE s.icb_code <> p.icb_code AND ($1::text[] IS NULL OR p.practice_code = ANY($1))),
	pieces AS (
		SELECT p.practice_code, p.pcn_code, p.sub_icb_code, s.icb_code,
		       greatest(p.valid_from, s.valid_from) AS valid_from, least(p.valid_to, s.valid_to) AS valid_to
		FROM practice_spans p JOIN misplaced USING (practice_code)
		JOIN sub_icb_spans s ON s.sub_icb_code = p.sub_icb_code
		 AND daterange(p.valid_from, p.valid_to) && daterange(s.valid_from, s.valid_to)),
	marked AS (
		SELECT *, CASE WHEN (lag(valid_to) OVER w, lag(pcn_code) OVER w, lag(sub_icb_code) OVER w, lag(icb_code) OVER w)
		                    IS NOT DISTINCT FROM (valid_from, pcn_code, sub_icb_code, icb_code) THEN 0 ELSE 1 END AS starts
		FROM pieces WINDOW w AS (PARTITION BY practice_code ORDER BY valid_from)),
	grouped AS (
		SELECT *, sum(starts) OVER (PARTITION BY practice_code ORDER BY valid_from) AS g FROM marked)
	SELECT practice_code, pcn_code, sub_icb_code, icb_code, min(valid_from),
	       CASE WHEN bool_or(valid_to IS NULL) THEN NULL ELSE max(valid_to) END
	FROM grouped GROUP BY practice_code, g, pcn_code, sub_icb_code, icb_code`

// practicesCovered refuses practices ($1: of these, or NULL: any) with a span on a day
// their sub-ICB location is in no ICB, naming up to five.
func (db *DB) practicesCovered(ctx context.Context, codes []string) error {
	problems, err := db.queryStrings(ctx, `
		SELECT format('practice %s: its sub-ICB location %s is in no ICB on some day from %s',
		              p.practice_code, p.sub_icb_code, p.valid_from)
		FROM practice_spans p
		WHERE ($1::text[] IS NULL OR p.practice_code = ANY($1)) AND NOT coalesce((
			SELECT range_agg(daterange(s.valid_from, s.valid_to)) FROM sub_icb_spans s
			WHERE s.sub_icb_code = p.sub_icb_code) @> daterange(p.valid_from, p.valid_to), false)
		ORDER BY 1 LIMIT 6`, codes)
	if err != nil {
		return fmt.Errorf("checking practices' sub-ICB locations: %w", err)
	}
	if len(problems) == 0 {
		return nil
	}
	more := ""
	if len(problems) > 5 {
		more, problems = " (and more)", problems[:5]
	}
	return fmt.Errorf("%w: %s%s", ErrBrokenHierarchy, strings.Join(problems, "; "), more)
}

// placeSubICBs places sub-ICB locations in their ICBs from day, as placeFrom does, and
// the practices in them follow (alignPractices): a practice's ICB is its location's.
// It must not run while a location closed by a change still holds practices the
// change has yet to move. It returns how many locations moved.
func (db *DB) placeSubICBs(ctx context.Context, day time.Time, source string, places []place) (int, error) {
	n, err := db.placeFrom(ctx, subICBSpans, day, source, places)
	if err != nil || n == 0 {
		return n, err
	}
	_, err = db.alignPractices(ctx, nil)
	return n, err
}

// trimPractices ends the spans of the practices (a mapping file's) on the day their
// sub-ICB location leaves the structure, when that comes first: a file states where a
// practice is on its extract date, and a location a later change closed says nothing of
// where the practice went (a change loaded before the practice was held skipped it).
// The practice then has no place from that day, which is "no data", not a guess.
func (db *DB) trimPractices(ctx context.Context, codes []string) error {
	_, err := db.q.Exec(ctx, `
		WITH cut AS (
			SELECT p.practice_code, p.valid_from, upper(c.r) AS ends
			FROM practice_spans p
			CROSS JOIN LATERAL (
				SELECT r FROM unnest((SELECT range_agg(daterange(s.valid_from, s.valid_to)) FROM sub_icb_spans s
				                      WHERE s.sub_icb_code = p.sub_icb_code)) AS r
				WHERE r @> p.valid_from) c
			WHERE p.practice_code = ANY($1) AND upper(c.r) IS NOT NULL AND (p.valid_to IS NULL OR upper(c.r) < p.valid_to))
		UPDATE practice_spans p SET valid_to = cut.ends FROM cut
		WHERE p.practice_code = cut.practice_code AND p.valid_from = cut.valid_from`, codes)
	if err != nil {
		return fmt.Errorf("ending practices with their sub-ICB locations: %w", err)
	}
	return nil
}
