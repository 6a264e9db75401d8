package store

import (
	"context"

	"github.com/jackc/pgx/v5"
)

// VersionSums are the three counters behind every cached figure (migration 000021):
// data_version, which national changes move (reference data, imports, structure), and
// the sums of every PCN's and every ICB's own version. Each only grows, so a sum moves
// exactly when one of its rows did.
type VersionSums struct {
	National, PCNSum, ICBSum int64
}

// VersionSums reads the three counters in one query (a sum over some 1,300 rows), so
// that a request can tell with one cheap read whether anything it caches changed.
func (db *DB) VersionSums(ctx context.Context) (s VersionSums, err error) {
	defer wrap(&err, "data versions")
	err = db.q.QueryRow(ctx, `
		SELECT (SELECT version FROM data_version),
		       (SELECT coalesce(sum(version), 0)::bigint FROM pcn_versions),
		       (SELECT coalesce(sum(version), 0)::bigint FROM icb_versions)`).Scan(&s.National, &s.PCNSum, &s.ICBSum)
	return s, err
}

// OrgVersions is every PCN's and every ICB's own version by code; a code that has no
// row yet has never changed (version 0).
func (db *DB) OrgVersions(ctx context.Context) (pcn, icb map[string]int64, err error) {
	defer wrap(&err, "organisation versions")
	rows, err := db.q.Query(ctx, `
		SELECT 'pcn', pcn_code, version FROM pcn_versions
		UNION ALL SELECT 'icb', icb_code, version FROM icb_versions`)
	if err != nil {
		return nil, nil, err
	}
	pcn, icb = map[string]int64{}, map[string]int64{}
	var kind, code string
	var v int64
	_, err = pgx.ForEachRow(rows, []any{&kind, &code, &v}, func() error {
		if kind == "pcn" {
			pcn[code] = v
		} else {
			icb[code] = v
		}
		return nil
	})
	return pcn, icb, err
}
