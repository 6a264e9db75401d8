package store

import (
	"context"
	"time"

	"github.com/arrs-planner/arrs/internal/refdata"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/jackc/pgx/v5"
)

// The reads behind issue 14's funding streams (internal/funding): each takes PCN codes,
// nil for every PCN, and is one query. FundingStreamsOf sends them all at once, in one
// round trip, so that a PCN's page pays for them once.

// read is one query and what collects its rows.
type read struct {
	sql     string
	args    []any
	collect func(pgx.Rows) error
}

// collectInto is a read's collect that keeps the rows, scanned by scan, in *out.
func collectInto[T any](out *[]T, scan pgx.RowToFunc[T]) func(pgx.Rows) error {
	return func(rows pgx.Rows) (err error) {
		*out, err = pgx.CollectRows(rows, scan)
		return err
	}
}

// batcher is what the pool and a transaction both offer to send queries together.
type batcher interface {
	SendBatch(ctx context.Context, b *pgx.Batch) pgx.BatchResults
}

// runReads runs the reads: together in one round trip where the connection can,
// else one after the other.
func (db *DB) runReads(ctx context.Context, reads ...read) error {
	b, ok := db.q.(batcher)
	if !ok || len(reads) == 1 {
		for _, r := range reads {
			rows, err := db.q.Query(ctx, r.sql, r.args...)
			if err != nil {
				return err
			}
			if err := r.collect(rows); err != nil {
				return err
			}
		}
		return nil
	}
	batch := &pgx.Batch{}
	for _, r := range reads {
		batch.Queue(r.sql, r.args...)
	}
	res := b.SendBatch(ctx, batch)
	for _, r := range reads {
		rows, err := res.Query()
		if err == nil {
			err = r.collect(rows)
		}
		if err != nil {
			res.Close()
			return err
		}
	}
	return res.Close()
}

// StreamInputs are what the funding streams take of the store for some PCNs.
type StreamInputs struct {
	RoleShares []workforce.RoleShare
	Agreements []workforce.ShareAgreement
	Approved   []workforce.ApprovedRole
	GPRates    []workforce.FundingRate
	GPCaps     []workforce.PracticeGPCap
	// ICBs are the payment lags of the ICBs asked for, by code.
	ICBs map[string]ICBPayment
	// PracticeShares are the agreed percentages of the PCNs that record them.
	PracticeShares map[string][]workforce.PracticeShare
	// Practices are the practices of PracticeListsOn.
	Practices []PracticeList
}

// FundingStreamsOf reads the streams' inputs of the PCNs (nil: all) in one round trip:
// the national shares and the PCNs' agreements, their approved roles, the practice GP
// scheme's rates and caps, the payment lags of the ICBs, the PCNs' agreed practice
// shares, and the practices of practicePCNs (nil: every practice) on the days
// (PracticeListsOn).
func (db *DB) FundingStreamsOf(ctx context.Context, pcns, icbs, practicePCNs []string, days []time.Time) (_ StreamInputs, err error) {
	defer wrap(&err, "funding streams of %d PCNs (0: all) on %d days", len(pcns), len(days))
	var in StreamInputs
	var lags []icbLag
	var shares []pcnShare
	err = db.runReads(ctx, roleSharesRead(&in.RoleShares), agreementsRead(&in.Agreements, pcns), approvedRead(&in.Approved, pcns),
		gpRatesRead(&in.GPRates), gpCapsRead(&in.GPCaps), lagsRead(&lags, icbs), sharesRead(&shares, pcns),
		practicesRead(&in.Practices, practicePCNs, days))
	in.ICBs, in.PracticeShares = lagsByICB(lags), sharesByPCN(shares)
	return in, err
}

// ApprovedRolesOf lists the commissioner-approved roles of the PCNs (nil: all), by PCN,
// start and id.
func (db *DB) ApprovedRolesOf(ctx context.Context, pcns []string) (out []workforce.ApprovedRole, err error) {
	defer wrap(&err, "approved roles of %d PCNs (0: all)", len(pcns))
	return out, db.runReads(ctx, approvedRead(&out, pcns))
}

func approvedRead(out *[]workforce.ApprovedRole, pcns []string) read {
	return read{`
		SELECT id, pcn_code, name, band, cap_pence, valid_from, valid_to, note, approved_by, approved_at, version
		FROM approved_roles
		WHERE $1::text[] IS NULL OR pcn_code = ANY($1)
		ORDER BY pcn_code, valid_from, id`, []any{pcns}, collectInto(out, func(r pgx.CollectableRow) (workforce.ApprovedRole, error) {
		var a workforce.ApprovedRole
		var to *time.Time
		err := r.Scan(&a.ID, &a.PCNCode, &a.Name, &a.Band, &a.CapPence, &a.From, &to, &a.Note, &a.ApprovedBy, &a.ApprovedAt, &a.Version)
		if to != nil {
			a.To = *to
		}
		return a, err
	})}
}

// RoleShares lists the national reimbursement shares (role_shares, loaded by `arrs seed
// reference`), by role and date.
func (db *DB) RoleShares(ctx context.Context) (out []workforce.RoleShare, err error) {
	defer wrap(&err, "role shares")
	return out, db.runReads(ctx, roleSharesRead(&out))
}

func roleSharesRead(out *[]workforce.RoleShare) read {
	return read{`SELECT role_code, effective_from, share::float8 FROM role_shares ORDER BY role_code, effective_from`, nil,
		collectInto(out, func(r pgx.CollectableRow) (workforce.RoleShare, error) {
			var s workforce.RoleShare
			return s, r.Scan(&s.RoleCode, &s.EffectiveFrom, &s.Share)
		})}
}

// ShareAgreementsOf lists the written share agreements of the PCNs (nil: all), ended or
// not, by PCN, role and start.
func (db *DB) ShareAgreementsOf(ctx context.Context, pcns []string) (out []workforce.ShareAgreement, err error) {
	defer wrap(&err, "share agreements of %d PCNs (0: all)", len(pcns))
	return out, db.runReads(ctx, agreementsRead(&out, pcns))
}

func agreementsRead(out *[]workforce.ShareAgreement, pcns []string) read {
	return read{`SELECT ` + agreementColumns + ` FROM share_agreements WHERE $1::text[] IS NULL OR pcn_code = ANY($1)
		ORDER BY pcn_code, role_code, valid_from, id`, []any{pcns}, collectInto(out, scanAgreement)}
}

// PracticeGPRates lists the practice GP scheme's rates per adjusted patient, by year
// (Starts is the year's 1 April).
func (db *DB) PracticeGPRates(ctx context.Context) (out []workforce.FundingRate, err error) {
	defer wrap(&err, "practice GP rates")
	return out, db.runReads(ctx, gpRatesRead(&out))
}

func gpRatesRead(out *[]workforce.FundingRate) read {
	return read{`
		SELECT financial_year, make_date(left(financial_year, 4)::int, 4, 1), rate_gbp::float8
		FROM practice_gp_rates ORDER BY financial_year`, nil,
		collectInto(out, func(r pgx.CollectableRow) (workforce.FundingRate, error) {
			var x workforce.FundingRate
			return x, r.Scan(&x.FinancialYear, &x.Starts, &x.RateGBP)
		})}
}

// PracticeGPCaps lists the practice GP scheme's caps per WTE, by date, London last.
func (db *DB) PracticeGPCaps(ctx context.Context) (out []workforce.PracticeGPCap, err error) {
	defer wrap(&err, "practice GP caps")
	return out, db.runReads(ctx, gpCapsRead(&out))
}

func gpCapsRead(out *[]workforce.PracticeGPCap) read {
	return read{`SELECT effective_from, london, cap_pence FROM practice_gp_caps ORDER BY effective_from, london`, nil,
		collectInto(out, func(r pgx.CollectableRow) (workforce.PracticeGPCap, error) {
			var c workforce.PracticeGPCap
			return c, r.Scan(&c.EffectiveFrom, &c.London, &c.Pence)
		})}
}

// LondonRegion is the code of NHS England's London region: its practices have the
// practice GP scheme's London cap.
const LondonRegion = "Y56"

// ICBPayment is what the cash flow needs of an ICB: the months it takes to pay a claim
// (icbs.payment_lag_months) and whether it is in London.
type ICBPayment struct {
	LagMonths int
	London    bool
}

// icbLag is an ICB's ICBPayment as read.
type icbLag struct {
	code string
	ICBPayment
}

// PaymentLags returns the payment lag of the ICBs (nil: all), by code.
func (db *DB) PaymentLags(ctx context.Context, icbs []string) (_ map[string]ICBPayment, err error) {
	defer wrap(&err, "payment lags of %d ICBs (0: all)", len(icbs))
	var lags []icbLag
	err = db.runReads(ctx, lagsRead(&lags, icbs))
	return lagsByICB(lags), err
}

func lagsRead(out *[]icbLag, icbs []string) read {
	return read{`SELECT code, payment_lag_months, region_code = $2 FROM icbs WHERE $1::text[] IS NULL OR code = ANY($1)`,
		[]any{icbs, LondonRegion}, collectInto(out, func(r pgx.CollectableRow) (icbLag, error) {
			var x icbLag
			return x, r.Scan(&x.code, &x.LagMonths, &x.London)
		})}
}

func lagsByICB(lags []icbLag) map[string]ICBPayment {
	out := make(map[string]ICBPayment, len(lags))
	for _, l := range lags {
		out[l.code] = l.ICBPayment
	}
	return out
}

// pcnShare is a PCN's agreed percentage for one practice, as read.
type pcnShare struct {
	pcn string
	workforce.PracticeShare
}

// PracticeSharesOf returns the agreed percentages of the PCNs (nil: all) that record
// them, by PCN code, each set by practice code; a PCN absent splits by list.
func (db *DB) PracticeSharesOf(ctx context.Context, pcns []string) (_ map[string][]workforce.PracticeShare, err error) {
	defer wrap(&err, "practice shares of %d PCNs (0: all)", len(pcns))
	var shares []pcnShare
	err = db.runReads(ctx, sharesRead(&shares, pcns))
	return sharesByPCN(shares), err
}

func sharesRead(out *[]pcnShare, pcns []string) read {
	return read{`
		SELECT pcn_code, practice_code, percent::float8 FROM practice_shares
		WHERE $1::text[] IS NULL OR pcn_code = ANY($1)
		ORDER BY pcn_code, practice_code`, []any{pcns}, collectInto(out, func(r pgx.CollectableRow) (pcnShare, error) {
		var x pcnShare
		return x, r.Scan(&x.pcn, &x.PracticeCode, &x.Percent)
	})}
}

func sharesByPCN(shares []pcnShare) map[string][]workforce.PracticeShare {
	out := map[string][]workforce.PracticeShare{}
	for _, s := range shares {
		out[s.pcn] = append(out[s.pcn], s.PracticeShare)
	}
	return out
}

// PracticeList is a practice on a day as the practice GP scheme and the practice
// split need it: its PCN ("" for none) and its own ICB that day, whether that ICB is in
// London, and its registered list from the publication a PCN's list is read from on
// the day (listExtractSQL), so a PCN's members add up to its list.
type PracticeList struct {
	Day           time.Time
	Code, Name    string
	PCNCode       string
	ICBCode       string
	London        bool
	Patients      int
	PatientsKnown bool // false: the publication has no row for it (unknown, not 0)
	Extract       time.Time
}

// PracticeListsOn returns, for each day, the practices placed that day that are members
// of the PCNs (nil: every practice, those in no PCN too), by day, PCN and code. One
// query however many days and PCNs.
func (db *DB) PracticeListsOn(ctx context.Context, pcns []string, days []time.Time) (out []PracticeList, err error) {
	defer wrap(&err, "practice lists of %d PCNs (0: all) on %d days", len(pcns), len(days))
	return out, db.runReads(ctx, practicesRead(&out, pcns, days))
}

func practicesRead(out *[]PracticeList, pcns []string, days []time.Time) read {
	return read{`
		SELECT d.day, pr.code, pr.name, coalesce(m.pcn_code, ''), m.icb_code, coalesce(i.region_code = $3, false),
		       pp.patients, coalesce(ext.day, '0001-01-01')
		FROM unnest($2::date[]) AS d(day)
		CROSS JOIN LATERAL (` + listExtractOn("d.day") + `) ext
		JOIN practice_spans m ON m.valid_from <= d.day AND (m.valid_to IS NULL OR d.day < m.valid_to)
		JOIN practices pr ON pr.code = m.practice_code
		LEFT JOIN icbs i ON i.code = m.icb_code
		LEFT JOIN practice_patients pp ON pp.practice_code = m.practice_code AND pp.extract = ext.day
		     AND pp.sex = 'ALL' AND pp.age_band = 'ALL'
		WHERE $1::text[] IS NULL OR m.pcn_code = ANY($1)
		ORDER BY d.day, m.pcn_code, pr.code`, []any{pcns, days, LondonRegion},
		collectInto(out, func(r pgx.CollectableRow) (PracticeList, error) {
			var x PracticeList
			var patients *int32
			err := r.Scan(&x.Day, &x.Code, &x.Name, &x.PCNCode, &x.ICBCode, &x.London, &patients, &x.Extract)
			if patients != nil {
				x.Patients, x.PatientsKnown = int(*patients), true
			}
			x.Extract = orZero(x.Extract)
			return x, err
		})}
}

// The funding streams' reference data, loaded by LoadReference (`arrs seed reference`):
// insert-if-missing, as the caps, so that a figure an admin changed stays changed.

func (db *DB) insertRoleShares(ctx context.Context, ref *refdata.Reference) error {
	return insertEach(ctx, db, `INSERT INTO role_shares (role_code, effective_from, share) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
		ref.RoleShares, func(s workforce.RoleShare) []any { return []any{s.RoleCode, s.EffectiveFrom, s.Share} })
}

func (db *DB) insertPracticeGPRates(ctx context.Context, ref *refdata.Reference) error {
	return insertEach(ctx, db, `INSERT INTO practice_gp_rates (financial_year, rate_gbp) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
		ref.PracticeGPRates, func(r workforce.FundingRate) []any { return []any{r.FinancialYear, r.RateGBP} })
}

func (db *DB) insertPracticeGPCaps(ctx context.Context, ref *refdata.Reference) error {
	return insertEach(ctx, db, `INSERT INTO practice_gp_caps (effective_from, london, cap_pence) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
		ref.PracticeGPCaps, func(c workforce.PracticeGPCap) []any { return []any{c.EffectiveFrom, c.London, c.Pence} })
}

// insertEach runs an insert for each row, with the row's arguments.
func insertEach[T any](ctx context.Context, db *DB, sql string, rows []T, args func(T) []any) error {
	for _, r := range rows {
		if _, err := db.q.Exec(ctx, sql, args(r)...); err != nil {
			return err
		}
	}
	return nil
}
