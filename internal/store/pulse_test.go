package store_test

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

var (
	pulseOpened = workforce.Date(2026, 1, 5)
	pulseCloses = workforce.Date(2026, 2, 2)
	pulseDuring = workforce.Date(2026, 1, 20)
	manager     = store.Actor{Name: "manager@test.nhs.uk"}
)

// pulseGroups is six staff: three in the pharmacy team, two nurses, one other.
var pulseGroups = []workforce.RoleGroup{workforce.GroupPharmacy, workforce.GroupNursing, workforce.GroupPharmacy,
	workforce.GroupOther, workforce.GroupNursing, workforce.GroupPharmacy}

// ownerConn connects to a test database as its owner, to read every table.
func ownerConn(t *testing.T, dbURL string) *pgx.Conn {
	t.Helper()
	conn, err := pgx.Connect(context.Background(), dbURL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	return conn
}

// publicTables lists the tables of the public schema.
func publicTables(t *testing.T, conn *pgx.Conn) []string {
	t.Helper()
	rows, err := conn.Query(context.Background(), `SELECT table_name FROM information_schema.tables
		WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`)
	if err != nil {
		t.Fatal(err)
	}
	tables, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil || len(tables) < 20 {
		t.Fatalf("tables: %v %v", tables, err)
	}
	return tables
}

// fingerprint is every table of the public schema with its row count and a hash of
// its rows: equal fingerprints mean no row was added, removed or changed.
func fingerprint(t *testing.T, conn *pgx.Conn) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, table := range publicTables(t, conn) {
		var n int
		var sum string
		err := conn.QueryRow(context.Background(), fmt.Sprintf(
			`SELECT count(*), md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) FROM %s t`,
			pgx.Identifier{table}.Sanitize())).Scan(&n, &sum)
		if err != nil {
			t.Fatal(err)
		}
		out[table] = fmt.Sprintf("%d %s", n, sum)
	}
	return out
}

func sameFingerprint(t *testing.T, what string, before, after map[string]string) {
	t.Helper()
	for table, b := range before {
		if after[table] != b {
			t.Errorf("%s changed table %s: %s → %s", what, table, b, after[table])
		}
	}
}

func answer(scores [4]int, comment string) workforce.PulseAnswer {
	// The caller's round, PCN and group are wrong on purpose: the link's are stored.
	return workforce.PulseAnswer{RoundID: 999, PCNCode: "U47425", RoleGroup: workforce.GroupFirstContact, Scores: scores, Comment: comment}
}

// A round issues one link per person in post with their role group; a PCN has one
// round open at a time; the audit entry counts links and holds no token.
func TestOpenPulseRound(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := dbtest.New(t)
	round, links, err := db.OpenPulseRound(ctx, "U60057", pulseOpened, pulseCloses, pulseGroups, manager)
	if err != nil {
		t.Fatal(err)
	}
	if round.ID == 0 || round.PCNCode != "U60057" || round.LinksIssued != 6 || len(round.Questions) != 4 || round.Sealed ||
		!round.ClosedOn.IsZero() || !round.Open(pulseDuring) || round.OpenedBy != manager.Name || round.Version != 1 {
		t.Errorf("round: %+v", round)
	}
	count := func(ls []store.PulseLink) map[workforce.RoleGroup]int {
		m := map[workforce.RoleGroup]int{}
		for _, l := range ls {
			m[l.RoleGroup]++
		}
		return m
	}
	want := map[workforce.RoleGroup]int{workforce.GroupPharmacy: 3, workforce.GroupNursing: 2, workforce.GroupOther: 1}
	if got := count(links); !maps.Equal(got, want) {
		t.Errorf("links by group: %v, want %v", got, want)
	}
	tokens := map[string]bool{}
	for _, l := range links {
		if !store.ValidPulseToken(l.Token) {
			t.Errorf("token %q is not 26 characters of [a-z2-7]", l.Token)
		}
		tokens[l.Token] = true
	}
	if len(tokens) != 6 {
		t.Errorf("%d distinct tokens, want 6", len(tokens))
	}
	listed, err := db.PulseLinks(ctx, "U60057", round.ID)
	if err != nil || len(listed) != 6 || !maps.Equal(count(listed), want) {
		t.Fatalf("listed links: %+v %v", listed, err)
	}
	if listed[0].RoleGroup != workforce.GroupPharmacy || listed[5].RoleGroup != workforce.GroupOther ||
		!slices.IsSortedFunc(listed[:3], func(a, b store.PulseLink) int { return strings.Compare(a.Token, b.Token) }) {
		t.Errorf("links not by group then token: %+v", listed)
	}
	if _, err := db.PulseLinks(ctx, "U47425", round.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("another PCN's links: %v", err)
	}

	if _, _, err := db.OpenPulseRound(ctx, "U60057", pulseDuring, pulseCloses, pulseGroups, manager); !errors.Is(err, store.ErrConflict) {
		t.Errorf("a second open round: %v, want ErrConflict", err)
	}
	if _, _, err := db.OpenPulseRound(ctx, "U47425", pulseOpened, pulseCloses, pulseGroups[:1], manager); err != nil {
		t.Errorf("another PCN's round: %v", err)
	}
	for name, c := range map[string]struct {
		closes time.Time
		groups []workforce.RoleGroup
		field  string
	}{
		"closing the day it opens": {pulseOpened, pulseGroups, "closes_on"},
		"open for 6 days":          {pulseOpened.AddDate(0, 0, 6), pulseGroups, "closes_on"},
		"open for 57 days":         {pulseOpened.AddDate(0, 0, 57), pulseGroups, "closes_on"},
		"no links":                 {pulseCloses, nil, "groups"},
		"a group not stored":       {pulseCloses, []workforce.RoleGroup{workforce.GroupMerged}, "groups"},
	} {
		if _, _, err := db.OpenPulseRound(ctx, "U60094", pulseOpened, c.closes, c.groups, manager); problemOn(err, c.field) == "" {
			t.Errorf("%s: %v", name, err)
		}
	}
	if msg := problemOn(func() error {
		_, _, err := db.OpenPulseRound(ctx, "U60094", pulseOpened, pulseOpened.AddDate(0, 0, 6), pulseGroups, manager)
		return err
	}(), "closes_on"); msg != "The closing date must be at least 7 days after today" {
		t.Errorf("open for 6 days: %q", msg)
	}
	if _, _, err := db.OpenPulseRound(ctx, "U60094", pulseOpened, pulseOpened.AddDate(0, 0, 7), pulseGroups[:1], manager); err != nil {
		t.Errorf("open for 7 days: %v", err)
	}

	entries, err := db.AuditLog(ctx, store.AuditFilter{PCN: "U60057"})
	if err != nil || len(entries) != 1 {
		t.Fatalf("audit: %+v %v", entries, err)
	}
	e := entries[0]
	if e.Action != "pulse_round.open" || e.Entity != "pulse_round" || e.EntityID != fmt.Sprint(round.ID) ||
		e.AfterJSON != `{"closes_on": "2026-02-02", "opened_on": "2026-01-05", "links_issued": 6}` {
		t.Errorf("the opening's entry: %+v", e)
	}
}

// An answer through a link is stored with the link's round, PCN and group, and the
// link dies; a used, unknown or closed link is refused and no row of any table
// changes.
func TestAnswerPulse(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, dbURL := dbtest.NewWithURL(t)
	conn := ownerConn(t, dbURL)
	round, links, err := db.OpenPulseRound(ctx, "U60057", pulseOpened, pulseCloses, pulseGroups, manager)
	if err != nil {
		t.Fatal(err)
	}
	nurse := links[slices.IndexFunc(links, func(l store.PulseLink) bool { return l.RoleGroup == workforce.GroupNursing })]
	fresh := links[slices.IndexFunc(links, func(l store.PulseLink) bool { return l.RoleGroup == workforce.GroupPharmacy })]
	got, group, err := db.PulseLinkRound(ctx, nurse.Token, pulseDuring)
	if err != nil || got.ID != round.ID || group != workforce.GroupNursing {
		t.Fatalf("the link's round: %+v %s %v", got, group, err)
	}
	if err := db.AnswerPulse(ctx, nurse.Token, answer([4]int{4, 5, 3, 2}, "More room please"), pulseDuring); err != nil {
		t.Fatal(err)
	}
	answers, err := db.PulseAnswers(ctx, []int64{round.ID})
	want := workforce.PulseAnswer{RoundID: round.ID, PCNCode: "U60057", RoleGroup: workforce.GroupNursing, Scores: [4]int{4, 5, 3, 2}, Comment: "More room please"}
	if err != nil || len(answers[round.ID]) != 1 || answers[round.ID][0] != want {
		t.Fatalf("answers: %+v %v, want %+v", answers, err, want)
	}
	if n, err := db.PulseResponses(ctx, []int64{round.ID}); err != nil || n[round.ID] != 1 {
		t.Errorf("responses: %v %v", n, err)
	}
	// The used link is gone, not marked: the links left are the five others.
	var left, nurseLeft int
	if err := conn.QueryRow(ctx, `SELECT count(*), count(*) FILTER (WHERE token = $2) FROM pulse_links WHERE round_id = $1`,
		round.ID, nurse.Token).Scan(&left, &nurseLeft); err != nil || left != 5 || nurseLeft != 0 {
		t.Errorf("links left %d, the used one %d (%v); want 5 and 0", left, nurseLeft, err)
	}
	if listed, err := db.PulseLinks(ctx, "U60057", round.ID); err != nil || len(listed) != 5 ||
		slices.ContainsFunc(listed, func(l store.PulseLink) bool { return l.Token == nurse.Token }) {
		t.Errorf("the links left: %+v %v", listed, err)
	}

	before := fingerprint(t, conn)
	closedDay := pulseCloses // the round closes at the start of its closing day
	for name, c := range map[string]struct {
		token string
		day   time.Time
		want  error
	}{
		"the same link again":       {nurse.Token, pulseDuring, store.ErrNotFound},
		"the same link in capitals": {" " + strings.ToUpper(nurse.Token) + " ", pulseDuring, store.ErrNotFound},
		"an unknown token":          {strings.Repeat("a", 26), pulseDuring, store.ErrNotFound},
		"a malformed token":         {"not-a-token", pulseDuring, store.ErrNotFound},
		"a token too long":          {fresh.Token + "a", pulseDuring, store.ErrNotFound},
		"a link of a closed round":  {fresh.Token, closedDay, store.ErrPulseClosed},
		"after the round closed":    {fresh.Token, closedDay.AddDate(0, 0, 10), store.ErrPulseClosed},
	} {
		if err := db.AnswerPulse(ctx, c.token, answer([4]int{1, 1, 1, 1}, "x"), c.day); !errors.Is(err, c.want) {
			t.Errorf("%s: %v, want %v", name, err, c.want)
		}
		if _, _, err := db.PulseLinkRound(ctx, c.token, c.day); !errors.Is(err, c.want) {
			t.Errorf("%s, the form: %v, want %v", name, err, c.want)
		}
	}
	if err := db.AnswerPulse(ctx, fresh.Token, answer([4]int{0, 6, 1, 1}, ""), pulseDuring); problemOn(err, "autonomy") == "" || problemOn(err, "belonging") == "" {
		t.Errorf("scores out of range: %v", err)
	}
	if err := db.AnswerPulse(ctx, fresh.Token, answer([4]int{1, 1, 1, 1}, strings.Repeat("é", 1001)), pulseDuring); problemOn(err, "comment") == "" {
		t.Errorf("a comment over 1000 characters: %v", err)
	}
	sameFingerprint(t, "a refused answer", before, fingerprint(t, conn))

	// A token typed in capitals, with spaces around it, is the same token.
	typed := " " + strings.ToUpper(links[slices.IndexFunc(links, func(l store.PulseLink) bool {
		return l.Token != nurse.Token && l.Token != fresh.Token
	})].Token) + "\t"
	if got, _, err := db.PulseLinkRound(ctx, typed, pulseDuring); err != nil || got.ID != round.ID {
		t.Errorf("the form of a token in capitals: %+v %v", got, err)
	}
	if err := db.AnswerPulse(ctx, typed, answer([4]int{2, 2, 2, 2}, ""), pulseDuring); err != nil {
		t.Errorf("an answer through a token in capitals: %v", err)
	}

	// Two answers through one link at once: one is stored.
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		wg.Go(func() { errs[i] = db.AnswerPulse(ctx, fresh.Token, answer([4]int{3, 3, 3, 3}, ""), pulseDuring) })
	}
	wg.Wait()
	ok := 0
	for _, err := range errs {
		switch {
		case err == nil:
			ok++
		case !errors.Is(err, store.ErrNotFound):
			t.Errorf("a concurrent answer: %v", err)
		}
	}
	if n, _ := db.PulseResponses(ctx, []int64{round.ID}); ok != 1 || n[round.ID] != 3 {
		t.Errorf("concurrent answers: %d stored, %d in the round; want 1 and 3", ok, n[round.ID])
	}
}

// After a round closes nothing ties an answer to a link, a person or a time: the
// links are gone, the answers have new ids in a new order and only their columns, no
// table holds a token, the audit holds no token and no comment, and neither table
// has a column of time.
func TestPulseAnonymousAfterClose(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, dbURL := dbtest.NewWithURL(t)
	conn := ownerConn(t, dbURL)
	round, links, err := db.OpenPulseRound(ctx, "U60057", pulseOpened, pulseCloses, pulseGroups, manager)
	if err != nil {
		t.Fatal(err)
	}
	comments := []string{"secret comment alpha", "secret comment beta", ""}
	for i, c := range comments {
		if err := db.AnswerPulse(ctx, links[i].Token, answer([4]int{i + 1, 2, 3, 4}, c), pulseDuring); err != nil {
			t.Fatal(err)
		}
	}
	answerIDs := func() []string {
		rows, err := conn.Query(ctx, `SELECT id::text FROM pulse_answers WHERE round_id = $1 ORDER BY id`, round.ID)
		if err != nil {
			t.Fatal(err)
		}
		ids, err := pgx.CollectRows(rows, pgx.RowTo[string])
		if err != nil {
			t.Fatal(err)
		}
		return ids
	}
	idsBefore := answerIDs()
	answersBefore, err := db.PulseAnswers(ctx, []int64{round.ID})
	if err != nil {
		t.Fatal(err)
	}

	if _, err := db.ClosePulseRound(ctx, "U60057", round.ID, round.Version+1, pulseDuring, manager); !errors.Is(err, store.ErrConflict) {
		t.Errorf("closing at a version never saved: %v", err)
	}
	if _, err := db.ClosePulseRound(ctx, "U47425", round.ID, round.Version, pulseDuring, manager); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("closing another PCN's round: %v", err)
	}
	// A round stays open 7 days: closing it on the sixth is refused, naming the first
	// day it may be closed, and changes nothing.
	before := fingerprint(t, conn)
	if msg := problemOn(func() error {
		_, err := db.ClosePulseRound(ctx, "U60057", round.ID, round.Version, pulseOpened.AddDate(0, 0, 6), manager)
		return err
	}(), "closed_on"); !strings.Contains(msg, "This round can be closed from 12 January 2026") {
		t.Errorf("closing after 6 days: %q", msg)
	}
	sameFingerprint(t, "a refused close", before, fingerprint(t, conn))
	closed, err := db.ClosePulseRound(ctx, "U60057", round.ID, round.Version, pulseDuring, manager)
	if err != nil {
		t.Fatal(err)
	}
	if !closed.ClosedOn.Equal(pulseDuring) || !closed.Sealed || closed.Version != round.Version+1 || closed.Open(pulseDuring) {
		t.Errorf("closed: %+v", closed)
	}
	if _, err := db.ClosePulseRound(ctx, "U60057", round.ID, closed.Version, pulseDuring, manager); !errors.Is(err, store.ErrConflict) {
		t.Errorf("closing a closed round: %v", err)
	}

	// (a) the links are gone, and with them every way in.
	var n int
	if err := conn.QueryRow(ctx, `SELECT count(*) FROM pulse_links WHERE round_id = $1`, round.ID).Scan(&n); err != nil || n != 0 {
		t.Errorf("%d links left (%v)", n, err)
	}
	if _, err := db.PulseLinks(ctx, "U60057", round.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("links of a sealed round: %v", err)
	}
	for _, l := range links[:4] {
		if err := db.AnswerPulse(ctx, l.Token, answer([4]int{1, 1, 1, 1}, ""), pulseDuring); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("answering after the close: %v", err)
		}
	}
	// The answers are the same answers, under new ids.
	answersAfter, err := db.PulseAnswers(ctx, []int64{round.ID})
	if err != nil || !slices.Equal(answersAfter[round.ID], answersBefore[round.ID]) || len(answersAfter[round.ID]) != 3 {
		t.Errorf("answers after sealing: %+v, before %+v (%v)", answersAfter, answersBefore, err)
	}
	idsAfter := answerIDs()
	for _, id := range idsAfter {
		if slices.Contains(idsBefore, id) {
			t.Errorf("answer id %s kept through the seal", id)
		}
	}
	// (b) an answer's columns are these and no more; (e) no column of time.
	cols := func(table string) []string {
		rows, err := conn.Query(ctx, `SELECT column_name FROM information_schema.columns
			WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`, table)
		if err != nil {
			t.Fatal(err)
		}
		c, err := pgx.CollectRows(rows, pgx.RowTo[string])
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	if got, want := cols("pulse_answers"), []string{"id", "round_id", "pcn_code", "role_group", "autonomy", "belonging", "contribution", "staying", "comment"}; !slices.Equal(got, want) {
		t.Errorf("pulse_answers columns %v, want %v", got, want)
	}
	if got, want := cols("pulse_links"), []string{"token", "round_id", "role_group"}; !slices.Equal(got, want) {
		t.Errorf("pulse_links columns %v, want %v", got, want)
	}
	if err := conn.QueryRow(ctx, `SELECT count(*) FROM information_schema.columns
		WHERE table_schema = 'public' AND table_name IN ('pulse_answers', 'pulse_links')
		  AND (data_type LIKE 'time%' OR data_type = 'interval' OR data_type = 'date')`).Scan(&n); err != nil || n != 0 {
		t.Errorf("%d columns of time in pulse_answers and pulse_links (%v)", n, err)
	}
	// (c) no table holds a token, in any column; (d) the audit holds no comment.
	tokens := make([]string, len(links))
	for i, l := range links {
		tokens[i] = l.Token
	}
	for _, table := range publicTables(t, conn) {
		err := conn.QueryRow(ctx, fmt.Sprintf(`SELECT count(*) FROM %s t
			WHERE EXISTS (SELECT 1 FROM unnest($1::text[]) k WHERE strpos(t::text, k) > 0)`, pgx.Identifier{table}.Sanitize()), tokens).Scan(&n)
		if err != nil || n != 0 {
			t.Errorf("table %s: %d rows hold a token (%v)", table, n, err)
		}
	}
	if err := conn.QueryRow(ctx, `SELECT count(*) FROM audit_log a WHERE strpos(a::text, 'secret comment') > 0`).Scan(&n); err != nil || n != 0 {
		t.Errorf("%d audit entries hold a comment (%v)", n, err)
	}
	entries, err := db.AuditLog(ctx, store.AuditFilter{PCN: "U60057"})
	if err != nil || len(entries) != 2 || entries[0].Action != "pulse_round.close" ||
		entries[0].AfterJSON != `{"answers": 3, "closed_on": "2026-01-20", "links_issued": 6}` {
		t.Errorf("audit: %+v %v", entries, err)
	}
	// The unique open round is gone: the PCN may open the next.
	if _, _, err := db.OpenPulseRound(ctx, "U60057", pulseDuring, pulseCloses, pulseGroups, manager); err != nil {
		t.Errorf("the next round: %v", err)
	}
}

// A round whose closing day has come is closed that day and sealed by the next call
// of SealPulseRounds; a second call seals nothing; servers sealing at once seal each
// round once.
func TestSealPulseRounds(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, dbURL := dbtest.NewWithURL(t)
	conn := ownerConn(t, dbURL)
	round, links, err := db.OpenPulseRound(ctx, "U60057", pulseOpened, pulseCloses, pulseGroups, manager)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.AnswerPulse(ctx, links[0].Token, answer([4]int{5, 5, 5, 5}, ""), pulseDuring); err != nil {
		t.Fatal(err)
	}
	if n, err := db.SealPulseRounds(ctx, pulseCloses.AddDate(0, 0, -1)); err != nil || n != 0 {
		t.Errorf("the day before closing: sealed %d (%v)", n, err)
	}
	if got, _ := db.PulseRound(ctx, "U60057", round.ID); !got.ClosedOn.IsZero() || got.Sealed {
		t.Errorf("sealed before its closing day: %+v", got)
	}
	if latest, err := db.LatestClosedPulseRounds(ctx, []string{"U60057"}); err != nil || len(latest) != 0 {
		t.Errorf("latest closed while open: %+v %v", latest, err)
	}
	if n, err := db.SealPulseRounds(ctx, pulseCloses); err != nil || n != 1 {
		t.Errorf("the closing day: sealed %d (%v), want 1", n, err)
	}
	got, err := db.PulseRound(ctx, "U60057", round.ID)
	if err != nil || !got.ClosedOn.Equal(pulseCloses) || !got.Sealed || got.Version != 2 {
		t.Errorf("after sealing: %+v %v", got, err)
	}
	var left int
	if err := conn.QueryRow(ctx, `SELECT count(*) FROM pulse_links`).Scan(&left); err != nil || left != 0 {
		t.Errorf("%d links left", left)
	}
	// Closed by its day, and audited so: by no one, with counts only.
	entries, err := db.AuditLog(ctx, store.AuditFilter{PCN: "U60057"})
	if err != nil || len(entries) != 2 {
		t.Fatalf("audit: %+v %v", entries, err)
	}
	if e := entries[0]; e.Action != "pulse_round.close" || e.Actor != store.PulseAutoCloser.Name || e.Actor != "arrs (closing day)" ||
		e.UserID != 0 || e.EntityID != fmt.Sprint(round.ID) ||
		e.BeforeJSON != `{"closed_on": null, "closes_on": "2026-02-02", "opened_on": "2026-01-05"}` ||
		e.AfterJSON != `{"answers": 1, "closed_on": "2026-02-02", "links_issued": 6}` {
		t.Errorf("the close by its day: %+v", e)
	}
	if n, err := db.SealPulseRounds(ctx, pulseCloses.AddDate(0, 0, 7)); err != nil || n != 0 {
		t.Errorf("a second call: sealed %d (%v), want 0", n, err)
	}
	latest, err := db.LatestClosedPulseRounds(ctx, []string{"U60057", "U47425"})
	if err != nil || len(latest) != 1 || latest["U60057"].ID != round.ID {
		t.Errorf("latest closed: %+v %v", latest, err)
	}
	if rounds, err := db.PulseRounds(ctx, "U60057"); err != nil || len(rounds) != 1 || rounds[0].ID != round.ID {
		t.Errorf("rounds: %+v %v", rounds, err)
	}

	// Three PCNs' rounds past their closing day, sealed by four servers at once.
	pcns := []string{"U47425", "U60094", "U60057"}
	for _, pcn := range pcns {
		if _, _, err := db.OpenPulseRound(ctx, pcn, pulseCloses, pulseCloses.AddDate(0, 0, 14), pulseGroups, manager); err != nil {
			t.Fatal(err)
		}
	}
	var wg sync.WaitGroup
	sealed := make([]int, 4)
	for i := range sealed {
		wg.Go(func() {
			n, err := db.SealPulseRounds(ctx, pulseCloses.AddDate(0, 0, 20))
			if err != nil {
				t.Errorf("sealing at once: %v", err)
			}
			sealed[i] = n
		})
	}
	wg.Wait()
	total := 0
	for _, n := range sealed {
		total += n
	}
	if total != 3 {
		t.Errorf("sealed %v rounds between the servers, want 3 in all", sealed)
	}
	if err := conn.QueryRow(ctx, `SELECT count(*) FROM pulse_rounds WHERE NOT sealed`).Scan(&left); err != nil || left != 0 {
		t.Errorf("%d rounds left unsealed", left)
	}
	var audited int
	if err := conn.QueryRow(ctx, `SELECT count(*) FROM audit_log WHERE action = 'pulse_round.close' AND actor = $1`,
		store.PulseAutoCloser.Name).Scan(&audited); err != nil || audited != 4 {
		t.Errorf("%d closes by the day audited, want 4 (each round once) (%v)", audited, err)
	}
	latest, err = db.LatestClosedPulseRounds(ctx, []string{"U60057"})
	if err != nil || latest["U60057"].ID == round.ID || !latest["U60057"].ClosedOn.Equal(pulseCloses.AddDate(0, 0, 14)) {
		t.Errorf("latest closed after a second round: %+v %v", latest, err)
	}
}

// Only a sealed round counts as closed: one whose closed_on is set but whose seal has
// not run (as between SealPulseRounds' two steps) is nobody's latest closed round, so
// that no page or file counts answers that the seal has not yet made final.
func TestLatestClosedPulseRoundsSealedOnly(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, dbURL := dbtest.NewWithURL(t)
	conn := ownerConn(t, dbURL)
	round, _, err := db.OpenPulseRound(ctx, "U47425", pulseOpened, pulseCloses, pulseGroups, manager)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec(ctx, `UPDATE pulse_rounds SET closed_on = closes_on WHERE id = $1`, round.ID); err != nil {
		t.Fatal(err)
	}
	if latest, err := db.LatestClosedPulseRounds(ctx, []string{"U47425"}); err != nil || len(latest) != 0 {
		t.Errorf("a closed round not yet sealed counts as closed: %+v %v", latest, err)
	}
	if n, err := db.SealPulseRounds(ctx, pulseDuring); err != nil || n != 1 {
		t.Fatalf("sealing the closed round: %d %v", n, err)
	}
	if latest, err := db.LatestClosedPulseRounds(ctx, []string{"U47425"}); err != nil || latest["U47425"].ID != round.ID || !latest["U47425"].Sealed {
		t.Errorf("the sealed round: %+v %v", latest, err)
	}
}

// "Latest" is by closing day, then id, in PulseRounds' order as in
// LatestClosedPulseRounds: a round opened later but closed earlier is not the latest.
func TestPulseRoundsLatestByClosingDay(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, dbURL := dbtest.NewWithURL(t)
	conn := ownerConn(t, dbURL)
	early, _, err := db.OpenPulseRound(ctx, "U60057", pulseOpened, pulseOpened.AddDate(0, 0, 50), pulseGroups, manager)
	if err != nil {
		t.Fatal(err)
	}
	// A second round of the PCN, opened later and closed earlier (as rounds of a PCN
	// merged from two, or written by hand, may be).
	if _, err := conn.Exec(ctx, `UPDATE pulse_rounds SET closed_on = opened_on + 50 WHERE id = $1`, early.ID); err != nil {
		t.Fatal(err)
	}
	later, _, err := db.OpenPulseRound(ctx, "U60057", pulseOpened.AddDate(0, 0, 10), pulseOpened.AddDate(0, 0, 30), pulseGroups, manager)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec(ctx, `UPDATE pulse_rounds SET closed_on = closes_on WHERE id = $1`, later.ID); err != nil {
		t.Fatal(err)
	}
	open, _, err := db.OpenPulseRound(ctx, "U60057", pulseOpened.AddDate(0, 0, 60), pulseOpened.AddDate(0, 0, 80), pulseGroups, manager)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.SealPulseRounds(ctx, pulseOpened.AddDate(0, 0, 61)); err != nil {
		t.Fatal(err)
	}
	rounds, err := db.PulseRounds(ctx, "U60057")
	var ids []int64
	for _, r := range rounds {
		ids = append(ids, r.ID)
	}
	if want := []int64{open.ID, early.ID, later.ID}; err != nil || !slices.Equal(ids, want) {
		t.Errorf("rounds %v (%v), want the open one, then by closing day: %v", ids, err, want)
	}
	latest, err := db.LatestClosedPulseRounds(ctx, []string{"U60057"})
	if err != nil || latest["U60057"].ID != early.ID {
		t.Errorf("latest closed %+v (%v), want round %d, closed last", latest["U60057"], err, early.ID)
	}
}
