package store

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// ErrBrokenHierarchy refuses a write that would leave a PCN's (or practice's) sub-ICB
// location outside its ICB on some day, or a member of an ICB that does not exist then.
var ErrBrokenHierarchy = errors.New("the organisation hierarchy would be broken")

// OrgChangeImport is an organisations change to load: NHS England's change summary for
// one day, read by importer.ReadOrgChange.
type OrgChangeImport struct {
	FileName string // the folder, as given
	SHA256   string
	Change   *workforce.OrgChange
	// PCNsFile and PCNLines say where each PCN's row is (the pcn_icb_ file, and the
	// line by PCN code), for a refusal to name; optional.
	PCNsFile string
	PCNLines map[string]int
	By       Actor
}

// OrgChangeLog is what loading a change did.
type OrgChangeLog struct {
	FileName      string // the folder, as given
	Effective     time.Time
	ICBsOpened    []string
	ICBsDissolved []string
	Successions   []workforce.Succession
	SubICBsMoved  int
	PCNsMoved     int
	PracticesMove int
}

// ApplyOrgChange loads a reorganisation in one transaction: the ICBs of the change's
// list not known before open on its day, those in force the day before and not listed
// are dissolved on it, each with the ICBs its PCNs went to as successors; sub-ICB
// locations, PCNs and practices take their new places from the day, their history
// before it kept; a practice's ICB is its sub-ICB location's on each day. A change
// places PCNs the planner holds: one naming another is refused (ErrUnknownCodes), as
// a new PCN comes with the census that first lists it. The hierarchy is checked
// (org_problems) before commit. A change loaded before (by its hash) is
// ErrAlreadyImported.
func (db *DB) ApplyOrgChange(ctx context.Context, in OrgChangeImport) (log OrgChangeLog, err error) {
	defer func() {
		if !orgRefusal(err) {
			wrap(&err, "load the organisation change of %s", in.Change.Effective.Format(time.DateOnly))
		}
	}()
	err = db.InTx(ctx, func(tx *DB) error {
		if err := tx.recordOrgImport(ctx, "organisations", in.FileName, in.SHA256, in.Change.Effective, len(in.Change.PCNs), in.By); err != nil {
			return err
		}
		if err := tx.refuseUnknownPCNs(ctx, in); err != nil {
			return err
		}
		var err error
		if log, err = tx.applyOrgChange(ctx, in.Change); err != nil {
			return err
		}
		log.FileName = in.FileName
		if err := tx.checkOrgs(ctx); err != nil {
			return err
		}
		e := in.By.Entry("organisations.change", "org_change", in.Change.Effective.Format(time.DateOnly))
		e.After = map[string]any{"folder": in.FileName, "opened": log.ICBsOpened, "dissolved": log.ICBsDissolved,
			"sub_icbs_moved": log.SubICBsMoved, "pcns_moved": log.PCNsMoved, "practices_moved": log.PracticesMove}
		return tx.audit(ctx, e)
	})
	return log, err
}

// recordOrgImport notes a file (or folder) by kind and hash, refusing one loaded before.
// day is its extract or change day (zero: none, as for deprivation scores).
func (db *DB) recordOrgImport(ctx context.Context, kind, file, sha string, day time.Time, rows int, by Actor) error {
	if _, err := db.q.Exec(ctx, `LOCK TABLE org_imports IN EXCLUSIVE MODE`); err != nil {
		return err
	}
	var effective *time.Time
	if !day.IsZero() {
		effective = &day
	}
	tag, err := db.q.Exec(ctx, `
		INSERT INTO org_imports (kind, file_name, sha256, effective, rows, imported_by)
		VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (kind, sha256) DO NOTHING`, kind, file, sha, effective, rows, by.Name)
	if err != nil {
		return err
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("%w: this %s was loaded before; nothing changed", ErrAlreadyImported, orgKindName(kind))
	}
	return nil
}

func orgKindName(kind string) string {
	if kind == "organisations" {
		return "organisations change"
	}
	return "practice file"
}

func (db *DB) applyOrgChange(ctx context.Context, ch *workforce.OrgChange) (OrgChangeLog, error) {
	log := OrgChangeLog{Effective: ch.Effective}
	var err error
	if log.ICBsOpened, err = db.openICBs(ctx, ch); err != nil {
		return log, err
	}
	if log.SubICBsMoved, err = db.moveSubICBs(ctx, ch); err != nil {
		return log, err
	}
	dayBefore := ch.Effective.AddDate(0, 0, -1)
	before, err := db.PCNsOn(ctx, dayBefore)
	if err != nil {
		return log, err
	}
	places := make([]place, len(ch.PCNs))
	for i, p := range ch.PCNs {
		places[i] = place{key: p.PCNCode, values: []string{p.SubICBCode, p.ICBCode}}
	}
	if log.PCNsMoved, err = db.placeFrom(ctx, pcnSpans, ch.Effective, "change", places); err != nil {
		return log, err
	}
	if log.PracticesMove, err = db.movePractices(ctx, ch); err != nil {
		return log, err
	}
	// A change may move a sub-ICB location without listing its practices: they follow
	// it to its new ICB.
	aligned, err := db.alignPractices(ctx, nil)
	if err != nil {
		return log, err
	}
	log.PracticesMove += aligned
	if log.ICBsDissolved, log.Successions, err = db.dissolveICBs(ctx, ch, before); err != nil {
		return log, err
	}
	return log, nil
}

// openICBs writes the change's ICB list: new codes open on the change's day; a known
// code takes the list's name, ONS code and region.
func (db *DB) openICBs(ctx context.Context, ch *workforce.OrgChange) ([]string, error) {
	var code, ons, name, region []string
	for _, i := range ch.ICBs {
		code, ons, name, region = append(code, i.Code), append(ons, i.ONSCode), append(name, i.Name), append(region, i.RegionCode)
	}
	rows, err := db.q.Query(ctx, `
		INSERT INTO icbs (code, ons_code, name, region_code, opened)
		SELECT c, o, n, r, $5 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS u(c, o, n, r)
		ON CONFLICT (code) DO UPDATE SET ons_code = excluded.ons_code, name = excluded.name, region_code = excluded.region_code
		WHERE (icbs.ons_code, icbs.name, icbs.region_code) IS DISTINCT FROM (excluded.ons_code, excluded.name, excluded.region_code)
		RETURNING code, opened IS NOT DISTINCT FROM $5`, code, ons, name, region, ch.Effective)
	if err != nil {
		return nil, fmt.Errorf("ICBs: %w", err)
	}
	var opened []string
	var c string
	var isNew bool
	for rows.Next() {
		if err := rows.Scan(&c, &isNew); err != nil {
			return nil, err
		}
		if isNew {
			opened = append(opened, c)
		}
	}
	return opened, rows.Err()
}

// moveSubICBs gives each changed sub-ICB location its ICB from the day: a new code is
// created, and an old code that is not also a new one closes on the day.
func (db *DB) moveSubICBs(ctx context.Context, ch *workforce.OrgChange) (int, error) {
	var code, name []string
	var places []place
	seen := map[string]bool{}
	for _, s := range ch.SubICBs {
		if !seen[s.New.Code] {
			seen[s.New.Code] = true
			code, name = append(code, s.New.Code), append(name, s.New.Name)
			places = append(places, place{key: s.New.Code, values: []string{s.New.ICBCode}})
		}
	}
	_, err := db.q.Exec(ctx, `
		INSERT INTO sub_icbs (code, name) SELECT * FROM unnest($1::text[], $2::text[])
		ON CONFLICT (code) DO UPDATE SET name = excluded.name WHERE sub_icbs.name <> excluded.name`, code, name)
	if err != nil {
		return 0, fmt.Errorf("sub-ICB locations: %w", err)
	}
	var closing []string
	for _, s := range ch.SubICBs {
		if !seen[s.OldSubICBCode] {
			closing = append(closing, s.OldSubICBCode)
		}
	}
	_, err = db.q.Exec(ctx, `
		UPDATE sub_icb_spans SET valid_to = $2
		WHERE sub_icb_code = ANY($1) AND valid_from < $2 AND (valid_to IS NULL OR $2 < valid_to)`, closing, ch.Effective)
	if err != nil {
		return 0, fmt.Errorf("closing sub-ICB locations: %w", err)
	}
	return db.placeFrom(ctx, subICBSpans, ch.Effective, "change", places)
}

// refuseUnknownPCNs refuses a change naming PCNs the planner does not hold, naming up
// to five with their lines: a change moves known PCNs between sub-ICB locations and
// ICBs, while a new PCN is created, with its staff, by the census that first lists it
// (an admin's national import), never by a change that would leave it empty.
func (db *DB) refuseUnknownPCNs(ctx context.Context, in OrgChangeImport) error {
	pcns := in.Change.PCNs
	codes := distinct(len(pcns), func(i int) string { return pcns[i].PCNCode })
	known, err := db.knownCodes(ctx, `SELECT code FROM pcns WHERE code = ANY($1)`, codes)
	if err != nil {
		return err
	}
	var unknown []string
	for _, p := range pcns {
		if !known[p.PCNCode] {
			unknown = append(unknown, unknownPCN(p.PCNCode, in.PCNLines[p.PCNCode]))
		}
	}
	if len(unknown) == 0 {
		return nil
	}
	what, more := "PCN", ""
	if len(unknown) > 1 {
		what = "PCNs"
	}
	if len(unknown) > 5 {
		more = fmt.Sprintf(" and %d more", len(unknown)-5)
		unknown = unknown[:5]
	}
	file := cmp.Or(in.PCNsFile, in.FileName)
	return fmt.Errorf("%w: %s: unknown %s %s%s: an organisations change places known PCNs; a new PCN comes with its census",
		ErrUnknownCodes, file, what, strings.Join(unknown, ", "), more)
}

// unknownPCN names a PCN with its line, when known: U99999 (line 5). Not its name,
// which the file gave and could be long.
func unknownPCN(code string, line int) string {
	if line > 0 {
		return fmt.Sprintf("%s (line %d)", code, line)
	}
	return code
}

// movePractices gives each known practice its PCN, sub-ICB and ICB from the day.
// Practices the planner does not hold yet are left for `arrs import practices`.
func (db *DB) movePractices(ctx context.Context, ch *workforce.OrgChange) (int, error) {
	if len(ch.Practices) == 0 {
		return 0, nil
	}
	var codes []string
	for _, p := range ch.Practices {
		codes = append(codes, p.PracticeCode)
	}
	known, err := db.knownCodes(ctx, `SELECT code FROM practices WHERE code = ANY($1)`, codes)
	if err != nil {
		return 0, err
	}
	var places []place
	for _, p := range ch.Practices {
		if known[p.PracticeCode] {
			places = append(places, place{key: p.PracticeCode, values: []string{p.PCNCode, p.SubICBCode, p.ICBCode}})
		}
	}
	return db.placeFrom(ctx, practiceSpans, ch.Effective, "change", places)
}

// dissolveICBs closes the ICBs in force the day before the change that its list does
// not name, and records as successors the ICBs their PCNs (and sub-ICB locations) went
// to.
func (db *DB) dissolveICBs(ctx context.Context, ch *workforce.OrgChange, before []workforce.PCN) ([]string, []workforce.Succession, error) {
	listed := make([]string, len(ch.ICBs))
	for i, c := range ch.ICBs {
		listed[i] = c.Code
	}
	dissolved, err := db.queryStrings(ctx, `
		UPDATE icbs SET closed = $1
		WHERE NOT (code = ANY($2)) AND (opened IS NULL OR opened < $1) AND (closed IS NULL OR closed > $1)
		RETURNING code`, ch.Effective, listed)
	if err != nil {
		return nil, nil, fmt.Errorf("dissolving ICBs: %w", err)
	}
	succ := workforce.Successions(ch, before, dissolved)
	for _, s := range succ {
		_, err := db.q.Exec(ctx, `INSERT INTO icb_successions (old_code, new_code, effective) VALUES ($1, $2, $3)
			ON CONFLICT DO NOTHING`, s.OldCode, s.NewCode, s.Effective)
		if err != nil {
			return nil, nil, fmt.Errorf("successions: %w", err)
		}
	}
	return dissolved, succ, nil
}

// checkOrgs refuses to go on while the hierarchy has a problem (org_problems),
// naming up to five.
func (db *DB) checkOrgs(ctx context.Context) error {
	problems, err := db.queryStrings(ctx, `SELECT problem FROM org_problems()`)
	if err != nil {
		return fmt.Errorf("checking the hierarchy: %w", err)
	}
	if len(problems) == 0 {
		return nil
	}
	more := ""
	if len(problems) > 5 {
		more = fmt.Sprintf(" (and %d more)", len(problems)-5)
		problems = problems[:5]
	}
	return fmt.Errorf("%w: %s%s", ErrBrokenHierarchy, strings.Join(problems, "; "), more)
}
