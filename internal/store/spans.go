package store

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// spanTable is one of the effective-dated membership tables (migration 000015): rows
// of (key, place columns…, valid_from, valid_to), at most one in force on a day.
type spanTable struct {
	name  string   // table
	key   string   // the member's column: pcn_code, practice_code, sub_icb_code
	place []string // what the span says about it, as text columns ('' stored as NULL)
	// source, when not empty, is the column saying where a span came from.
	source string
}

var (
	pcnSpans      = spanTable{name: "pcn_spans", key: "pcn_code", place: []string{"sub_icb_code", "icb_code"}, source: "source"}
	subICBSpans   = spanTable{name: "sub_icb_spans", key: "sub_icb_code", place: []string{"icb_code"}}
	practiceSpans = spanTable{name: "practice_spans", key: "practice_code", place: []string{"pcn_code", "sub_icb_code", "icb_code"}}
)

// Place is a member's place from a day: its key and one value per place column.
type place struct {
	key    string
	values []string
}

// placeFrom records that each member is in its place from day on, until the next
// change already recorded after day: the span in force on day is cut at day when its
// place differs (or replaced, when it starts on day), and a member with no span on day
// gets one. Members already in their place are left alone. It returns how many
// members moved. It must run in a transaction (InTx): its work tables live until commit.
func (db *DB) placeFrom(ctx context.Context, t spanTable, day time.Time, source string, places []place) (int, error) {
	cols := make([][]string, len(t.place)+1)
	for _, p := range places {
		cols[0] = append(cols[0], p.key)
		for i, v := range p.values {
			cols[i+1] = append(cols[i+1], v)
		}
	}
	if err := db.workTable(ctx, "span_places", "k text, v1 text, v2 text, v3 text"); err != nil {
		return 0, err
	}
	if err := db.workTable(ctx, "span_cut", "k text, valid_to date"); err != nil {
		return 0, err
	}
	args := []any{}
	sel := []string{}
	for i := range 4 {
		if i < len(cols) {
			args = append(args, cols[i])
			sel = append(sel, fmt.Sprintf("$%d::text[]", i+1))
		}
	}
	if _, err := db.q.Exec(ctx, `INSERT INTO span_places (k`+placeCols(len(t.place))+`) SELECT * FROM unnest(`+strings.Join(sel, ", ")+`)`, args...); err != nil {
		return 0, err
	}
	differs := t.differs()
	var moved int
	for _, stmt := range t.moveStatements(differs) {
		tag, err := db.q.Exec(ctx, stmt, day, source)
		if err != nil {
			return 0, fmt.Errorf("%s from %s: %w", t.name, day.Format(time.DateOnly), err)
		}
		if strings.HasPrefix(stmt, "INSERT INTO "+t.name) || strings.HasPrefix(stmt, "UPDATE "+t.name+" s SET "+t.place[0]) {
			moved += int(tag.RowsAffected())
		}
	}
	return moved, nil
}

// workTable creates the work table name (of columns cols) for the transaction, once,
// and empties it: it is dropped at commit.
func (db *DB) workTable(ctx context.Context, name, cols string) error {
	for _, stmt := range []string{
		`CREATE TEMP TABLE IF NOT EXISTS ` + name + ` (` + cols + `) ON COMMIT DROP`,
		`TRUNCATE ` + name,
	} {
		if _, err := db.q.Exec(ctx, stmt); err != nil {
			return err
		}
	}
	return nil
}

// placeCols is ", v1, v2" for n place columns.
func placeCols(n int) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, ", v%d", i)
	}
	return b.String()
}

// differs is the SQL condition "span s does not say what place row n says".
func (t spanTable) differs() string {
	var parts []string
	for i, c := range t.place {
		parts = append(parts, fmt.Sprintf("s.%s IS DISTINCT FROM nullif(n.v%d, '')", c, i+1))
	}
	return "(" + strings.Join(parts, " OR ") + ")"
}

// moveStatements are the statements of placeFrom, each taking $1 (the day) and $2 (the
// source): replace spans starting on the day; remember and cut spans running across
// it; open a span from the day for those cut and for members with no span on the day.
func (t spanTable) moveStatements(differs string) []string {
	onDay := "s.valid_from <= $1 AND (s.valid_to IS NULL OR $1 < s.valid_to)"
	set := []string{}
	vals := []string{}
	for i, c := range t.place {
		set = append(set, fmt.Sprintf("%s = nullif(n.v%d, '')", c, i+1))
		vals = append(vals, fmt.Sprintf("nullif(n.v%d, '')", i+1))
	}
	srcSet, srcCol, srcVal := "", "", ""
	if t.source != "" {
		srcSet, srcCol, srcVal = ", "+t.source+" = $2", ", "+t.source, ", $2"
	}
	// Every statement names $2, so that Postgres can type it.
	replace := fmt.Sprintf(`UPDATE %[1]s s SET %[2]s%[3]s FROM span_places n
		WHERE n.k = s.%[4]s AND s.valid_from = $1 AND %[5]s AND $2::text IS NOT NULL`,
		t.name, strings.Join(set, ", "), srcSet, t.key, differs)
	remember := fmt.Sprintf(`INSERT INTO span_cut
		SELECT s.%[2]s AS k, s.valid_to FROM %[1]s s JOIN span_places n ON n.k = s.%[2]s
		WHERE s.valid_from < $1 AND (s.valid_to IS NULL OR $1 < s.valid_to) AND %[3]s AND $2::text IS NOT NULL`, t.name, t.key, differs)
	cut := fmt.Sprintf(`UPDATE %[1]s s SET valid_to = $1 FROM span_cut c WHERE c.k = s.%[2]s AND s.valid_from < $1
		AND (s.valid_to IS NULL OR $1 < s.valid_to) AND $2::text IS NOT NULL`, t.name, t.key)
	open := fmt.Sprintf(`INSERT INTO %[1]s (%[2]s, %[3]s, valid_from, valid_to%[4]s)
		SELECT n.k, %[5]s, $1, CASE WHEN c.k IS NOT NULL THEN c.valid_to
		       ELSE (SELECT min(x.valid_from) FROM %[1]s x WHERE x.%[2]s = n.k AND x.valid_from > $1) END%[6]s
		FROM span_places n LEFT JOIN span_cut c ON c.k = n.k
		WHERE (c.k IS NOT NULL OR NOT EXISTS (SELECT 1 FROM %[1]s s WHERE s.%[2]s = n.k AND `+onDay+`))
		  AND $2::text IS NOT NULL`,
		t.name, t.key, strings.Join(t.place, ", "), srcCol, strings.Join(vals, ", "), srcVal)
	return []string{replace, remember, cut, open}
}
