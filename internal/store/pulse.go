package store

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	mrand "math/rand/v2"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// ErrPulseClosed refuses an answer through a link whose round is not open on the day.
// A used link and an unknown one are alike (ErrNotFound): a used link is deleted.
var ErrPulseClosed = errors.New("this round of the pulse has closed")

// PulseAutoCloser is the actor of the audit entry of a round closed by its closing
// day (SealPulseRounds), not by anyone.
var PulseAutoCloser = Actor{Name: "arrs (closing day)"}

// PulseLink is a single-use link of a round: its token and role group. It names no
// one.
type PulseLink struct {
	Token     string
	RoleGroup workforce.RoleGroup
}

// tokenAlphabet is lowercase base 32 (RFC 4648's alphabet, lowercased): [a-z2-7].
const tokenAlphabet = "abcdefghijklmnopqrstuvwxyz234567"

// newPulseToken is 26 characters drawn uniformly from tokenAlphabet by crypto/rand
// (a byte's low 5 bits: 256 is a multiple of 32), 130 bits: not guessable, and
// nothing in it says whose it is or when it was made.
func newPulseToken() string {
	b := make([]byte, workforce.PulseTokenLength)
	_, _ = rand.Read(b) // crypto/rand.Read never fails (Go 1.24)
	for i := range b {
		b[i] = tokenAlphabet[b[i]&31]
	}
	return string(b)
}

// NormalPulseToken is a token as typed, with the spaces around it trimmed and in lower
// case: the alphabet has one case, so a token typed in capitals is the same token.
func NormalPulseToken(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// ValidPulseToken reports whether s has a token's form (lower case: NormalPulseToken
// first), checked before any lookup.
func ValidPulseToken(s string) bool {
	if len(s) != workforce.PulseTokenLength {
		return false
	}
	for i := range len(s) {
		if c := s[i]; !(c >= 'a' && c <= 'z' || c >= '2' && c <= '7') {
			return false
		}
	}
	return true
}

// shuffle puts s in a random order from a generator seeded by crypto/rand, so that
// the order says nothing of the order given (the staff list's).
func shuffle[T any](s []T) {
	var seed [32]byte
	_, _ = rand.Read(seed[:])
	r := mrand.New(mrand.NewChaCha8(seed))
	r.Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] })
}

const roundColumns = `r.id, r.pcn_code, r.opened_on, r.closes_on, r.closed_on, r.questions, r.links_issued,
	r.opened_by, r.sealed, r.version`

func scanRound(row pgx.CollectableRow) (workforce.PulseRound, error) {
	var x workforce.PulseRound
	var closed *time.Time
	err := row.Scan(&x.ID, &x.PCNCode, &x.OpenedOn, &x.ClosesOn, &closed, &x.Questions, &x.LinksIssued,
		&x.OpenedBy, &x.Sealed, &x.Version)
	x.ClosedOn = dateOrZero(closed)
	return x, err
}

// rounds reads the rounds (aliased r) where the condition holds (with any ORDER BY or
// locking clause after it).
func (db *DB) rounds(ctx context.Context, where string, args ...any) ([]workforce.PulseRound, error) {
	rows, err := db.q.Query(ctx, `SELECT `+roundColumns+` FROM pulse_rounds r WHERE `+where, args...)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, scanRound)
}

func (db *DB) round(ctx context.Context, where string, args ...any) (workforce.PulseRound, error) {
	rs, err := db.rounds(ctx, where, args...)
	if err != nil {
		return workforce.PulseRound{}, err
	}
	if len(rs) == 0 {
		return workforce.PulseRound{}, ErrNotFound
	}
	return rs[0], nil
}

// OpenPulseRound opens a round of the PCN on day opened, closing on closes, with one
// link per entry of groups (the role group of each ARRS member of staff in post), and
// audits "pulse_round.open" (the count of links, never the tokens). ErrConflict when
// the PCN has a round open. The links come back in a random order.
//
// The links are written in a random order too, so that not even the table's physical
// order follows the staff list. A closing day less than workforce.MinPulseRoundDays or
// more than workforce.MaxPulseRoundDays after the opening day (the server opens rounds
// today), no links or more than workforce.MaxPulseLinks, or a group that is not stored
// are refused with workforce.Problems.
func (db *DB) OpenPulseRound(ctx context.Context, pcn string, opened, closes time.Time, groups []workforce.RoleGroup, by Actor) (round workforce.PulseRound, links []PulseLink, err error) {
	defer wrap(&err, "open a pulse round of %s", pcn)
	if ps := openProblems(opened, closes, groups); len(ps) > 0 {
		return round, nil, ps
	}
	links = make([]PulseLink, len(groups))
	tokens, linkGroups := make([]string, len(groups)), make([]string, len(groups))
	for i, g := range groups {
		links[i] = PulseLink{Token: newPulseToken(), RoleGroup: g}
	}
	shuffle(links)
	for i, l := range links {
		tokens[i], linkGroups[i] = l.Token, string(l.RoleGroup)
	}
	questions := make([]string, len(workforce.PulseItems))
	for i, it := range workforce.PulseItems {
		questions[i] = it.Text
	}
	err = db.InTx(ctx, func(tx *DB) error {
		var id int64
		err := tx.q.QueryRow(ctx, `
			INSERT INTO pulse_rounds (pcn_code, opened_on, closes_on, questions, links_issued, opened_by)
			VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`, pcn, opened, closes, questions, len(links), by.Name).Scan(&id)
		if err != nil {
			return mapErr(err) // the one-open-round index: ErrConflict
		}
		_, err = tx.q.Exec(ctx, `
			INSERT INTO pulse_links (token, round_id, role_group)
			SELECT t, $2, g FROM unnest($1::text[], $3::text[]) WITH ORDINALITY AS u(t, g, n) ORDER BY n`, tokens, id, linkGroups)
		if err != nil {
			return mapErr(err)
		}
		if round, err = tx.round(ctx, `r.id = $1`, id); err != nil {
			return err
		}
		return tx.auditPCN(ctx, by, "pulse_round.open", "pulse_round", id, pcn, nil, map[string]any{
			"opened_on": day(opened), "closes_on": day(closes), "links_issued": len(links)})
	})
	if err != nil {
		return workforce.PulseRound{}, nil, err
	}
	shuffle(links)
	return round, links, nil
}

func day(d time.Time) string { return d.Format(workforce.DateLayout) }

func openProblems(opened, closes time.Time, groups []workforce.RoleGroup) workforce.Problems {
	var ps workforce.Problems
	switch {
	case closes.Before(opened.AddDate(0, 0, workforce.MinPulseRoundDays)):
		ps = append(ps, workforce.Problem{Field: "closes_on", Message: fmt.Sprintf(
			"The closing date must be at least %d days after today", workforce.MinPulseRoundDays)})
	case closes.After(opened.AddDate(0, 0, workforce.MaxPulseRoundDays)):
		ps = append(ps, workforce.Problem{Field: "closes_on", Message: fmt.Sprintf(
			"The closing date must be at most %d days after today", workforce.MaxPulseRoundDays)})
	}
	switch {
	case len(groups) == 0:
		ps = append(ps, workforce.Problem{Field: "groups", Message: "The PCN has no ARRS staff in post to send links to"})
	case len(groups) > workforce.MaxPulseLinks:
		ps = append(ps, workforce.Problem{Field: "groups", Message: fmt.Sprintf(
			"A round can have at most %d links, not %d", workforce.MaxPulseLinks, len(groups))})
	}
	for _, g := range groups {
		if !g.Valid() {
			ps = append(ps, workforce.Problem{Field: "groups", Message: fmt.Sprintf("%q is not a role group", g)})
			break
		}
	}
	return ps
}

// PulseRounds lists the PCN's rounds, latest first: the open round (if any), then the
// closed ones by closing day, then id, both descending.
//
// "Latest" is this one rule everywhere (the PCN's pulse page and its trend, the ICB's,
// the comparison, the dashboard and `arrs report integration`, through
// LatestClosedPulseRounds): the greatest closed_on, and of rounds closed the same day
// the greatest id.
func (db *DB) PulseRounds(ctx context.Context, pcn string) (_ []workforce.PulseRound, err error) {
	defer wrap(&err, "pulse rounds of %s", pcn)
	return db.rounds(ctx, `r.pcn_code = $1 ORDER BY r.closed_on DESC NULLS FIRST, r.id DESC`, pcn)
}

// PulseRound returns one round of the PCN, or ErrNotFound.
func (db *DB) PulseRound(ctx context.Context, pcn string, id int64) (_ workforce.PulseRound, err error) {
	defer wrap(&err, "pulse round %d of %s", id, pcn)
	return db.round(ctx, `r.id = $1 AND r.pcn_code = $2`, id, pcn)
}

// PulseLinks lists the links left of an open round, by role group then token
// (ErrNotFound once the round is sealed: its links are gone). A link is deleted as it is
// used, so the links left are those not used yet; the round's LinksIssued less their
// number is how many were used (which is the count of answers, shown anyway).
func (db *DB) PulseLinks(ctx context.Context, pcn string, roundID int64) (_ []PulseLink, err error) {
	defer wrap(&err, "links of pulse round %d of %s", roundID, pcn)
	if _, err := db.round(ctx, `r.id = $1 AND r.pcn_code = $2 AND NOT r.sealed`, roundID, pcn); err != nil {
		return nil, err
	}
	rows, err := db.q.Query(ctx, `SELECT token, role_group FROM pulse_links WHERE round_id = $1`, roundID)
	if err != nil {
		return nil, err
	}
	links, err := pgx.CollectRows(rows, pgx.RowToStructByPos[PulseLink])
	if err != nil {
		return nil, err
	}
	slices.SortFunc(links, func(a, b PulseLink) int {
		if d := groupIndex(a.RoleGroup) - groupIndex(b.RoleGroup); d != 0 {
			return d
		}
		return strings.Compare(a.Token, b.Token)
	})
	return links, nil
}

// groupIndex is a group's place in workforce.RoleGroups (an unknown one last).
func groupIndex(g workforce.RoleGroup) int {
	if i := slices.Index(workforce.RoleGroups, g); i >= 0 {
		return i
	}
	return len(workforce.RoleGroups)
}

// ClosePulseRound closes an open round on day on if nobody has saved it since version
// (else ErrConflict), seals it (SealPulseRounds) and audits "pulse_round.close".
//
// A round stays open at least workforce.MinPulseRoundDays: before EarliestPulseClose
// it is refused with a workforce.Problem naming that day. A round whose closing day has
// already passed closed that day: it is closed on the earlier of on and its closing
// day. The audit entry holds counts only.
func (db *DB) ClosePulseRound(ctx context.Context, pcn string, id int64, version int, on time.Time, by Actor) (saved workforce.PulseRound, err error) {
	defer wrap(&err, "close pulse round %d of %s", id, pcn)
	err = db.InTx(ctx, func(tx *DB) error {
		before, err := tx.round(ctx, `r.id = $1 AND r.pcn_code = $2 FOR UPDATE`, id, pcn)
		if err != nil {
			return err
		}
		if before.Version != version || !before.ClosedOn.IsZero() {
			return ErrConflict
		}
		if earliest := EarliestPulseClose(before); on.Before(earliest) {
			return workforce.Problems{{Field: "closed_on", Message: "This round can be closed from " +
				earliest.Format("2 January 2006") + ", " + fmt.Sprint(workforce.MinPulseRoundDays) + " days after it opened"}}
		}
		saved, err = tx.closeRound(ctx, before, on, by)
		return err
	})
	return saved, err
}

// EarliestPulseClose is the first day a round may be closed by hand:
// workforce.MinPulseRoundDays after it opened.
func EarliestPulseClose(r workforce.PulseRound) time.Time {
	return r.OpenedOn.AddDate(0, 0, workforce.MinPulseRoundDays)
}

// closeRound closes an open round on the earlier of on and its closing day, seals it
// and audits "pulse_round.close" by the actor with counts only. The caller holds the round's row (FOR UPDATE) and has checked it is open.
func (db *DB) closeRound(ctx context.Context, before workforce.PulseRound, on time.Time, by Actor) (workforce.PulseRound, error) {
	id := before.ID
	if _, err := db.q.Exec(ctx, `UPDATE pulse_rounds SET closed_on = least($2::date, closes_on), version = version + 1
		WHERE id = $1`, id, on); err != nil {
		return workforce.PulseRound{}, err
	}
	if err := db.sealRound(ctx, id); err != nil {
		return workforce.PulseRound{}, err
	}
	saved, err := db.round(ctx, `r.id = $1`, id)
	if err != nil {
		return saved, err
	}
	var answers int
	if err := db.q.QueryRow(ctx, `SELECT count(*) FROM pulse_answers WHERE round_id = $1`, id).Scan(&answers); err != nil {
		return saved, err
	}
	return saved, db.auditPCN(ctx, by, "pulse_round.close", "pulse_round", id, before.PCNCode,
		map[string]any{"opened_on": day(before.OpenedOn), "closes_on": day(before.ClosesOn), "closed_on": nil},
		map[string]any{"closed_on": day(saved.ClosedOn), "links_issued": saved.LinksIssued, "answers": answers})
}

// SealPulseRounds closes every round whose closing day is on or before today (closed
// on its closing day, audited as "pulse_round.close" by PulseAutoCloser with counts
// only, in the transaction that closes it) and seals every closed round not sealed yet:
// its links are deleted and its answers rewritten in a random order under new random
// ids, so that nothing left (not even the order rows were written in) ties an answer to
// a link or to when it came. It returns how many rounds it sealed. It is called at the
// edges, with the real clock: the pages and downloads that show results (before they
// read their cache, which the seal's version bump renews), the manager's round pages
// and `arrs report integration`; never by the gatherers those call, nor by the public
// form.
//
// Each round is closed and sealed in a transaction of its own that holds its row (FOR
// UPDATE) and acts only on what it finds once held: two servers sealing at once never
// close or seal a round twice (nor audit it twice), and a round closed by hand
// meanwhile is left to that close, which seals it itself. When it returns, every round
// due when it started has been closed and sealed, by this call or another.
func (db *DB) SealPulseRounds(ctx context.Context, today time.Time) (sealed int, err error) {
	defer wrap(&err, "seal pulse rounds on %s", day(today))
	rows, err := db.q.Query(ctx, `SELECT id FROM pulse_rounds
		WHERE (closed_on IS NULL AND closes_on <= $1) OR (closed_on IS NOT NULL AND NOT sealed) ORDER BY id`, today)
	if err != nil {
		return 0, err
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		return 0, err
	}
	for _, id := range ids {
		err := db.InTx(ctx, func(tx *DB) error {
			held, err := tx.round(ctx, `r.id = $1 AND NOT r.sealed AND (r.closed_on IS NOT NULL OR r.closes_on <= $2)
				FOR UPDATE`, id, today)
			if errors.Is(err, ErrNotFound) {
				return nil // closed and sealed by another meanwhile
			}
			if err != nil {
				return err
			}
			if held.ClosedOn.IsZero() {
				// Its closing day has come: closed that day, by no one.
				_, err = tx.closeRound(ctx, held, today, PulseAutoCloser) // on its closing day, today or before
			} else {
				err = tx.sealRound(ctx, id)
			}
			if err != nil {
				return err
			}
			sealed++
			return nil
		})
		if err != nil {
			return sealed, err
		}
	}
	return sealed, nil
}

// sealRound deletes a closed round's links, rewrites its answers shuffled under new
// random ids and marks it sealed. The caller holds the round's row.
func (db *DB) sealRound(ctx context.Context, id int64) error {
	if _, err := db.q.Exec(ctx, `DELETE FROM pulse_links WHERE round_id = $1`, id); err != nil {
		return err
	}
	if _, err := db.q.Exec(ctx, `
		WITH moved AS (
			DELETE FROM pulse_answers WHERE round_id = $1
			RETURNING round_id, pcn_code, role_group, autonomy, belonging, contribution, staying, comment)
		INSERT INTO pulse_answers (id, round_id, pcn_code, role_group, autonomy, belonging, contribution, staying, comment)
		SELECT gen_random_uuid(), round_id, pcn_code, role_group, autonomy, belonging, contribution, staying, comment
		FROM moved ORDER BY random()`, id); err != nil {
		return err
	}
	_, err := db.q.Exec(ctx, `UPDATE pulse_rounds SET sealed = true WHERE id = $1`, id)
	return err
}

// PulseLinkRound returns the round and role group of a link, for its form: ErrNotFound
// for an unknown token (a used link is deleted, so it is unknown too), ErrPulseClosed
// when its round is not open on day today. The token is taken as NormalPulseToken
// makes it. It writes nothing.
func (db *DB) PulseLinkRound(ctx context.Context, token string, today time.Time) (_ workforce.PulseRound, _ workforce.RoleGroup, err error) {
	defer wrap(&err, "pulse link")
	token = NormalPulseToken(token)
	if !ValidPulseToken(token) {
		return workforce.PulseRound{}, "", ErrNotFound
	}
	var roundID int64
	var group workforce.RoleGroup
	if err := db.q.QueryRow(ctx, `SELECT round_id, role_group FROM pulse_links WHERE token = $1`, token).Scan(&roundID, &group); err != nil {
		return workforce.PulseRound{}, "", mapErr(err)
	}
	round, err := db.round(ctx, `r.id = $1`, roundID)
	if err != nil {
		return workforce.PulseRound{}, "", err
	}
	if !round.Open(today) {
		return workforce.PulseRound{}, "", ErrPulseClosed
	}
	return round, group, nil
}

// AnswerPulse stores an answer through a link and deletes the link, in one
// transaction: the round, PCN and role group are the link's (a's are ignored). The
// token is taken as NormalPulseToken makes it. ErrNotFound (an unknown or used link) or
// ErrPulseClosed as PulseLinkRound, and then nothing is written. Never audited or
// logged.
//
// The round's row is held (FOR SHARE) while the link is deleted and the answer
// written, so that a close (FOR UPDATE) waits for answers in flight and an answer after
// it sees the round closed; two answers through one link at once both delete it, one
// first: the other finds it gone (ErrNotFound). No row left shares anything with the
// answer: the link is gone, not marked. A score outside 1–5 or a comment over
// workforce.MaxPulseCommentLength is refused with workforce.Problems before any lookup.
func (db *DB) AnswerPulse(ctx context.Context, token string, a workforce.PulseAnswer, today time.Time) (err error) {
	defer wrap(&err, "answer the pulse")
	token = NormalPulseToken(token)
	if !ValidPulseToken(token) {
		return ErrNotFound
	}
	if ps := answerProblems(a); len(ps) > 0 {
		return ps
	}
	return db.InTx(ctx, func(tx *DB) error {
		var roundID int64
		if err := tx.q.QueryRow(ctx, `SELECT round_id FROM pulse_links WHERE token = $1`, token).Scan(&roundID); err != nil {
			return mapErr(err)
		}
		round, err := tx.round(ctx, `r.id = $1 FOR SHARE`, roundID)
		if err != nil {
			return err
		}
		if !round.Open(today) {
			return ErrPulseClosed
		}
		var group workforce.RoleGroup
		err = tx.q.QueryRow(ctx, `DELETE FROM pulse_links WHERE token = $1 AND round_id = $2 RETURNING role_group`,
			token, round.ID).Scan(&group)
		if err != nil {
			return mapErr(err) // used meanwhile, or sealed: gone
		}
		_, err = tx.q.Exec(ctx, `
			INSERT INTO pulse_answers (round_id, pcn_code, role_group, autonomy, belonging, contribution, staying, comment)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
			round.ID, round.PCNCode, string(group), a.Scores[0], a.Scores[1], a.Scores[2], a.Scores[3], a.Comment)
		return err
	})
}

func answerProblems(a workforce.PulseAnswer) workforce.Problems {
	var ps workforce.Problems
	for i, s := range a.Scores {
		if s < 1 || s > len(workforce.PulseScale) {
			ps = append(ps, workforce.Problem{Field: workforce.PulseItems[i].Key, Message: "Select an answer to: " + workforce.PulseItems[i].Text})
		}
	}
	if !utf8.ValidString(a.Comment) || utf8.RuneCountInString(a.Comment) > workforce.MaxPulseCommentLength {
		ps = append(ps, workforce.Problem{Field: "comment", Message: fmt.Sprintf(
			"The comment must be %d characters or fewer", workforce.MaxPulseCommentLength)})
	}
	return ps
}

// PulseAnswers returns the answers of the rounds given, by round, each round's in
// role group then comment order.
func (db *DB) PulseAnswers(ctx context.Context, roundIDs []int64) (_ map[int64][]workforce.PulseAnswer, err error) {
	defer wrap(&err, "answers of %d pulse rounds", len(roundIDs))
	rows, err := db.q.Query(ctx, `
		SELECT round_id, pcn_code, role_group, autonomy, belonging, contribution, staying, comment
		FROM pulse_answers WHERE round_id = ANY($1)
		ORDER BY round_id, role_group, comment, autonomy, belonging, contribution, staying`, roundIDs)
	if err != nil {
		return nil, err
	}
	answers, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (workforce.PulseAnswer, error) {
		var a workforce.PulseAnswer
		var s [4]int16
		err := r.Scan(&a.RoundID, &a.PCNCode, &a.RoleGroup, &s[0], &s[1], &s[2], &s[3], &a.Comment)
		for i, v := range s {
			a.Scores[i] = int(v)
		}
		return a, err
	})
	if err != nil {
		return nil, err
	}
	out := make(map[int64][]workforce.PulseAnswer)
	for _, a := range answers {
		out[a.RoundID] = append(out[a.RoundID], a)
	}
	return out, nil
}

// PulseResponses counts the answers of the rounds given, by round.
func (db *DB) PulseResponses(ctx context.Context, roundIDs []int64) (_ map[int64]int, err error) {
	defer wrap(&err, "responses of %d pulse rounds", len(roundIDs))
	rows, err := db.q.Query(ctx, `
		SELECT r.id, count(a.round_id) FROM pulse_rounds r LEFT JOIN pulse_answers a ON a.round_id = r.id
		WHERE r.id = ANY($1) GROUP BY r.id`, roundIDs)
	if err != nil {
		return nil, err
	}
	out := make(map[int64]int, len(roundIDs))
	var id int64
	var n int
	_, err = pgx.ForEachRow(rows, []any{&id, &n}, func() error {
		out[id] = n
		return nil
	})
	return out, err
}

// LatestClosedPulseRounds returns, for each PCN given that has one, its latest closed
// round: the greatest closing day, then the greatest id (PulseRounds' rule, the one
// every page, file and command follows). Closed means sealed: a round whose day has passed
// but that no one has sealed yet (SealPulseRounds), or that is being sealed, does not
// count, so that every page and file counts the same rounds, each with its answers
// final. Callers that show results seal the rounds due first.
func (db *DB) LatestClosedPulseRounds(ctx context.Context, pcns []string) (_ map[string]workforce.PulseRound, err error) {
	defer wrap(&err, "latest closed pulse rounds of %d PCNs", len(pcns))
	rows, err := db.q.Query(ctx, `SELECT DISTINCT ON (r.pcn_code) `+roundColumns+` FROM pulse_rounds r
		WHERE r.pcn_code = ANY($1) AND r.sealed
		ORDER BY r.pcn_code, r.closed_on DESC, r.id DESC`, pcns)
	if err != nil {
		return nil, err
	}
	rounds, err := pgx.CollectRows(rows, scanRound)
	if err != nil {
		return nil, err
	}
	out := make(map[string]workforce.PulseRound, len(rounds))
	for _, r := range rounds {
		out[r.PCNCode] = r
	}
	return out, nil
}
