package store

import (
	"context"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/arrs-planner/arrs/internal/refdata"
)

// NeedChange is a change to one set of need figures: who made it (their name when they
// are a user of the app, else the actor recorded) and when.
type NeedChange struct {
	By string
	At time.Time
}

// maxNeedChanges bounds the audit entries of need weights read, newest first: far more
// than admins make.
const maxNeedChanges = 500

// needSetKeys are the audit trail's names (UpdateNeedWeights, diffNeedWeights) of each
// set's figures and of its source's citation and note.
var needSetKeys = []struct {
	kind           string
	figures        []string // prefixes
	citation, note string
}{
	{refdata.NeedSourceAgeSex, []string{"Men aged ", "Women aged "}, "Age and sex source citation", "Age and sex source note"},
	{refdata.NeedSourceDeprivation, []string{"Quintile "}, "Deprivation source citation", "Deprivation source note"},
}

// NeedFiguresUncited is, by set (refdata.NeedSourceAgeSex, NeedSourceDeprivation), the
// latest change an admin made to its figures after its source's citation and note last
// changed: the figures may no longer be those the source gives. A set is absent when
// its figures are still those loaded, or its citation or note changed with or after
// them.
func (db *DB) NeedFiguresUncited(ctx context.Context) (_ map[string]NeedChange, err error) {
	defer wrap(&err, "need figures changed since cited")
	rows, err := db.q.Query(ctx, `
		SELECT a.at, coalesce(u.name, a.actor), coalesce(ARRAY(SELECT jsonb_object_keys(a.after)), '{}')
		FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
		WHERE a.action = 'need_weights.update' AND jsonb_typeof(a.after) = 'object'
		ORDER BY a.at DESC, a.id DESC LIMIT $1`, maxNeedChanges)
	if err != nil {
		return nil, err
	}
	type entry struct {
		change NeedChange
		keys   []string
	}
	entries, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (entry, error) {
		var e entry
		return e, r.Scan(&e.change.At, &e.change.By, &e.keys)
	})
	if err != nil {
		return nil, err
	}
	out := map[string]NeedChange{}
	for _, set := range needSetKeys {
		for _, e := range entries { // newest first: the first touching the set decides
			cited, figures := false, false
			for _, k := range e.keys {
				cited = cited || k == set.citation || k == set.note
				for _, p := range set.figures {
					figures = figures || strings.HasPrefix(k, p)
				}
			}
			if cited || figures {
				if !cited {
					out[set.kind] = e.change
				}
				break
			}
		}
	}
	return out, nil
}
