package store

import (
	"context"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
)

// SearchKind names the kind of organisation a search hit is.
type SearchKind string

// The kinds a search finds, in the order a results page lists them.
const (
	KindPCN      SearchKind = "pcn"
	KindPractice SearchKind = "practice"
	KindICB      SearchKind = "icb"
	KindRegion   SearchKind = "region"
)

// SearchHit is one organisation a search found, with the one above it: a PCN's ICB, a
// practice's PCN ("" for a practice in no PCN), an ICB's region; a region has none.
type SearchHit struct {
	Kind                   SearchKind
	Code, Name             string
	ParentCode, ParentName string
	// Opened and Closed bound an ICB's days (workforce.ICB); zero for the other kinds
	// and for an ICB with no bound.
	Opened, Closed time.Time
}

// SearchHits are the hits of one kind: the first few by rank, and how many matched.
type SearchHits struct {
	Hits  []SearchHit
	Total int
}

// SearchResults are a search's hits, kind by kind.
type SearchResults map[SearchKind]SearchHits

// searchSQL finds, on day $1, the PCNs and practices placed that day, every ICB there
// has been (dissolved ones too: their pages stay) and the regions whose code (ODS, or
// ONS for ICBs and regions) starts with $2 or whose name contains $3, ignoring case; a
// practice is found by its PCN's name too, as a practice in Shrewsbury is rarely named
// after the town. Each kind is ranked: an exact code first ($4), then a code that
// starts with the text, a name that starts with it, a name containing it, and a
// practice found by its PCN's name; then by name. $5 of each kind are kept, with the
// count of all.
const searchSQL = `
	WITH hits AS (
		SELECT 'pcn' AS kind, p.code, p.name, s.icb_code AS parent_code, i.name AS parent_name,
		       NULL::date AS opened, NULL::date AS closed,
		       CASE WHEN upper(p.code) = $4 THEN 0 WHEN p.code ILIKE $2 THEN 1 WHEN p.name ILIKE $2 THEN 2 ELSE 3 END AS rank
		FROM pcns p
		JOIN pcn_spans s ON s.pcn_code = p.code AND s.valid_from <= $1 AND (s.valid_to IS NULL OR $1 < s.valid_to)
		JOIN icbs i ON i.code = s.icb_code
		WHERE p.code ILIKE $2 OR p.name ILIKE $3
		UNION ALL
		SELECT 'practice', pr.code, pr.name, coalesce(m.pcn_code, ''), coalesce(p.name, ''), NULL, NULL,
		       CASE WHEN upper(pr.code) = $4 THEN 0 WHEN pr.code ILIKE $2 THEN 1 WHEN pr.name ILIKE $2 THEN 2
		            WHEN pr.name ILIKE $3 THEN 3 ELSE 4 END
		FROM practices pr
		JOIN practice_spans m ON m.practice_code = pr.code AND m.valid_from <= $1 AND (m.valid_to IS NULL OR $1 < m.valid_to)
		LEFT JOIN pcns p ON p.code = m.pcn_code
		WHERE pr.code ILIKE $2 OR pr.name ILIKE $3 OR p.name ILIKE $3
		UNION ALL
		SELECT 'icb', i.code, i.name, i.region_code, r.name, i.opened, i.closed,
		       CASE WHEN upper(i.code) = $4 OR upper(i.ons_code) = $4 THEN 0 WHEN i.code ILIKE $2 OR i.ons_code ILIKE $2 THEN 1
		            WHEN i.name ILIKE $2 THEN 2 ELSE 3 END
		FROM icbs i JOIN regions r ON r.code = i.region_code
		WHERE i.code ILIKE $2 OR i.ons_code ILIKE $2 OR i.name ILIKE $3
		UNION ALL
		SELECT 'region', code, name, '', '', NULL, NULL,
		       CASE WHEN upper(code) = $4 OR upper(ons_code) = $4 THEN 0 WHEN code ILIKE $2 OR ons_code ILIKE $2 THEN 1
		            WHEN name ILIKE $2 THEN 2 ELSE 3 END
		FROM regions
		WHERE code ILIKE $2 OR ons_code ILIKE $2 OR name ILIKE $3),
	ranked AS (
		SELECT h.*, count(*) OVER (PARTITION BY kind) AS total,
		       row_number() OVER (PARTITION BY kind ORDER BY rank, name, code) AS n
		FROM hits h)
	SELECT kind, code, name, parent_code, parent_name,
	       coalesce(opened, '0001-01-01'), coalesce(closed, '0001-01-01'), total
	FROM ranked WHERE n <= $5
	ORDER BY kind, n`

// Search finds the organisations whose code starts with text or whose name contains
// it (a practice's PCN's name too), ignoring case, in the structure of day d (searchSQL): at most limit of each kind,
// with how many of each matched. Text is taken literally: "%" and "_" are characters
// to find, not wildcards. The caller bounds and trims it; empty text finds nothing.
func (db *DB) Search(ctx context.Context, text string, d time.Time, limit int) (_ SearchResults, err error) {
	defer wrap(&err, "search for %q on %s", text, d.Format(time.DateOnly))
	out := SearchResults{}
	if text == "" {
		return out, nil
	}
	lit := likeLiteral(text)
	rows, err := db.q.Query(ctx, searchSQL, d, lit+"%", "%"+lit+"%", strings.ToUpper(text), limit)
	if err != nil {
		return nil, err
	}
	hits, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (searchRow, error) {
		var x searchRow
		err := r.Scan(&x.Kind, &x.Code, &x.Name, &x.ParentCode, &x.ParentName, &x.Opened, &x.Closed, &x.total)
		x.Opened, x.Closed = orZero(x.Opened), orZero(x.Closed)
		return x, err
	})
	for _, h := range hits {
		k := out[h.Kind]
		k.Hits, k.Total = append(k.Hits, h.SearchHit), h.total
		out[h.Kind] = k
	}
	return out, err
}

// searchRow is a hit with the count of its kind.
type searchRow struct {
	SearchHit
	total int
}

// likeLiteral escapes LIKE's wildcards (and its escape character, the backslash) so
// that a pattern built from s matches s's characters as they are.
func likeLiteral(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// orZero turns the year-1 date a query stands in for NULL back into the zero time.
func orZero(t time.Time) time.Time {
	if t.Year() == 1 {
		return time.Time{}
	}
	return t
}
