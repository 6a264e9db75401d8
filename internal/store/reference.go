package store

import (
	"context"
	"time"

	"github.com/arrs-planner/arrs/internal/refdata"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// LoadReference writes the reference data, idempotently. The published organisations
// and the national series are upserted (NHS England's files are the authority); roles,
// caps, the NWRS mapping, funding rates and targets are only inserted when missing,
// so that values an admin has edited survive a re-seed. Data loaded before (by its
// hash, ref.SHA256) is skipped without a write, so that a second seed changes nothing,
// not even the data version that keys the pages' caches. It writes no audit entry: the
// data is NHS England's published files, loaded by `arrs seed` on every run.
func (db *DB) LoadReference(ctx context.Context, ref *refdata.Reference) (err error) {
	defer wrap(&err, "load reference data")
	return db.InTx(ctx, func(tx *DB) error {
		if done, err := tx.orgImported(ctx, referenceKind, ref.SHA256); done || err != nil {
			return err
		}
		steps := []func(context.Context, *refdata.Reference) error{
			tx.upsertRegions, tx.upsertICBs, tx.upsertSubICBs, tx.upsertPCNs,
			tx.insertRoles, tx.insertRoleMap, tx.insertCaps, tx.insertBandCaps, tx.insertRates,
			tx.insertTargets, tx.upsertSeries,
			tx.insertRoleShares, tx.insertPracticeGPRates, tx.insertPracticeGPCaps, // fundingstreams.go
			tx.insertNeedReference, // needref.go
		}
		for _, step := range steps {
			if err := step(ctx, ref); err != nil {
				return err
			}
		}
		if ref.SHA256 == "" {
			return nil
		}
		return tx.recordOrgImport(ctx, referenceKind, "refdata", ref.SHA256, time.Time{}, len(ref.PCNs), Actor{Name: "cli:arrs seed"})
	})
}

// referenceKind is the org_imports kind of a reference data load.
const referenceKind = "reference"

// orgImported reports whether data of this kind and hash was loaded before, holding
// the lock recordOrgImport takes so that two loads cannot both find it new. An empty
// hash was never loaded.
func (db *DB) orgImported(ctx context.Context, kind, sha string) (bool, error) {
	if sha == "" {
		return false, nil
	}
	if _, err := db.q.Exec(ctx, `LOCK TABLE org_imports IN EXCLUSIVE MODE`); err != nil {
		return false, err
	}
	var done bool
	err := db.q.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM org_imports WHERE kind = $1 AND sha256 = $2)`, kind, sha).Scan(&done)
	return done, err
}

// noChangeLoaded is the SQL condition "no organisations change has been loaded": the
// reference lists describe November 2025, and once a later change has renamed an ICB
// or sub-ICB location (or given it a new ONS code), a re-load of the lists must not
// put the old values back.
const noChangeLoaded = `NOT EXISTS (SELECT 1 FROM org_imports WHERE kind = 'organisations')`

func (db *DB) upsertRegions(ctx context.Context, ref *refdata.Reference) error {
	var code, ons, name []string
	for _, r := range ref.Regions {
		code, ons, name = append(code, r.Code), append(ons, r.ONSCode), append(name, r.Name)
	}
	_, err := db.q.Exec(ctx, `
		INSERT INTO regions (code, ons_code, name)
		SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
		ON CONFLICT (code) DO UPDATE SET ons_code = excluded.ons_code, name = excluded.name
		WHERE (regions.ons_code, regions.name) IS DISTINCT FROM (excluded.ons_code, excluded.name)`,
		code, ons, name)
	return err
}

func (db *DB) upsertICBs(ctx context.Context, ref *refdata.Reference) error {
	var code, ons, name, region []string
	for _, i := range ref.ICBs {
		code, ons, name, region = append(code, i.Code), append(ons, i.ONSCode), append(name, i.Name), append(region, i.RegionCode)
	}
	_, err := db.q.Exec(ctx, `
		INSERT INTO icbs (code, ons_code, name, region_code)
		SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
		ON CONFLICT (code) DO UPDATE SET ons_code = excluded.ons_code, name = excluded.name, region_code = excluded.region_code
		WHERE (icbs.ons_code, icbs.name, icbs.region_code) IS DISTINCT FROM (excluded.ons_code, excluded.name, excluded.region_code)
		  AND `+noChangeLoaded,
		code, ons, name, region)
	return err
}

// upsertSubICBs writes the published sub-ICB locations, each in its ICB from the start
// of the known structure (workforce.HierarchyStart) until the first change recorded;
// a correction of the lists moves the practices of a location with it.
func (db *DB) upsertSubICBs(ctx context.Context, ref *refdata.Reference) error {
	var code, ons, name []string
	places := make([]place, 0, len(ref.SubICBs))
	for _, s := range ref.SubICBs {
		code, ons, name = append(code, s.Code), append(ons, s.ONSCode), append(name, s.Name)
		places = append(places, place{key: s.Code, values: []string{s.ICBCode}})
	}
	_, err := db.q.Exec(ctx, `
		INSERT INTO sub_icbs (code, ons_code, name)
		SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
		ON CONFLICT (code) DO UPDATE SET ons_code = excluded.ons_code, name = excluded.name
		WHERE (sub_icbs.ons_code, sub_icbs.name) IS DISTINCT FROM (excluded.ons_code, excluded.name)
		  AND `+noChangeLoaded,
		code, ons, name)
	if err != nil {
		return err
	}
	_, err = db.placeSubICBs(ctx, workforce.HierarchyStart, "reference", places)
	return err
}

// upsertPCNs writes the published PCN list, each PCN in its place from the start of the
// known structure until the first change recorded.
func (db *DB) upsertPCNs(ctx context.Context, ref *refdata.Reference) error {
	var code, name []string
	var practices, patients []int32
	var listDate []time.Time
	places := make([]place, 0, len(ref.PCNs))
	for _, p := range ref.PCNs {
		code, name = append(code, p.Code), append(name, p.Name)
		practices, patients = append(practices, int32(p.MemberPractices)), append(patients, int32(p.RegisteredPatients))
		listDate = append(listDate, p.ListSizeDate)
		places = append(places, place{key: p.Code, values: []string{p.SubICBCode, p.ICBCode}})
	}
	_, err := db.q.Exec(ctx, `
		INSERT INTO pcns (code, name, member_practices, registered_patients, list_size_date, origin)
		SELECT c, n, mp, rp, d, 'reference'
		FROM unnest($1::text[], $2::text[], $3::int[], $4::int[], $5::date[]) AS u(c, n, mp, rp, d)
		ON CONFLICT (code) DO UPDATE SET name = excluded.name, member_practices = excluded.member_practices,
			registered_patients = excluded.registered_patients, list_size_date = excluded.list_size_date, origin = 'reference'
		WHERE (pcns.name, pcns.member_practices, pcns.registered_patients, pcns.list_size_date, pcns.origin)
			IS DISTINCT FROM (excluded.name, excluded.member_practices, excluded.registered_patients, excluded.list_size_date, 'reference')`,
		code, name, practices, patients, listDate)
	if err != nil {
		return err
	}
	_, err = db.placeFrom(ctx, pcnSpans, workforce.HierarchyStart, "reference", places)
	return err
}

func (db *DB) insertRoles(ctx context.Context, ref *refdata.Reference) error {
	for _, r := range ref.Roles {
		_, err := db.q.Exec(ctx, `
			INSERT INTO roles (code, name, added, band, needs_supervision, trainee, room_sessions_per_wte,
				attrition_rate, number_limit, summary, entry_requirements, supervision, sort_order)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
			ON CONFLICT (code) DO NOTHING`,
			r.Code, r.Name, r.Added, r.Band, r.NeedsSupervision, r.Trainee, r.RoomSessionsPerWTE,
			r.AttritionRate, r.NumberLimit, r.Summary, r.EntryRequirements, r.Supervision, r.SortOrder)
		if err != nil {
			return err
		}
	}
	return nil
}

func (db *DB) insertRoleMap(ctx context.Context, ref *refdata.Reference) error {
	for staffRole, code := range ref.NWRSRoleMap {
		if _, err := db.q.Exec(ctx, `INSERT INTO nwrs_role_map (staff_role, role_code) VALUES ($1, $2) ON CONFLICT DO NOTHING`, staffRole, code); err != nil {
			return err
		}
	}
	return nil
}

func (db *DB) insertCaps(ctx context.Context, ref *refdata.Reference) error {
	for _, c := range ref.Caps {
		_, err := db.q.Exec(ctx, `
			INSERT INTO role_caps (role_code, variant, effective_from, cap_pence, provisional)
			VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
			c.RoleCode, c.Variant, c.EffectiveFrom, c.Pence, c.Provisional)
		if err != nil {
			return err
		}
	}
	return nil
}

func (db *DB) insertRates(ctx context.Context, ref *refdata.Reference) error {
	for _, r := range ref.FundingRates {
		_, err := db.q.Exec(ctx, `
			INSERT INTO funding_rates (financial_year, starts, rate_gbp) VALUES ($1, $2, $3)
			ON CONFLICT DO NOTHING`, r.FinancialYear, r.Starts, r.RateGBP)
		if err != nil {
			return err
		}
	}
	return nil
}

func (db *DB) insertTargets(ctx context.Context, ref *refdata.Reference) error {
	for _, t := range ref.Targets {
		var id int64
		err := db.q.QueryRow(ctx, `
			INSERT INTO targets (name, fte, baseline, deadline, is_default)
			VALUES ($1, $2, $3, $4, $5 AND NOT EXISTS (SELECT 1 FROM targets WHERE is_default))
			ON CONFLICT (name) DO NOTHING RETURNING id`,
			t.Name, t.FTE, t.Baseline, t.Deadline, t.IsDefault).Scan(&id)
		if mapErr(err) == ErrNotFound {
			continue // already there: leave it as an admin may have edited it
		}
		if err != nil {
			return err
		}
		if err := db.insertMilestones(ctx, id, t.Milestones); err != nil {
			return err
		}
	}
	return nil
}

func (db *DB) insertMilestones(ctx context.Context, targetID int64, ms []workforce.Milestone) error {
	for _, m := range ms {
		if _, err := db.q.Exec(ctx, `INSERT INTO target_milestones (target_id, due, fte, label) VALUES ($1, $2, $3, $4)`,
			targetID, m.Due, m.FTE, m.Label); err != nil {
			return err
		}
	}
	return nil
}

func (db *DB) upsertSeries(ctx context.Context, ref *refdata.Reference) error {
	var month []time.Time
	var group, role []string
	var fte []float64
	for _, p := range ref.Series {
		month, group, role, fte = append(month, p.Month), append(group, p.StaffGroup), append(role, p.StaffRole), append(fte, p.FTE)
	}
	_, err := db.q.Exec(ctx, `
		INSERT INTO national_series (month, staff_group, staff_role, fte)
		SELECT * FROM unnest($1::date[], $2::text[], $3::text[], $4::numeric[])
		ON CONFLICT (month, staff_group, staff_role) DO UPDATE SET fte = excluded.fte
		WHERE national_series.fte IS DISTINCT FROM excluded.fte`,
		month, group, role, fte)
	return err
}
